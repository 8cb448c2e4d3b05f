using Cairn.Domain.Time;

namespace Cairn.Domain.Returns.CinCensus;

/// <summary>
/// Runs a year's census rules over a census. The year's catalogue decides which rules exist and what each says; Cairn's
/// checks decide whether a child fails. A catalogue rule with no check is listed in <see cref="NotImplemented"/> with its reason.
/// </summary>
public sealed class CinValidator
{
    private readonly CinCheckContext _context;

    public CinValidator(CollectionYear year, WorkingCalendar? calendar = null)
    {
        Catalogue = CinRuleCatalogue.For(year);
        _context = new CinCheckContext(year, calendar ?? new WorkingCalendar(EnglandAndWales.BankHolidays));
    }

    public IReadOnlyList<CatalogueRule> Catalogue { get; }

    /// <summary>The codes of the catalogue Cairn checks.</summary>
    public IReadOnlyList<string> Implemented => Catalogue.Where(r => CinChecks.All.ContainsKey(r.Code)).Select(r => r.Code).ToList();

    /// <summary>The catalogue's codes Cairn does not check, each with the reason.</summary>
    public IReadOnlyDictionary<string, string> NotImplemented =>
        Catalogue.Where(r => !CinChecks.All.ContainsKey(r.Code))
            .ToDictionary(r => r.Code, r => CinChecks.NotImplemented.GetValueOrDefault(r.Code, "Not yet written."), StringComparer.Ordinal);

    /// <summary>Every failure of every implemented rule, child by child, in catalogue order.</summary>
    public IReadOnlyList<RuleFailure> Validate(CinCensusReturn census) => Validate(census, Implemented);

    /// <summary>The failures of the named rules only.</summary>
    public IReadOnlyList<RuleFailure> Validate(CinCensusReturn census, IEnumerable<string> ruleCodes)
    {
        ArgumentNullException.ThrowIfNull(census);
        ArgumentNullException.ThrowIfNull(ruleCodes);
        var wanted = ruleCodes.ToHashSet(StringComparer.Ordinal);
        var failures = new List<RuleFailure>();
        foreach (var rule in Catalogue.Where(r => wanted.Contains(r.Code)))
        {
            if (!CinChecks.All.TryGetValue(rule.Code, out var check))
            {
                continue;
            }

            failures.AddRange(check.Failing(census, _context)
                .Select(rule.FailureOf));
        }

        return failures;
    }
}
