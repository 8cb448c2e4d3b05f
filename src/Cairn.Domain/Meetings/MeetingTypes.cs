namespace Cairn.Domain.Meetings;

/// <summary>The kinds of meeting Cairn knows the rules of (L21). What each needs is data, in <see cref="MeetingTypes"/>.</summary>
public enum MeetingKind
{
    /// <summary>Initial child protection conference: 15 working days from the strategy discussion that began the enquiry (T05).</summary>
    InitialChildProtectionConference = 1,
    /// <summary>Core group: first within 10 working days of the initial conference (T06), then regularly while the plan lasts.</summary>
    CoreGroup = 2,
    /// <summary>Review child protection conference: 3 months after the initial conference (T07), then every 6 months (T08).</summary>
    ReviewChildProtectionConference = 3,
    /// <summary>Looked-after review: 20 working days after becoming looked after (T09), then 3 months (T10), then every 6 (T11).</summary>
    LookedAfterReview = 4,
    CarePlanningMeeting = 5,
    /// <summary>Placement planning meeting: within 72 hours of an unplanned placement (T17, local: an area may change it).</summary>
    PlacementPlanningMeeting = 6,
    /// <summary>Family group decision-making meeting before care proceedings: offered and recorded, or a reason why not.</summary>
    FamilyGroupDecisionMaking = 7,
    ChildInNeedReview = 8,
    TeamAroundTheFamily = 9,
    /// <summary>Professionals' meeting: not statutory, so nobody mistakes it for one.</summary>
    ProfessionalsMeeting = 10,
}

/// <summary>A part someone plays at a meeting. Required roles with nobody invited block holding it without a reason.</summary>
public enum MeetingRole
{
    Chair = 1,
    /// <summary>The child's social worker (children's social care).</summary>
    SocialWorker = 2,
    Police = 3,
    /// <summary>Any health professional: health visitor, school nurse, paediatrician, CAMHS, the GP.</summary>
    Health = 4,
    /// <summary>The child's GP (L26). Counts as health too.</summary>
    Gp = 5,
    Education = 6,
    Parent = 7,
    Child = 8,
    /// <summary>The independent reviewing officer of a looked-after child.</summary>
    IndependentReviewingOfficer = 9,
    Carer = 10,
    /// <summary>A parent's own allocated worker: adult social care, mental health, learning disability services (L29).</summary>
    ParentsOwnWorker = 11,
    LeadProfessional = 12,
    Advocate = 13,
    Other = 99,
}

/// <summary>What a meeting's timescale is counted in.</summary>
public enum TimescaleUnit
{
    WorkingDays = 1,
    Days = 2,
    Months = 3,
    Hours = 4,
}

/// <summary>What starts a meeting's clock.</summary>
public enum MeetingTrigger
{
    /// <summary>Arranged by someone, with no statutory trigger.</summary>
    Arranged = 0,
    /// <summary>A section 47 enquiry whose outcome needs an initial conference (counted from its strategy discussion).</summary>
    Section47Enquiry = 1,
    /// <summary>An earlier meeting: the initial conference for a core group and the first review, a review for the next.</summary>
    PreviousMeeting = 2,
    /// <summary>The child became looked after.</summary>
    BecameLookedAfter = 3,
    /// <summary>A placement started.</summary>
    PlacementStarted = 4,
    /// <summary>Pre-proceedings (the public law outline) started: a family group decision-making meeting is offered.</summary>
    ProceedingsStarted = 5,
    /// <summary>A plan was agreed (a child in need plan, an early help plan).</summary>
    PlanAgreed = 6,
}

/// <summary>How long after its trigger a meeting is due.</summary>
/// <param name="Amount">How many units.</param>
/// <param name="Unit">What they are counted in.</param>
/// <param name="National">Whether statute or statutory guidance sets it: national timescales are not editable by an area.</param>
/// <param name="Source">Where it comes from (data/timescales/statutory-timescales.csv id, or "local").</param>
public sealed record MeetingTimescale(int Amount, TimescaleUnit Unit, bool National, string Source)
{
    public string Describe() => Unit switch
    {
        TimescaleUnit.WorkingDays => $"{Amount} working day{(Amount == 1 ? "" : "s")}",
        TimescaleUnit.Days => $"{Amount} day{(Amount == 1 ? "" : "s")}",
        TimescaleUnit.Months => $"{Amount} month{(Amount == 1 ? "" : "s")}",
        _ => $"{Amount} hour{(Amount == 1 ? "" : "s")}",
    };
}

/// <summary>Who chairs.</summary>
public enum ChairRule
{
    /// <summary>Anyone in the meeting may chair.</summary>
    Anyone = 1,
    /// <summary>A children's social care manager or an independent chair.</summary>
    Manager = 2,
    /// <summary>An independent chair: not the child's social worker or anyone with a current involvement with the child.</summary>
    IndependentOfCase = 3,
    /// <summary>The child's independent reviewing officer, who must be independent of the case.</summary>
    IndependentReviewingOfficer = 4,
}

/// <summary>Who the minutes go to.</summary>
[Flags]
public enum MinutesRecipients
{
    None = 0,
    /// <summary>Every professional invited, whether or not they came.</summary>
    Invitees = 1,
    /// <summary>Professionals who attended.</summary>
    Attendees = 2,
    /// <summary>The child's GP, whether or not invited (L26).</summary>
    Gp = 4,
    /// <summary>The parents' own allocated workers (L29).</summary>
    ParentsOwnWorkers = 8,
}

/// <summary>
/// One meeting type's statutory definition (L21): its purpose, what triggers it, when it is due (the first time and then
/// repeating), the roles that must be invited, quorum, agenda, who chairs, who gets the minutes and by when.
/// </summary>
public sealed record MeetingTypeInfo
{
    public required MeetingKind Kind { get; init; }
    public required string Name { get; init; }
    public required string Purpose { get; init; }
    /// <summary>Whether law or statutory guidance requires it. A professionals' meeting is explicitly not statutory.</summary>
    public required bool Statutory { get; init; }
    public required MeetingTrigger Trigger { get; init; }
    /// <summary>What the trigger is, in words.</summary>
    public required string TriggerText { get; init; }
    /// <summary>When the first one is due after its trigger; null when there is no timescale.</summary>
    public MeetingTimescale? FirstDue { get; init; }
    /// <summary>
    /// When the second one is due after the first (looked-after reviews: 3 months); null when it repeats as <see cref="ThenEvery"/>.
    /// </summary>
    public MeetingTimescale? SecondDue { get; init; }
    /// <summary>How often it repeats after that; null when it does not repeat.</summary>
    public MeetingTimescale? ThenEvery { get; init; }
    public IReadOnlyList<MeetingRole> RequiredRoles { get; init; } = [];
    /// <summary>The fewest agencies that make it quorate (a conference: 3, including children's social care); 0 for none.</summary>
    public int QuorumAgencies { get; init; }
    public IReadOnlyList<string> Agenda { get; init; } = [];
    public ChairRule Chair { get; init; } = ChairRule.Anyone;
    public MinutesRecipients MinutesTo { get; init; } = MinutesRecipients.Invitees;
    /// <summary>Working days after the meeting by which the minutes must be confirmed and sent.</summary>
    public MeetingTimescale MinutesWithin { get; init; } = new(10, TimescaleUnit.WorkingDays, false, "local");
    /// <summary>Whether the meeting can decide to start, continue or end a child protection plan.</summary>
    public bool DecidesChildProtectionPlan { get; init; }
    /// <summary>Whether a reason must be recorded when the family is not offered one (a family group decision-making meeting).</summary>
    public bool OfferedToFamily { get; init; }

    /// <summary>Whether any timescale of this type may be changed by an area.</summary>
    public bool HasLocalTimescale => FirstDue is { National: false } || ThenEvery is { National: false } || !MinutesWithin.National;

    public bool IsChair(ChairRule rule) => Chair == rule;
}

/// <summary>
/// Every meeting type Cairn knows and its statutory definition, as data (L21). National timescales come from
/// data/timescales/statutory-timescales.csv (T05–T11) and cannot be changed; local ones (T17 and the rest) are defaults an
/// area may tune through <see cref="MeetingRules"/>.
/// </summary>
public static class MeetingTypes
{
    private static readonly string[] ConferenceAgenda =
    [
        "Purpose of the conference and introductions",
        "The child's and family's views",
        "Reports from each agency",
        "Incidents since the last meeting",
        "Progress on each outcome of the plan",
        "Analysis of risk and strengths",
        "Decision: is the child at continuing risk of significant harm?",
        "The plan: outcomes, actions and owners",
        "Core group membership and the date of the next meeting",
    ];

    private static readonly string[] ReviewAgenda =
    [
        "The child's views and wishes",
        "The parents' and carers' views",
        "Incidents since the last meeting",
        "Progress on each outcome of the plan",
        "Health, education and contact",
        "Changes to the plan and who will do what",
        "Date of the next meeting",
    ];

    public static IReadOnlyList<MeetingTypeInfo> All { get; } =
    [
        new()
        {
            Kind = MeetingKind.InitialChildProtectionConference,
            Name = "Initial child protection conference",
            Purpose = "Brings together the family and the professionals to decide whether the child is at continuing risk of significant "
                      + "harm and, if so, to make an outline child protection plan.",
            Statutory = true,
            Trigger = MeetingTrigger.Section47Enquiry,
            TriggerText = "A section 47 enquiry found the child at continuing risk (counted from the strategy discussion that began it)",
            FirstDue = new(15, TimescaleUnit.WorkingDays, true, "T05"),
            RequiredRoles = [MeetingRole.SocialWorker, MeetingRole.Police, MeetingRole.Health, MeetingRole.Gp, MeetingRole.Education,
                MeetingRole.Parent],
            QuorumAgencies = 3,
            Agenda = ConferenceAgenda,
            Chair = ChairRule.IndependentOfCase,
            MinutesTo = MinutesRecipients.Invitees | MinutesRecipients.Gp | MinutesRecipients.ParentsOwnWorkers,
            MinutesWithin = new(20, TimescaleUnit.WorkingDays, false, "local"),
            DecidesChildProtectionPlan = true,
        },
        new()
        {
            Kind = MeetingKind.CoreGroup,
            Name = "Core group meeting",
            Purpose = "The professionals and family who carry out the child protection plan develop it from the outline plan, and "
                      + "check it is working.",
            Statutory = true,
            Trigger = MeetingTrigger.PreviousMeeting,
            TriggerText = "The initial child protection conference that made the plan",
            FirstDue = new(10, TimescaleUnit.WorkingDays, true, "T06"),
            ThenEvery = new(42, TimescaleUnit.Days, false, "local"),
            RequiredRoles = [MeetingRole.SocialWorker, MeetingRole.Health, MeetingRole.Parent],
            Agenda = ["Progress on each outcome of the plan", "Incidents since the last meeting", "Actions: who will do what, by when",
                "The child's and family's views"],
            Chair = ChairRule.Anyone,
            MinutesTo = MinutesRecipients.Invitees | MinutesRecipients.ParentsOwnWorkers,
            MinutesWithin = new(5, TimescaleUnit.WorkingDays, false, "local"),
        },
        new()
        {
            Kind = MeetingKind.ReviewChildProtectionConference,
            Name = "Review child protection conference",
            Purpose = "Reviews whether the child is still at continuing risk of significant harm, whether the plan is working, and "
                      + "whether it should continue, change or end.",
            Statutory = true,
            Trigger = MeetingTrigger.PreviousMeeting,
            TriggerText = "The initial conference (the first review), then the previous review, while the plan lasts",
            FirstDue = new(3, TimescaleUnit.Months, true, "T07"),
            ThenEvery = new(6, TimescaleUnit.Months, true, "T08"),
            RequiredRoles = [MeetingRole.SocialWorker, MeetingRole.Police, MeetingRole.Health, MeetingRole.Gp, MeetingRole.Education,
                MeetingRole.Parent],
            QuorumAgencies = 3,
            Agenda = ConferenceAgenda,
            Chair = ChairRule.IndependentOfCase,
            MinutesTo = MinutesRecipients.Invitees | MinutesRecipients.Gp | MinutesRecipients.ParentsOwnWorkers,
            MinutesWithin = new(20, TimescaleUnit.WorkingDays, false, "local"),
            DecidesChildProtectionPlan = true,
        },
        new()
        {
            Kind = MeetingKind.LookedAfterReview,
            Name = "Looked-after review",
            Purpose = "The independent reviewing officer reviews the child's care plan with the child, their family, carers and the "
                      + "professionals.",
            Statutory = true,
            Trigger = MeetingTrigger.BecameLookedAfter,
            TriggerText = "The child became looked after",
            FirstDue = new(20, TimescaleUnit.WorkingDays, true, "T09"),
            SecondDue = new(3, TimescaleUnit.Months, true, "T10"),
            ThenEvery = new(6, TimescaleUnit.Months, true, "T11"),
            RequiredRoles = [MeetingRole.IndependentReviewingOfficer, MeetingRole.SocialWorker, MeetingRole.Health, MeetingRole.Carer,
                MeetingRole.Child],
            Agenda = ReviewAgenda,
            Chair = ChairRule.IndependentReviewingOfficer,
            MinutesTo = MinutesRecipients.Invitees | MinutesRecipients.Gp,
            MinutesWithin = new(20, TimescaleUnit.WorkingDays, false, "local"),
        },
        new()
        {
            Kind = MeetingKind.CarePlanningMeeting,
            Name = "Care planning meeting",
            Purpose = "Agrees the care plan for a child who is, or is about to be, looked after (the care plan is due within 10 "
                      + "working days, T15).",
            Statutory = false,
            Trigger = MeetingTrigger.BecameLookedAfter,
            TriggerText = "The child became looked after",
            FirstDue = new(5, TimescaleUnit.WorkingDays, false, "local"),
            RequiredRoles = [MeetingRole.SocialWorker, MeetingRole.Health, MeetingRole.Parent],
            Agenda = ["Why the child is looked after", "Where the child will live and with whom", "Health and education",
                "Family time (contact)", "The child's and family's views", "The care plan: outcomes, actions and owners"],
            Chair = ChairRule.Manager,
            MinutesWithin = new(5, TimescaleUnit.WorkingDays, false, "local"),
        },
        new()
        {
            Kind = MeetingKind.PlacementPlanningMeeting,
            Name = "Placement planning meeting",
            Purpose = "Agrees with the carers how the child's day-to-day needs will be met in a new placement, and makes the "
                      + "placement plan (due within 5 working days, T16).",
            Statutory = false,
            Trigger = MeetingTrigger.PlacementStarted,
            TriggerText = "A placement started (in an emergency or unplanned)",
            FirstDue = new(72, TimescaleUnit.Hours, false, "T17 (local)"),
            RequiredRoles = [MeetingRole.SocialWorker, MeetingRole.Carer],
            Agenda = ["Who the child is and what they need", "Health, medication and the GP", "Education and getting to school",
                "Family time (contact)", "Delegated authority: what carers may agree to", "The child's views"],
            Chair = ChairRule.Anyone,
            MinutesWithin = new(2, TimescaleUnit.WorkingDays, false, "local"),
        },
        new()
        {
            Kind = MeetingKind.FamilyGroupDecisionMaking,
            Name = "Family group decision-making meeting",
            Purpose = "The family and their network make their own plan to keep the child safe before care proceedings; offered to "
                      + "every family, and a reason recorded when it is not.",
            Statutory = false,
            Trigger = MeetingTrigger.ProceedingsStarted,
            TriggerText = "Pre-proceedings or care proceedings started",
            FirstDue = new(10, TimescaleUnit.WorkingDays, false, "local"),
            RequiredRoles = [MeetingRole.Parent],
            Agenda = ["Information from the professionals", "Private family time", "The family's plan", "Agreeing the plan"],
            Chair = ChairRule.Anyone,
            MinutesTo = MinutesRecipients.Invitees | MinutesRecipients.ParentsOwnWorkers,
            MinutesWithin = new(5, TimescaleUnit.WorkingDays, false, "local"),
            OfferedToFamily = true,
        },
        new()
        {
            Kind = MeetingKind.ChildInNeedReview,
            Name = "Child in need review",
            Purpose = "Reviews the child in need plan: progress on each outcome, what has changed, and whether the plan continues.",
            Statutory = false,
            Trigger = MeetingTrigger.PlanAgreed,
            TriggerText = "A child in need plan was agreed",
            FirstDue = new(3, TimescaleUnit.Months, false, "local"),
            ThenEvery = new(3, TimescaleUnit.Months, false, "local"),
            RequiredRoles = [MeetingRole.SocialWorker, MeetingRole.Parent],
            Agenda = ReviewAgenda,
            Chair = ChairRule.Anyone,
            MinutesWithin = new(10, TimescaleUnit.WorkingDays, false, "local"),
        },
        new()
        {
            Kind = MeetingKind.TeamAroundTheFamily,
            Name = "Team around the family meeting",
            Purpose = "The family and the professionals working with them under early help review the early help plan together.",
            Statutory = false,
            Trigger = MeetingTrigger.PlanAgreed,
            TriggerText = "An early help plan was agreed",
            FirstDue = new(42, TimescaleUnit.Days, false, "local"),
            ThenEvery = new(42, TimescaleUnit.Days, false, "local"),
            RequiredRoles = [MeetingRole.LeadProfessional, MeetingRole.Parent],
            Agenda = ["What is going well", "What we are worried about", "Progress on each outcome of the plan", "Who will do what"],
            Chair = ChairRule.Anyone,
            MinutesWithin = new(10, TimescaleUnit.WorkingDays, false, "local"),
        },
        new()
        {
            Kind = MeetingKind.ProfessionalsMeeting,
            Name = "Professionals' meeting",
            Purpose = "Professionals share information and agree actions. It is not statutory: it does not replace a strategy "
                      + "discussion, a conference or a review, and decides nothing about a child protection plan.",
            Statutory = false,
            Trigger = MeetingTrigger.Arranged,
            TriggerText = "Arranged by anyone involved, when needed",
            Agenda = ["Why we are meeting", "What each agency knows", "Actions: who will do what, by when"],
            Chair = ChairRule.Anyone,
            MinutesTo = MinutesRecipients.Attendees,
            MinutesWithin = new(10, TimescaleUnit.WorkingDays, false, "local"),
        },
    ];

    public static MeetingTypeInfo Of(MeetingKind kind) =>
        All.FirstOrDefault(t => t.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown meeting type");

    /// <summary>The kinds whose due dates come from the plan of a child protection conference.</summary>
    public static bool IsConference(MeetingKind kind) =>
        kind is MeetingKind.InitialChildProtectionConference or MeetingKind.ReviewChildProtectionConference;
}
