using System.Numerics;
using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;

namespace Cairn.Domain.Concerns;

/// <summary>
/// One area's settings for the concern rules, edited by an administrator on a form. Every value has a documented
/// default; <see cref="Validate"/> must pass before the settings are saved, and the rules assume it has.
/// </summary>
public sealed record ConcernRuleSettings
{
    /// <summary>The longest window any rule may look back over: ten years.</summary>
    public const int MaxWindowDays = 3650;

    public static ConcernRuleSettings Default { get; } = new();

    public CumulativeConcernSettings CumulativeConcern { get; init; } = new();
    public UnderTwoInRiskHouseholdSettings UnderTwoInRiskHousehold { get; init; } = new();
    public OffTheRadarSettings OffTheRadar { get; init; } = new();
    public RepeatedNoFurtherActionSettings RepeatedNoFurtherAction { get; init; } = new();
    public NoFaceToFaceHealthVisitSettings NoFaceToFaceHealthVisit { get; init; } = new();
    public ConcernPromptSettings Prompts { get; init; } = new();

    /// <summary>Every problem with the settings, each tied to its field as "Rule.Field"; null when they can be saved.</summary>
    public Refusal? Validate()
    {
        var errors = new List<FieldError>();
        if (CumulativeConcern is null || UnderTwoInRiskHousehold is null || OffTheRadar is null || RepeatedNoFurtherAction is null
            || NoFaceToFaceHealthVisit is null || Prompts is null)
        {
            return Refusal.Of("Settings", "Every rule needs its settings");
        }

        CumulativeConcern.AddErrors(errors, nameof(CumulativeConcern));
        UnderTwoInRiskHousehold.AddErrors(errors, nameof(UnderTwoInRiskHousehold));
        OffTheRadar.AddErrors(errors, nameof(OffTheRadar));
        RepeatedNoFurtherAction.AddErrors(errors, nameof(RepeatedNoFurtherAction));
        NoFaceToFaceHealthVisit.AddErrors(errors, nameof(NoFaceToFaceHealthVisit));
        Prompts.AddErrors(errors, nameof(Prompts));
        return Refusal.FromErrors(errors);
    }

    internal static void Range(List<FieldError> errors, string field, int value, int min, int max, string what)
    {
        if (value < min || value > max)
        {
            errors.Add(new(field, $"{what} must be from {min:N0} to {max:N0}"));
        }
    }

    internal static bool IsKnownTheme(ConcernTheme themes) => ((int)themes & ~AllThemes) == 0;

    private const int AllThemes = (int)(ConcernTheme.Neglect | ConcernTheme.DomesticAbuse | ConcernTheme.ParentalAlcoholMisuse
        | ConcernTheme.ParentalSubstanceMisuse | ConcernTheme.ParentalMentalHealth | ConcernTheme.PhysicalAbuse | ConcernTheme.SexualAbuse
        | ConcernTheme.EmotionalAbuse | ConcernTheme.Exploitation | ConcernTheme.Missing | ConcernTheme.UnmetHealthNeeds
        | ConcernTheme.HomeConditions | ConcernTheme.SelfHarm | ConcernTheme.Education);
}

/// <summary>
/// L04: concerns each below the threshold that together meet it. An entry scores the sum of its themes' weights
/// times its significance multiplier, plus <see cref="WasNotBroughtWeight"/> when a child was not brought to an
/// appointment. The rule fires when the entries in the window score at least <see cref="Threshold"/> and come from
/// at least <see cref="MinAgencies"/> agencies.
/// </summary>
/// <remarks>
/// The defaults are calibrated on the pattern the reviews describe (TW, neglect): a school records poor hygiene
/// (neglect, routine: 3), the GP a missed immunisation (was not brought, unmet health needs: 2 + 2), the health
/// visitor a cold home (home conditions: 3) and the police a domestic incident (domestic abuse, significant: 3 x 2).
/// Together they score 16 against a threshold of 14; any three of them score 10 to 13 and do not fire, so the
/// prompt comes when the whole picture is there, not before; one item alone scores at most 6. A single critical
/// concern scores 3 x 3 or more and goes to the front door as a contact anyway, so the rule does not need it.
/// An area tunes the weights and threshold to its threshold document.
/// </remarks>
public sealed record CumulativeConcernSettings
{
    public const int MaxWeight = 100;
    public const int MaxMultiplier = 10;
    public const int MaxThreshold = 10_000;
    public const int MaxAgencies = 20;

    /// <summary>Default weights of a routine concern of each theme: abuse heaviest, low-level neglect indicators lighter.</summary>
    public static IReadOnlyDictionary<ConcernTheme, int> DefaultThemeWeights { get; } = new Dictionary<ConcernTheme, int>
    {
        [ConcernTheme.Neglect] = 3,
        [ConcernTheme.DomesticAbuse] = 3,
        [ConcernTheme.ParentalAlcoholMisuse] = 3,
        [ConcernTheme.ParentalSubstanceMisuse] = 3,
        [ConcernTheme.ParentalMentalHealth] = 2,
        [ConcernTheme.PhysicalAbuse] = 5,
        [ConcernTheme.SexualAbuse] = 6,
        [ConcernTheme.EmotionalAbuse] = 3,
        [ConcernTheme.Exploitation] = 5,
        [ConcernTheme.Missing] = 3,
        [ConcernTheme.UnmetHealthNeeds] = 2,
        [ConcernTheme.HomeConditions] = 3,
        [ConcernTheme.SelfHarm] = 4,
        [ConcernTheme.Education] = 2,
    }.AsReadOnly();

    public bool Enabled { get; init; } = true;

    /// <summary>How far back to add up, in days before today (London). Default 90: about a school term and a half.</summary>
    public int WindowDays { get; init; } = 90;

    /// <summary>The step-up score. Default 14 (see the remarks on the type).</summary>
    public int Threshold { get; init; } = 14;

    /// <summary>The concerns must come from at least this many agencies. Default 2: one agency's own concerns are its own to act on.</summary>
    public int MinAgencies { get; init; } = 2;

    /// <summary>Weight of a routine concern per theme, each a single theme; a theme not listed weighs nothing.</summary>
    public IReadOnlyDictionary<ConcernTheme, int> ThemeWeights { get; init; } = DefaultThemeWeights;

    /// <summary>Added to an entry whose appointment outcome is "was not brought" (L08), whatever its themes. Default 2.</summary>
    public int WasNotBroughtWeight { get; init; } = 2;

    /// <summary>Multiplies the theme weights of a routine entry. Default 1.</summary>
    public int RoutineMultiplier { get; init; } = 1;

    /// <summary>Default 2.</summary>
    public int SignificantMultiplier { get; init; } = 2;

    /// <summary>Default 3.</summary>
    public int CriticalMultiplier { get; init; } = 3;

    /// <summary>Count entries about other members of the child's household (a domestic incident between the adults). Default true.</summary>
    public bool CountHouseholdEntries { get; init; } = true;

    internal int MultiplierFor(Significance significance) => significance switch
    {
        Significance.Significant => SignificantMultiplier,
        Significance.Critical => CriticalMultiplier,
        _ => RoutineMultiplier,
    };

    internal void AddErrors(List<FieldError> errors, string rule)
    {
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(WindowDays)}", WindowDays, 1, ConcernRuleSettings.MaxWindowDays, "The window in days");
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(Threshold)}", Threshold, 1, MaxThreshold, "The step-up threshold");
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(MinAgencies)}", MinAgencies, 1, MaxAgencies, "The number of agencies");
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(WasNotBroughtWeight)}", WasNotBroughtWeight, 0, MaxWeight,
            "The weight of a missed appointment");
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(RoutineMultiplier)}", RoutineMultiplier, 1, MaxMultiplier, "The routine multiplier");
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(SignificantMultiplier)}", SignificantMultiplier, 1, MaxMultiplier,
            "The significant multiplier");
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(CriticalMultiplier)}", CriticalMultiplier, 1, MaxMultiplier, "The critical multiplier");
        if (SignificantMultiplier < RoutineMultiplier || CriticalMultiplier < SignificantMultiplier)
        {
            errors.Add(new($"{rule}.{nameof(CriticalMultiplier)}",
                "The multipliers must not go down as significance goes up: routine, then significant, then critical"));
        }

        if (ThemeWeights is null)
        {
            errors.Add(new($"{rule}.{nameof(ThemeWeights)}", "Enter a weight for each theme"));
            return;
        }

        var total = 0;
        foreach (var (theme, weight) in ThemeWeights)
        {
            if (theme == ConcernTheme.None || !BitOperations.IsPow2((uint)theme) || !ConcernRuleSettings.IsKnownTheme(theme))
            {
                errors.Add(new($"{rule}.{nameof(ThemeWeights)}", $"Each weight must be for one theme; {(int)theme} is not one"));
                continue;
            }

            ConcernRuleSettings.Range(errors, $"{rule}.{nameof(ThemeWeights)}[{theme}]", weight, 0, MaxWeight,
                $"The weight of {ConcernThemes.Describe(theme)}");
            total += Math.Max(weight, 0);
        }

        if (total == 0 && WasNotBroughtWeight == 0)
        {
            errors.Add(new($"{rule}.{nameof(ThemeWeights)}", "At least one theme, or a missed appointment, must carry some weight"));
        }
    }
}

/// <summary>L05: a child under 2 when the child or anyone in their household has an entry with one of <see cref="Themes"/> in the window.</summary>
public sealed record UnderTwoInRiskHouseholdSettings
{
    /// <summary>
    /// The lesson names neglect, domestic abuse and parental alcohol misuse; parental substance misuse is added
    /// because it carries the same risk to a baby (the "toxic trio" of Working Together is substance misuse of any kind).
    /// </summary>
    public const ConcernTheme DefaultThemes = ConcernTheme.Neglect | ConcernTheme.DomesticAbuse | ConcernTheme.ParentalAlcoholMisuse
        | ConcernTheme.ParentalSubstanceMisuse;

    public bool Enabled { get; init; } = true;

    /// <summary>Default 365: a year covers the whole life of a baby under one and half that of a child under two.</summary>
    public int WindowDays { get; init; } = 365;

    public ConcernTheme Themes { get; init; } = DefaultThemes;

    internal void AddErrors(List<FieldError> errors, string rule)
    {
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(WindowDays)}", WindowDays, 1, ConcernRuleSettings.MaxWindowDays, "The window in days");
        if (Themes == ConcernTheme.None || !ConcernRuleSettings.IsKnownTheme(Themes))
        {
            errors.Add(new($"{rule}.{nameof(Themes)}", "Select at least one theme, and only themes from the list"));
        }
    }
}

/// <summary>
/// L09, L50: a child with complex needs or electively home educated whom no professional has been in contact with
/// for <see cref="NoContactDays"/>, or who has missed <see cref="MissedAppointments"/> or more appointments or
/// visits in <see cref="MissedWindowDays"/>.
/// </summary>
public sealed record OffTheRadarSettings
{
    public const int MaxMissedAppointments = 100;

    public bool Enabled { get; init; } = true;

    /// <summary>Default 60: longer than a school holiday, well short of a term; a child with complex needs is usually seen monthly.</summary>
    public int NoContactDays { get; init; } = 60;

    /// <summary>Default 2: one missed appointment happens; two is a pattern.</summary>
    public int MissedAppointments { get; init; } = 2;

    /// <summary>Default 90.</summary>
    public int MissedWindowDays { get; init; } = 90;

    /// <summary>
    /// Count a visit where nobody answered (no access) as missed, like "was not brought". Default true: repeated
    /// no-access visits are how a child disappears from view.
    /// </summary>
    public bool CountNoAccessAsMissed { get; init; } = true;

    /// <summary>
    /// The ways of contact that count as a professional being in touch with the child. Default face to face, phone
    /// and video: a letter shows nobody saw or heard from the child.
    /// </summary>
    public IReadOnlyList<ContactMode> ContactModes { get; init; } = [ContactMode.FaceToFace, ContactMode.Phone, ContactMode.Video];

    internal void AddErrors(List<FieldError> errors, string rule)
    {
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(NoContactDays)}", NoContactDays, 1, ConcernRuleSettings.MaxWindowDays,
            "The days without contact");
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(MissedAppointments)}", MissedAppointments, 1, MaxMissedAppointments,
            "The number of missed appointments");
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(MissedWindowDays)}", MissedWindowDays, 1, ConcernRuleSettings.MaxWindowDays,
            "The window for missed appointments in days");
        if (ContactModes is null || ContactModes.Count == 0 || ContactModes.Any(m => !Enum.IsDefined(m)))
        {
            errors.Add(new($"{rule}.{nameof(ContactModes)}", "Select at least one way of contact that counts, and only ways from the list"));
        }
    }
}

/// <summary>Contacts about a child closed with no further action again and again: each alone was a reasonable decision.</summary>
public sealed record RepeatedNoFurtherActionSettings
{
    public const int MaxContacts = 100;

    public bool Enabled { get; init; } = true;

    /// <summary>Default 3: the third "no further action" in a year is a pattern to look at.</summary>
    public int Contacts { get; init; } = 3;

    /// <summary>Default 365, counted from the date of each decision.</summary>
    public int WindowDays { get; init; } = 365;

    internal void AddErrors(List<FieldError> errors, string rule)
    {
        // One "no further action" is not a repeat: the rule needs at least two.
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(Contacts)}", Contacts, 2, MaxContacts, "The number of contacts");
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(WindowDays)}", WindowDays, 1, ConcernRuleSettings.MaxWindowDays, "The window in days");
    }
}

/// <summary>
/// L31: a baby aged from <see cref="AgeDays"/> to under <see cref="MaxAgeDays"/> with no face-to-face contact
/// since birth from an agency of one of <see cref="AgencyKinds"/>.
/// </summary>
public sealed record NoFaceToFaceHealthVisitSettings
{
    /// <summary>Past this, the rule is not about a newborn any more.</summary>
    public const int MaxAgeLimitDays = 730;

    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Default 21. The health visitor's new birth visit is due 10 to 14 days after birth (Healthy Child Programme);
    /// a week more allows for a rearranged visit and for the record to be written up before anyone is prompted.
    /// </summary>
    public int AgeDays { get; init; } = 21;

    /// <summary>Default 365: the rule is about babies; older children are covered by off-the-radar.</summary>
    public int MaxAgeDays { get; init; } = 365;

    /// <summary>
    /// Default health visiting only. Midwives see nearly every baby in its first days, so counting them would
    /// silence the rule in exactly the case the review found: the health visiting contact done by phone or video.
    /// </summary>
    public IReadOnlyList<AgencyKind> AgencyKinds { get; init; } = [AgencyKind.HealthVisiting];

    internal void AddErrors(List<FieldError> errors, string rule)
    {
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(AgeDays)}", AgeDays, 1, MaxAgeLimitDays - 1, "The age in days");
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(MaxAgeDays)}", MaxAgeDays, 2, MaxAgeLimitDays, "The upper age in days");
        if (MaxAgeDays <= AgeDays)
        {
            errors.Add(new($"{rule}.{nameof(MaxAgeDays)}", "The upper age must be more than the age the visit is expected by"));
        }

        if (AgencyKinds is null || AgencyKinds.Count == 0 || AgencyKinds.Any(k => !Enum.IsDefined(k)))
        {
            errors.Add(new($"{rule}.{nameof(AgencyKinds)}", "Select at least one kind of agency whose visits count, and only kinds from the list"));
        }
    }
}

/// <summary>How prompts raised by the rules are followed through.</summary>
public sealed record ConcernPromptSettings
{
    public const int MaxAnswerWorkingDays = 20;
    public const int MaxReraiseDays = 365;

    /// <summary>Working days to answer a prompt. Default 2: a front-door decision takes 1; a lead professional may need to ask round.</summary>
    public int AnswerWorkingDays { get; init; } = 2;

    /// <summary>
    /// For a rule about something missing (<see cref="ConcernRuleExtensions.IsAboutAbsence"/>), how many days after
    /// an answer the prompt comes back if the absence goes on. Default 30.
    /// </summary>
    public int ReraiseAbsenceAfterDays { get; init; } = 30;

    internal void AddErrors(List<FieldError> errors, string rule)
    {
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(AnswerWorkingDays)}", AnswerWorkingDays, 1, MaxAnswerWorkingDays,
            "The working days to answer");
        ConcernRuleSettings.Range(errors, $"{rule}.{nameof(ReraiseAbsenceAfterDays)}", ReraiseAbsenceAfterDays, 1, MaxReraiseDays,
            "The days before an answered prompt comes back");
    }
}
