namespace Cairn.Domain.Placements.Matching;

/// <summary>
/// The sentences of one ranking's explanations. Most repeat from option to option (a need met, a judgement, an area, a distance
/// to the tenth of a kilometre, a conflict with a resident who may not be named), so each is made once per call and shared:
/// every option carries its whole explanation without thousands of copies of the same words. One instance per call, never
/// shared between calls, so there is nothing to lock.
/// </summary>
internal sealed class MatchWords
{
    private readonly MatchRules _rules;
    private readonly string _checkedWithin;
    private readonly ExplanationLine[] _needMet;
    private readonly ExplanationLine[] _needUnmet;
    private readonly Dictionary<long, ExplanationLine> _home = [];
    private readonly Dictionary<long, ExplanationLine> _school = [];
    private readonly Dictionary<long, ExplanationLine> _nearest = [];
    private readonly Dictionary<string, ExplanationLine> _areas = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<RegulatorJudgement, ExplanationLine> _judgements = [];
    private readonly Dictionary<int, ExplanationLine> _checked = [];
    private readonly Dictionary<(ConflictDirection, RiskToOthers, Vulnerability), ResidentConflict> _unnamed = [];
    private readonly Dictionary<ResidentConflict, ExplanationLine> _conflictLines = new(ReferenceEqualityComparer.Instance);
    private readonly bool _placingAreaKnown;

    public MatchWords(MatchRequest request, MatchRules rules)
    {
        _rules = rules;
        _placingAreaKnown = request.PlacingAreaCodes.Count > 0;
        _checkedWithin = MatchText.Distance(rules.DangerMetres);
        var needs = Enum.GetValues<PlacementNeed>();
        var size = needs.Max(n => (int)n) + 1;
        _needMet = new ExplanationLine[size];
        _needUnmet = new ExplanationLine[size];
        foreach (var need in needs)
        {
            _needMet[(int)need] = new(MatchCriterion.Need, rules.NeedMetPoints, $"{PlacementWords.Of(need)}: met, a specialism of this setting");
            _needUnmet[(int)need] = new(MatchCriterion.Need, 0, $"{PlacementWords.Of(need)}: not met, not a specialism of this setting");
        }
    }

    public ExplanationLine NoNeeds { get; } = new(MatchCriterion.Need, 0, "No particular needs recorded for this child, so none scored");

    public ExplanationLine NoDangers { get; } =
        new(MatchCriterion.DangerProximity, 0, "No people or places posing a risk to this child are recorded");

    public ExplanationLine NoResidents { get; } = new(MatchCriterion.ResidentCompatibility, 0, "No current residents to check against");

    public ExplanationLine Need(PlacementNeed need, bool met)
    {
        var index = (int)need;
        if (index < 0 || index >= _needMet.Length)
        {
            return new(MatchCriterion.Need, 0, $"{PlacementWords.Of(need)}: not a need matching knows");
        }

        return met ? _needMet[index] : _needUnmet[index];
    }

    public ExplanationLine Distance(MatchCriterion criterion, double? metres)
    {
        var from = criterion == MatchCriterion.DistanceFromHome ? "home" : "school";
        if (metres is not { } distance)
        {
            return new(criterion, 0, $"The child's {from} location is not known, so distance from {from} is not scored");
        }

        var (km, miles) = MatchText.Tenths(distance);
        var cache = criterion == MatchCriterion.DistanceFromHome ? _home : _school;
        var bands = criterion == MatchCriterion.DistanceFromHome ? _rules.HomeBands : _rules.SchoolBands;
        var band = 0;
        while (band < bands.Count && distance > bands[band].UpToMetres)
        {
            band++;
        }

        // The band is part of the key: two settings the same printed distance away may sit either side of a band's edge.
        var key = (MatchText.Key(km, miles) * 16) + Math.Min(band, 15);
        if (cache.TryGetValue(key, out var line))
        {
            return line;
        }

        var words = MatchText.Distance(km, miles);
        line = band < bands.Count
            ? new(criterion, bands[band].Points, $"{words} from {from}: {bands[band].Words}")
            : new(criterion, 0, bands.Count == 0
                ? $"{words} from {from}: far from {from}"
                : $"{words} from {from}: more than {MatchText.Distance(bands[^1].UpToMetres)}, far from {from}");
        cache[key] = line;
        return line;
    }

    public ExplanationLine Area(string code, bool inArea)
    {
        if (_areas.TryGetValue(code, out var line))
        {
            return line;
        }

        line = inArea
            ? new(MatchCriterion.InArea, _rules.InAreaPoints, $"In the placing area ({code}): near family, school and the child's services")
            : _placingAreaKnown
                ? new(MatchCriterion.InArea, 0, $"Out of area ({code}): further from family, school and the child's services")
                : new(MatchCriterion.InArea, 0, "The placing area is not given, so being in area is not scored");
        _areas[code] = line;
        return line;
    }

    public ExplanationLine Judgement(RegulatorJudgement judgement)
    {
        if (_judgements.TryGetValue(judgement, out var line))
        {
            return line;
        }

        var points = judgement switch
        {
            RegulatorJudgement.Outstanding => _rules.OutstandingPoints,
            RegulatorJudgement.Good => _rules.GoodPoints,
            RegulatorJudgement.NotYetInspected => _rules.NotYetInspectedPoints,
            _ => _rules.RequiresImprovementPoints,
        };
        var text = judgement == RegulatorJudgement.NotYetInspected
            ? "Not yet inspected by the regulator"
            : $"Last judged {MatchText.Lower(PlacementWords.Of(judgement))} by the regulator";
        line = new(MatchCriterion.Judgement, points, text);
        _judgements[judgement] = line;
        return line;
    }

    public ExplanationLine Nearest(double metres)
    {
        var (km, miles) = MatchText.Tenths(metres);
        var key = MatchText.Key(km, miles);
        if (!_nearest.TryGetValue(key, out var line))
        {
            line = new(MatchCriterion.DangerProximity, 0,
                $"Nearest recorded danger {MatchText.Distance(km, miles)} away, beyond the {_checkedWithin} checked");
            _nearest[key] = line;
        }

        return line;
    }

    public ExplanationLine Checked(int residents)
    {
        if (!_checked.TryGetValue(residents, out var line))
        {
            var noun = residents == 1 ? "current resident" : "current residents";
            line = new(MatchCriterion.ResidentCompatibility, 0, $"{residents} {noun} checked both ways: no recorded risk to or from this child");
            _checked[residents] = line;
        }

        return line;
    }

    public ResidentConflict Conflict(ConflictDirection direction, RiskToOthers risk, Vulnerability vulnerability, Resident resident)
    {
        // A resident the viewer may not open is never named, keyed or otherwise described: only the risk or vulnerability words,
        // the same for every such resident (so one conflict object serves them all).
        if (!resident.ViewerMayOpen || string.IsNullOrWhiteSpace(resident.Label))
        {
            var key = (direction, risk, vulnerability);
            if (!_unnamed.TryGetValue(key, out var unnamed))
            {
                unnamed = new ResidentConflict(direction, risk, vulnerability, resident.ViewerMayOpen ? resident.Key : null,
                    ConflictText(direction, risk, vulnerability, "a current resident"));
                if (!resident.ViewerMayOpen)
                {
                    _unnamed[key] = unnamed;
                }
            }

            return unnamed;
        }

        return new ResidentConflict(direction, risk, vulnerability, resident.Key, ConflictText(direction, risk, vulnerability, resident.Label));
    }

    public ExplanationLine ConflictLine(ResidentConflict conflict)
    {
        if (!_conflictLines.TryGetValue(conflict, out var line))
        {
            line = new(MatchCriterion.ResidentCompatibility, -_rules.ConflictPenalty, conflict.Text, isConcern: true);
            _conflictLines[conflict] = line;
        }

        return line;
    }

    private static string ConflictText(ConflictDirection direction, RiskToOthers risk, Vulnerability vulnerability, string who) =>
        direction == ConflictDirection.ResidentEndangersChild
            ? $"Conflict: {MatchText.Capital(who)} has a recorded risk of {PlacementWords.Of(risk)}, "
                + $"and this child is {PlacementWords.Of(vulnerability)}"
            : $"Conflict: this child has a recorded risk of {PlacementWords.Of(risk)}, and {who} is {PlacementWords.Of(vulnerability)}";
}
