namespace Cairn.Domain.Returns.CinCensus;

/// <summary>
/// The census rules Cairn checks, each under the DfE's rule code. What a rule says (message, error or query, fields) comes
/// from the year's catalogue, not from here; here is only how each is tested, read from the rule's message and the DfE's
/// validator. Dates are typed, so the rules about date formats cannot fail and are not repeated.
/// </summary>
internal static class CinChecks
{
    private static readonly string[] ClosedAfterAssessment = ["RC8", "RC9"];

    public static IReadOnlyDictionary<string, CinCheck> All { get; } = new Dictionary<string, CinCheck>(StringComparer.Ordinal)
    {
        // The header.
        ["100"] = new((census, _) => census.Header.ReferenceDate != census.Header.Year.End ? [null] : []),

        // Identifiers.
        ["1510"] = CinCheck.Child(c => c.Upn is { } upn && CinUpn.HasNumericSerial(upn) && CinUpn.HasValidLastCharacter(upn)
            && !CinUpn.HasValidCheckLetter(upn)),
        ["1520"] = new((census, _) => Duplicated(census, c => c.Upn)),
        ["1540"] = CinCheck.Child(c => c.Upn is { } upn && !CinUpn.HasNumericSerial(upn)),
        ["1550"] = CinCheck.Child(c => c.Upn is { } upn && upn.Length == 13 && !CinUpn.HasValidLastCharacter(upn)),
        ["1560Q"] = CinCheck.Child(c => c.FormerUpn is { } upn && !CinUpn.IsWellFormed(upn)),
        ["1570"] = CinCheck.Child(c => c.LaChildId.Length > 20),
        ["1580"] = CinCheck.Child(c => !c.LaChildId.All(char.IsAsciiLetterOrDigit)),
        ["8500"] = CinCheck.Child(c => string.IsNullOrWhiteSpace(c.LaChildId)),
        ["8510"] = new((census, _) => Duplicated(census, c => c.LaChildId)),
        ["8772"] = CinCheck.Child(c => c.UpnUnknown == "UN7" && c.Episodes.Any(e => e.ReferralNfa == false)),
        // The DfE's test: born six or more years before the reference date, with a referral that went on to further action.
        ["8770Q"] = CinCheck.Child((c, x) => c.Upn is null && c.UpnUnknown is not ("UN2" or "UN3" or "UN4" or "UN5" or "UN6" or "UN7")
            && c.PersonBirthDate <= x.Year.End.AddYears(-6) && c.Episodes.Any(e => e.ReferralNfa == false)),

        // Characteristics.
        ["4180"] = CinCheck.Child((c, x) => CinCensusYears.ReturnsSex(x.Year) && !CinCodes.IsValid(CinCodes.Sex, c.Sex, x.Year)),
        ["4220"] = CinCheck.Child((c, x) => !CinCodes.IsValid(CinCodes.Ethnic, c.Ethnicity, x.Year)),
        ["8520"] = CinCheck.Child((c, x) => c.PersonBirthDate > x.Year.End),
        ["8525Q"] = CinCheck.Child(c => c.PersonBirthDate is null == c.ExpectedPersonBirthDate is null),
        ["8530Q"] = CinCheck.Child((c, x) => c.ExpectedPersonBirthDate is { } due
            && (due < new DateOnly(x.Year.EndingYear, 3, 1) || due > new DateOnly(x.Year.EndingYear, 12, 31))),
        ["8535Q"] = CinCheck.Child(c => c.PersonDeathDate < c.PersonBirthDate),
        ["8545Q"] = CinCheck.Child((c, x) => x.OutsidePeriod(c.PersonDeathDate)),
        // A born child with a referral that went on to further action needs one or more disability codes, all valid.
        ["8540"] = CinCheck.Child((c, x) => c.PersonBirthDate is not null && c.Episodes.Any(e => e.ReferralNfa == false)
            && (c.Disabilities.Count == 0 || c.Disabilities.Any(d => !CinCodes.IsValid(CinCodes.Disability, d, x.Year)))),
        ["8750"] = CinCheck.Child((c, x) => CinCensusYears.ReturnsSex(x.Year) && c.PersonBirthDate is null && c.ExpectedPersonBirthDate is not null
            && c.Sex != "U"),
        ["8775Q"] = CinCheck.Child((c, x) => c.AgeOn(x.Year.End) > 25),
        ["8790"] = CinCheck.Child(c => c.Disabilities.Contains("NONE") && c.Disabilities.Count > 1),
        ["8794"] = CinCheck.Child(c => c.Disabilities.Distinct().Count() < c.Disabilities.Count),
        ["2886Q"] = new((census, x) => NoSexShare(census) > 0.02m ? [null] : []),
        ["2887Q"] = new((census, _) => census.Children.SelectMany(c => c.Disabilities).Where(d => d != "NONE").Distinct().Count() < 8
            ? [null] : []),
        ["2888Q"] = new((census, _) =>
            census.Children.Any(c => c.Disabilities.Any(d => d != "NONE")) && census.Children.All(c => c.Disabilities.Count <= 1)
                ? [null] : []),

        // Episodes of need: referral and closure.
        ["8590"] = CinCheck.Child(c => c.Episodes.Count == 0),
        ["8600"] = CinCheck.Episode((e, x) => e.ReferralDate > x.Year.End),
        ["8606"] = CinCheck.EpisodeOf((c, e) => (c.PersonBirthDate ?? c.ExpectedPersonBirthDate) is { } born
            && e.ReferralDate < born.AddDays(-40 * 7)),
        ["8555Q"] = CinCheck.EpisodeOf((c, e) => e.ReferralDate > c.PersonDeathDate),
        ["8568"] = CinCheck.Episode(e => e.ReferralNfa is null),
        ["8569Q"] = CinCheck.Episode((e, x) => e.ReferralNfa == true && e.ReferralDate < WorkingDayBefore(x.Year.Start, x)),
        ["8610"] = CinCheck.Episode(e => e.ReferralNfa == false && string.IsNullOrWhiteSpace(e.PrimaryNeedCode)),
        ["8650"] = CinCheck.Episode((e, x) => e.PrimaryNeedCode is { } need && !CinCodes.IsValid(CinCodes.PrimaryNeed, need, x.Year)),
        ["8866"] = CinCheck.Episode((e, x) => !CinCodes.IsValid(CinCodes.ReferralSource, e.ReferralSource, x.Year)),
        ["8620"] = CinCheck.Episode((e, x) => x.OutsidePeriod(e.ClosureDate)),
        ["8630"] = CinCheck.Episode(e => e.ClosureDate < e.ReferralDate),
        ["8640"] = CinCheck.Episode((e, x) => e.ReasonForClosure is { } reason && !CinCodes.IsValid(CinCodes.ReasonForClosure, reason, x.Year)),
        ["8805"] = CinCheck.Episode(e => e.ClosureDate is not null && string.IsNullOrWhiteSpace(e.ReasonForClosure)),
        ["8810"] = CinCheck.Episode(e => e.ClosureDate is null && !string.IsNullOrWhiteSpace(e.ReasonForClosure)),
        ["8585Q"] = CinCheck.Child(c => c.PersonDeathDate is null && c.Episodes.Any(e => e.ReasonForClosure == "RC2")),
        ["8815"] = CinCheck.Child(c => c.Episodes.Count(e => e.ClosureDate is null && e.ReferralNfa != true) > 1),
        ["8816"] = CinCheck.Child(c => c.Episodes.Any(e => e.ClosureDate is null && e.ReferralNfa != true
            && c.Episodes.Any(later => later.ReferralDate > e.ReferralDate))),
        ["8820"] = CinCheck.Child(c => AnyPairOverlaps(c.Episodes, e => (e.ReferralDate, e.ClosureDate))),
        ["8565"] = CinCheck.Episode(e => e.ClosureDate is { } closed && ActivityDates(e).Any(d => d > closed)),
        ["2990"] = CinCheck.Episode(e => ClosedAfterAssessment.Contains(e.ReasonForClosure)
            && (e.CinPlans.Count > 0 || e.Section47s.Count > 0 || e.ChildProtectionPlans.Count > 0)),
        ["8825Q"] = CinCheck.Episode(e => ClosedAfterAssessment.Contains(e.ReasonForClosure) && e.Assessments.Count == 0),
        ["8831"] = CinCheck.Episode(e => e.ReferralNfa == true
            && (e.Assessments.Count > 0 || e.Section47s.Count > 0 || e.DateOfInitialCpc is not null)),
        ["8832"] = CinCheck.Episode(e => e.ReferralNfa == true && e.ChildProtectionPlans.Count > 0),
        ["8867"] = CinCheck.Episode(e => e.ClosureDate is not null && e.Assessments.Any(a => a.AuthorisationDate is null)),
        ["8868"] = CinCheck.Episode(e => e.ClosureDate is not null && e.Section47s.Any(IsOpen)),

        // Assessments.
        ["1103"] = CinCheck.Episode(e => e.Assessments.Any(a => a.StartDate < e.ReferralDate)),
        ["8608"] = CinCheck.Episode(e => e.Assessments.Any(a => a.StartDate > a.AuthorisationDate)),
        ["8614"] = CinCheck.Episode(e => e.Assessments.Any(a => a.AuthorisationDate is null && a.Factors.Count > 0)),
        ["8696"] = CinCheck.Episode((e, x) => e.Assessments.Any(a => x.OutsidePeriod(a.AuthorisationDate))),
        ["8736"] = CinCheck.Episode((e, x) => e.Assessments.Any(a => a.AuthorisationDate is null && !x.InPeriod(a.StartDate))),
        ["8670Q"] = CinCheck.Episode((e, x) => e.Assessments.Any(a => a.AuthorisationDate is null
            && x.Calendar.WorkingDaysBetween(a.StartDate, x.Year.End) > 45)),
        ["8863Q"] = CinCheck.Child(c => AnyPairOverlaps(c.Episodes.SelectMany(e => e.Assessments), a => (a.StartDate, a.AuthorisationDate))),
        ["8869"] = CinCheck.Episode(e => e.Assessments.Any(a => a.Factors.Contains("21") && a.Factors.Count > 1)),
        // Open or closed: the DfE's validator raises it for an open episode too, as the case should close RC8 or RC9.
        ["8873Q"] = CinCheck.Episode(e => e.Assessments is [{ Factors: var factors }] && factors.Contains("21")
            && !ClosedAfterAssessment.Contains(e.ReasonForClosure)),
        ["8896"] = CinCheck.Episode(e => e.Assessments.Count(a => a.AuthorisationDate is null) > 1),
        ["8897Q"] = CinCheck.Episode(e => e.Assessments.Any(a => a.AuthorisationDate is not null && a.Factors.Count == 0)),
        ["8898"] = CinCheck.Episode(e => e.Assessments.Any(a => a.Factors.Distinct().Count() < a.Factors.Count)),
        ["8945Q"] = CinCheck.Episode(e => e.Assessments.Any(a => a.Factors.Contains("18A"))),
        ["8950Q"] = CinCheck.Episode(e => e.Assessments.Any(a => a.Factors.Contains("19A"))),

        // CIN plans.
        ["4000"] = CinCheck.Episode(e => e.ReferralNfa == true && e.CinPlans.Count > 0),
        ["4004"] = CinCheck.Child(c => Plans(c).Count(p => p.EndDate is null) > 1),
        ["4008"] = CinCheck.Child(c => Plans(c).Any(p => p.StartDate > c.PersonDeathDate)),
        ["4009Q"] = CinCheck.Child(c => Plans(c).Any(p => p.EndDate > c.PersonDeathDate)),
        ["4010"] = CinCheck.Child((c, x) => Plans(c).Any(p => p.StartDate > x.Year.End)),
        ["4011"] = CinCheck.Child(c => Plans(c).Any(p => p.EndDate < p.StartDate)),
        ["4012Q"] = CinCheck.Child(c => Plans(c).Any(p => p.EndDate == p.StartDate)),
        ["4013"] = CinCheck.Child((c, x) => Plans(c).Any(p => x.OutsidePeriod(p.EndDate))),
        ["4014"] = CinCheck.Child(c => AnyPairOverlaps(Plans(c), p => (p.StartDate, p.EndDate))),
        ["4015"] = CinCheck.Episode(e => e.CinPlans.Any(p => p.StartDate < e.ReferralDate)),
        // An episode with a child protection plan still open must not also have a CIN plan still open.
        ["4001"] = CinCheck.Episode(e => e.ChildProtectionPlans.Any(p => p.EndDate is null) && e.CinPlans.Any(p => p.EndDate is null)),
        ["4016"] = CinCheck.Child(c => Plans(c).Any(p => Cpps(c).Any(cp => Within(p.StartDate, cp.StartDate, cp.EndDate)))),
        ["4017"] = CinCheck.Child(c => Cpps(c).Any(cp => Plans(c)
            .Any(p => cp.StartDate > p.StartDate && (p.EndDate is null || cp.StartDate < p.EndDate)))),
        // A review held while a CIN plan was open, unless it was the review that ended the child protection plan.
        ["4003"] = CinCheck.Child(c => Cpps(c).Any(cp => cp.ReviewDates
            .Any(r => r != cp.EndDate && Plans(c).Any(p => Within(r, p.StartDate, p.EndDate))))),

        // Section 47 enquiries and initial conferences.
        ["1104"] = CinCheck.Episode(e => e.InitialConferences.Any(d => d < e.ReferralDate)),
        ["2889"] = CinCheck.Episode(e => e.Section47s.Any(s => s.StartDate < e.ReferralDate)),
        ["2884"] = CinCheck.Episode(e => e.DateOfInitialCpc is not null && e.Section47s.Any(s => s.DateOfInitialCpc is not null)),
        ["2991Q"] = CinCheck.Episode(e => e.Section47s.Count > 0 && e.Assessments.Count == 0),
        ["8615"] = CinCheck.Episode(e => e.Section47s.Any(s => s.StartDate > s.DateOfInitialCpc)),
        ["8715"] = CinCheck.Episode((e, x) => e.InitialConferences.Any(d => !x.InPeriod(d))),
        ["8740"] = CinCheck.Episode((e, x) => e.Section47s.Any(s => IsOpen(s) && !x.InPeriod(s.StartDate))),
        ["8675Q"] = CinCheck.Episode((e, x) => e.Section47s.Any(s => IsOpen(s)
            && x.Calendar.WorkingDaysBetween(s.StartDate, x.Year.End) > 15)),
        ["8839"] = CinCheck.Episode(e => e.Section47s.Count(IsOpen) > 1),
        ["8870Q"] = CinCheck.Episode(e => e.Section47s.Any(s => s.InitialCpcTarget is { } target && IsWeekend(target))),
        ["8875"] = CinCheck.Episode(e => e.InitialConferences.Any(IsWeekend)),
        ["8890"] = CinCheck.Child(c => AnyPairOverlaps(c.Episodes.SelectMany(e => e.Section47s), s => (s.StartDate, S47End(s)))),

        // Child protection plans.
        ["1105"] = CinCheck.Episode(e => e.ChildProtectionPlans.Any(p => p.StartDate < e.ReferralDate)),
        ["2883"] = CinCheck.Episode(e => e.ChildProtectionPlans.Count > e.InitialConferences.Count()),
        // A plan starting in the period starts on the day of one of its episode's initial conferences (none is no match).
        ["2885"] = CinCheck.Episode((e, x) => e.ChildProtectionPlans
            .Any(p => x.InPeriod(p.StartDate) && !e.InitialConferences.Contains(p.StartDate))),
        ["8720"] = CinCheck.Child((c, x) => Cpps(c).Any(p => p.StartDate > x.Year.End)),
        ["8730"] = CinCheck.Child(c => Cpps(c).Any(p => p.NumberOfPreviousCpp is null)),
        ["8840"] = CinCheck.Child(c => Cpps(c).Any(p => p.EndDate == p.StartDate)),
        ["8841"] = CinCheck.Child(c => Cpps(c).Any(p => p.ReviewDates.Any(r => r <= p.StartDate))),
        ["8905"] = CinCheck.Child((c, x) => Cpps(c).Any(p => !CinCodes.IsValid(CinCodes.CategoryOfAbuse, p.InitialCategoryOfAbuse, x.Year))),
        ["8910"] = CinCheck.Child((c, x) => Cpps(c).Any(p => !CinCodes.IsValid(CinCodes.CategoryOfAbuse, p.LatestCategoryOfAbuse, x.Year))),
        ["8915"] = CinCheck.Child(c => Cpps(c).Any(p => p.StartDate > c.PersonDeathDate)),
        ["8920"] = CinCheck.Child(c => Cpps(c).Any(p => p.EndDate > c.PersonDeathDate)),
        ["8925"] = CinCheck.Child(c => Cpps(c).Any(p => p.EndDate < p.StartDate)),
        ["8930"] = CinCheck.Child((c, x) => Cpps(c).Any(p => x.OutsidePeriod(p.EndDate))),
        ["8935"] = CinCheck.Child(c => Cpps(c).Count(p => p.EndDate is null) > 1),
        ["8940"] = CinCheck.Child(c => AnyPairOverlaps(Cpps(c), p => (p.StartDate, p.EndDate))),
    };

    /// <summary>Catalogue rules Cairn does not check, and why.</summary>
    public static IReadOnlyDictionary<string, string> NotImplemented { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1530"] = "Needs the DfE's list of LA numbers valid in a UPN, which data/returns does not hold yet.",
        ["8842Q"] = "A review without a date cannot be held: the model's review is its date, so the export cannot produce one.",
    };

    private static IEnumerable<CinPlan> Plans(CinChild child) => child.Episodes.SelectMany(e => e.CinPlans);

    private static IEnumerable<CinChildProtectionPlan> Cpps(CinChild child) => child.Episodes.SelectMany(e => e.ChildProtectionPlans);

    /// <summary>An enquiry with neither its conference nor the decision that none is needed.</summary>
    private static bool IsOpen(CinSection47 s) => s.DateOfInitialCpc is null && !s.IcpcNotRequired;

    // An enquiry ends at its conference; one that needed none ended when it started, as far as the census can tell.
    private static DateOnly? S47End(CinSection47 s) => s.DateOfInitialCpc ?? (s.IcpcNotRequired ? s.StartDate : null);

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static IEnumerable<DateOnly> ActivityDates(CinEpisode e) =>
        e.InitialConferences
            .Concat(e.Assessments.Select(a => a.StartDate))
            .Concat(e.Assessments.Where(a => a.AuthorisationDate is not null).Select(a => a.AuthorisationDate!.Value))
            .Concat(e.Section47s.Select(s => s.StartDate))
            .Concat(e.ChildProtectionPlans.Where(p => p.EndDate is not null).Select(p => p.EndDate!.Value))
            .Concat(e.CinPlans.Select(p => p.StartDate))
            .Concat(e.CinPlans.Where(p => p.EndDate is not null).Select(p => p.EndDate!.Value));

    /// <summary>Two spans share a day after both have begun; a span may end on the day the next begins. No end is open.</summary>
    private static bool Overlap(DateOnly start1, DateOnly? end1, DateOnly start2, DateOnly? end2) =>
        start1 < (end2 ?? DateOnly.MaxValue) && start2 < (end1 ?? DateOnly.MaxValue);

    /// <summary>A date after a span began and before it ended (or with the span still open).</summary>
    private static bool Within(DateOnly date, DateOnly start, DateOnly? end) => date >= start && date < (end ?? DateOnly.MaxValue);

    private static bool AnyPairOverlaps<T>(IEnumerable<T> items, Func<T, (DateOnly Start, DateOnly? End)> span)
    {
        var spans = items.Select(span).OrderBy(s => s.Start).ToList();
        for (var i = 0; i < spans.Count; i++)
        {
            for (var j = i + 1; j < spans.Count; j++)
            {
                if (Overlap(spans[i].Start, spans[i].End, spans[j].Start, spans[j].End))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<string?> Duplicated(CinCensusReturn census, Func<CinChild, string?> key) =>
        census.Children
            .Where(c => !string.IsNullOrWhiteSpace(key(c)))
            .GroupBy(key, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(c => (string?)c.LaChildId));

    private static DateOnly WorkingDayBefore(DateOnly date, CinCheckContext context)
    {
        var day = date.AddDays(-1);
        while (!context.Calendar.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>The share of born children with no sex recorded, or U (rule 2886Q).</summary>
    private static decimal NoSexShare(CinCensusReturn census)
    {
        var born = census.Children.Where(c => c.ExpectedPersonBirthDate is null || c.PersonBirthDate is not null).ToList();
        return born.Count == 0 ? 0 : born.Count(c => c.Sex is null or "U") / (decimal)born.Count;
    }
}
