using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor.Threshold;

public sealed record ThresholdView(int Edition, DateTimeOffset PublishedAt, string? PublishedBy, string? ChangeNote, IReadOnlyList<ThresholdLevelGuide> Levels,
    IReadOnlyList<EditionSummary> History, bool MayEdit);

public sealed record EditionSummary(int Edition, DateTimeOffset PublishedAt, string? PublishedBy, string? ChangeNote);

public sealed record ReviseLevelCommand
{
    [StringLength(ThresholdDocument.MaxDescriptorLength)]
    public string? Descriptor { get; init; }

    /// <summary>One indicator a line; a line may end with a cause for concern in brackets, e.g. "[Neglect]".</summary>
    [StringLength(ThresholdDocument.MaxIndicatorsPerLevel * (ThresholdDocument.MaxIndicatorLength + 40))]
    public string? Indicators { get; init; }

    [StringLength(2000)]
    public string? ChangeNote { get; init; }

    /// <summary>The edition the change is based on: a change to an older edition is refused (409).</summary>
    [Required]
    public int? Edition { get; init; }
}

/// <summary>
/// The area's threshold document (L15). Everyone can read it; safeguarding leads and administrators publish new editions.
/// Old editions are kept, and decisions keep the indicators they cited.
/// </summary>
public sealed class ThresholdHandler(CairnDbContext db, ThresholdDocuments documents, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public bool MayEdit => user.Has(Role.SafeguardingLead) || user.Has(Role.Administrator);

    public async Task<ThresholdView> ViewAsync(CancellationToken cancellationToken)
    {
        var current = await documents.CurrentAsync(user.AreaId, cancellationToken);
        var editions = await documents.EditionsAsync(user.AreaId, cancellationToken);
        var ids = editions.Select(e => e.PublishedBy).OfType<ProfessionalId>().Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        string? Name(ProfessionalId? p) => p is { } x ? names.GetValueOrDefault(x) : null;
        return new ThresholdView(current.Edition, current.PublishedAt, Name(current.PublishedBy), current.ChangeNote, current.Levels,
            editions.Select(e => new EditionSummary(e.Edition, e.PublishedAt, Name(e.PublishedBy), e.ChangeNote)).ToList(), MayEdit);
    }

    public async Task<Outcome<ThresholdView>> ReviseAsync(ThresholdLevel level, ReviseLevelCommand command, CancellationToken cancellationToken)
    {
        if (!MayEdit)
        {
            return Refusal.Of("Descriptor", "Only a safeguarding lead or an administrator can change the threshold document");
        }

        var current = await documents.CurrentAsync(user.AreaId, cancellationToken);
        var everUsed = (await documents.EditionsAsync(user.AreaId, cancellationToken)).SelectMany(e => e.Levels).SelectMany(l => l.Indicators).Select(i => i.Code);
        var revised = current.Revise(level, command.Descriptor, command.Indicators, command.ChangeNote, command.Edition ?? -1, user.ProfessionalId, clock.GetUtcNow(), everUsed);
        if (revised.Refusal is { } refusal)
        {
            return refusal;
        }

        db.ThresholdDocuments.Add(revised.Value!);
        audit.Record("threshold.publish", null, "threshold-document", revised.Value!.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone published the same edition number a moment earlier (the unique index): theirs stands.
            return Refusal.Of("Edition", "Someone else published a new edition while you were editing. Reload the page to see it, then make your change again.");
        }

        return Outcome<ThresholdView>.Success(await ViewAsync(cancellationToken));
    }
}
