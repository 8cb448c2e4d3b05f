namespace Cairn.Domain.Time;

public enum BankHolidayAdjustmentKind
{
    /// <summary>A one-off extra day, such as a coronation or a state funeral.</summary>
    Additional,

    /// <summary>A standing-rule holiday observed on a different day that year.</summary>
    Moved,
}

/// <summary>
/// One announced departure from the standing bank-holiday rules. Kept as data, not code, so an
/// administrator can record a newly proclaimed day without a release.
/// </summary>
public sealed record BankHolidayAdjustment
{
    private BankHolidayAdjustment(BankHolidayAdjustmentKind kind, DateOnly date, DateOnly? movedFrom, string? name)
    {
        Kind = kind;
        Date = date;
        MovedFrom = movedFrom;
        Name = name;
    }

    public BankHolidayAdjustmentKind Kind { get; }

    /// <summary>The day the holiday is observed on.</summary>
    public DateOnly Date { get; }

    /// <summary>For a move, the day the standing rules give; null for an additional day.</summary>
    public DateOnly? MovedFrom { get; }

    /// <summary>The published name; for a move, null keeps the standing rule's name.</summary>
    public string? Name { get; }

    public static BankHolidayAdjustment Additional(DateOnly date, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(BankHolidayAdjustmentKind.Additional, date, movedFrom: null, name);
    }

    public static BankHolidayAdjustment Moved(DateOnly from, DateOnly to, string? name = null)
    {
        if (from == to)
        {
            throw new ArgumentException($"A move must change the date; {from:yyyy-MM-dd} was given twice.", nameof(to));
        }

        // Holidays are computed a year at a time; a move across the new year has never happened.
        if (from.Year != to.Year)
        {
            throw new ArgumentException($"A move must stay within one year: {from:yyyy-MM-dd} to {to:yyyy-MM-dd}.", nameof(to));
        }

        if (name is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
        }

        return new(BankHolidayAdjustmentKind.Moved, to, from, name);
    }
}
