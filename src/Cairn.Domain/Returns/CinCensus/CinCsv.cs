using System.Text;

namespace Cairn.Domain.Returns.CinCensus;

/// <summary>
/// Reads the small CSV files shipped under data/returns (RFC 4180: quoted fields may hold commas and doubled quotes).
/// The name-variants reader splits on commas only; these files quote DfE wording that contains commas.
/// </summary>
internal static class CinCsv
{
    /// <summary>The rows of an embedded data/returns file, header row excluded, each as its header's named fields.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadShipped(string fileName)
    {
        var resource = "Cairn.Domain.Returns." + fileName;
        using var stream = typeof(CinCsv).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Named(Parse(reader.ReadToEnd()));
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Named(IReadOnlyList<string[]> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0];
        var named = new List<IReadOnlyDictionary<string, string>>(rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                fields[header[i]] = i < row.Length ? row[i] : "";
            }

            named.Add(fields);
        }

        return named;
    }

    /// <summary>Every non-blank row's fields.</summary>
    public static IReadOnlyList<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                EndRow();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        EndRow();
        return rows;

        void EndRow()
        {
            fields.Add(field.ToString());
            field.Clear();
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                rows.Add([.. fields]);
            }

            fields.Clear();
        }
    }

    /// <summary>One field, quoted when it holds a comma, a quote or a line break.</summary>
    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
