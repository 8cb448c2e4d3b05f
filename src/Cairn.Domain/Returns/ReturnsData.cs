namespace Cairn.Domain.Returns;

/// <summary>
/// The returns' reference data embedded from <c>data/returns/</c> (its README says what each file is and where it came from).
/// </summary>
public static class ReturnsData
{
    private const string Prefix = "Cairn.Domain.Returns.";

    /// <summary>The text of an embedded file, e.g. <c>ssda903_tables.csv</c>.</summary>
    public static string Text(string fileName)
    {
        using var stream = typeof(ReturnsData).Assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new InvalidOperationException($"The embedded resource {Prefix}{fileName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Whether the file is embedded (a year's catalogue that has not been published is not).</summary>
    public static bool Has(string fileName) =>
        typeof(ReturnsData).Assembly.GetManifestResourceInfo(Prefix + fileName) is not null;

    /// <summary>The rows of an embedded CSV keyed by its header.</summary>
    public static List<Dictionary<string, string>> Rows(string fileName) => CsvText.ReadRows(Text(fileName));

    /// <summary>
    /// A rule catalogue (<c>rule_code,message,affected_fields</c>, with <c>tables</c> for the 903 and <c>type</c> ERROR or QUERY
    /// for the CIN census; lists separated by semicolons).
    /// </summary>
    public static IReadOnlyList<CatalogueRule> Catalogue(string fileName) =>
        Rows(fileName).Select(r => new CatalogueRule(
            r["rule_code"], r["message"], SplitList(r.GetValueOrDefault("affected_fields")), SplitList(r.GetValueOrDefault("tables")),
            r.GetValueOrDefault("type") switch { null => null, "QUERY" => RuleSeverity.Query, _ => RuleSeverity.Error }))
        .ToList();

    private static string[] SplitList(string? text) =>
        (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
