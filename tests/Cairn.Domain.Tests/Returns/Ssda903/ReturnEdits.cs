using Cairn.Domain.Returns.Ssda903;

namespace Cairn.Domain.Tests.Returns.Ssda903;

/// <summary>Small edits to a built return, so each rule's failing example is the realistic return with one thing wrong.</summary>
public static class ReturnEdits
{
    /// <summary>Changes fields of the child's n-th row of a table (n in the table's order).</summary>
    public static Ssda903Return Set(this Ssda903Return ssda903, string table, string child, int index, params (string, string?)[] changes)
    {
        var seen = -1;
        var found = false;
        var rows = ssda903[table].Select(r =>
        {
            if (r.Child != child || ++seen != index)
            {
                return r;
            }

            found = true;
            return r.With(changes);
        }).ToList();
        return found ? ssda903.WithTable(table, rows) : throw new ArgumentException($"No row {index} for {child} in {table}");
    }

    /// <summary>Changes fields of every row of the child in a table.</summary>
    public static Ssda903Return SetAll(this Ssda903Return ssda903, string table, string child, params (string, string?)[] changes) =>
        ssda903.WithTable(table, ssda903[table].Select(r => r.Child == child ? r.With(changes) : r));

    /// <summary>Adds a row for the child, with the Header's DOB unless the fields say otherwise.</summary>
    public static Ssda903Return Add(this Ssda903Return ssda903, string table, string child, params (string, string?)[] fields)
    {
        var dob = ssda903[Ssda903Layout.Header].FirstOrDefault(r => r.Child == child)?["DOB"];
        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { ["CHILD"] = child };
        if (Ssda903Layout.Columns(table).Contains("DOB"))
        {
            values["DOB"] = dob;
        }

        foreach (var (field, value) in fields)
        {
            values[field] = value;
        }

        return ssda903.WithTable(table, ssda903[table].Append(new Ssda903Row(table, values)));
    }

    /// <summary>Removes the child's rows from a table.</summary>
    public static Ssda903Return Remove(this Ssda903Return ssda903, string table, string child) =>
        ssda903.WithTable(table, ssda903[table].Where(r => r.Child != child));
}
