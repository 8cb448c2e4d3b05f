namespace Cairn.Domain.Returns.CinCensus;

/// <summary>One element of the census XML as data/returns/cin_census_fields.csv lists it.</summary>
public sealed record CinField(
    string Module,
    string Element,
    string XPath,
    string TypeFormat,
    string MinOccurs,
    string MaxOccurs,
    string CodeList,
    string DfeItemId,
    string Notes);

/// <summary>
/// The census XML's elements, in the file's order, and the order of each element's children derived from it. The one
/// departure is ReferralNFA: the fields file lists it with the other CINdetails items, but the DfE schema sequence places it
/// after Section47 and before ChildProtectionPlans (data/returns/cin_census_structure.md), and a schema-validating
/// loader rejects it anywhere else.
/// </summary>
public static class CinCensusFields
{
    public static IReadOnlyList<CinField> All { get; } = ReturnsData.Rows("cin_census_fields.csv")
        .Select(r => new CinField(r["module"], r["element"], r["xpath"], r["type_format"], r["min_occurs"], r["max_occurs"],
            r["code_list"], r["dfe_item_id"], r["notes"]))
        .ToList()
        .AsReadOnly();

    /// <summary>Each element's children in document order, keyed by the parent's full path from Message.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ChildOrder { get; } = BuildChildOrder();

    /// <summary>An xpath from the fields file as a full path from Message (the file writes child paths from Child).</summary>
    public static string FullPath(string xpath)
    {
        ArgumentNullException.ThrowIfNull(xpath);
        return xpath.StartsWith("Child/", StringComparison.Ordinal) ? "Message/Children/" + xpath : xpath;
    }

    private static Dictionary<string, IReadOnlyList<string>> BuildChildOrder()
    {
        var order = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["Message"] = ["Header", "Children"],
            ["Message/Children"] = ["Child"],
        };
        foreach (var field in All)
        {
            var parts = FullPath(field.XPath).Split('/');
            for (var depth = 1; depth < parts.Length; depth++)
            {
                var parent = string.Join('/', parts[..depth]);
                if (!order.TryGetValue(parent, out var children))
                {
                    children = [];
                    order[parent] = children;
                }

                if (!children.Contains(parts[depth]))
                {
                    children.Add(parts[depth]);
                }
            }
        }

        var episode = order["Message/Children/Child/CINdetails"];
        episode.Remove("ReferralNFA");
        episode.Insert(episode.IndexOf("Section47") + 1, "ReferralNFA");
        return order.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.AsReadOnly(), StringComparer.Ordinal);
    }
}
