using System.Text;
using Cairn.Domain.Returns;

namespace Cairn.Domain.Tests.Returns;

public sealed class CsvTextTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var records = CsvText.Read("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n");
        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b, c", "say \"hi\""], records[0]);
        Assert.Equal(["two\nlines", "", "x"], records[1]);
    }

    [Fact]
    public void Reads_rows_by_header_ignoring_a_byte_order_mark()
    {
        var rows = CsvText.ReadRows("\uFEFFcode,words\nPN0,\"Under 4, at the review\"\n");
        Assert.Equal("Under 4, at the review", Assert.Single(rows)["words"]);
        Assert.Equal("PN0", rows[0]["code"]);
    }

    [Fact]
    public void Writes_what_it_reads_quoting_only_when_it_must()
    {
        var output = new StringBuilder();
        CsvText.WriteRecord(output, ["A1", "b, c", null, "say \"hi\""]);
        Assert.Equal("A1,\"b, c\",,\"say \"\"hi\"\"\"\r\n", output.ToString());
        Assert.Equal(["A1", "b, c", "", "say \"hi\""], Assert.Single(CsvText.Read(output.ToString())));
    }
}
