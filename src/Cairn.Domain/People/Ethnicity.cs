namespace Cairn.Domain.People;

/// <summary>The DfE ethnicity codes used by the CIN census and SSDA903 returns (DfE guidance for each collection year).</summary>
public static class Ethnicity
{
    public static IReadOnlyDictionary<string, string> Codes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["WBRI"] = "White British",
        ["WIRI"] = "White Irish",
        ["WOTH"] = "Any other White background",
        ["WIRT"] = "Traveller of Irish heritage",
        ["WROM"] = "Gypsy/Roma",
        ["MWBC"] = "White and Black Caribbean",
        ["MWBA"] = "White and Black African",
        ["MWAS"] = "White and Asian",
        ["MOTH"] = "Any other Mixed background",
        ["AIND"] = "Indian",
        ["APKN"] = "Pakistani",
        ["ABAN"] = "Bangladeshi",
        ["AOTH"] = "Any other Asian background",
        ["BCRB"] = "Caribbean",
        ["BAFR"] = "African",
        ["BOTH"] = "Any other Black background",
        ["CHNE"] = "Chinese",
        ["OOTH"] = "Any other ethnic group",
        ["REFU"] = "Refused",
        ["NOBT"] = "Information not yet obtained",
    };

    public static bool IsValid(string? code) => code is not null && Codes.ContainsKey(code);

    public static string Describe(string? code) =>
        code is not null && Codes.TryGetValue(code, out var text) ? text : "Not recorded";
}
