using System.Globalization;

namespace Cairn.Domain.Returns.Ssda903;

/// <summary>
/// One row of a 903 table as the DfE receives it: text keyed by field name, dates as dd/mm/yyyy, blank as null. The rules read
/// rows as text, as the DfE's validation does, so a return loaded from someone else's files is checked the same way.
/// </summary>
public sealed class Ssda903Row
{
    public const string DateFormat = "dd/MM/yyyy";

    private readonly Dictionary<string, string?> _values;

    public Ssda903Row(string table, IEnumerable<KeyValuePair<string, string?>> values)
    {
        Table = table;
        _values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (field, value) in values)
        {
            _values[field] = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }
    }

    public string Table { get; }

    /// <summary>The child's LA id (CHILD), which joins every table.</summary>
    public string Child => this["CHILD"] ?? "";

    /// <summary>A field's text; null when blank or absent.</summary>
    public string? this[string field] => _values.GetValueOrDefault(field);

    public IReadOnlyDictionary<string, string?> Values => _values;

    public bool Has(string field) => this[field] is not null;

    /// <summary>A field read as a dd/mm/yyyy date; null when blank or not a date.</summary>
    public DateOnly? Date(string field) => ParseDate(this[field]);

    /// <summary>Whether the field is filled in but not a real dd/mm/yyyy date.</summary>
    public bool HasInvalidDate(string field) => Has(field) && Date(field) is null;

    /// <summary>A copy with some fields changed (null blanks one).</summary>
    public Ssda903Row With(params (string Field, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(_values, StringComparer.Ordinal);
        foreach (var (field, value) in changes)
        {
            values[field] = value;
        }

        return new Ssda903Row(Table, values);
    }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string? FormatDate(DateOnly? date) => date is { } d ? FormatDate(d) : null;
}

/// <summary>A 903 return for a collection year: each table's rows, in the DfE's layout.</summary>
public sealed class Ssda903Return
{
    private readonly Dictionary<string, IReadOnlyList<Ssda903Row>> _tables;

    public Ssda903Return(CollectionYear year, IReadOnlyDictionary<string, IReadOnlyList<Ssda903Row>> tables)
    {
        Year = year;
        _tables = Ssda903Layout.TablesFor(year).ToDictionary(t => t, t => tables.GetValueOrDefault(t) ?? [], StringComparer.Ordinal);
    }

    public CollectionYear Year { get; }

    /// <summary>The tables the year's return has, each possibly empty.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Ssda903Row>> Tables => _tables;

    public IReadOnlyList<Ssda903Row> this[string table] => _tables.GetValueOrDefault(table) ?? [];

    /// <summary>A copy with one table's rows replaced (tests and corrections).</summary>
    public Ssda903Return WithTable(string table, IEnumerable<Ssda903Row> rows)
    {
        var tables = new Dictionary<string, IReadOnlyList<Ssda903Row>>(_tables, StringComparer.Ordinal) { [table] = rows.ToList() };
        return new Ssda903Return(Year, tables);
    }
}
