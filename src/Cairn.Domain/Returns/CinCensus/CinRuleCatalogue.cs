namespace Cairn.Domain.Returns.CinCensus;

public enum CinRuleKind
{
    /// <summary>The return is rejected until it is fixed.</summary>
    Error,

    /// <summary>The return is accepted with an explanation.</summary>
    Query,
}

/// <summary>One rule of a year's catalogue: the DfE's code, whether it is an error or a query, its message and fields.</summary>
public sealed record CinRule(string Code, CinRuleKind Kind, string Message, IReadOnlyList<string> AffectedFields);

/// <summary>A year's validation rules as the DfE publishes them (data/returns/cin_rules_20xx_yy.csv).</summary>
public static class CinRuleCatalogue
{
    public static IReadOnlyList<CinRule> For(CinCensusYear year)
    {
        if (!CinCensusYear.WithCatalogue.Contains(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Cairn ships no rule catalogue for this census year.");
        }

        return CinCsv.ReadShipped(year.CatalogueFileName)
            .Select(r => new CinRule(
                r["rule_code"],
                r["type"] == "QUERY" ? CinRuleKind.Query : CinRuleKind.Error,
                r["message"],
                r["affected_fields"].Split(';', StringSplitOptions.RemoveEmptyEntries)))
            .ToList()
            .AsReadOnly();
    }
}

/// <summary>
/// One rule a child (or, with no child, the whole return) fails: the child's LAchildID, the rule code, the catalogue's
/// message and the fields to look at.
/// </summary>
public sealed record CinRuleFailure(string? LaChildId, string RuleCode, CinRuleKind Kind, string Message, IReadOnlyList<string> AffectedFields);
