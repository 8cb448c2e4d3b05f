namespace Cairn.Domain.Casework;

/// <summary>The statutory timescales for making plans (data/timescales/statutory-timescales.csv).</summary>
public static class PlanTimescales
{
    /// <summary>T15: a care plan within 10 working days of the child becoming looked after.</summary>
    public const int CarePlanWorkingDays = 10;

    /// <summary>T16: a placement plan within 5 working days of the start of a placement.</summary>
    public const int PlacementPlanWorkingDays = 5;

    /// <summary>T05: an initial child protection conference within 15 working days of the strategy discussion.</summary>
    public const int InitialConferenceWorkingDays = 15;
}

public enum PlanType
{
    ChildInNeed = 1,
    ChildProtection = 2,
    Care = 3,
    EarlyHelp = 4,
    /// <summary>Made when a child is placed (T16: within 5 working days of the placement); placements trigger it.</summary>
    Placement = 5,
    /// <summary>For a care leaver from 16; transitions trigger it.</summary>
    Pathway = 6,
}

/// <summary>The parts a plan is made of. Every plan has outcomes with actions, the child's view and the family's view (L54).</summary>
public enum PlanSectionKind
{
    /// <summary>An outcome for the child, with the actions that will achieve it (L22, L23).</summary>
    Outcome = 1,
    /// <summary>What the child says about the plan, in their words where possible.</summary>
    ChildsView = 2,
    /// <summary>What the parents or carers say about the plan (L54).</summary>
    FamilysView = 3,
    /// <summary>What happens if the plan is not working.</summary>
    Contingency = 4,
}

/// <summary>Where a section stands in the version being drafted (L24).</summary>
public enum SectionReview
{
    /// <summary>Written in this version.</summary>
    Written = 1,
    /// <summary>Carried over from an earlier plan or version, and nobody has looked at it yet: the plan cannot be agreed.</summary>
    NotReviewed = 2,
    /// <summary>Carried over, and someone confirmed it still holds, unchanged.</summary>
    ConfirmedUnchanged = 3,
    /// <summary>Carried over, then changed.</summary>
    Changed = 4,
}

public enum PlanActionStatus
{
    NotStarted = 1,
    InProgress = 2,
    Done = 3,
    /// <summary>Agreed no longer needed (the plan's next version drops it, or circumstances changed).</summary>
    NoLongerNeeded = 4,
}

/// <summary>One action in a plan: what, who owns it (a named person in an agency), by when, and where it stands (L23).</summary>
public sealed record PlannedAction(Guid Key, string What, ProfessionalId Owner, AgencyId OwnerAgency, DateOnly DueOn, PlanActionStatus Status);

/// <summary>
/// One section of a plan version. <paramref name="Key"/> stays the same across versions, so a revision can be compared with
/// the version before. <paramref name="CarriedFrom"/> says where a carried section came from ("version 2", "plan for a sibling").
/// </summary>
public sealed record PlanSection(Guid Key, PlanSectionKind Kind, string Title, string Text, IReadOnlyList<PlannedAction> Actions,
    SectionReview Review, ProfessionalId? ReviewedBy, DateTimeOffset? ReviewedAt, string? CarriedFrom)
{
    public bool NeedsReview => Review == SectionReview.NotReviewed;

    /// <summary>Whether two versions of a section say the same thing (its words and its actions; not who reviewed it).</summary>
    public bool SaysTheSameAs(PlanSection other) =>
        other is not null && Kind == other.Kind && Title == other.Title && Text == other.Text && Actions.SequenceEqual(other.Actions);
}

/// <summary>A section as someone writes it, with its actions; owners' agencies are looked up by the caller.</summary>
public sealed record PlanSectionDraft
{
    public Guid? Key { get; init; }
    public PlanSectionKind? Kind { get; init; }
    public string? Title { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<PlannedActionDraft> Actions { get; init; } = [];
}

public sealed record PlannedActionDraft
{
    public Guid? Key { get; init; }
    public string? What { get; init; }
    public ProfessionalId? Owner { get; init; }
    public DateOnly? DueOn { get; init; }
    public PlanActionStatus? Status { get; init; }
}

/// <summary>How a section changed between two versions (L24: the difference from the previous version is shown).</summary>
public enum SectionChange
{
    Unchanged = 1,
    Changed = 2,
    Added = 3,
    Removed = 4,
}

public sealed record SectionDifference(Guid Key, PlanSectionKind Kind, string Title, SectionChange Change, PlanSection? Before, PlanSection? After);
