namespace Cairn.Domain.Returns.Ssda903;

public static partial class Ssda903Rules
{
    private const string NeedsOfstedList =
        "Needs Ofsted's list of registered providers (URN, type, dates, provider, postcode), which Cairn does not hold";
    private const string NeedsHistory = "Needs care history from before last year's return, which the two loaded years cannot show";
    private const string CohortRules =
        "A care leaver or continuously-looked-after cohort rule whose exact cohort (relevant and former relevant children, "
        + "birthdays within the year) is not yet pinned down against the DfE guide";
    private const string AdoptionSequence = "An adoption-journey rule across episodes, AD1 and PlacedAdoption not yet implemented";
    private const string LastYearDetail = "Compares with last year's return in a way not yet implemented";
    private const string NotYet = "Not yet implemented";

    /// <summary>
    /// Every code in a catalogue (any year) that Cairn does not check, with why. A test holds that, for each year, these and
    /// <see cref="Implemented"/> together are exactly the year's catalogue, so no rule is skipped silently.
    /// </summary>
    public static IReadOnlyList<NotImplementedRule> NotImplemented { get; } =
    [
        new("1000", CohortRules), new("1001", CohortRules), new("1002", CohortRules), new("1010", CohortRules),
        new("1011", CohortRules), new("1012", CohortRules), new("1014", CohortRules), new("1016", CohortRules), new("134", CohortRules),
        new("157", CohortRules), new("185", CohortRules), new("186", CohortRules), new("187", CohortRules), new("188", CohortRules),
        new("189", CohortRules), new("190", CohortRules), new("191", CohortRules), new("197B", CohortRules), new("198", CohortRules),
        new("215", CohortRules), new("344", CohortRules), new("347", CohortRules), new("543", CohortRules),
        new("544", CohortRules), new("545", CohortRules), new("547", CohortRules), new("628", CohortRules),
        new("1008", NeedsOfstedList), new("219", NeedsOfstedList), new("221", NeedsOfstedList), new("224", NeedsOfstedList),
        new("227", NeedsOfstedList), new("228", NeedsOfstedList), new("229", NeedsOfstedList),
        new("1015", "Needs the responsible LA's own code, which the return's tables do not carry (PL_LOCATION is derived from it)"),
        new("411", "Needs the responsible LA's own code, which the return's tables do not carry (PL_LOCATION is derived from it)"),
        new("392a", "The DfE's note says it gives false positives for former UASC; Cairn leaves distance blank for UASC (rule 406)"),
        new("392b", "The DfE's note says it gives false positives for former UASC; Cairn leaves the home postcode blank for UASC"),
        new("199", NeedsHistory), new("562", NeedsHistory), new("1003", AdoptionSequence), new("117", AdoptionSequence),
        new("118", AdoptionSequence), new("331", AdoptionSequence), new("334", AdoptionSequence), new("335", AdoptionSequence),
        new("336", AdoptionSequence), new("516", AdoptionSequence), new("521", AdoptionSequence), new("523", AdoptionSequence),
        new("525", AdoptionSequence), new("551", AdoptionSequence), new("552", AdoptionSequence), new("553", AdoptionSequence),
        new("554", AdoptionSequence), new("557", AdoptionSequence), new("558", AdoptionSequence), new("579", AdoptionSequence),
        new("582", AdoptionSequence), new("583", AdoptionSequence), new("601", AdoptionSequence), new("602", AdoptionSequence),
        new("519", "The codes for a civil partnership couple are inferred, not confirmed in the sources (data/returns/README.md)"),
        new("520", "The codes for a married couple of different sex are inferred, not confirmed in the sources (data/returns/README.md)"),
        new("205A", LastYearDetail), new("205B", LastYearDetail), new("205C", LastYearDetail), new("205D", LastYearDetail),
        new("348", LastYearDetail), new("559", LastYearDetail), new("560", LastYearDetail), new("561", LastYearDetail),
        new("584", LastYearDetail), new("SW12STG2", LastYearDetail),
        new("165", NotYet), new("231", NotYet), new("359", NotYet), new("364", NotYet), new("383", NotYet), new("575", NotYet),
        new("632", NotYet),
        new("706", "Compares with last year's DoLO table, which the 2025/26 return does not have; due from the 2027/28 return"),
        new("367", "Needs respite over a rolling 12 months, which crosses collection years"),
        new("377", "Needs temporary placements over a rolling 12 months, which crosses collection years"),
    ];
}
