using Cairn.Domain;
using Cairn.Domain.Missing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cairn.Web.Data;

internal sealed class MissingEpisodeConfiguration : IEntityTypeConfiguration<MissingEpisode>
{
    public void Configure(EntityTypeBuilder<MissingEpisode> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.ReportedBy).HasMaxLength(MissingEpisode.MaxShortTextLength);
        b.Property(x => x.WhereFound).HasMaxLength(MissingEpisode.MaxShortTextLength);
        b.Property(x => x.InterviewOfferedBy).HasMaxLength(MissingEpisode.MaxShortTextLength);
        b.Property(x => x.Context).HasMaxLength(MissingEpisode.MaxContextLength);
        b.Property(x => x.InterviewSummary).HasMaxLength(MissingEpisode.MaxContextLength);
        b.Ignore(x => x.Escalation);
        b.Ignore(x => x.IsMissing);
        b.HasIndex(x => new { x.ChildId, x.StartedAt });
        // The sweep reads the interviews due to escalate.
        b.HasIndex(x => x.NextEscalationAt);
    }
}

/// <summary>A period a child spent somewhere (a placement), London dates inclusive, no end while it lasts.</summary>
public sealed record PlacedPeriod(PersonId ChildId, DateOnly From, DateOnly? To);

/// <summary>Counts of missing episodes (L43): a child's in the last 12 months and now, and those during periods spent in a setting.</summary>
public static class MissingEpisodeCounts
{
    /// <summary>The child's episodes in the 12 months to <paramref name="now"/>, and the one they are missing in now, if any.</summary>
    public static async Task<MissingCounts> ForChildAsync(CairnDbContext db, PersonId child, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var since = now.AddMonths(-12);
        var episodes = await db.MissingEpisodes.AsNoTracking().Where(e => e.ChildId == child && (e.StartedAt >= since || e.EndedAt == null))
            .Select(e => new { e.Id, e.StartedAt, e.EndedAt }).ToListAsync(cancellationToken);
        return MissingCounts.Of(episodes.Select(e => (e.Id, e.StartedAt, e.EndedAt)), now);
    }

    /// <summary>
    /// For each period, how many episodes the child started while there (by the London date): the placement page's count per
    /// setting is the sum over the periods children spent in it. One query for all the periods' children.
    /// </summary>
    public static async Task<IReadOnlyList<int>> DuringAsync(CairnDbContext db, IReadOnlyList<PlacedPeriod> periods,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            return [];
        }

        var children = periods.Select(p => p.ChildId).Distinct().ToList();
        var starts = (await db.MissingEpisodes.AsNoTracking().Where(e => children.Contains(e.ChildId)).Select(e => new { e.ChildId, e.StartedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.ChildId, e => e.StartedAt);
        return periods.Select(p => starts[p.ChildId].Count(s => MissingCounts.During(s, p.From, p.To))).ToList();
    }
}
