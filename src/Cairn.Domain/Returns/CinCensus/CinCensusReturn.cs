namespace Cairn.Domain.Returns.CinCensus;

/// <summary>
/// A children in need census as the DfE receives it: the header and each child with their episodes of need. Codes are
/// held as the strings the return carries, so a code the record got wrong reaches validation rather than failing here.
/// </summary>
public sealed record CinCensusReturn
{
    public required CinCensusHeader Header { get; init; }

    public IReadOnlyList<CinChild> Children { get; init; } = [];

    /// <summary>
    /// The census as at its reference date: the episodes open at some time in the period, and within them what was still
    /// live in the period. Work finished before 1 April is left out (the DfE rejects it: 4013, 8696, 8715, 8930), and dates
    /// after 31 March are not yet known on the reference date. Children with no episode left are dropped.
    /// </summary>
    public CinCensusReturn InCensusPeriod()
    {
        var year = Header.Year;
        var children = new List<CinChild>();
        foreach (var child in Children)
        {
            var episodes = child.Episodes
                .Where(e => e.ReferralDate <= year.End && (e.ClosureDate is not { } closed || closed >= year.Start))
                .Select(e => e.AsAt(year))
                .ToList();
            if (episodes.Count > 0)
            {
                children.Add(child with { Episodes = episodes });
            }
        }

        return this with { Children = children };
    }
}

public sealed record CinCensusHeader
{
    public required CollectionYear Year { get; init; }

    /// <summary>31 March of the census year; held apart from the year so a file that gets it wrong can be checked (rule 100).</summary>
    public required DateOnly ReferenceDate { get; init; }

    /// <summary>The local authority's three-digit DfE number.</summary>
    public required string Lea { get; init; }

    public string? SoftwareCode { get; init; }

    public string? Release { get; init; }

    public string? SerialNo { get; init; }

    /// <summary>When the file was made, in UTC to the second.</summary>
    public DateTimeOffset? DateTime { get; init; }

    public static CinCensusHeader For(CollectionYear year, string lea) => new() { Year = year, ReferenceDate = year.End, Lea = lea };
}

/// <summary>A child in the census: identifiers, characteristics and one or more episodes of need (CINdetails).</summary>
public sealed record CinChild
{
    /// <summary>LAchildID: the authority's own id, at most 20 letters and digits.</summary>
    public required string LaChildId { get; init; }

    public string? Upn { get; init; }

    public string? FormerUpn { get; init; }

    /// <summary>UPNunknown: why there is no UPN (UN1–UN7).</summary>
    public string? UpnUnknown { get; init; }

    public DateOnly? PersonBirthDate { get; init; }

    /// <summary>For an unborn child, instead of the date of birth.</summary>
    public DateOnly? ExpectedPersonBirthDate { get; init; }

    /// <summary>M, F or U. Returned as Sex from 2024/25; before, as GenderCurrent (M 1, F 2, U 0).</summary>
    public string? Sex { get; init; }

    public DateOnly? PersonDeathDate { get; init; }

    public string? Ethnicity { get; init; }

    /// <summary>Disability codes; NONE when the child has none. Empty means not recorded.</summary>
    public IReadOnlyList<string> Disabilities { get; init; } = [];

    public IReadOnlyList<CinEpisode> Episodes { get; init; } = [];

    /// <summary>Whole years of age on the date, or null without a date of birth.</summary>
    public int? AgeOn(DateOnly date)
    {
        if (PersonBirthDate is not { } born || date < born)
        {
            return null;
        }

        var age = date.Year - born.Year;
        return born.AddYears(age) > date ? age - 1 : age;
    }
}

/// <summary>An episode of need (CINdetails): one referral, through assessment and plans, to closure.</summary>
public sealed record CinEpisode
{
    public required DateOnly ReferralDate { get; init; }

    public string? ReferralSource { get; init; }

    public string? PrimaryNeedCode { get; init; }

    public DateOnly? ClosureDate { get; init; }

    public string? ReasonForClosure { get; init; }

    /// <summary>The initial child protection conference, only when no Section47 of this episode records it (rule 2884).</summary>
    public DateOnly? DateOfInitialCpc { get; init; }

    /// <summary>ReferralNFA: the referral led to no further action. Null means the record does not say.</summary>
    public bool? ReferralNfa { get; init; }

    public IReadOnlyList<CinAssessment> Assessments { get; init; } = [];

    public IReadOnlyList<CinPlan> CinPlans { get; init; } = [];

    public IReadOnlyList<CinSection47> Section47s { get; init; } = [];

    public IReadOnlyList<CinChildProtectionPlan> ChildProtectionPlans { get; init; } = [];

    public CinPreProceedings? PreProceedings { get; init; }

    /// <summary>Every initial conference of the episode, at either level.</summary>
    public IEnumerable<DateOnly> InitialConferences =>
        Section47s.Where(s => s.DateOfInitialCpc is not null).Select(s => s.DateOfInitialCpc!.Value)
            .Concat(DateOfInitialCpc is { } d ? [d] : []);

    internal CinEpisode AsAt(CollectionYear year)
    {
        var end = year.End;
        var start = year.Start;
        var closed = ClosureDate <= end;
        return this with
        {
            ClosureDate = closed ? ClosureDate : null,
            ReasonForClosure = closed ? ReasonForClosure : null,
            DateOfInitialCpc = DateOfInitialCpc is { } icpc && year.Contains(icpc) ? icpc : null,
            Assessments = Assessments
                .Where(a => a.StartDate <= end && (a.AuthorisationDate is not { } done || done >= start))
                .Select(a => a.AuthorisationDate > end ? a with { AuthorisationDate = null, Factors = [] } : a)
                .ToList(),
            CinPlans = CinPlans
                .Where(p => p.StartDate <= end && (p.EndDate is not { } over || over >= start))
                .Select(p => p.EndDate > end ? p with { EndDate = null } : p)
                .ToList(),
            Section47s = Section47s
                .Where(s => s.StartDate <= end && (s.DateOfInitialCpc is not { } held || held >= start))
                .Select(s => s.DateOfInitialCpc > end ? s with { DateOfInitialCpc = null } : s)
                .ToList(),
            ChildProtectionPlans = ChildProtectionPlans
                .Where(p => p.StartDate <= end && (p.EndDate is not { } over || over >= start))
                .Select(p => p with
                {
                    EndDate = p.EndDate > end ? null : p.EndDate,
                    ReviewDates = p.ReviewDates.Where(r => r <= end).ToList(),
                })
                .ToList(),
        };
    }
}

/// <summary>An assessment: started, perhaps reviewed, authorised (completed) with the factors identified.</summary>
public sealed record CinAssessment
{
    public required DateOnly StartDate { get; init; }

    public DateOnly? InternalReviewDate { get; init; }

    public DateOnly? AuthorisationDate { get; init; }

    /// <summary>Factors identified at assessment (ASSESSMENT_FACTOR codes), once authorised.</summary>
    public IReadOnlyList<string> Factors { get; init; } = [];
}

/// <summary>A child in need plan's dates.</summary>
public sealed record CinPlan(DateOnly StartDate, DateOnly? EndDate);

/// <summary>A section 47 enquiry: the strategy discussion that began it, and its initial conference or the decision that none is needed.</summary>
public sealed record CinSection47
{
    public required DateOnly StartDate { get; init; }

    /// <summary>15 working days after the start.</summary>
    public DateOnly? InitialCpcTarget { get; init; }

    public DateOnly? DateOfInitialCpc { get; init; }

    public bool IcpcNotRequired { get; init; }
}

/// <summary>A child protection plan with its categories of abuse and review conferences.</summary>
public sealed record CinChildProtectionPlan
{
    public required DateOnly StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public string? InitialCategoryOfAbuse { get; init; }

    public string? LatestCategoryOfAbuse { get; init; }

    /// <summary>Null means the record does not say (rule 8730).</summary>
    public int? NumberOfPreviousCpp { get; init; }

    public IReadOnlyList<DateOnly> ReviewDates { get; init; } = [];
}

/// <summary>
/// Pre-proceedings under the Public Law Outline and family group decision-making (PreProceedingsandFGDM). New in the
/// DfE's 2026 files; no rules check it yet.
/// </summary>
public sealed record CinPreProceedings
{
    public DateOnly? PreProceedingsStartDate { get; init; }

    /// <summary>LBPSentDate: the letter before proceedings was sent.</summary>
    public DateOnly? LetterBeforeProceedingsSentDate { get; init; }

    public bool? FgdmMeetingOffered { get; init; }

    public bool? FgdmMeetingFacilitated { get; init; }

    public DateOnly? InitialMeetingDate { get; init; }

    public int? ReviewMeetingsCount { get; init; }

    public DateOnly? StepDecisionDate { get; init; }

    public string? Outcome { get; init; }

    public DateOnly? CourtApplicationDate { get; init; }

    /// <summary>LetterInitCPDate.</summary>
    public DateOnly? LetterInitiatingCareProceedingsDate { get; init; }
}
