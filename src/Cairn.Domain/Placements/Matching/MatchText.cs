using System.Globalization;

namespace Cairn.Domain.Placements.Matching;

/// <summary>Distances as a social worker reads them: kilometres to one decimal, with miles beside them.</summary>
public static class MatchText
{
    public const double MetresPerMile = 1609.344;

    /// <summary>"4.8 km (3.0 miles)".</summary>
    public static string Distance(double metres)
    {
        var (km, miles) = Tenths(metres);
        return Distance(km, miles);
    }

    /// <summary>Kilometres and miles in tenths, rounded half away from zero: what <see cref="Distance(double)"/> prints.</summary>
    internal static (long Kilometres, long Miles) Tenths(double metres) =>
        ((long)Math.Round(metres / 100.0, MidpointRounding.AwayFromZero),
            (long)Math.Round(metres * 10.0 / MetresPerMile, MidpointRounding.AwayFromZero));

    internal static string Distance(long kilometreTenths, long mileTenths) => string.Create(CultureInfo.InvariantCulture,
        $"{kilometreTenths / 10}.{kilometreTenths % 10} km ({mileTenths / 10}.{mileTenths % 10} {(mileTenths == 10 ? "mile" : "miles")})");

    /// <summary>One number for a printed distance, to reuse the words for every setting the same printed distance away.</summary>
    internal static long Key(long kilometreTenths, long mileTenths) => (kilometreTenths * 1_000_000) + mileTenths;

    /// <summary>The first letter in lower case, for words placed inside a sentence.</summary>
    internal static string Lower(string words) =>
        words.Length == 0 || char.IsLower(words[0]) ? words : string.Concat(char.ToLowerInvariant(words[0]).ToString(), words.AsSpan(1));

    /// <summary>The first letter in upper case, for words opening a sentence.</summary>
    internal static string Capital(string words) =>
        words.Length == 0 || char.IsUpper(words[0]) ? words : string.Concat(char.ToUpperInvariant(words[0]).ToString(), words.AsSpan(1));
}
