using System.Globalization;

namespace Cairn.Domain.Returns.CinCensus;

/// <summary>
/// A children in need census year, named as the DfE names it ("2024/25") and held as the year it ends in. The census
/// period runs from 1 April of the year before to the reference date, 31 March (validator rule 100).
/// </summary>
public readonly record struct CinCensusYear
{
    public CinCensusYear(int endYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(endYear, 2009);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endYear, 2100);
        EndYear = endYear;
    }

    /// <summary>The year the census ends in, which is the Year element of the header.</summary>
    public int EndYear { get; }

    /// <summary>The years whose rule catalogue ships with Cairn (data/returns/cin_rules_20xx_yy.csv).</summary>
    public static IReadOnlyList<CinCensusYear> WithCatalogue { get; } = [new(2025), new(2026)];

    public DateOnly ReferenceDate => new(EndYear, 3, 31);

    public DateOnly PeriodStart => new(EndYear - 1, 4, 1);

    /// <summary>From 2024/25 the child's sex is returned as Sex (M/F/U); before, as GenderCurrent (1/2/0/9).</summary>
    public bool ReturnsSex => EndYear >= 2025;

    public string Label => string.Create(CultureInfo.InvariantCulture, $"{EndYear - 1}/{EndYear % 100:00}");

    /// <summary>The file name of this year's rule catalogue, such as cin_rules_2024_25.csv.</summary>
    public string CatalogueFileName => string.Create(CultureInfo.InvariantCulture, $"cin_rules_{EndYear - 1}_{EndYear % 100:00}.csv");

    public bool Contains(DateOnly date) => date >= PeriodStart && date <= ReferenceDate;

    /// <summary>Reads "2024/25" (or "2024-25"); the second part must be the year after the first.</summary>
    public static CinCensusYear Parse(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var parts = label.Split('/', '-');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end) && (start + 1) % 100 == end % 100)
        {
            return new CinCensusYear(start + 1);
        }

        throw new FormatException($"'{label}' is not a census year such as 2024/25.");
    }

    public override string ToString() => Label;
}
