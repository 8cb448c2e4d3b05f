using Cairn.Domain.Agencies;
using Cairn.Domain.Escalation;
using Cairn.Domain.Shares;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.EmergencyDuty;

/// <summary>What one urgency does out of hours.</summary>
/// <param name="GoesToEmergencyDuty">Sent or received out of hours, or still open at the close of the day: to the Emergency Duty Team.</param>
public sealed record UrgencyRule(Urgency Urgency, bool GoesToEmergencyDuty);

/// <summary>An area's out-of-hours rules as the administration page and the API show them (L02).</summary>
public sealed record OutOfHoursRulesView(
    IReadOnlyList<UrgencyRule> Urgencies,
    int AcknowledgeMinutes,
    int OnCallMinutes,
    bool IsDefault,
    DateTimeOffset? UpdatedAt,
    int Version,
    bool MayChange);

/// <summary>Reading the rules, and who may change them: safeguarding leads and administrators.</summary>
public static class OutOfHoursRulesViews
{
    public static bool MayChange(this CurrentUser user) => user.Has(Role.SafeguardingLead) || user.Has(Role.Administrator);

    public static async Task<OutOfHoursRulesView> OutOfHoursRulesOfAsync(this CairnDbContext db, CurrentUser user,
        CancellationToken cancellationToken)
    {
        var row = await db.OutOfHoursRules.AsNoTracking().SingleOrDefaultAsync(r => r.AreaId == user.AreaId, cancellationToken);
        var rules = row?.ToRules() ?? OutOfHoursRules.Default;
        return new OutOfHoursRulesView(
            Enum.GetValues<Urgency>().Select(u => new UrgencyRule(u, rules.IsUrgent(u))).ToList(),
            (int)rules.AcknowledgeWithin.TotalMinutes,
            (int)rules.OnCallAfter.TotalMinutes,
            row is null,
            row?.UpdatedAt,
            row?.Version ?? 0,
            user.MayChange());
    }
}
