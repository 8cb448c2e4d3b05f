using Cairn.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Data;

/// <summary>Working hours in Europe/London, from configuration (<c>Cairn:WorkingHours:Start</c> and <c>End</c>).</summary>
public sealed class WorkingHoursOptions
{
    public TimeOnly Start { get; set; } = new(9, 0);
    public TimeOnly End { get; set; } = new(17, 0);
}

/// <summary>
/// The working-day calendar every clock uses: England and Wales bank holidays by rule, with the departures an
/// administrator keeps in the database, and the configured working hours. Built once and kept until the
/// departures change.
/// </summary>
public sealed class WorkingCalendarSource(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<WorkingHoursOptions> hours) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WorkingCalendar? _calendar;

    public async Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken)
    {
        if (_calendar is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_calendar is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
                var adjustments = await db.CalendarAdjustments.AsNoTracking().ToListAsync(cancellationToken);
                _calendar = new WorkingCalendar(new BankHolidayRules(adjustments.Select(a => a.ToRule())),
                    new WorkingHours(hours.Value.Start, hours.Value.End));
            }

            return _calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Called after an administrator changes the departures: the next clock reads them afresh.</summary>
    public void Invalidate() => _calendar = null;

    public void Dispose() => _gate.Dispose();
}
