using Cairn.Domain.People;

namespace Cairn.Domain.Placements.Matching;

/// <summary>
/// Ranks the settings of the register for one child and explains every score line by line (L33): hard filters first (a
/// setting failing any is left out and counted), then points for needs met, distance from home and school, being in area
/// (L41) and the regulator's judgement, less a penalty for every danger within the danger distance (L35) and for every
/// conflict with a current resident, either way round (L34). Pure and stateless: callers run it in parallel freely.
/// </summary>
public static class PlacementMatcher
{
    // Risk to others → the vulnerabilities it endangers, as bit masks indexed by the enum's value, built once from
    // Compatibility so the rules stay in one place and the resident loop allocates nothing.
    private static readonly int[] EndangersMask = BuildEndangersMask();

    private static readonly ExclusionReasons[] ReasonOrder =
    [
        ExclusionReasons.NoVacancy, ExclusionReasons.TypeNotAskedFor, ExclusionReasons.TypeNotSuitable, ExclusionReasons.AgeRange,
        ExclusionReasons.SexNotAccepted, ExclusionReasons.Staffing, ExclusionReasons.WakingNightStaff, ExclusionReasons.Restrictions,
        ExclusionReasons.Suspended, ExclusionReasons.JudgedInadequate,
    ];

    /// <summary>
    /// The options for <paramref name="request"/> among <paramref name="candidates"/>, best first: by score, then nearest to
    /// home (unknown last), then name, then setting id, so the same input always gives the same order.
    /// </summary>
    /// <exception cref="ArgumentException">The rules fail <see cref="MatchRules.Validate"/>, or the age is negative.</exception>
    public static MatchResult Rank(MatchRequest request, IReadOnlyList<CandidateSetting> candidates, MatchRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(candidates);
        rules ??= MatchRules.Default;
        var errors = rules.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"The matching rules are not usable: {string.Join("; ", errors.Select(e => e.Message))}", nameof(rules));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(request.AgeInYears);
        var child = new ChildTerms(request);
        var options = new List<PlacementOption>();
        var excluded = new List<ExcludedSetting>();
        var counts = new int[ReasonOrder.Length];
        for (var i = 0; i < candidates.Count; i++)
        {
            var setting = candidates[i];
            var reasons = Exclusions(setting, request, child);
            if (reasons == ExclusionReasons.None)
            {
                options.Add(Score(setting, request, rules, child));
                continue;
            }

            excluded.Add(new ExcludedSetting(setting.Id, setting.Name, reasons));
            for (var r = 0; r < ReasonOrder.Length; r++)
            {
                if ((reasons & ReasonOrder[r]) != 0)
                {
                    counts[r]++;
                }
            }
        }

        options.Sort(BestFirst);
        return new MatchResult(options, new MatchExclusions(excluded.Count, ExclusionCounts(counts, request), excluded));
    }

    private static int BestFirst(PlacementOption a, PlacementOption b)
    {
        var order = b.Score.CompareTo(a.Score);
        if (order != 0)
        {
            return order;
        }

        order = (a.MetresFromHome ?? double.MaxValue).CompareTo(b.MetresFromHome ?? double.MaxValue);
        if (order != 0)
        {
            return order;
        }

        order = string.CompareOrdinal(a.Name, b.Name);
        return order != 0 ? order : a.SettingId.Value.CompareTo(b.SettingId.Value);
    }

    private static ExclusionReasons Exclusions(CandidateSetting setting, MatchRequest request, ChildTerms child)
    {
        var reasons = ExclusionReasons.None;
        if (setting.Vacancies <= 0)
        {
            reasons |= ExclusionReasons.NoVacancy;
        }

        if (setting.Suspended)
        {
            reasons |= ExclusionReasons.Suspended;
        }

        if (setting.Judgement == RegulatorJudgement.Inadequate)
        {
            reasons |= ExclusionReasons.JudgedInadequate;
        }

        if (request.AcceptableTypes.Count > 0 && !Contains(request.AcceptableTypes, setting.Type))
        {
            reasons |= ExclusionReasons.TypeNotAskedFor;
        }

        if (!SuitableType(setting.Type, request.AgeInYears, child))
        {
            reasons |= ExclusionReasons.TypeNotSuitable;
        }

        if (request.AgeInYears < setting.MinimumAge || request.AgeInYears > setting.MaximumAge)
        {
            reasons |= ExclusionReasons.AgeRange;
        }

        if (!Accepts(setting.SexesAccepted, request.Sex))
        {
            reasons |= ExclusionReasons.SexNotAccepted;
        }

        if (setting.MaximumStaffing < request.Staffing)
        {
            reasons |= ExclusionReasons.Staffing;
        }

        if (request.NeedsWakingNightStaff && !setting.WakingNightStaff)
        {
            reasons |= ExclusionReasons.WakingNightStaff;
        }

        for (var i = 0; i < request.Restrictions.Count; i++)
        {
            if (!Contains(setting.RestrictionsSupported, request.Restrictions[i]))
            {
                reasons |= ExclusionReasons.Restrictions;
                break;
            }
        }

        return reasons;
    }

    /// <summary>
    /// Supported accommodation is for 16 and 17 only; a parent and child setting only for a parent with their baby; a secure
    /// children's home only when secure accommodation is needed, and then nothing else will do.
    /// </summary>
    private static bool SuitableType(SettingType type, int age, ChildTerms child) => type switch
    {
        SettingType.SupportedAccommodation => age is 16 or 17 && !child.NeedsSecure,
        SettingType.ParentAndChild => child.NeedsParentAndBaby && !child.NeedsSecure,
        SettingType.SecureChildrensHome => child.NeedsSecure,
        _ => !child.NeedsSecure,
    };

    private static bool Accepts(IReadOnlyList<Sex> accepted, Sex sex)
    {
        if (accepted.Count == 0 || Contains(accepted, sex))
        {
            return true;
        }

        // A child whose sex is not recorded can go where both are taken.
        return sex == Sex.Unknown && Contains(accepted, Sex.Male) && Contains(accepted, Sex.Female);
    }

    private static bool InArea(IReadOnlyList<string> codes, string code)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (string.Equals(codes[i], code, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains<T>(IReadOnlyList<T> list, T value)
        where T : struct, Enum
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], value))
            {
                return true;
            }
        }

        return false;
    }

    private static PlacementOption Score(CandidateSetting setting, MatchRequest request, MatchRules rules, ChildTerms child)
    {
        var lines = new List<ExplanationLine>(request.Needs.Count + 6);
        var needsMet = NeedLines(setting, request, rules, lines);
        var fromHome = request.Home is null ? (double?)null : setting.Location.MetresTo(request.Home);
        var fromSchool = request.School is null ? (double?)null : setting.Location.MetresTo(request.School);
        lines.Add(DistanceLine(MatchCriterion.DistanceFromHome, fromHome, rules.HomeBands, "home"));
        lines.Add(DistanceLine(MatchCriterion.DistanceFromSchool, fromSchool, rules.SchoolBands, "school"));
        var inArea = InArea(request.PlacingAreaCodes, setting.Location.LocalAuthorityCode);
        lines.Add(AreaLine(setting, request, rules, inArea));
        lines.Add(JudgementLine(setting.Judgement, rules));
        var flags = DangerLines(setting, rules, child, lines);
        var conflicts = ConflictLines(setting, rules, child, lines);
        var score = 0;
        foreach (var line in lines)
        {
            score += line.Points;
        }

        return new PlacementOption
        {
            SettingId = setting.Id,
            Name = setting.Name,
            Type = setting.Type,
            Judgement = setting.Judgement,
            Vacancies = setting.Vacancies,
            LocalAuthorityCode = setting.Location.LocalAuthorityCode,
            InArea = inArea,
            Score = score,
            MetresFromHome = fromHome,
            MetresFromSchool = fromSchool,
            NeedsMet = needsMet,
            Lines = lines,
            DangerFlags = flags,
            Conflicts = conflicts,
        };
    }

    private static int NeedLines(CandidateSetting setting, MatchRequest request, MatchRules rules, List<ExplanationLine> lines)
    {
        if (request.Needs.Count == 0)
        {
            lines.Add(new(MatchCriterion.Need, 0, "No particular needs recorded for this child, so none scored"));
            return 0;
        }

        var met = 0;
        foreach (var need in request.Needs)
        {
            if (Contains(setting.Specialisms, need))
            {
                met++;
                lines.Add(new(MatchCriterion.Need, rules.NeedMetPoints, $"{PlacementWords.Of(need)}: met, a specialism of this setting"));
            }
            else
            {
                lines.Add(new(MatchCriterion.Need, 0, $"{PlacementWords.Of(need)}: not met, not a specialism of this setting"));
            }
        }

        return met;
    }

    private static ExplanationLine DistanceLine(MatchCriterion criterion, double? metres, IReadOnlyList<DistanceBand> bands, string from)
    {
        if (metres is not { } distance)
        {
            return new(criterion, 0, $"The child's {from} location is not known, so distance from {from} is not scored");
        }

        foreach (var band in bands)
        {
            if (distance <= band.UpToMetres)
            {
                return new(criterion, band.Points, $"{MatchText.Distance(distance)} from {from}: {band.Words}");
            }
        }

        var beyond = bands.Count == 0 ? "" : $"more than {MatchText.Distance(bands[^1].UpToMetres)}, ";
        return new(criterion, 0, $"{MatchText.Distance(distance)} from {from}: {beyond}far from {from}");
    }

    private static ExplanationLine AreaLine(CandidateSetting setting, MatchRequest request, MatchRules rules, bool inArea)
    {
        var code = setting.Location.LocalAuthorityCode;
        if (inArea)
        {
            return new(MatchCriterion.InArea, rules.InAreaPoints, $"In the placing area ({code}): near family, school and the child's services");
        }

        return request.PlacingAreaCodes.Count == 0
            ? new(MatchCriterion.InArea, 0, "The placing area is not given, so being in area is not scored")
            : new(MatchCriterion.InArea, 0, $"Out of area ({code}): further from family, school and the child's services");
    }

    private static ExplanationLine JudgementLine(RegulatorJudgement judgement, MatchRules rules)
    {
        var points = judgement switch
        {
            RegulatorJudgement.Outstanding => rules.OutstandingPoints,
            RegulatorJudgement.Good => rules.GoodPoints,
            RegulatorJudgement.NotYetInspected => rules.NotYetInspectedPoints,
            _ => rules.RequiresImprovementPoints,
        };
        var text = judgement == RegulatorJudgement.NotYetInspected
            ? "Not yet inspected by the regulator"
            : $"Last judged {MatchText.Lower(PlacementWords.Of(judgement))} by the regulator";
        return new(MatchCriterion.Judgement, points, text);
    }

    private static DangerFlag[] DangerLines(CandidateSetting setting, MatchRules rules, ChildTerms child, List<ExplanationLine> lines)
    {
        var dangers = child.Dangers;
        if (dangers.Length == 0)
        {
            lines.Add(new(MatchCriterion.DangerProximity, 0, "No people or places posing a risk to this child are recorded"));
            return [];
        }

        // Squared whole metres: no square root and no allocation for the many dangers that are far away.
        long x = setting.Location.Easting, y = setting.Location.Northing;
        var limit = (long)rules.DangerMetres * rules.DangerMetres;
        var nearest = long.MaxValue;
        List<DangerFlag>? flags = null;
        for (var i = 0; i < dangers.Length; i++)
        {
            var dx = dangers[i].Easting - x;
            var dy = dangers[i].Northing - y;
            var squared = (dx * dx) + (dy * dy);
            if (squared < nearest)
            {
                nearest = squared;
            }

            if (squared <= limit)
            {
                (flags ??= []).Add(Flag(dangers[i].Danger, Math.Sqrt(squared), rules));
            }
        }

        if (flags is null)
        {
            lines.Add(new(MatchCriterion.DangerProximity, 0, $"Nearest recorded danger {MatchText.Distance(Math.Sqrt(nearest))} away, "
                + $"beyond the {MatchText.Distance(rules.DangerMetres)} checked"));
            return [];
        }

        flags.Sort((a, b) => a.Metres.CompareTo(b.Metres));
        foreach (var flag in flags)
        {
            lines.Add(new(MatchCriterion.DangerProximity, -rules.DangerPenalty, flag.Text, IsConcern: true));
        }

        return [.. flags];
    }

    private static DangerFlag Flag(Danger danger, double metres, MatchRules rules)
    {
        var what = danger.Source == DangerSource.Person ? "person posing a risk" : "place of concern";
        var text = $"Red flag: {MatchText.Distance(metres)} from {danger.Label} ({what}: {MatchText.Lower(PlacementWords.Of(danger.Risk))}), "
            + $"within the {MatchText.Distance(rules.DangerMetres)} checked";
        return new DangerFlag(danger.Label, danger.Source, danger.Risk, metres, text);
    }

    private static ResidentConflict[] ConflictLines(CandidateSetting setting, MatchRules rules, ChildTerms child,
        List<ExplanationLine> lines)
    {
        var residents = setting.Residents;
        if (residents.Count == 0)
        {
            lines.Add(new(MatchCriterion.ResidentCompatibility, 0, "No current residents to check against"));
            return [];
        }

        List<ResidentConflict>? conflicts = null;
        for (var i = 0; i < residents.Count; i++)
        {
            var resident = residents[i];
            var risks = MaskOf(resident.RisksToOthers);
            var vulnerable = MaskOf(resident.Vulnerabilities);
            Conflicts(risks, child.Vulnerabilities, ConflictDirection.ResidentEndangersChild, resident, ref conflicts);
            Conflicts(child.Risks, vulnerable, ConflictDirection.ChildEndangersResident, resident, ref conflicts);
        }

        if (conflicts is null)
        {
            var noun = residents.Count == 1 ? "current resident" : "current residents";
            lines.Add(new(MatchCriterion.ResidentCompatibility, 0,
                $"{residents.Count} {noun} checked both ways: no recorded risk to or from this child"));
            return [];
        }

        foreach (var conflict in conflicts)
        {
            lines.Add(new(MatchCriterion.ResidentCompatibility, -rules.ConflictPenalty, conflict.Text, IsConcern: true));
        }

        return [.. conflicts];
    }

    /// <summary>Every pair of a risk (from <paramref name="risks"/>) endangering a vulnerability (in <paramref name="vulnerable"/>).</summary>
    private static void Conflicts(int risks, int vulnerable, ConflictDirection direction, Resident resident, ref List<ResidentConflict>? conflicts)
    {
        if (risks == 0 || vulnerable == 0)
        {
            return;
        }

        for (var r = 0; r < EndangersMask.Length; r++)
        {
            if ((risks & (1 << r)) == 0 || (EndangersMask[r] & vulnerable) == 0)
            {
                continue;
            }

            var both = EndangersMask[r] & vulnerable;
            for (var v = 0; v < 32; v++)
            {
                if ((both & (1 << v)) != 0)
                {
                    (conflicts ??= []).Add(Conflict(direction, (RiskToOthers)r, (Vulnerability)v, resident));
                }
            }
        }
    }

    private static ResidentConflict Conflict(ConflictDirection direction, RiskToOthers risk, Vulnerability vulnerability, Resident resident)
    {
        // A resident the viewer may not open is never named, keyed or otherwise described: only the risk or vulnerability words.
        var who = resident.ViewerMayOpen && !string.IsNullOrWhiteSpace(resident.Label) ? resident.Label : "a current resident";
        var key = resident.ViewerMayOpen ? resident.Key : null;
        var text = direction == ConflictDirection.ResidentEndangersChild
            ? $"Conflict: {Capital(who)} has a recorded risk of {PlacementWords.Of(risk)}, and this child is {PlacementWords.Of(vulnerability)}"
            : $"Conflict: this child has a recorded risk of {PlacementWords.Of(risk)}, and {who} is {PlacementWords.Of(vulnerability)}";
        return new ResidentConflict(direction, risk, vulnerability, key, text);
    }

    private static string Capital(string words) =>
        words.Length == 0 || char.IsUpper(words[0]) ? words : string.Concat(char.ToUpperInvariant(words[0]).ToString(), words.AsSpan(1));

    private static IReadOnlyList<ExclusionCount> ExclusionCounts(int[] counts, MatchRequest request)
    {
        var list = new List<ExclusionCount>();
        for (var r = 0; r < ReasonOrder.Length; r++)
        {
            if (counts[r] > 0)
            {
                list.Add(new ExclusionCount(ReasonOrder[r], counts[r], Words(ReasonOrder[r], request)));
            }
        }

        // Most common first; ties keep the fixed order above (a stable sort), so the summary reads the same every time.
        return [.. list.OrderByDescending(c => c.Count)];
    }

    private static string Words(ExclusionReasons reason, MatchRequest request) => reason switch
    {
        ExclusionReasons.NoVacancy => "no vacancy",
        ExclusionReasons.Suspended => "registration suspended",
        ExclusionReasons.JudgedInadequate => "judged inadequate",
        ExclusionReasons.TypeNotAskedFor => "not a type of setting asked for",
        ExclusionReasons.TypeNotSuitable => "type of setting not suitable for this child",
        ExclusionReasons.AgeRange => "age range",
        ExclusionReasons.SexNotAccepted => request.Sex switch
        {
            Sex.Female => "does not take girls",
            Sex.Male => "does not take boys",
            _ => "does not take both boys and girls",
        },
        ExclusionReasons.Staffing => $"cannot deliver {PlacementWords.Of(request.Staffing)}",
        ExclusionReasons.WakingNightStaff => "no waking night staff",
        ExclusionReasons.Restrictions =>
            $"cannot put in place {string.Join(" or ", request.Restrictions.Distinct().Select(r => MatchText.Lower(PlacementWords.Of(r))))}",
        _ => reason.ToString(),
    };

    private static int MaskOf<T>(IReadOnlyList<T> values)
        where T : struct, Enum
    {
        var mask = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var bit = Convert.ToInt32(values[i], System.Globalization.CultureInfo.InvariantCulture);
            if (bit is >= 0 and < 32)
            {
                mask |= 1 << bit;
            }
        }

        return mask;
    }

    private static int[] BuildEndangersMask()
    {
        var risks = Enum.GetValues<RiskToOthers>();
        var masks = new int[risks.Max(r => (int)r) + 1];
        foreach (var risk in risks)
        {
            foreach (var vulnerability in Enum.GetValues<Vulnerability>())
            {
                if (Compatibility.Conflicts(risk, vulnerability))
                {
                    masks[(int)risk] |= 1 << (int)vulnerability;
                }
            }
        }

        return masks;
    }

    private readonly record struct DangerPoint(long Easting, long Northing, Danger Danger);

    /// <summary>What the loops need of the child, worked out once per request: masks of risks and vulnerabilities, the dangers that count.</summary>
    private sealed class ChildTerms
    {
        public ChildTerms(MatchRequest request)
        {
            Risks = MaskOf(request.RisksToOthers);
            Vulnerabilities = MaskOf(request.Vulnerabilities);
            NeedsSecure = Contains(request.Restrictions, Restriction.SecureAccommodation);
            NeedsParentAndBaby = Contains(request.Needs, PlacementNeed.ParentAndBaby);
            Dangers = [.. request.Dangers
                .Where(d => !d.AreaWide || Compatibility.PlaceMatters(d.Risk, request.Vulnerabilities))
                .Select(d => new DangerPoint(d.Location.Easting, d.Location.Northing, d))];
        }

        public int Risks { get; }

        public int Vulnerabilities { get; }

        public bool NeedsSecure { get; }

        public bool NeedsParentAndBaby { get; }

        public DangerPoint[] Dangers { get; }
    }
}
