namespace Cairn.Domain.Returns;

/// <summary>What a failed rule does to a return, as a catalogue's <c>type</c> column says (ERROR or QUERY).</summary>
public enum RuleSeverity
{
    /// <summary>The return is rejected until it is fixed.</summary>
    Error,

    /// <summary>The return is accepted with an explanation.</summary>
    Query,
}

/// <summary>
/// One failure of a statutory return's validation rule: the child it is about (the LA child id on the return; null when the
/// rule is about the whole return, like CIN rule 100), the DfE's rule code, the rule's message, the fields it names and its
/// severity, all from the year's rule catalogue.
/// </summary>
public sealed record RuleFailure(
    string? ChildId, string RuleCode, string Message, IReadOnlyList<string> AffectedFields, RuleSeverity? Severity = null);

/// <summary>
/// A row of a year's rule catalogue: the DfE rule code, its message, the fields and tables it reads, and its severity (null
/// where the catalogue has no <c>type</c> column, as the 903 catalogues have none; the CIN catalogues have no tables).
/// </summary>
public sealed record CatalogueRule(
    string Code, string Message, IReadOnlyList<string> AffectedFields, IReadOnlyList<string> Tables, RuleSeverity? Severity = null)
{
    /// <summary>This rule's failure for a child (null: the whole return).</summary>
    public RuleFailure FailureOf(string? childId) => new(childId, Code, Message, AffectedFields, Severity);
}

/// <summary>A rule code Cairn does not check, and why, so that nothing in a year's catalogue is skipped silently.</summary>
public sealed record NotImplementedRule(string Code, string Reason);
