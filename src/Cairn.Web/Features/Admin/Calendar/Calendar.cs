using Cairn.Domain.Time;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Admin.Calendar;

/// <summary>The bank holidays the clocks use this year and next, and the announced departures from the rules.</summary>
public sealed record CalendarView(
    IReadOnlyList<CalendarDay> Holidays, IReadOnlyList<CalendarDay> Adjustments, TimeOnly Opens, TimeOnly Closes);

/// <summary>
/// The working calendar as an administrator sees it: the bank holidays of this year and next and the days recorded here.
/// A newly proclaimed day is added by the AddBankHoliday slice (L02).
/// </summary>
public sealed class CalendarHandler(CairnDbContext db, WorkingCalendarSource calendars, TimeProvider clock)
{
    public async Task<CalendarView> HandleAsync(CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var year = clock.GetUtcNow().InLondon().Year;
        var adjustments = await db.CalendarAdjustments.AsNoTracking().OrderByDescending(a => a.Date).ToListAsync(cancellationToken);
        var rules = new BankHolidayRules(adjustments.Select(a => a.ToRule()));
        var holidays = rules.ForYear(year).Concat(rules.ForYear(year + 1))
            .Select(h => new CalendarDay(h.Date, h.Name, adjustments.Any(a => a.Date == h.Date)))
            .ToList();
        return new CalendarView(holidays, adjustments.Select(a => new CalendarDay(a.Date, a.Name ?? "Moved bank holiday", true)).ToList(),
            calendar.Hours.Start, calendar.Hours.End);
    }
}
