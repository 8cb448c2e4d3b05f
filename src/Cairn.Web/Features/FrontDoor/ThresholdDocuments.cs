using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor;

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

    private Task<ThresholdDocument?> LatestAsync(AreaId area, CancellationToken cancellationToken) =>
        db.ThresholdDocuments.AsNoTracking().Where(d => d.AreaId == area).OrderByDescending(d => d.Edition).FirstOrDefaultAsync(cancellationToken);
}
