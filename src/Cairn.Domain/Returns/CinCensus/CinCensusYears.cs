namespace Cairn.Domain.Returns.CinCensus;

/// <summary>
/// A children in need census year is a <see cref="CollectionYear"/>: named as the DfE names it ("2024/25"), held as the year it
/// ends in, its period from 1 April (<see cref="CollectionYear.Start"/>) to the reference date, 31 March
/// (<see cref="CollectionYear.End"/>; validator rule 100). What is the census's own is here.
/// </summary>
public static class CinCensusYears
{
    /// <summary>The first census year, 2008/09.</summary>
    public const int Earliest = 2009;

    /// <summary>The years whose rule catalogue ships with Cairn (data/returns/cin_rules_20xx_yy.csv).</summary>
    public static IReadOnlyList<CollectionYear> WithCatalogue { get; } = [CollectionYear.Ending(2025), CollectionYear.Ending(2026)];

    /// <summary>The census year ending in the year, refusing years before the census began.</summary>
    public static CollectionYear Ending(int endingYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(endingYear, Earliest);
        return CollectionYear.Ending(endingYear);
    }

    /// <summary>From 2024/25 the child's sex is returned as Sex (M/F/U); before, as GenderCurrent (1/2/0/9).</summary>
    public static bool ReturnsSex(CollectionYear year) => year.EndingYear >= 2025;
}
