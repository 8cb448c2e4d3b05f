namespace Cairn.Domain.Returns;

/// <summary>
/// One failure of a statutory return's validation rule: the child it is about (the LA child id on the return), the DfE's rule
/// code, the rule's message and the fields it names, all from the year's rule catalogue.
/// </summary>
public sealed record RuleFailure(string ChildId, string RuleCode, string Message, IReadOnlyList<string> AffectedFields);

/// <summary>A row of a year's rule catalogue: the DfE rule code, its message, the fields and tables it reads.</summary>
public sealed record CatalogueRule(string Code, string Message, IReadOnlyList<string> AffectedFields, IReadOnlyList<string> Tables);

/// <summary>A rule code Cairn does not check, and why, so that nothing in a year's catalogue is skipped silently.</summary>
public sealed record NotImplementedRule(string Code, string Reason);
