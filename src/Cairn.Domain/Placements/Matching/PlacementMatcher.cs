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
        var child = new ChildTerms(request, rules);
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

    /// <summary>
    /// The candidates that pass every hard filter for <paramref name="request"/>, in the order given: exactly the settings
    /// <see cref="Rank"/> makes options of. Residents play no part in the filters (only in scores and conflicts), so a caller may read
    /// residents for these settings alone before ranking.
    /// </summary>
    public static IReadOnlyList<SettingId> Eligible(MatchRequest request, IReadOnlyList<CandidateSetting> candidates, MatchRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(request.AgeInYears);
        var child = new ChildTerms(request, rules ?? MatchRules.Default);
        return [.. candidates.Where(s => Exclusions(s, request, child) == ExclusionReasons.None).Select(s => s.Id)];
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
        var lines = new List<ExplanationLine>(request.Needs.Count + 8);
        var needsMet = 0;
        if (request.Needs.Count == 0)
        {
            lines.Add(child.Words.NoNeeds);
        }

        for (var i = 0; i < request.Needs.Count; i++)
        {
            var met = Contains(setting.Specialisms, request.Needs[i]);
            needsMet += met ? 1 : 0;
            lines.Add(child.Words.Need(request.Needs[i], met));
        }

        var fromHome = request.Home is null ? (double?)null : setting.Location.MetresTo(request.Home);
        var fromSchool = request.School is null ? (double?)null : setting.Location.MetresTo(request.School);
        lines.Add(child.Words.Distance(MatchCriterion.DistanceFromHome, fromHome));
        lines.Add(child.Words.Distance(MatchCriterion.DistanceFromSchool, fromSchool));
        var inArea = InArea(request.PlacingAreaCodes, setting.Location.LocalAuthorityCode);
        lines.Add(child.Words.Area(setting.Location.LocalAuthorityCode, inArea));
        lines.Add(child.Words.Judgement(setting.Judgement));
        var flags = DangerLines(setting, rules, child, lines);
        var conflicts = ConflictLines(setting, child, lines);
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

    private static DangerFlag[] DangerLines(CandidateSetting setting, MatchRules rules, ChildTerms child, List<ExplanationLine> lines)
    {
        var dangers = child.Dangers;
        if (dangers.Length == 0)
        {
            lines.Add(child.Words.NoDangers);
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
                var danger = dangers[i].Danger;
                (flags ??= []).Add(new DangerFlag(danger.Label, danger.Source, danger.Risk, Math.Sqrt(squared), rules.DangerMetres));
            }
        }

        if (flags is null)
        {
            lines.Add(child.Words.Nearest(Math.Sqrt(nearest)));
            return [];
        }

        flags.Sort((a, b) => a.Metres.CompareTo(b.Metres));
        foreach (var flag in flags)
        {
            lines.Add(new ExplanationLine(flag, -rules.DangerPenalty));
        }

        return [.. flags];
    }

    private static ResidentConflict[] ConflictLines(CandidateSetting setting, ChildTerms child, List<ExplanationLine> lines)
    {
        var residents = setting.Residents;
        if (residents.Count == 0)
        {
            lines.Add(child.Words.NoResidents);
            return [];
        }

        List<ResidentConflict>? conflicts = null;
        for (var i = 0; i < residents.Count; i++)
        {
            var resident = residents[i];
            var risks = MaskOf(resident.RisksToOthers);
            var vulnerable = MaskOf(resident.Vulnerabilities);
            Conflicts(risks, child.Vulnerabilities, ConflictDirection.ResidentEndangersChild, resident, child.Words, ref conflicts);
            Conflicts(child.Risks, vulnerable, ConflictDirection.ChildEndangersResident, resident, child.Words, ref conflicts);
        }

        if (conflicts is null)
        {
            lines.Add(child.Words.Checked(residents.Count));
            return [];
        }

        foreach (var conflict in conflicts)
        {
            lines.Add(child.Words.ConflictLine(conflict));
        }

        return [.. conflicts];
    }

    /// <summary>Every pair of a risk (from <paramref name="risks"/>) endangering a vulnerability (in <paramref name="vulnerable"/>).</summary>
    private static void Conflicts(int risks, int vulnerable, ConflictDirection direction, Resident resident, MatchWords words,
        ref List<ResidentConflict>? conflicts)
    {
        if (risks == 0 || vulnerable == 0)
        {
            return;
        }

        for (var r = 0; r < EndangersMask.Length; r++)
        {
            var both = EndangersMask[r] & vulnerable;
            if ((risks & (1 << r)) == 0 || both == 0)
            {
                continue;
            }

            for (var v = 0; v < 32; v++)
            {
                if ((both & (1 << v)) != 0)
                {
                    (conflicts ??= []).Add(words.Conflict(direction, (RiskToOthers)r, (Vulnerability)v, resident));
                }
            }
        }
    }

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

    // One overload per enum rather than a generic one: converting a generic enum to int boxes it, once per resident's risk.
    private static int MaskOf(IReadOnlyList<RiskToOthers> values)
    {
        var mask = 0;
        for (var i = 0; i < values.Count; i++)
        {
            mask |= Bit((int)values[i]);
        }

        return mask;
    }

    private static int MaskOf(IReadOnlyList<Vulnerability> values)
    {
        var mask = 0;
        for (var i = 0; i < values.Count; i++)
        {
            mask |= Bit((int)values[i]);
        }

        return mask;
    }

    private static int Bit(int value) => value is >= 0 and < 32 ? 1 << value : 0;

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
        public ChildTerms(MatchRequest request, MatchRules rules)
        {
            Risks = MaskOf(request.RisksToOthers);
            Vulnerabilities = MaskOf(request.Vulnerabilities);
            NeedsSecure = Contains(request.Restrictions, Restriction.SecureAccommodation);
            NeedsParentAndBaby = Contains(request.Needs, PlacementNeed.ParentAndBaby);
            Dangers = [.. request.Dangers
                .Where(d => !d.AreaWide || Compatibility.PlaceMatters(d.Risk, request.Vulnerabilities))
                .Select(d => new DangerPoint(d.Location.Easting, d.Location.Northing, d))];
            Words = new MatchWords(request, rules);
        }

        /// <summary>The sentences of this request's explanations, each made once and shared by every option that needs it.</summary>
        public MatchWords Words { get; }

        public int Risks { get; }

        public int Vulnerabilities { get; }

        public bool NeedsSecure { get; }

        public bool NeedsParentAndBaby { get; }

        public DangerPoint[] Dangers { get; }
    }
}
