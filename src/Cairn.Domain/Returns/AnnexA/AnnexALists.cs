namespace Cairn.Domain.Returns.AnnexA;

/// <summary>One column of an Annex A list: its place, Ofsted's header, and whether it holds a date.</summary>
public sealed record AnnexAColumn(int Order, string Header, bool IsDate);

/// <summary>One of Ofsted's Annex A lists: its number (1–11), our label for it, and its columns in Ofsted's order.</summary>
public sealed record AnnexAList(int Number, string Label, IReadOnlyList<AnnexAColumn> Columns);

/// <summary>
/// Ofsted's Annex A lists 1–11 as data/returns/annex_a_lists.csv gives them (column headers from the liia-tools Annex A
/// specification; the list labels are Cairn's).
/// </summary>
public static class AnnexALists
{
    public static IReadOnlyList<AnnexAList> All { get; } = Load();

    public static AnnexAList Get(int number) =>
        All.SingleOrDefault(l => l.Number == number) ?? throw new ArgumentOutOfRangeException(nameof(number), number, "Annex A has lists 1 to 11.");

    private static List<AnnexAList> Load()
    {
        var rows = ReturnsData.Rows("annex_a_lists.csv");
        return rows
            .GroupBy(r => r["list"])
            .Select(g => new AnnexAList(
                int.Parse(g.Key["List ".Length..], System.Globalization.CultureInfo.InvariantCulture),
                g.First()["list_label"],
                g.Select(r => new AnnexAColumn(
                        int.Parse(r["column_order"], System.Globalization.CultureInfo.InvariantCulture), r["column_header"], r["kind"] == "date"))
                    .OrderBy(c => c.Order)
                    .ToList()))
            .OrderBy(l => l.Number)
            .ToList();
    }
}

/// <summary>A row of one Annex A list: which list, and its cells in Ofsted's column order.</summary>
public interface IAnnexARow
{
    int ListNumber { get; }

    /// <summary>The row's values, one a column: text, a whole number, a yes/no or a date; null for a blank cell.</summary>
    IReadOnlyList<object?> Cells();
}
