namespace Cairn.Domain.Time;

/// <summary>
/// The local wall-clock hours of a working day, half-open: <see cref="Start"/> is inside, <see cref="End"/>
/// is not. A working day never crosses midnight.
/// </summary>
public sealed record WorkingHours
{
    public WorkingHours(TimeOnly start, TimeOnly end)
    {
        if (end <= start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, "Working hours must end after they start, on the same day.");
        }

        Start = start;
        End = end;
    }

    /// <summary>09:00 to 17:00.</summary>
    public static WorkingHours Default { get; } = new(new TimeOnly(9, 0), new TimeOnly(17, 0));

    public TimeOnly Start { get; }

    public TimeOnly End { get; }
}
