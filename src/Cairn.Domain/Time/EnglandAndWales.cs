namespace Cairn.Domain.Time;

/// <summary>Bank holidays for England and Wales. Scotland and Northern Ireland have different days.</summary>
public static class EnglandAndWales
{
    /// <summary>
    /// Every announced departure from the standing rules since they took their present form in 1978.
    /// The seed for the administrator-maintained list; a newly proclaimed day is added there, not here.
    /// </summary>
    public static IReadOnlyList<BankHolidayAdjustment> KnownAdjustments { get; } = new[]
    {
        BankHolidayAdjustment.Additional(new(1981, 7, 29), "Royal wedding"),
        BankHolidayAdjustment.Moved(new(1995, 5, 1), new(1995, 5, 8), "Early May bank holiday (VE day)"),
        BankHolidayAdjustment.Additional(new(1999, 12, 31), "Millennium celebrations"),
        BankHolidayAdjustment.Moved(new(2002, 5, 27), new(2002, 6, 4)),
        BankHolidayAdjustment.Additional(new(2002, 6, 3), "Queen's Golden Jubilee"),
        BankHolidayAdjustment.Additional(new(2011, 4, 29), "Royal wedding"),
        BankHolidayAdjustment.Moved(new(2012, 5, 28), new(2012, 6, 4)),
        BankHolidayAdjustment.Additional(new(2012, 6, 5), "Queen's Diamond Jubilee"),
        BankHolidayAdjustment.Moved(new(2020, 5, 4), new(2020, 5, 8), "Early May bank holiday (VE day)"),
        BankHolidayAdjustment.Moved(new(2022, 5, 30), new(2022, 6, 2)),
        BankHolidayAdjustment.Additional(new(2022, 6, 3), "Platinum Jubilee bank holiday"),
        BankHolidayAdjustment.Additional(new(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        BankHolidayAdjustment.Additional(new(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
    }.AsReadOnly();

    /// <summary>The standing rules with <see cref="KnownAdjustments"/> applied.</summary>
    public static BankHolidayRules BankHolidays { get; } = new(KnownAdjustments);
}
