using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor;

/// <summary>The area's threshold document as people read it: the current edition and the history of editions.</summary>
public sealed record ThresholdView(
    int Edition,
    DateTimeOffset PublishedAt,
    string? PublishedBy,
    string? ChangeNote,
    IReadOnlyList<ThresholdLevelGuide> Levels,
    IReadOnlyList<EditionSummary> History,
    bool MayEdit);

public sealed record EditionSummary(int Edition, DateTimeOffset PublishedAt, string? PublishedBy, string? ChangeNote);

/// <summary>The area's current threshold document: its newest edition, or the default one written the first time it is asked for.</summary>
public sealed class ThresholdDocuments(CairnDbContext db, TimeProvider clock)
{
    public async Task<ThresholdDocument> CurrentAsync(AreaId area, CancellationToken cancellationToken)
    {
        if (await LatestAsync(area, cancellationToken) is { } latest)
        {
            return latest;
        }

        var first = ThresholdDocument.Default(area, clock.GetUtcNow());
        db.ThresholdDocuments.Add(first);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request wrote the first edition at the same moment: read theirs.
            db.Entry(first).State = EntityState.Detached;
        }

        return await LatestAsync(area, cancellationToken) ?? first;
    }

    public async Task<IReadOnlyList<ThresholdDocument>> EditionsAsync(AreaId area, CancellationToken cancellationToken) =>
        await db.ThresholdDocuments.AsNoTracking().Where(d => d.AreaId == area).OrderByDescending(d => d.Edition).ToListAsync(cancellationToken);

    /// <summary>The current edition and the history, with who published each.</summary>
    public async Task<ThresholdView> ViewAsync(AreaId area, bool mayEdit, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(area, cancellationToken);
        var editions = await EditionsAsync(area, cancellationToken);
        var ids = editions.Select(e => e.PublishedBy).OfType<ProfessionalId>().Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        string? Name(ProfessionalId? p) => p is { } x ? names.GetValueOrDefault(x) : null;
        return new ThresholdView(current.Edition, current.PublishedAt, Name(current.PublishedBy), current.ChangeNote, current.Levels,
            editions.Select(e => new EditionSummary(e.Edition, e.PublishedAt, Name(e.PublishedBy), e.ChangeNote)).ToList(), mayEdit);
    }

    private Task<ThresholdDocument?> LatestAsync(AreaId area, CancellationToken cancellationToken) =>
        db.ThresholdDocuments.AsNoTracking().Where(d => d.AreaId == area).OrderByDescending(d => d.Edition).FirstOrDefaultAsync(cancellationToken);
}
