using System.Globalization;
using System.Text;

namespace Cairn.Domain.Returns.AnnexA;

/// <summary>
/// Writes one Annex A list as CSV: Ofsted's header row, then a line a row. Dates are written dd/mm/yyyy as Ofsted's template
/// has them; yes/no answers as Y/N where the header asks "(Y/N)" and Yes/No elsewhere; blank cells empty.
/// </summary>
public static class AnnexAWriter
{
    public static string Write<TRow>(int listNumber, IEnumerable<TRow> rows)
        where TRow : IAnnexARow
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = AnnexALists.Get(listNumber);
        var csv = new StringBuilder();
        CsvText.WriteRecord(csv, list.Columns.Select(c => c.Header));
        foreach (var row in rows)
        {
            if (row.ListNumber != list.Number)
            {
                throw new ArgumentException($"A row of list {row.ListNumber} cannot go in list {list.Number}.", nameof(rows));
            }

            var cells = row.Cells();
            if (cells.Count != list.Columns.Count)
            {
                throw new InvalidOperationException($"List {list.Number} has {list.Columns.Count} columns; the row has {cells.Count}.");
            }

            CsvText.WriteRecord(csv, list.Columns.Select((column, i) => Format(column, cells[i])));
        }

        return csv.ToString();
    }

    private static string Format(AnnexAColumn column, object? value)
    {
        if (column.IsDate && value is not (null or DateOnly))
        {
            throw new InvalidOperationException($"Column '{column.Header}' holds dates.");
        }

        return value switch
        {
            null => "",
            DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            bool yes when column.Header.Contains("(Y/N)", StringComparison.Ordinal) => yes ? "Y" : "N",
            bool yes => yes ? "Yes" : "No",
            int number => number.ToString(CultureInfo.InvariantCulture),
            string text => text,
            _ => throw new InvalidOperationException($"Column '{column.Header}' cannot hold a {value.GetType().Name}."),
        };
    }
}
