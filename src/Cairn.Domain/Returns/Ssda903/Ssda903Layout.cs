namespace Cairn.Domain.Returns.Ssda903;

/// <summary>A 903 field as the layout (<c>ssda903_tables.csv</c>) gives it.</summary>
public sealed record Ssda903Field(string Table, int Order, string Name, string TypeFormat, string CanBeBlank, string? CodeList)
{
    /// <summary>Derived by the DfE's loader (PL_DISTANCE, PL_LA, PL_LOCATION, Header UASC), never a CSV column.</summary>
    public bool IsDerived => CanBeBlank == "derived";

    public bool IsDate => TypeFormat.StartsWith("date", StringComparison.Ordinal);
}

/// <summary>
/// The 903's tables and their columns in the DfE's order, from <c>data/returns/ssda903_tables.csv</c>. A table's CSV columns are
/// its submitted fields; the derived ones are kept beside them for the rules but not written.
/// </summary>
public static class Ssda903Layout
{
    public const string Header = "Header";
    public const string Episodes = "Episodes";
    public const string Reviews = "Reviews";
    public const string Uasc = "UASC";
    public const string Oc2 = "OC2";
    public const string Oc3 = "OC3";
    public const string Ad1 = "AD1";
    public const string PlacedAdoption = "PlacedAdoption";
    public const string PrevPerm = "PrevPerm";
    public const string MissingEpisodes = "Missing";
    public const string SocialWorkerEpisodes = "SWEpisodes";
    public const string DeprivationOfLiberty = "DoLo";

    /// <summary>The first year with the DoLO table (the draft 2026/27 ruleset).</summary>
    public static readonly CollectionYear DeprivationOfLibertyFrom = CollectionYear.Ending(2027);

    private static readonly Lazy<IReadOnlyList<Ssda903Field>> AllFields = new(Load);

    /// <summary>Every field of every table, in the file's order.</summary>
    public static IReadOnlyList<Ssda903Field> Fields => AllFields.Value;

    /// <summary>The tables a return for the year has, in the layout's order.</summary>
    public static IReadOnlyList<string> TablesFor(CollectionYear year) =>
        Fields.Select(f => f.Table).Distinct()
            .Where(t => t != DeprivationOfLiberty || year >= DeprivationOfLibertyFrom).ToList();

    /// <summary>The CSV columns of a table, in order (derived fields left out).</summary>
    public static IReadOnlyList<string> Columns(string table) =>
        Fields.Where(f => f.Table == table && !f.IsDerived).OrderBy(f => f.Order).Select(f => f.Name).ToList();

    /// <summary>Every field of a table the rules may read, derived ones included.</summary>
    public static IReadOnlyList<Ssda903Field> FieldsOf(string table) => Fields.Where(f => f.Table == table).OrderBy(f => f.Order).ToList();

    private static List<Ssda903Field> Load() =>
        ReturnsData.Rows("ssda903_tables.csv").Select(r => new Ssda903Field(
            r["table"], int.Parse(r["column_order"], System.Globalization.CultureInfo.InvariantCulture), r["field"], r["type_format"],
            r["can_be_blank"], r["code_list"].Length == 0 ? null : r["code_list"])).ToList();
}
