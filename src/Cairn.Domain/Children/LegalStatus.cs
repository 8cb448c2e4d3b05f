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
    public static Outcome<LegalStatus> Change(LegalStatus? current, PersonId child, LegalStatusKind kind,
        ChildProtectionCategory? category, DateOnly from, string reason, ProfessionalId by, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
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
        });
    }
}
