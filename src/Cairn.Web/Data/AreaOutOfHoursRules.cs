using Cairn.Domain;
using Cairn.Domain.Escalation;
using Cairn.Domain.Shares;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cairn.Web.Data;

/// <summary>
/// One area's out-of-hours rules (L02): which urgencies go to the Emergency Duty Team, and its acknowledgement clock. Set
/// on the administration pages; no row means <see cref="OutOfHoursRules.Default"/>. The rules apply to shares and contacts
/// as they arrive: an item keeps the urgency rule it arrived under.
/// </summary>
public sealed class AreaOutOfHoursRules
{
    public AreaId AreaId { get; set; }

    /// <summary>The urgent urgencies, one bit per <see cref="Urgency"/> value (1 &lt;&lt; value).</summary>
    public int UrgentMask { get; set; }
    public int AcknowledgeMinutes { get; set; }
    public int OnCallMinutes { get; set; }
    public ProfessionalId? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Two administrators saving at once: the second is refused rather than silently overwriting the first.</summary>
    public int Version { get; set; }

    public OutOfHoursRules ToRules() => new(
        Enum.GetValues<Urgency>().Where(u => (UrgentMask & (1 << (int)u)) != 0).ToHashSet(),
        TimeSpan.FromMinutes(AcknowledgeMinutes),
        TimeSpan.FromMinutes(OnCallMinutes));

    public void Set(OutOfHoursRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        UrgentMask = rules.Urgent.Aggregate(0, (mask, u) => mask | (1 << (int)u));
        AcknowledgeMinutes = (int)rules.AcknowledgeWithin.TotalMinutes;
        OnCallMinutes = (int)rules.OnCallAfter.TotalMinutes;
    }

    /// <summary>The rules for one area: its own, or the defaults.</summary>
    public static async Task<OutOfHoursRules> ForAreaAsync(CairnDbContext db, AreaId area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.OutOfHoursRules.AsNoTracking().FirstOrDefaultAsync(r => r.AreaId == area, cancellationToken);
        return row?.ToRules() ?? OutOfHoursRules.Default;
    }

    /// <summary>The rules of the area an agency is in: a share follows the rules of the area it is sent to.</summary>
    public static async Task<OutOfHoursRules> ForAgencyAsync(CairnDbContext db, AgencyId agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.OutOfHoursRules.AsNoTracking()
            .Where(r => db.Agencies.Any(a => a.Id == agency && a.AreaId == r.AreaId))
            .FirstOrDefaultAsync(cancellationToken);
        return row?.ToRules() ?? OutOfHoursRules.Default;
    }

    /// <summary>Every area's own rules, for the sweep; an area not listed has the defaults.</summary>
    public static async Task<Dictionary<AreaId, OutOfHoursRules>> AllAsync(CairnDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.OutOfHoursRules.AsNoTracking().ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.AreaId, r => r.ToRules());
    }
}

internal sealed class AreaOutOfHoursRulesConfiguration : IEntityTypeConfiguration<AreaOutOfHoursRules>
{
    public void Configure(EntityTypeBuilder<AreaOutOfHoursRules> b)
    {
        b.ToTable("OutOfHoursRules");
        b.HasKey(x => x.AreaId);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
