using System.Text;

namespace Cairn.Domain.Returns.Ssda903;

/// <summary>
/// The 903's CSV files: one per table, named <c>&lt;Table&gt;.csv</c>, the header row the layout's column names in the DfE's
/// order, dates dd/mm/yyyy, UTF-8 without a byte order mark, RFC 4180 quoting. Derived fields are not written.
/// </summary>
public static class Ssda903Writer
{
    public static string FileName(string table) => table + ".csv";

    /// <summary>A table's CSV text.</summary>
    public static string Csv(Ssda903Return ssda903, string table)
    {
        var columns = Ssda903Layout.Columns(table);
        var output = new StringBuilder();
        CsvText.WriteRecord(output, columns);
        foreach (var row in ssda903[table])
        {
            CsvText.WriteRecord(output, columns.Select(c => row[c]));
        }

        return output.ToString();
    }

    /// <summary>Every table of the year's return as file name and UTF-8 bytes.</summary>
    public static IReadOnlyList<(string FileName, byte[] Content)> Files(Ssda903Return ssda903) =>
        ssda903.Tables.Keys.Select(t => (FileName(t), new UTF8Encoding(false).GetBytes(Csv(ssda903, t)))).ToList();

    /// <summary>Reads a table back from its CSV (the columns by name, so their order does not matter).</summary>
    public static IReadOnlyList<Ssda903Row> Read(string table, string csv) =>
        CsvText.ReadRows(csv).Select(r => new Ssda903Row(table, r.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)))).ToList();
}
