using Cairn.Domain.Casework;
using Cairn.Domain.Meetings;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Compliance;

/// <summary>
/// One month of due dates: statutory meetings due that month that were held on or before their due date, and those held late or
/// still not held; assessments due that month authorised by the close of their due date, and those authorised late or still not.
/// A step whose due date has not come and that is not yet done is counted in neither.
/// </summary>
public sealed record OnTimeMonth(int Year, int Month, int MeetingsOnTime, int MeetingsLate, int AssessmentsOnTime, int AssessmentsLate)
{
    public int? MeetingsPercent => Percent(MeetingsOnTime, MeetingsLate);

    public int? AssessmentsPercent => Percent(AssessmentsOnTime, AssessmentsLate);

    public string Label => new DateOnly(Year, Month, 1).ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private static int? Percent(int onTime, int late) => onTime + late == 0 ? null : (int)Math.Round(onTime * 100.0 / (onTime + late));
}

/// <summary>On-time rates by month of due date for the last 12 months (this month included), in a compliance scope.</summary>
public sealed record OnTimeRates(string Scope, IReadOnlyList<OnTimeMonth> Months);

/// <summary>
/// Counts on-time and late statutory meetings and assessments by month of due date, grouped in the database (a row per month and
/// kind of outcome comes back, never the steps themselves). The area's rates, when they count at least
/// <see cref="ComplianceCounts.LargeCount"/> steps, are kept for a minute (<see cref="ComplianceCounts"/>).
/// </summary>
public sealed class OnTimeRatesHandler(CairnDbContext db, TimeProvider clock, CurrentUser user, ComplianceCounts kept)
{
    public const int Months = 12;

    private static readonly MeetingKind[] Statutory = MeetingTypes.All.Where(t => t.Statutory).Select(t => t.Kind).ToArray();

    public async Task<OnTimeRates> HandleAsync(ComplianceScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var today = clock.Today();
        if (scope.Reach == ComplianceReach.Area)
        {
            if (kept.FindRates(user.AreaId, today, clock.GetUtcNow()) is { } found)
            {
                return found;
            }

            var rates = await CountAsync(scope, today, cancellationToken);
            if (rates.Months.Sum(m => m.MeetingsOnTime + m.MeetingsLate + m.AssessmentsOnTime + m.AssessmentsLate) >= ComplianceCounts.LargeCount)
            {
                kept.KeepRates(user.AreaId, today, rates, clock.GetUtcNow());
            }

            return rates;
        }

        return await CountAsync(scope, today, cancellationToken);
    }

    private async Task<OnTimeRates> CountAsync(ComplianceScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - Months);
        var to = from.AddMonths(Months).AddDays(-1);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.DueOn >= from && m.DueOn <= to && Statutory.Contains(m.Kind)
                        && (m.Status == MeetingStatus.Held || (m.Status == MeetingStatus.Scheduled && m.DueOn < today)))
            .Where(scope.Over<Meeting>(m => m.ChildId, m => m.OwnerId))
            .GroupBy(m => new { m.DueOn!.Value.Year, m.DueOn.Value.Month, OnTime = m.Status == MeetingStatus.Held && m.HeldOn <= m.DueOn })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.OnTime, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.DueOn >= from && a.DueOn <= to && (a.Status == AssessmentStatus.Authorised || a.DueOn < today))
            .Where(scope.Over<Assessment>(a => a.ChildId, a => a.LeadId))
            .GroupBy(a => new
            {
                a.DueOn!.Value.Year,
                a.DueOn.Value.Month,
                OnTime = a.Status == AssessmentStatus.Authorised && a.AuthorisedAt <= a.DueAt,
            })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.OnTime, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var months = Enumerable.Range(0, Months).Select(i => from.AddMonths(i)).Select(m => new OnTimeMonth(m.Year, m.Month,
                meetings.Where(x => x.Year == m.Year && x.Month == m.Month && x.OnTime).Sum(x => x.Count),
                meetings.Where(x => x.Year == m.Year && x.Month == m.Month && !x.OnTime).Sum(x => x.Count),
                assessments.Where(x => x.Year == m.Year && x.Month == m.Month && x.OnTime).Sum(x => x.Count),
                assessments.Where(x => x.Year == m.Year && x.Month == m.Month && !x.OnTime).Sum(x => x.Count)))
            .ToList();
        return new OnTimeRates(scope.Name, months);
    }
}
