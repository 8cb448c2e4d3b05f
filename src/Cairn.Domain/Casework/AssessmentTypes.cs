using Cairn.Domain.Agencies;

namespace Cairn.Domain.Casework;

/// <summary>The kinds of assessment Cairn records. What each kind needs is data, in <see cref="AssessmentTypes"/>.</summary>
public enum AssessmentType
{
    /// <summary>Child and family assessment, under section 17 or section 47 (T02: 45 working days from the referral).</summary>
    ChildAndFamily = 1,
    /// <summary>Parenting capacity assessment of one parent or carer (L32).</summary>
    ParentingCapacity = 2,
    /// <summary>Initial health assessment of a looked-after child.</summary>
    InitialHealth = 3,
    /// <summary>Review health assessment of a looked-after child.</summary>
    ReviewHealth = 4,
    Risk = 5,
    /// <summary>Return home interview after a child was missing.</summary>
    ReturnHomeInterview = 6,
    PreBirth = 7,
    /// <summary>Another agency's assessment (an EHCP needs assessment, a CAMHS assessment…), so it is on the map (L27).</summary>
    OtherAgency = 8,
    /// <summary>How a child fits a placement and its other residents (L34, L36): updated at the placement planning meeting.</summary>
    Matching = 9,
}

/// <summary>Whether a child and family assessment is made under section 17 (child in need) or section 47 (enquiry).</summary>
public enum AssessmentBasis
{
    Section17 = 1,
    Section47 = 2,
}

/// <summary>What one kind of assessment needs.</summary>
/// <param name="Type">The kind.</param>
/// <param name="Name">Its name, as people say it.</param>
/// <param name="DefaultCurrencyMonths">How long it stays current after authorisation, unless the area sets another period (L25).</param>
/// <param name="DueWorkingDays">Its statutory timescale from the start, in working days; null when none applies.</param>
/// <param name="SocialCareOnly">Whether only children's social care may record it.</param>
/// <param name="NeedsSubject">Whether it assesses one named adult (a parent or carer) rather than the child.</param>
/// <param name="NeedsBasis">Whether it is made under section 17 or section 47.</param>
/// <param name="NeedsName">Whether the recorder names it (another agency's assessment).</param>
public sealed record AssessmentTypeInfo(AssessmentType Type, string Name, int DefaultCurrencyMonths, int? DueWorkingDays,
    bool SocialCareOnly, bool NeedsSubject, bool NeedsBasis, bool NeedsName);

/// <summary>
/// Every kind of assessment and its rules, as data. Currency periods are defaults an area may change
/// (<see cref="AssessmentCurrency"/>); the 45 working days for a child and family assessment is statutory (T02) and is not.
/// </summary>
public static class AssessmentTypes
{
    /// <summary>Working Together 2023: a child and family assessment concludes within 45 working days of the referral (T02).</summary>
    public const int ChildAndFamilyWorkingDays = 45;

    public static IReadOnlyList<AssessmentTypeInfo> All { get; } =
    [
        new(AssessmentType.ChildAndFamily, "Child and family assessment", 12, ChildAndFamilyWorkingDays, true, false, true, false),
        new(AssessmentType.ParentingCapacity, "Parenting capacity assessment", 12, null, true, true, false, false),
        new(AssessmentType.InitialHealth, "Initial health assessment", 6, null, false, false, false, false),
        new(AssessmentType.ReviewHealth, "Review health assessment", 6, null, false, false, false, false),
        new(AssessmentType.Risk, "Risk assessment", 6, null, false, false, false, false),
        new(AssessmentType.ReturnHomeInterview, "Return home interview", 3, null, false, false, false, false),
        new(AssessmentType.PreBirth, "Pre-birth assessment", 6, null, true, false, false, false),
        new(AssessmentType.OtherAgency, "Other agency assessment", 12, null, false, false, false, true),
        new(AssessmentType.Matching, "Matching assessment", 6, null, true, false, false, false),
    ];

    public static AssessmentTypeInfo Of(AssessmentType type) =>
        All.FirstOrDefault(t => t.Type == type) ?? throw new ArgumentOutOfRangeException(nameof(type), type, "Not an assessment type");

    /// <summary>Whether someone from an agency of this kind may record an assessment of this type.</summary>
    public static bool MayBeRecordedBy(AssessmentType type, AgencyKind agency) =>
        !Of(type).SocialCareOnly || agency == AgencyKind.ChildrensSocialCare;
}

/// <summary>
/// How many months each kind of assessment stays current once authorised (L25): an area's own periods, or the defaults.
/// An out-of-date assessment is flagged wherever it is shown and cannot be cited as evidence without saying why.
/// </summary>
public sealed record AssessmentCurrency(IReadOnlyDictionary<AssessmentType, int> Months)
{
    public const int MinMonths = 1;
    public const int MaxMonths = 36;

    public static AssessmentCurrency Default { get; } = new(AssessmentTypes.All.ToDictionary(t => t.Type, t => t.DefaultCurrencyMonths));

    public int MonthsFor(AssessmentType type) => Months.TryGetValue(type, out var months) ? months : AssessmentTypes.Of(type).DefaultCurrencyMonths;

    /// <summary>An area's periods: every type from <see cref="MinMonths"/> to <see cref="MaxMonths"/>; types left out keep their defaults.</summary>
    public static Outcome<AssessmentCurrency> Create(IReadOnlyDictionary<AssessmentType, int?> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var errors = new List<FieldError>();
        var result = AssessmentTypes.All.ToDictionary(t => t.Type, t => t.DefaultCurrencyMonths);
        foreach (var (type, value) in months)
        {
            if (!Enum.IsDefined(type))
            {
                errors.Add(new("Months", "Select an assessment type Cairn knows"));
                continue;
            }

            if (value is not { } m || m < MinMonths || m > MaxMonths)
            {
                errors.Add(new($"Months[{type}]",
                    $"Enter how many months a {AssessmentTypes.Of(type).Name.ToLowerInvariant()} stays current, from {MinMonths} to {MaxMonths}"));
                continue;
            }

            result[type] = m;
        }

        return Refusal.FromErrors(errors) is { } refusal ? refusal : new AssessmentCurrency(result);
    }
}
