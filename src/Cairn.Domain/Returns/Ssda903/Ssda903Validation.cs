namespace Cairn.Domain.Returns.Ssda903;

/// <summary>
/// Runs the DfE's 903 rules for a return's year: every rule in the year's catalogue (<c>ssda903_rules_YYYY_YY.csv</c>) that Cairn
/// implements, over this year's tables and last year's if given. A rule in the catalogue and not implemented is listed, with
/// its reason, in <see cref="Ssda903Rules.NotImplemented"/>.
/// </summary>
public static class Ssda903Validation
{
    private static readonly Dictionary<int, IReadOnlyList<CatalogueRule>> Catalogues = [];
    private static readonly Lock CataloguesLock = new();

    /// <summary>Whether Cairn has the rule catalogue for the year.</summary>
    public static bool HasCatalogue(CollectionYear year) => ReturnsData.Has(FileName(year));

    /// <summary>The DfE's rules for the year as the catalogue gives them.</summary>
    public static IReadOnlyList<CatalogueRule> Catalogue(CollectionYear year)
    {
        lock (CataloguesLock)
        {
            if (!Catalogues.TryGetValue(year.EndingYear, out var catalogue))
            {
                catalogue = HasCatalogue(year) ? ReturnsData.Catalogue(FileName(year)) : [];
                Catalogues[year.EndingYear] = catalogue;
            }

            return catalogue;
        }
    }

    /// <summary>The failures of the return, one per child and rule, in catalogue order.</summary>
    public static IReadOnlyList<RuleFailure> Validate(Ssda903Return current, Ssda903Return? previous = null)
    {
        var context = new Ssda903Context(current, previous);
        var failures = new List<RuleFailure>();
        foreach (var rule in Catalogue(current.Year))
        {
            if (!Ssda903Rules.Implemented.TryGetValue(rule.Code, out var check))
            {
                continue;
            }

            foreach (var child in check.Failures(context).Distinct(StringComparer.Ordinal))
            {
                failures.Add(rule.FailureOf(child));
            }
        }

        return failures;
    }

    private static string FileName(CollectionYear year) => $"ssda903_rules_{year.FileSuffix}.csv";
}
