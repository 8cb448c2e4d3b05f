namespace Cairn.Domain.Placements;

// The words placements are described in: a setting's capabilities and a child's needs are written in the same terms,
// so the matching engine can put one beside the other and explain the result line by line (L33, L34).

/// <summary>The kinds of setting a child can be placed in (L33).</summary>
public enum SettingType
{
    FosterCarer = 1,
    /// <summary>A relative or friend approved as a foster carer for this child (connected person, kinship care).</summary>
    ConnectedPersonCarer = 2,
    ChildrensHome = 3,
    /// <summary>Registered supported accommodation, for young people of 16 and 17 only.</summary>
    SupportedAccommodation = 4,
    SecureChildrensHome = 5,
    ResidentialSpecialSchool = 6,
    ParentAndChild = 7,
}

/// <summary>Who registers and inspects a setting.</summary>
public enum Regulator
{
    Ofsted = 1,
    CareQualityCommission = 2,
}

/// <summary>The regulator's last overall judgement.</summary>
public enum RegulatorJudgement
{
    NotYetInspected = 0,
    Outstanding = 1,
    Good = 2,
    RequiresImprovement = 3,
    Inadequate = 4,
}

/// <summary>
/// What a child needs from a placement and what a setting specialises in: the same list for both, so a need is met by the
/// specialism of the same name.
/// </summary>
public enum PlacementNeed
{
    EmotionalAndBehavioural = 1,
    LearningDisability = 2,
    Autism = 3,
    PhysicalDisability = 4,
    ComplexHealth = 5,
    MentalHealth = 6,
    SelfHarm = 7,
    SubstanceMisuse = 8,
    /// <summary>Recovering from, or at risk of, sexual or criminal exploitation.</summary>
    Exploitation = 9,
    /// <summary>Therapeutic care for a child who has shown harmful sexual behaviour.</summary>
    HarmfulSexualBehaviour = 10,
    YouthJustice = 11,
    UnaccompaniedAsylumSeeking = 12,
    SiblingGroup = 13,
    ParentAndBaby = 14,
    EatingDisorder = 15,
}

/// <summary>
/// Staff to child, ordered: a setting that can deliver two to one can deliver one to one. Waking night staff is a
/// separate capability, recorded as its own flag.
/// </summary>
public enum StaffingRatio
{
    /// <summary>The setting's registered staffing, with no child-specific ratio.</summary>
    AsRegistered = 0,
    OneToOne = 1,
    TwoToOne = 2,
    ThreeToOne = 3,
}

/// <summary>Restrictions on a child's liberty a setting can lawfully put in place (L38).</summary>
public enum Restriction
{
    /// <summary>Deprivation of liberty authorised by the High Court under its inherent jurisdiction.</summary>
    DeprivationOfLiberty = 1,
    /// <summary>Secure accommodation under section 25 of the Children Act 1989: a secure children's home only.</summary>
    SecureAccommodation = 2,
}

/// <summary>A risk a child poses to other children, recorded so matching can check it against each resident (L34).</summary>
public enum RiskToOthers
{
    HarmfulSexualBehaviour = 1,
    Violence = 2,
    /// <summary>Grooming, recruiting or exploiting other children, sexually or criminally.</summary>
    ExploitingOthers = 3,
    Bullying = 4,
    /// <summary>Bringing drugs or alcohol in or supplying them.</summary>
    SupplyingSubstances = 5,
    FireSetting = 6,
}

/// <summary>A way in which a child is vulnerable to harm from others (L34, L35).</summary>
public enum Vulnerability
{
    SexualHarm = 1,
    SexualExploitation = 2,
    CriminalExploitation = 3,
    Violence = 4,
    Bullying = 5,
    SubstanceMisuse = 6,
}

/// <summary>What a person or place poses a risk of, so a place of concern can be matched to the children it endangers (L35).</summary>
public enum RiskKind
{
    SexualExploitation = 1,
    CriminalExploitation = 2,
    SexualHarm = 3,
    Violence = 4,
    Substances = 5,
    Radicalisation = 6,
    Other = 99,
}

/// <summary>
/// Which risks to others endanger which vulnerabilities, and which kinds of place endanger which vulnerabilities: the rules
/// matching uses, as data, both ways round (a resident's risk to the newcomer, the newcomer's risk to a resident).
/// </summary>
public static class Compatibility
{
    private static readonly Dictionary<RiskToOthers, Vulnerability[]> Endangers = new()
    {
        [RiskToOthers.HarmfulSexualBehaviour] = [Vulnerability.SexualHarm, Vulnerability.SexualExploitation],
        [RiskToOthers.Violence] = [Vulnerability.Violence, Vulnerability.Bullying],
        [RiskToOthers.ExploitingOthers] = [Vulnerability.SexualExploitation, Vulnerability.CriminalExploitation],
        [RiskToOthers.Bullying] = [Vulnerability.Bullying],
        [RiskToOthers.SupplyingSubstances] = [Vulnerability.SubstanceMisuse, Vulnerability.CriminalExploitation],
        [RiskToOthers.FireSetting] = [],
    };

    private static readonly Dictionary<RiskKind, Vulnerability[]> PlaceEndangers = new()
    {
        [RiskKind.SexualExploitation] = [Vulnerability.SexualExploitation, Vulnerability.SexualHarm],
        [RiskKind.CriminalExploitation] = [Vulnerability.CriminalExploitation],
        [RiskKind.SexualHarm] = [Vulnerability.SexualHarm, Vulnerability.SexualExploitation],
        [RiskKind.Violence] = [Vulnerability.Violence],
        [RiskKind.Substances] = [Vulnerability.SubstanceMisuse],
        [RiskKind.Radicalisation] = [],
        [RiskKind.Other] = [],
    };

    /// <summary>The vulnerabilities a child with this risk to others endangers.</summary>
    public static IReadOnlyList<Vulnerability> VulnerabilitiesEndangeredBy(RiskToOthers risk) =>
        Endangers.TryGetValue(risk, out var list) ? list : [];

    /// <summary>Whether one child's risk to others endangers another's vulnerability.</summary>
    public static bool Conflicts(RiskToOthers risk, Vulnerability vulnerability) => VulnerabilitiesEndangeredBy(risk).Contains(vulnerability);

    /// <summary>
    /// Whether an area-wide place of concern (not named for one child) matters for a child with these vulnerabilities. A place
    /// recorded against the child themselves always matters.
    /// </summary>
    public static bool PlaceMatters(RiskKind kind, IEnumerable<Vulnerability> vulnerabilities) =>
        PlaceEndangers.TryGetValue(kind, out var list) && vulnerabilities.Any(list.Contains);
}

/// <summary>Words for the terms above, as people say them.</summary>
public static class PlacementWords
{
    public static string Of(SettingType type) => type switch
    {
        SettingType.FosterCarer => "Foster carer",
        SettingType.ConnectedPersonCarer => "Connected person (family and friends) carer",
        SettingType.ChildrensHome => "Children's home",
        SettingType.SupportedAccommodation => "Supported accommodation (16 and 17)",
        SettingType.SecureChildrensHome => "Secure children's home",
        SettingType.ResidentialSpecialSchool => "Residential special school",
        SettingType.ParentAndChild => "Parent and child",
        _ => type.ToString(),
    };

    public static string Of(Regulator regulator) => regulator switch
    {
        Regulator.Ofsted => "Ofsted",
        Regulator.CareQualityCommission => "Care Quality Commission",
        _ => regulator.ToString(),
    };

    public static string Of(RegulatorJudgement judgement) => judgement switch
    {
        RegulatorJudgement.NotYetInspected => "Not yet inspected",
        RegulatorJudgement.Outstanding => "Outstanding",
        RegulatorJudgement.Good => "Good",
        RegulatorJudgement.RequiresImprovement => "Requires improvement",
        RegulatorJudgement.Inadequate => "Inadequate",
        _ => judgement.ToString(),
    };

    public static string Of(PlacementNeed need) => need switch
    {
        PlacementNeed.EmotionalAndBehavioural => "Emotional and behavioural needs",
        PlacementNeed.LearningDisability => "Learning disability",
        PlacementNeed.Autism => "Autism",
        PlacementNeed.PhysicalDisability => "Physical disability",
        PlacementNeed.ComplexHealth => "Complex health needs",
        PlacementNeed.MentalHealth => "Mental health",
        PlacementNeed.SelfHarm => "Self-harm",
        PlacementNeed.SubstanceMisuse => "Substance misuse",
        PlacementNeed.Exploitation => "Exploitation (sexual or criminal)",
        PlacementNeed.HarmfulSexualBehaviour => "Harmful sexual behaviour",
        PlacementNeed.YouthJustice => "Youth justice",
        PlacementNeed.UnaccompaniedAsylumSeeking => "Unaccompanied asylum-seeking child",
        PlacementNeed.SiblingGroup => "Sibling group",
        PlacementNeed.ParentAndBaby => "Parent and baby",
        PlacementNeed.EatingDisorder => "Eating disorder",
        _ => need.ToString(),
    };

    public static string Of(StaffingRatio ratio) => ratio switch
    {
        StaffingRatio.AsRegistered => "Registered staffing",
        StaffingRatio.OneToOne => "1:1 staffing",
        StaffingRatio.TwoToOne => "2:1 staffing",
        StaffingRatio.ThreeToOne => "3:1 staffing",
        _ => ratio.ToString(),
    };

    public static string Of(Restriction restriction) => restriction switch
    {
        Restriction.DeprivationOfLiberty => "Deprivation of liberty (court authorised)",
        Restriction.SecureAccommodation => "Secure accommodation (section 25)",
        _ => restriction.ToString(),
    };

    public static string Of(RiskToOthers risk) => risk switch
    {
        RiskToOthers.HarmfulSexualBehaviour => "harmful sexual behaviour",
        RiskToOthers.Violence => "violence towards others",
        RiskToOthers.ExploitingOthers => "exploiting or recruiting other children",
        RiskToOthers.Bullying => "bullying",
        RiskToOthers.SupplyingSubstances => "bringing in or supplying drugs or alcohol",
        RiskToOthers.FireSetting => "fire setting",
        _ => risk.ToString(),
    };

    public static string Of(Vulnerability vulnerability) => vulnerability switch
    {
        Vulnerability.SexualHarm => "vulnerable to sexual harm",
        Vulnerability.SexualExploitation => "vulnerable to sexual exploitation",
        Vulnerability.CriminalExploitation => "vulnerable to criminal exploitation",
        Vulnerability.Violence => "vulnerable to violence",
        Vulnerability.Bullying => "vulnerable to bullying",
        Vulnerability.SubstanceMisuse => "vulnerable to substance misuse",
        _ => vulnerability.ToString(),
    };

    public static string Of(RiskKind kind) => kind switch
    {
        RiskKind.SexualExploitation => "Sexual exploitation",
        RiskKind.CriminalExploitation => "Criminal exploitation",
        RiskKind.SexualHarm => "Sexual harm",
        RiskKind.Violence => "Violence",
        RiskKind.Substances => "Drugs or alcohol",
        RiskKind.Radicalisation => "Radicalisation",
        RiskKind.Other => "Other",
        _ => kind.ToString(),
    };
}
