using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cairn.Domain;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Admin.AddBankHoliday;

public sealed record AddBankHolidayCommand
{
    [Required]
    public DateOnly? Date { get; init; }

    [StringLength(100)]
    public string? Name { get; init; }
}

/// <summary>
/// Lets an administrator add a newly proclaimed bank holiday (a coronation, a state funeral) as data, without a
/// release (L02). Every working-day clock reads the calendar afresh once it changes. Days are added, not deleted:
/// due times already given out were computed with them.
/// </summary>
public sealed class AddBankHolidayHandler(CairnDbContext db, WorkingCalendarSource calendars, AuditLog audit, TimeProvider clock)
{
    public async Task<Handled<CalendarDay>> HandleAsync(AddBankHolidayCommand command, CancellationToken cancellationToken)
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
        else if (Plausible.TooFarAhead(date, clock.GetUtcNow().InLondon(), Plausible.CalendarYearsAhead, "The date") is { } tooFar)
        {
            errors.Add(new("Date", tooFar));
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
        audit.Record("calendar.add-bank-holiday", null, "calendar", null, detail: day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        calendars.Invalidate();
        return new CalendarDay(day.Date, day.Name, true);
    }
}
