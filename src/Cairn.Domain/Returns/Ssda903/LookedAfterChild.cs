namespace Cairn.Domain.Returns.Ssda903;

/// <summary>
/// What the record supplies about one child for the 903: plain values already in the DfE's codes. The web layer maps the
/// record into it; the episode builder turns it into the return's rows.
/// </summary>
public sealed record LookedAfterChild
{
    /// <summary>The LA's child id (CHILD), the same every year.</summary>
    public required string ChildId { get; init; }

    /// <summary>M, F or U from 2024/25 (1 or 2 before).</summary>
    public required string Sex { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    public required string Ethnicity { get; init; }

    /// <summary>The 13-character UPN, or UN1–UN5 when it is not known.</summary>
    public required string Upn { get; init; }

    /// <summary>Whether the child is a mother (asked of girls who are looked after); null when not recorded.</summary>
    public bool? IsMother { get; init; }

    public DateOnly? MothersChildDateOfBirth { get; init; }

    /// <summary>Category of need (N1–N8) at the start of the period of care.</summary>
    public required string CategoryOfNeed { get; init; }

    /// <summary>The home postcode the child came into care from (HOME_POST).</summary>
    public string? HomePostcode { get; init; }

    public IReadOnlyList<LegalStatusPeriod> LegalStatuses { get; init; } = [];

    public IReadOnlyList<PlacementPeriod> Placements { get; init; } = [];

    public IReadOnlyList<LookedAfterReview> Reviews { get; init; } = [];

    public IReadOnlyList<MissingPeriod> MissingEpisodes { get; init; } = [];

    /// <summary>Set when the child is or was an unaccompanied asylum-seeking child.</summary>
    public UascStatus? Uasc { get; init; }

    /// <summary>Outcomes for a child looked after for 12 months (OC2); written only when the child qualifies.</summary>
    public ContinuousCareOutcomes? Outcomes { get; init; }

    /// <summary>Care leaver information around the 17th to 21st birthday (OC3).</summary>
    public CareLeaverOutcome? CareLeaver { get; init; }

    /// <summary>Adoption details (AD1), for a child adopted from care in the year.</summary>
    public AdoptionDetails? Adoption { get; init; }

    public IReadOnlyList<AdoptionDecision> AdoptionDecisions { get; init; } = [];

    public PreviousPermanence? PreviousPermanence { get; init; }

    public IReadOnlyList<SocialWorkerEpisode> SocialWorkers { get; init; } = [];

    public IReadOnlyList<DeprivationOfLibertyOrder> DeprivationOfLiberty { get; init; } = [];
}

/// <summary>
/// A period under one legal status (903 LS code). Periods follow each other: the next starts on the day this one ends. When
/// care ends with this period, <paramref name="ReasonCareCeased"/> is the REC (E11…E8); otherwise it is ignored.
/// </summary>
public sealed record LegalStatusPeriod(string Code, DateOnly Start, DateOnly? End, string? ReasonCareCeased = null);

/// <summary>
/// A placement: where the child lived and with whom. <paramref name="CarerId"/> identifies the carer(s) or setting, so that a
/// change of placement with the same carers (RNE T or U) is told from a change of carers (P or B).
/// <paramref name="ReasonForChange"/> is why the placement ended when the child moved to another (REASON_PLACE_CHANGE).
/// </summary>
public sealed record PlacementPeriod(
    DateOnly Start, DateOnly? End, string PlacementType, string? Provider, string? Urn, string? Postcode, string CarerId,
    string? ReasonForChange = null);

/// <summary>A statutory looked-after review and how the child took part (REVIEW_CODE PN0–PN7).</summary>
public sealed record LookedAfterReview(DateOnly Date, string Participation);

/// <summary>A missing (M) or away without authorisation (A) episode.</summary>
public sealed record MissingPeriod(string Kind, DateOnly Start, DateOnly? End);

/// <summary>The child is or was UASC; <paramref name="Ceased"/> is the date that status ended (DUC).</summary>
public sealed record UascStatus(DateOnly? Ceased);

/// <summary>OC2: health, offending and SDQ for a child looked after continuously for 12 months at 31 March.</summary>
public sealed record ContinuousCareOutcomes
{
    public int? SdqScore { get; init; }

    public string? SdqReason { get; init; }

    public bool? Convicted { get; init; }

    public bool? HealthCheck { get; init; }

    public bool? Immunisations { get; init; }

    public bool? TeethCheck { get; init; }

    public bool? HealthAssessment { get; init; }

    public bool? SubstanceMisuse { get; init; }

    public bool? InterventionReceived { get; init; }

    public bool? InterventionOffered { get; init; }
}

/// <summary>OC3: whether the LA is in touch with the care leaver, their main activity and accommodation (codes).</summary>
public sealed record CareLeaverOutcome(string InTouch, string Activity, string Accommodation);

/// <summary>AD1: dates of the decision and the match, and about the adopters (codes).</summary>
public sealed record AdoptionDetails(
    DateOnly ShouldBePlacedDate, DateOnly MatchedDate, bool ByFormerFosterCarers, int NumberOfAdopters, string SexOfAdopters,
    string LegalStatusOfAdopters);

/// <summary>A decision that the child should be placed for adoption, and its reversal if any.</summary>
public sealed record AdoptionDecision(DateOnly Decided, DateOnly? Reversed = null, string? ReasonReversed = null);

/// <summary>The child's permanence before this period of care: PREV_PERM, the arranging LA and the date (ZZ for unknown parts).</summary>
public sealed record PreviousPermanence(string Code, string? LocalAuthority = null, string? Date = null);

/// <summary>A social worker's allocation: their Social Work England id, its dates and the reason it changed (SW_REASON).</summary>
public sealed record SocialWorkerEpisode(string SocialWorkerId, DateOnly Start, DateOnly? End, string? Reason);

/// <summary>A deprivation of liberty order (2026/27 onwards).</summary>
public sealed record DeprivationOfLibertyOrder(DateOnly Start, DateOnly? End);
