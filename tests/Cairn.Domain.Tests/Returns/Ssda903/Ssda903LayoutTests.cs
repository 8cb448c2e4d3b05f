using System.Text;
using Cairn.Domain.Returns;
using Cairn.Domain.Returns.Ssda903;

namespace Cairn.Domain.Tests.Returns.Ssda903;

/// <summary>
/// The exported files' headers are exactly the DfE's columns in order, read here straight from
/// <c>data/returns/ssda903_tables.csv</c> beside the test binaries (not through the code under test).
/// </summary>
public sealed class Ssda903LayoutTests
{
    private static Dictionary<string, List<string>> ExpectedColumns()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "returns", "ssda903_tables.csv");
        var expected = new Dictionary<string, List<(int Order, string Field)>>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0))
        {
            // table,column_order,field,xml_tag,xml_parent,type_format,can_be_blank,...: the first seven columns hold no quotes.
            var cells = line.Split(',');
            if (cells[6] == "derived")
            {
                continue;
            }

            if (!expected.TryGetValue(cells[0], out var columns))
            {
                expected[cells[0]] = columns = [];
            }

            columns.Add((int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), cells[2]));
        }

        return expected.ToDictionary(t => t.Key, t => t.Value.OrderBy(c => c.Order).Select(c => c.Field).ToList());
    }

    [Fact]
    public void Every_tables_header_row_is_the_layouts_columns_in_order()
    {
        var expected = ExpectedColumns();
        var ssda903 = Ssda903Examples.Return(CollectionYear.Ending(2027));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), ssda903.Tables.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, columns) in expected)
        {
            var header = CsvText.Read(Ssda903Writer.Csv(ssda903, table))[0];
            Assert.Equal(columns, header);
        }
    }

    [Fact]
    public void Derived_fields_are_not_columns_and_the_DoLO_table_starts_in_2026_27()
    {
        Assert.DoesNotContain("PL_DISTANCE", Ssda903Layout.Columns(Ssda903Layout.Episodes));
        Assert.DoesNotContain("UASC", Ssda903Layout.Columns(Ssda903Layout.Header));
        Assert.DoesNotContain(Ssda903Layout.DeprivationOfLiberty, Ssda903Layout.TablesFor(CollectionYear.Ending(2026)));
        Assert.Contains(Ssda903Layout.DeprivationOfLiberty, Ssda903Layout.TablesFor(CollectionYear.Ending(2027)));
    }

    [Fact]
    public void Files_are_UTF8_without_a_byte_order_mark_with_dd_mm_yyyy_dates_and_read_back_the_same()
    {
        var ssda903 = Ssda903Examples.Return();
        var files = Ssda903Writer.Files(ssda903);
        Assert.Equal(ssda903.Tables.Count, files.Count);
        var (_, content) = Assert.Single(files, f => f.FileName == "Episodes.csv");
        Assert.NotEqual(0xEF, content[0]);
        var text = Encoding.UTF8.GetString(content);
        Assert.Contains("A1001,01/06/2025,S,V2,N4,U6,PR1,15/11/2025,X1,CREQB,YO1 0AJ,YO10 3AB,SC100001\r\n", text, StringComparison.Ordinal);

        var read = Ssda903Writer.Read(Ssda903Layout.Episodes, text);
        Assert.Equal(ssda903[Ssda903Layout.Episodes].Count, read.Count);
        Assert.Equal(ssda903[Ssda903Layout.Episodes][0]["DECOM"], read[0]["DECOM"]);
    }
}
