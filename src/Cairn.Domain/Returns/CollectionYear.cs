using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Cairn.Domain.Returns;

/// <summary>
/// A statutory return's collection year: year Y/Y+1 covers 1 April Y to 31 March Y+1. It is named by the year it ENDS in, as
/// the DfE's collections and the open validators name it (<c>collectionYear="2026"</c> is 2025/26), so
/// <c>cairn export ssda903 --year 2026</c> means the return made in spring 2026 about April 2025 to March 2026.
/// </summary>
public readonly record struct CollectionYear : IComparable<CollectionYear>
{
    /// <summary>The range of ending years accepted; which years have rule catalogues is the catalogues' business.</summary>
    public const int Earliest = 2000;

    public const int Latest = 2100;

    private CollectionYear(int endingYear) => EndingYear = endingYear;

    /// <summary>The calendar year the collection ends in (2026 for 2025/26).</summary>
    public int EndingYear { get; }

    /// <summary>1 April of the starting year.</summary>
    public DateOnly Start => new(EndingYear - 1, 4, 1);

    /// <summary>31 March of the ending year: the return is "as at" this day.</summary>
    public DateOnly End => new(EndingYear, 3, 31);

    /// <summary>The year before, whose return the rules compare this one with.</summary>
    public CollectionYear Previous => new(EndingYear - 1);

    /// <summary>"2025/26".</summary>
    public string Label => $"{EndingYear - 1}/{EndingYear % 100:00}";

    /// <summary>"2025_26": the suffix of the year's rule catalogue file.</summary>
    public string FileSuffix => $"{EndingYear - 1}_{EndingYear % 100:00}";

    public static CollectionYear Ending(int endingYear) =>
        endingYear is >= Earliest and <= Latest
            ? new CollectionYear(endingYear)
            : throw new ArgumentOutOfRangeException(nameof(endingYear), endingYear, "Not a collection year Cairn can make a return for");

    /// <summary>The collection year a date falls in.</summary>
    public static CollectionYear Containing(DateOnly date) => Ending(date.Month >= 4 ? date.Year + 1 : date.Year);

    /// <summary>Reads "2026", "2025/26", "2025-26" or "2025_26" (all the year ending 31 March 2026).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CollectionYear year)
    {
        year = default;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 4 && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var ending))
        {
            return Valid(ending, out year);
        }

        if (trimmed.Length == 7 && trimmed[4] is '/' or '-' or '_'
            && int.TryParse(trimmed[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var starting)
            && int.TryParse(trimmed[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var shortEnding)
            && (starting + 1) % 100 == shortEnding)
        {
            return Valid(starting + 1, out year);
        }

        return false;
    }

    public static CollectionYear Parse(string text) =>
        TryParse(text, out var year) ? year : throw new FormatException($"'{text}' is not a collection year, like 2026 or 2025/26");

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public int CompareTo(CollectionYear other) => EndingYear.CompareTo(other.EndingYear);

    public static bool operator <(CollectionYear left, CollectionYear right) => left.CompareTo(right) < 0;

    public static bool operator >(CollectionYear left, CollectionYear right) => left.CompareTo(right) > 0;

    public static bool operator <=(CollectionYear left, CollectionYear right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CollectionYear left, CollectionYear right) => left.CompareTo(right) >= 0;

    public override string ToString() => Label;

    private static bool Valid(int ending, out CollectionYear year)
    {
        year = ending is >= Earliest and <= Latest ? new CollectionYear(ending) : default;
        return year.EndingYear != 0;
    }
}
