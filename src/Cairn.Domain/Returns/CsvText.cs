using System.Text;

namespace Cairn.Domain.Returns;

/// <summary>
/// RFC 4180 CSV, small enough to read: fields separated by commas, a field with a comma, quote or line break in double quotes
/// and its quotes doubled. Used for the returns' reference data and for the return files themselves.
/// </summary>
public static class CsvText
{
    /// <summary>Every record of the text, a header row included; a record's quoted field may span lines.</summary>
    public static List<string[]> Read(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    atStart = false;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atStart = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    break;
                default:
                    field.Append(c);
                    atStart = false;
                    break;
            }
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            if (!atStart || field.Length > 0 || fields.Count > 0)
            {
                fields.Add(field.ToString());
                records.Add([.. fields]);
            }

            fields.Clear();
            field.Clear();
            atStart = true;
        }
    }

    /// <summary>The records as rows keyed by the header row's names; a short row's missing fields are empty.</summary>
    public static List<Dictionary<string, string>> ReadRows(string text)
    {
        var records = Read(text.TrimStart('\uFEFF'));
        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0];
        return records.Skip(1).Select(record =>
            header.Select((name, i) => (name, value: i < record.Length ? record[i] : ""))
                .ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal)).ToList();
    }

    /// <summary>One record, each field quoted only when it must be, ended by CRLF as RFC 4180 says.</summary>
    public static void WriteRecord(StringBuilder output, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var value in fields)
        {
            if (!first)
            {
                output.Append(',');
            }

            first = false;
            var text = value ?? "";
            if (text.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                output.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                output.Append(text);
            }
        }

        output.Append("\r\n");
    }
}
