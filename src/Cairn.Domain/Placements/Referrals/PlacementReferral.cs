using Cairn.Domain.Casework;
using Cairn.Domain.Places;
using Cairn.Domain.Time;

namespace Cairn.Domain.Placements.Referrals;

public enum ReferralStatus
{
    /// <summary>Being written: the referrer can still change anything, nobody is searching yet.</summary>
    Draft = 1,
    /// <summary>Sent for a placement: matching runs against it.</summary>
    Submitted = 2,
    /// <summary>A placement was made from it.</summary>
    Placed = 3,
    /// <summary>No longer needed, with the reason.</summary>
    Withdrawn = 4,
}

/// <summary>
/// What a placement referral says about the child (L25, L33, L34, L40): what they need, the risks they pose and face, where they
/// need to be and what they and their family think. Sets are stored as given, without repeats.
/// </summary>
public sealed record ReferralDetails
{
    public const int MaxTextLength = 4000;
    public const int MaxAvoidLength = 1000;

    /// <summary>When the placement is needed by.</summary>
    public DateOnly? NeededBy { get; init; }

    /// <summary>The kinds of setting that would do; empty for any kind suitable for the child's age.</summary>
    public IReadOnlyList<SettingType> AcceptableTypes { get; init; } = [];

    public IReadOnlyList<PlacementNeed> Needs { get; init; } = [];
    public string? NeedsSummary { get; init; }
    public StaffingRatio Staffing { get; init; }
    public bool WakingNightStaff { get; init; }
    public IReadOnlyList<Restriction> Restrictions { get; init; } = [];

    /// <summary>
    /// The referrer has answered the risk section, even if the answer is "none known": a referral that says nothing about risk is
    /// how two residents came to harm (L34), so an unanswered section is never read as "no risk".
    /// </summary>
    public bool RisksAnswered { get; init; }

    public IReadOnlyList<RiskToOthers> RisksToOthers { get; init; } = [];
    public IReadOnlyList<Vulnerability> Vulnerabilities { get; init; } = [];
    public string? RiskSummary { get; init; }

    /// <summary>The home the child should be near (the family), if it matters.</summary>
    public string? HomePostcode { get; init; }

    /// <summary>The school the child should stay near, if it matters.</summary>
    public string? SchoolPostcode { get; init; }

    /// <summary>Areas to keep the child away from, in words (places of concern with postcodes are recorded on the child's record).</summary>
    public string? AreasToAvoid { get; init; }

    /// <summary>What the child wants, in their words where possible (L54).</summary>
    public string? ChildsViews { get; init; }

    /// <summary>What the family think and whether they were consulted (L42).</summary>
    public string? FamilysViews { get; init; }

    /// <summary>The details with text trimmed (blank becomes null), postcodes in their standard form and sets without repeats.</summary>
    public ReferralDetails Tidied() => this with
    {
        AcceptableTypes = AcceptableTypes.Distinct().Order().ToList(),
        Needs = Needs.Distinct().Order().ToList(),
        Restrictions = Restrictions.Distinct().Order().ToList(),
        RisksToOthers = RisksToOthers.Distinct().Order().ToList(),
        Vulnerabilities = Vulnerabilities.Distinct().Order().ToList(),
        NeedsSummary = Trim(NeedsSummary),
        RiskSummary = Trim(RiskSummary),
        HomePostcode = Standard(HomePostcode),
        SchoolPostcode = Standard(SchoolPostcode),
        AreasToAvoid = Trim(AreasToAvoid),
        ChildsViews = Trim(ChildsViews),
        FamilysViews = Trim(FamilysViews),
    };

    /// <summary>What is wrong with the details, field by field; <paramref name="today"/> is the London date.</summary>
    public IReadOnlyList<FieldError> Check(DateOnly today)
    {
        var errors = new List<FieldError>();
        if (NeededBy is { } by && (by < today.AddDays(-7) || by > today.AddYears(1)))
        {
            errors.Add(new(nameof(NeededBy), "The date the placement is needed by must be within the last week or the next year"));
        }

        Defined(AcceptableTypes, nameof(AcceptableTypes), "Select kinds of setting from the list", errors);
        Defined(Needs, nameof(Needs), "Select needs from the list", errors);
        Defined(Restrictions, nameof(Restrictions), "Select restrictions from the list", errors);
        Defined(RisksToOthers, nameof(RisksToOthers), "Select risks from the list", errors);
        Defined(Vulnerabilities, nameof(Vulnerabilities), "Select vulnerabilities from the list", errors);
        if (!Enum.IsDefined(Staffing))
        {
            errors.Add(new(nameof(Staffing), "Select the staffing the child needs"));
        }

        if (Restrictions.Contains(Restriction.SecureAccommodation) && AcceptableTypes.Count > 0
                                                                   && !AcceptableTypes.Contains(SettingType.SecureChildrensHome))
        {
            errors.Add(new(nameof(AcceptableTypes),
                "Secure accommodation can only be in a secure children's home: select it, or remove the restriction"));
        }

        if (!RisksAnswered && (RisksToOthers.Count > 0 || Vulnerabilities.Count > 0))
        {
            errors.Add(new(nameof(RisksAnswered), "Confirm the risk section is complete"));
        }

        foreach (var (field, text, max) in new[]
                 {
                     (nameof(NeedsSummary), NeedsSummary, MaxTextLength), (nameof(RiskSummary), RiskSummary, MaxTextLength),
                     (nameof(AreasToAvoid), AreasToAvoid, MaxAvoidLength), (nameof(ChildsViews), ChildsViews, MaxTextLength),
                     (nameof(FamilysViews), FamilysViews, MaxTextLength),
                 })
        {
            if (text?.Length > max)
            {
                errors.Add(new(field, $"Use {max:N0} characters or fewer"));
            }
        }

        foreach (var (field, postcode) in new[] { (nameof(HomePostcode), HomePostcode), (nameof(SchoolPostcode), SchoolPostcode) })
        {
            if (postcode is not null && !Postcode.TryParse(postcode, out _, out var error))
            {
                errors.Add(new(field, error));
            }
        }

        return errors;
    }

    private static void Defined<T>(IEnumerable<T> values, string field, string message, List<FieldError> errors)
        where T : struct, Enum
    {
        if (values.Any(v => !Enum.IsDefined(v)))
        {
            errors.Add(new(field, message));
        }
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Standard(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Postcode.TryParse(text, out var postcode, out _) ? postcode.ToString() : text.Trim();
}

/// <summary>One assessment a referral rests on, as it stands today.</summary>
public sealed record CitedAssessment(AssessmentId Id, AssessmentType Type, string Name, DateOnly? CompletedOn, AssessmentCurrencyState State);

/// <summary>
/// A request to find a placement for a child (L33, L40): what the child needs, the risks they pose and face (L34), where they need
/// to be (L35, L41), the child's and the family's views (L42, L54), and the assessments it rests on (L25). A referral resting on
/// an out-of-date assessment cannot be submitted unless a manager overrides with a reason; its quality is scored
/// (<see cref="ReferralQuality"/>) and kept at submission for the referral audit.
/// </summary>
public sealed class PlacementReferral
{
    public const int MinReasonLength = 20;
    public const int MaxReasonLength = 2000;

    public static Refusal Stale => Refusal.Conflict("this placement referral");

    private PlacementReferral()
    {
        Details = new ReferralDetails();
    }

    public PlacementReferralId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public ReferralStatus Status { get; private set; }
    public ReferralDetails Details { get; private set; }
    public ProfessionalId ReferredBy { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public ProfessionalId? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The quality score when submitted (0 to 100), kept for the referral audit; null until then.</summary>
    public int? QualityAtSubmission { get; private set; }

    public ProfessionalId? OverriddenBy { get; private set; }
    public string? OverrideReason { get; private set; }
    public DateTimeOffset? OverriddenAt { get; private set; }
    public string? WithdrawnReason { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public PlacementId? PlacementId { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => Status is ReferralStatus.Draft or ReferralStatus.Submitted;

    /// <summary>Starts a draft referral. A child has one open referral at a time: a second is refused while one is open.</summary>
    public static Outcome<PlacementReferral> Start(PersonId child, ReferralDetails? details, bool openReferralExists, ProfessionalId by,
        DateTimeOffset now)
    {
        var tidied = (details ?? new ReferralDetails()).Tidied();
        if (openReferralExists)
        {
            return Refusal.Of(nameof(ReferralDetails.NeededBy),
                "This child already has an open placement referral: change that one, or withdraw it first");
        }

        if (Refusal.FromErrors(tidied.Check(now.InLondon())) is { } refusal)
        {
            return refusal;
        }

        return new PlacementReferral
        {
            Id = PlacementReferralId.New(),
            ChildId = child,
            Status = ReferralStatus.Draft,
            Details = tidied,
            ReferredBy = by,
            StartedAt = now,
            ChangedAt = now,
        };
    }

    /// <summary>Changes what the referral says while it is open. A submitted referral stays submitted; its kept score is not rewritten.</summary>
    public Refusal? Change(ReferralDetails? details, int expectedVersion, DateTimeOffset now)
    {
        if (Version != expectedVersion)
        {
            return Stale;
        }

        if (!IsOpen)
        {
            return Closed();
        }

        var tidied = (details ?? new ReferralDetails()).Tidied();
        if (Refusal.FromErrors(tidied.Check(now.InLondon())) is { } refusal)
        {
            return refusal;
        }

        Details = tidied;
        ChangedAt = now;
        Version++;
        return null;
    }

    /// <summary>
    /// A manager's decision that the referral may go on the assessments it cites although some are out of date (L25), with the reason.
    /// It covers the assessments cited now; the reason is kept and shown on the referral and in the audit report.
    /// </summary>
    public Refusal? OverrideCurrency(string? reason, bool isManager, ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        if (Version != expectedVersion)
        {
            return Stale;
        }

        if (!isManager)
        {
            return Refusal.NotAllowed("Reason", "Only a manager can let a referral rest on an out-of-date assessment. Ask your team manager.");
        }

        if (!IsOpen)
        {
            return Closed();
        }

        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length < MinReasonLength || trimmed.Length > MaxReasonLength)
        {
            return Refusal.Of("Reason",
                $"Say why the referral can rest on an out-of-date assessment, in {MinReasonLength} to {MaxReasonLength:N0} characters");
        }

        OverriddenBy = by;
        OverrideReason = trimmed;
        OverriddenAt = now;
        ChangedAt = now;
        Version++;
        return null;
    }

    /// <summary>
    /// Sends the referral for a placement. Refused when the risk section is unanswered, when no date is given, or when it rests on
    /// an assessment that is out of date (or was not yet authorised) without a manager's override.
    /// </summary>
    public Refusal? Submit(IReadOnlyList<CitedAssessment> cited, ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cited);
        if (Version != expectedVersion)
        {
            return Stale;
        }

        if (Status != ReferralStatus.Draft)
        {
            return Status == ReferralStatus.Submitted
                ? Refusal.Conflict("this placement referral", "This referral has already been submitted.")
                : Closed();
        }

        var errors = new List<FieldError>();
        if (Details.NeededBy is null)
        {
            errors.Add(new(nameof(ReferralDetails.NeededBy), "Enter the date the placement is needed by"));
        }

        if (!Details.RisksAnswered)
        {
            errors.Add(new(nameof(ReferralDetails.RisksAnswered),
                "Answer the risk section (the risks the child poses and faces), even if none are known, before submitting"));
        }

        var outOfDate = cited.Where(c => c.State != AssessmentCurrencyState.Current).ToList();
        if (outOfDate.Count > 0 && OverriddenBy is null)
        {
            errors.AddRange(outOfDate.Select(c => new FieldError("AssessmentIds", c.State == AssessmentCurrencyState.OutOfDate
                ? $"The {c.Name.ToLowerInvariant()} completed on {c.CompletedOn:d MMMM yyyy} is out of date. Update it, or ask a manager "
                  + "to let the referral go with a reason"
                : $"The {c.Name.ToLowerInvariant()} is not authorised yet: only a completed assessment can be relied on")));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        Status = ReferralStatus.Submitted;
        SubmittedBy = by;
        SubmittedAt = now;
        QualityAtSubmission = ReferralQuality.Of(Details, cited, OverriddenBy is not null).Score;
        ChangedAt = now;
        Version++;
        return null;
    }

    /// <summary>Closes the referral as no longer needed, with the reason.</summary>
    public Refusal? Withdraw(string? reason, int expectedVersion, DateTimeOffset now)
    {
        if (Version != expectedVersion)
        {
            return Stale;
        }

        if (!IsOpen)
        {
            return Closed();
        }

        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length is < 1 or > MaxReasonLength)
        {
            return Refusal.Of("Reason", $"Say why the referral is withdrawn, in {MaxReasonLength:N0} characters or fewer");
        }

        Status = ReferralStatus.Withdrawn;
        WithdrawnReason = trimmed;
        ClosedAt = now;
        ChangedAt = now;
        Version++;
        return null;
    }

    /// <summary>
    /// Marks the referral changed when what it rests on changes (an assessment cited or taken off), so a change made on an older
    /// reading of it is caught as a conflict.
    /// </summary>
    public Refusal? Touch(DateTimeOffset now)
    {
        ChangedAt = now;
        Version++;
        return null;
    }

    /// <summary>Records the placement made from this submitted referral, closing it.</summary>
    public Refusal? Place(PlacementId placement, DateTimeOffset now)
    {
        if (Status != ReferralStatus.Submitted)
        {
            return Refusal.Of("ReferralId", "Only a submitted referral can lead to a placement");
        }

        Status = ReferralStatus.Placed;
        PlacementId = placement;
        ClosedAt = now;
        ChangedAt = now;
        Version++;
        return null;
    }

    private static Refusal Closed() =>
        Refusal.Conflict("this placement referral", "This referral is closed: start a new one if a placement is needed.");
}
