using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Admin.Calendar;

public sealed record AddBankHolidayCommand
{
    [Required]
    public DateOnly? Date { get; init; }

    [StringLength(100)]
    public string? Name { get; init; }
}

public sealed record CalendarDay(DateOnly Date, string Name, bool Adjustment);

/// <summary>The bank holidays the clocks use this year and next, and the announced departures from the rules.</summary>
public sealed record CalendarView(IReadOnlyList<CalendarDay> Holidays, IReadOnlyList<CalendarDay> Adjustments, TimeOnly Opens, TimeOnly Closes);

/// <summary>
/// Lets an administrator add a newly proclaimed bank holiday (a coronation, a state funeral) as data, without a
/// release (L02). Every working-day clock reads the calendar afresh once it changes. Days are added, not deleted:
/// due times already given out were computed with them.
/// </summary>
public sealed class CalendarHandler(CairnDbContext db, WorkingCalendarSource calendars, AuditLog audit, TimeProvider clock)
{
    public async Task<CalendarView> HandleAsync(CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var year = clock.GetUtcNow().InLondon().Year;
        var adjustments = await db.CalendarAdjustments.AsNoTracking().OrderByDescending(a => a.Date).ToListAsync(cancellationToken);
        var rules = new BankHolidayRules(adjustments.Select(a => a.ToRule()));
        var holidays = rules.ForYear(year).Concat(rules.ForYear(year + 1)).Select(h => new CalendarDay(h.Date, h.Name, adjustments.Any(a => a.Date == h.Date))).ToList();
        return new CalendarView(holidays, adjustments.Select(a => new CalendarDay(a.Date, a.Name ?? "Moved bank holiday", true)).ToList(),
            calendar.Hours.Start, calendar.Hours.End);
    }

    public async Task<Outcome<CalendarDay>> AddAsync(AddBankHolidayCommand command, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (command.Date is not { } date)
        {
            errors.Add(new("Date", "Enter the date of the bank holiday"));
        }
        else if (date < clock.GetUtcNow().InLondon())
        {
            errors.Add(new("Date", "The date must be today or in the future: past clocks have already been worked out"));
        }
        else if (await db.CalendarAdjustments.AnyAsync(a => a.Date == date, cancellationToken)
                 || new BankHolidayRules(EnglandAndWales.KnownAdjustments).ForYear(date.Year).Any(h => h.Date == date))
        {
            errors.Add(new("Date", "That day is already a bank holiday"));
        }

        if (string.IsNullOrWhiteSpace(command.Name))
        {
            errors.Add(new("Name", "Enter the name of the bank holiday as proclaimed"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var day = new CalendarAdjustment { Kind = BankHolidayAdjustmentKind.Additional, Date = command.Date!.Value, Name = command.Name!.Trim() };
        db.CalendarAdjustments.Add(day);
        audit.Record("calendar.add-bank-holiday", null, "calendar", null, detail: day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        calendars.Invalidate();
        return Outcome<CalendarDay>.Success(new CalendarDay(day.Date, day.Name, true));
    }
}
