using System.Text.RegularExpressions;

namespace Cairn.Domain.Returns.Ssda903;

/// <summary>A 903 code with its words and the first and last collection years it is valid in (null: no bound).</summary>
public sealed record Ssda903Code(string List, string Code, string Description, int? FromEndingYear, int? ToEndingYear)
{
    public bool ValidIn(CollectionYear year) =>
        (FromEndingYear is not { } from || year.EndingYear >= from) && (ToEndingYear is not { } to || year.EndingYear <= to);
}

/// <summary>
/// The 903 code lists (<c>data/returns/ssda903_codes.csv</c>) with the years each code is valid: "all", "to 2023/24",
/// "2024/25+", or "NOT accepted by validator" (never valid; ACCOM S1 and X1).
/// </summary>
public static partial class Ssda903Codes
{
    private static readonly Lazy<IReadOnlyList<Ssda903Code>> AllCodes = new(Load);

    public static IReadOnlyList<Ssda903Code> All => AllCodes.Value;

    /// <summary>The codes of a list valid in the year.</summary>
    public static IReadOnlySet<string> Valid(string list, CollectionYear year) =>
        All.Where(c => c.List == list && c.ValidIn(year)).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

    public static bool IsValid(string list, string? code, CollectionYear year) =>
        code is not null && All.Any(c => c.List == list && c.Code == code && c.ValidIn(year));

    /// <summary>Reads a <c>valid_years</c> cell into the first and last ending years it allows.</summary>
    public static (int? From, int? To) ParseValidYears(string text)
    {
        if (text.StartsWith("NOT accepted", StringComparison.Ordinal))
        {
            return (int.MaxValue, int.MinValue);
        }

        var match = YearLabel().Match(text);
        if (!match.Success)
        {
            return (null, null);
        }

        var ending = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
        if (text.StartsWith("to ", StringComparison.Ordinal))
        {
            return (null, ending);
        }

        // K3 is listed "2024/25+" but the 2024/25 validator spelt it 'k3', so in effect it is valid from 2025/26.
        var effective = text.Contains("effectively 2025/26+", StringComparison.Ordinal) ? 2026 : ending;
        return (effective, null);
    }

    private static List<Ssda903Code> Load() =>
        ReturnsData.Rows("ssda903_codes.csv").Select(r =>
        {
            var (from, to) = ParseValidYears(r["valid_years"]);
            return new Ssda903Code(r["code_list"], r["code"], r["description"], from, to);
        }).ToList();

    [GeneratedRegex(@"(\d{4})/\d{2}")]
    private static partial Regex YearLabel();
}
