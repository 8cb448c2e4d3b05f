using System.Globalization;

namespace Cairn.Domain.Placements.Matching;

/// <summary>Distances as a social worker reads them: kilometres to one decimal, with miles beside them.</summary>
public static class MatchText
{
    public const double MetresPerMile = 1609.344;

    /// <summary>"4.8 km (3.0 miles)".</summary>
    public static string Distance(double metres)
    {
        var miles = Math.Round(metres / MetresPerMile, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{metres / 1000.0:0.0} km ({miles:0.0} {(miles == 1.0 ? "mile" : "miles")})");
    }

    /// <summary>The first letter in lower case, for words placed inside a sentence.</summary>
    internal static string Lower(string words) =>
        words.Length == 0 || char.IsLower(words[0]) ? words : string.Concat(char.ToLowerInvariant(words[0]).ToString(), words.AsSpan(1));
}
