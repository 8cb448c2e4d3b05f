using Cairn.Domain.Agencies;
using Cairn.Domain.Time;

namespace Cairn.Domain.Children;

/// <summary>The legal basis on which the local authority is working with the child (L20).</summary>
public enum LegalStatusKind
{
    None = 0,
    EarlyHelp = 1,
    ChildInNeed = 2,
    Section47Enquiry = 3,
    ChildProtectionPlan = 4,
    LookedAfterSection20 = 5,
    LookedAfterCareOrder = 6,
    LookedAfterInterimCareOrder = 7,
    PoliceProtection = 8,
    CareLeaver = 9,
}

/// <summary>Child protection plan categories (Working Together; CIN census CategoryOfAbuse).</summary>
public enum ChildProtectionCategory
{
    Neglect = 1,
    PhysicalAbuse = 2,
    SexualAbuse = 3,
    EmotionalAbuse = 4,
    MultipleCategories = 5,
}

/// <summary>One period of a legal status. A new status closes the previous one; history is kept.</summary>
public sealed class LegalStatus
{
    private LegalStatus()
    {
        Reason = "";
    }

    public LegalStatusId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public LegalStatusKind Kind { get; private set; }
    public ChildProtectionCategory? Category { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }
    public string Reason { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// The SSDA903 category of need (CIN, N1–N8), recorded when the child starts to be looked after: the main reason the child
    /// needed to be (issue #19). Null for a status that is not looked after, or an older record made before it was asked.
    /// </summary>
    public string? NeedCode { get; private set; }

    /// <summary>
    /// The SSDA903 reason the period of care ceased (REC, E11…E8), recorded on the last looked-after status when a status that
    /// is not looked after follows it (issue #19). Null while the child is looked after.
    /// </summary>
    public string? ReasonCareCeased { get; private set; }

    /// <summary>Changes with each correction of the return's codes: a stale correction is refused.</summary>
    public int Version { get; private set; }

    /// <summary>Whether the kind is one under which the child is looked after (section 20, a care order or an interim one).</summary>
    public static bool IsLookedAfter(LegalStatusKind kind) =>
        kind is LegalStatusKind.LookedAfterSection20 or LegalStatusKind.LookedAfterCareOrder or LegalStatusKind.LookedAfterInterimCareOrder;

    /// <summary>
    /// The legal basis is the local authority's decision: only children's social care records it. Other
    /// agencies see it on the child's page.
    /// </summary>
    public static bool MayBeRecordedBy(AgencyKind agency) => agency == AgencyKind.ChildrensSocialCare;

    public const string OnlySocialCare =
        "Only children's social care can record a child's legal status. Share the information with the allocated social worker.";

    /// <summary>
    /// Records a new status from a date, closing the current one the day before. Refused when the new
    /// status starts before the current one started, so history is never rewritten by accident.
    /// </summary>
    /// <remarks>
    /// <paramref name="codes"/> are the return's codes (issue #19): the category of need when the child starts to be looked
    /// after, and the reason care ceased when a looked-after status is followed by one that is not. Each is checked against the
    /// DfE's list (<c>data/returns/ssda903_codes.csv</c>) and refused where it does not apply.
    /// </remarks>
    public static Outcome<LegalStatus> Change(LegalStatus? current, PersonId child, LegalStatusKind kind,
        ChildProtectionCategory? category, DateOnly from, string reason, ProfessionalId by, DateTimeOffset now, ReturnCodes? codes = null)
    {
        var errors = new List<FieldError>();
        codes ??= ReturnCodes.None;
        var startsCare = IsLookedAfter(kind) && (current is null || !IsLookedAfter(current.Kind));
        var endsCare = current is not null && IsLookedAfter(current.Kind) && !IsLookedAfter(kind);
        errors.AddRange(CheckCodes(codes, startsCare, endsCare, from));

        if (!Enum.IsDefined(kind))
        {
            errors.Add(new("Kind", "Select the legal status"));
        }

        if (kind == LegalStatusKind.ChildProtectionPlan && category is null)
        {
            errors.Add(new("Category", "Select the category of the child protection plan"));
        }

        if (kind != LegalStatusKind.ChildProtectionPlan && category is not null)
        {
            errors.Add(new("Category", "A category applies only to a child protection plan"));
        }

        if (from > now.InLondon())
        {
            errors.Add(new("From", "The date must be today or in the past"));
        }

        if (current is not null && from <= current.From)
        {
            errors.Add(new("From", $"The date must be after the current status started ({current.From:d MMMM yyyy})"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new("Reason", "Enter the reason or the decision this status follows"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        current?.To = from.AddDays(-1);
        if (endsCare)
        {
            current!.ReasonCareCeased = codes.ReasonCareCeased;
        }

        return Outcome<LegalStatus>.Success(new LegalStatus
        {
            Id = LegalStatusId.New(),
            ChildId = child,
            Kind = kind,
            Category = category,
            From = from,
            Reason = reason.Trim(),
            RecordedBy = by,
            RecordedAt = now,
            NeedCode = startsCare ? codes.NeedCode : null,
        });
    }

    /// <summary>
    /// Records or corrects the return's codes on this status (issue #19): the category of need when this status started a period
    /// of care (<paramref name="previous"/> was not looked after), the reason care ceased when it ended one (<paramref name="next"/>
    /// is not looked after). A blank code leaves the one held. Refused as stale when someone else corrected it meanwhile.
    /// </summary>
    public Refusal? CorrectCodes(ReturnCodes codes, LegalStatus? previous, LegalStatus? next, int expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (expectedVersion != Version)
        {
            return Refusal.Conflict("this legal status");
        }

        var startedCare = IsLookedAfter(Kind) && (previous is null || !IsLookedAfter(previous.Kind));
        var endedCare = IsLookedAfter(Kind) && next is not null && !IsLookedAfter(next.Kind);
        if (codes.NeedCode is null && codes.ReasonCareCeased is null)
        {
            return Refusal.Of("NeedCode", "Select the category of need or the reason care ceased");
        }

        if (Refusal.FromErrors(CheckCodes(codes, startedCare, endedCare, From)) is { } refusal)
        {
            return refusal;
        }

        NeedCode = codes.NeedCode ?? NeedCode;
        ReasonCareCeased = codes.ReasonCareCeased ?? ReasonCareCeased;
        Version++;
        return null;
    }

    private static List<FieldError> CheckCodes(ReturnCodes codes, bool startsCare, bool endsCare, DateOnly on)
    {
        var errors = new List<FieldError>();
        var year = Returns.CollectionYear.Containing(on);
        if (codes.NeedCode is { } need && (!startsCare || !Returns.Ssda903.Ssda903Codes.IsValid("CIN_NEED", need, year)))
        {
            errors.Add(new("NeedCode", startsCare
                ? "Select the category of need from the list"
                : "A category of need is recorded only when the child starts to be looked after"));
        }

        if (codes.ReasonCareCeased is { } ceased
            && (!endsCare || ceased == "X1" || !Returns.Ssda903.Ssda903Codes.IsValid("REC", ceased, year)))
        {
            errors.Add(new("ReasonCareCeased", endsCare
                ? "Select the reason the child stopped being looked after from the list"
                : "A reason care ceased is recorded only when a looked-after child stops being looked after"));
        }

        return errors;
    }
}

/// <summary>The SSDA903 codes a professional gives with a legal status change (issue #19); each optional.</summary>
public sealed record ReturnCodes(string? NeedCode = null, string? ReasonCareCeased = null)
{
    public static ReturnCodes None { get; } = new();
}
