using Cairn.Domain.Children;
using Cairn.Domain.Time;

namespace Cairn.Domain.Casework;

public enum PlanStatus
{
    /// <summary>Being written; never agreed yet.</summary>
    Draft = 1,
    /// <summary>In force: its latest agreed version is the plan (a revision may be being drafted).</summary>
    Agreed = 2,
    Ended = 3,
}

public enum PlanVersionStatus
{
    Draft = 1,
    Agreed = 2,
    /// <summary>Replaced by a later agreed version; kept as it was.</summary>
    Superseded = 3,
}

/// <summary>
/// One version of a plan. A draft changes; once agreed it never does (L24): the next change is a new version. The sections are
/// stored whole, as they were, so any two versions can be compared.
/// </summary>
public sealed class PlanVersion
{
    private List<PlanSection> _sections = [];

    private PlanVersion()
    {
    }

    public long Id { get; private set; }
    public PlanId PlanId { get; private set; }
    public int Number { get; private set; }
    public PlanVersionStatus Status { get; private set; }
    public IReadOnlyList<PlanSection> Sections => _sections;
    /// <summary>Where it was made from when it was not written fresh: "version 2", or another plan (a sibling's).</summary>
    public string? MadeFrom { get; private set; }
    public ProfessionalId CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateOnly? AgreedOn { get; private set; }
    /// <summary>Where it was agreed: a conference, a core group, a review, a meeting with the family.</summary>
    public string? AgreedAt { get; private set; }
    public ProfessionalId? AgreedBy { get; private set; }

    internal static PlanVersion Create(PlanId plan, int number, IEnumerable<PlanSection> sections, string? madeFrom, ProfessionalId by,
        DateTimeOffset now) => new()
        {
            PlanId = plan,
            Number = number,
            Status = PlanVersionStatus.Draft,
            _sections = sections.ToList(),
            MadeFrom = madeFrom,
            CreatedBy = by,
            CreatedAt = now,
        };

    internal void Replace(IEnumerable<PlanSection> sections) => _sections = sections.ToList();

    internal void MarkAgreed(DateOnly on, string where, ProfessionalId by)
    {
        Status = PlanVersionStatus.Agreed;
        AgreedOn = on;
        AgreedAt = where;
        AgreedBy = by;
    }

    internal void MarkSuperseded() => Status = PlanVersionStatus.Superseded;

    public IEnumerable<PlannedAction> Actions => _sections.SelectMany(s => s.Actions);
}

/// <summary>
/// A plan for a child (L22, L23, L24, L54): a child in need, child protection (with its category), care, early help, placement or
/// pathway plan. Its outcomes carry actions that each have an owner (a named person in an agency) and a due date, or the
/// action is refused. A plan is revised as a new version, never edited once agreed; a new version, or a plan made from
/// another (a sibling's), carries every section over marked not reviewed, and cannot be agreed until each is reviewed.
/// </summary>
public sealed class Plan
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 8000;
    public const int MaxActionLength = 1000;
    public const int MaxAgreedAtLength = 200;
    public const int MaxSections = 40;
    public const int MaxActionsPerSection = 30;

    public static Refusal Stale => Refusal.Conflict("this plan");

    private readonly List<PlanVersion> _versions = [];

    private Plan()
    {
    }

    public PlanId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public PlanType Type { get; private set; }
    public ChildProtectionCategory? Category { get; private set; }
    public PlanStatus Status { get; private set; }
    public ProfessionalId LeadId { get; private set; }
    /// <summary>The day its first version was agreed.</summary>
    public DateOnly? StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }
    /// <summary>The early help episode an early help plan belongs to; only an early help plan has one.</summary>
    public EarlyHelpEpisodeId? EpisodeId { get; private set; }
    /// <summary>The plan it was made from, when it was made from another (L24).</summary>
    public PlanId? MadeFromPlanId { get; private set; }
    public ProfessionalId CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<PlanVersion> Versions => _versions;

    /// <summary>The version being drafted, if any.</summary>
    public PlanVersion? Draft => _versions.FirstOrDefault(v => v.Status == PlanVersionStatus.Draft);

    /// <summary>The version in force, if any has been agreed.</summary>
    public PlanVersion? Current => _versions.Where(v => v.Status == PlanVersionStatus.Agreed).MaxBy(v => v.Number);

    public string TypeName => Type switch
    {
        PlanType.ChildInNeed => "Child in need plan",
        PlanType.ChildProtection => "Child protection plan",
        PlanType.Care => "Care plan",
        PlanType.EarlyHelp => "Early help plan",
        PlanType.Placement => "Placement plan",
        PlanType.Pathway => "Pathway plan",
        _ => "Plan",
    };

    /// <summary>A new plan, written fresh: its first draft version holds the sections given.</summary>
    public static Outcome<Plan> Start(PersonId child, PlanType? type, ChildProtectionCategory? category, ProfessionalId? lead,
        IReadOnlyList<PlanSectionDraft> sections, Func<ProfessionalId, AgencyId?> agencyOf, ProfessionalId by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var errors = CheckHeader(type, category, lead);
        var written = Write(sections, [], agencyOf, now.InLondon(), by, now, errors);
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var plan = New(child, type!.Value, category, lead!.Value, null, by, now);
        plan._versions.Add(PlanVersion.Create(plan.Id, 1, written, null, by, now));
        return plan;
    }

    /// <summary>
    /// A new plan made from another plan's version (L24): for the same child (a new type of plan), or for a sibling. Every
    /// section is carried over marked not reviewed; actions keep their owners and due dates but start again, not started.
    /// </summary>
    public static Outcome<Plan> MakeFrom(PersonId child, PlanType? type, ChildProtectionCategory? category, ProfessionalId? lead, Plan source,
        bool sourceIsAnotherChild, ProfessionalId by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        var errors = CheckHeader(type, category, lead);
        if ((source.Current ?? source.Draft) is null)
        {
            errors.Add(new("SourcePlanId", "The plan to start from has no version"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var version = source.Current ?? source.Draft!;
        var label = sourceIsAnotherChild
            ? $"another child's {source.TypeName.ToLowerInvariant()} (version {version.Number})"
            : $"{source.TypeName.ToLowerInvariant()} version {version.Number}";
        var carried = version.Sections.Select(s => Carry(s, label, freshActions: true)).ToList();
        var plan = New(child, type!.Value, category, lead!.Value, source.Id, by, now);
        plan._versions.Add(PlanVersion.Create(plan.Id, 1, carried, label, by, now));
        return plan;
    }

    /// <summary>Links an early help plan to its episode, once, before it is first saved; any other plan has no episode.</summary>
    public Refusal? BelongTo(EarlyHelpEpisodeId episode)
    {
        if (Type != PlanType.EarlyHelp)
        {
            return Refusal.Of("EpisodeId", "Only an early help plan belongs to an early help episode");
        }

        if (EpisodeId is not null && EpisodeId != episode)
        {
            return Refusal.Of("EpisodeId", "This plan already belongs to another early help episode");
        }

        EpisodeId = episode;
        return null;
    }

    /// <summary>The title of the section that holds a summary written on an episode before early help plans were recorded.</summary>
    public const string EpisodeSummaryTitle = "Plan summary recorded on the early help episode";

    /// <summary>Where that section came from, as a carried section says (it stays not reviewed until someone confirms or changes it).</summary>
    public const string EpisodeSummaryOrigin = "the early help episode's plan summary";

    /// <summary>
    /// Starts a revision of an agreed plan (L24): a new draft version carrying every section over marked not reviewed, with
    /// each action's current status (<paramref name="liveStatus"/>, from the plan's actions as they stand).
    /// </summary>
    public Refusal? Revise(Func<Guid, PlanActionStatus?> liveStatus, ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(liveStatus);
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != PlanStatus.Agreed || Current is not { } current)
        {
            return Refusal.Of("Status", Status == PlanStatus.Ended ? "This plan has ended" : "Agree the plan before revising it");
        }

        if (Draft is not null)
        {
            return Refusal.Of("Status", "A revision of this plan is already being drafted");
        }

        var label = $"version {current.Number}";
        var carried = current.Sections
            .Select(s => Carry(s, label, freshActions: false) with
            {
                Actions = s.Actions.Select(a => a with { Status = liveStatus(a.Key) ?? a.Status }).ToList(),
            })
            .ToList();
        _versions.Add(PlanVersion.Create(Id, current.Number + 1, carried, label, by, now));
        Version++;
        return null;
    }

    /// <summary>
    /// Writes one section of the draft: a new one (no key), or a change to one already there. A carried section that is
    /// changed counts as reviewed. Every action needs what, an owner and a due date (L23).
    /// </summary>
    public Outcome<PlanSection> SaveSection(PlanSectionDraft draft, Func<ProfessionalId, AgencyId?> agencyOf, ProfessionalId by,
        int expectedVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (CheckDraft(expectedVersion) is { } refused)
        {
            return refused;
        }

        var version = Draft!;
        var existing = draft.Key is { } key ? version.Sections.FirstOrDefault(s => s.Key == key) : null;
        if (draft.Key is not null && existing is null)
        {
            return Refusal.Of("Key", "That section is not in the plan being drafted. Reload the page.");
        }

        if (existing is null && version.Sections.Count >= MaxSections)
        {
            return Refusal.Of("Title", $"A plan can have at most {MaxSections} sections");
        }

        var errors = new List<FieldError>();
        var written = Write([draft], existing is null ? [] : [existing], agencyOf, now.InLondon(), by, now, errors).SingleOrDefault();
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        if (existing is not null)
        {
            written = existing.SaysTheSameAs(written!)
                ? existing
                : written! with
                {
                    Review = existing.CarriedFrom is null ? SectionReview.Written : SectionReview.Changed,
                    CarriedFrom = existing.CarriedFrom,
                };
        }

        version.Replace(existing is null
            ? version.Sections.Append(written!)
            : version.Sections.Select(s => s.Key == existing.Key ? written! : s));
        Version++;
        return written!;
    }

    /// <summary>Takes a section out of the draft.</summary>
    public Refusal? RemoveSection(Guid key, int expectedVersion)
    {
        if (CheckDraft(expectedVersion) is { } refused)
        {
            return refused;
        }

        if (Draft!.Sections.All(s => s.Key != key))
        {
            return Refusal.Of("Key", "That section is not in the plan being drafted. Reload the page.");
        }

        Draft.Replace(Draft.Sections.Where(s => s.Key != key));
        Version++;
        return null;
    }

    /// <summary>Confirms a carried section still holds as it is (L24): who and when are recorded.</summary>
    public Refusal? ConfirmSection(Guid key, ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        if (CheckDraft(expectedVersion) is { } refused)
        {
            return refused;
        }

        if (Draft!.Sections.FirstOrDefault(s => s.Key == key) is not { } section)
        {
            return Refusal.Of("Key", "That section is not in the plan being drafted. Reload the page.");
        }

        if (!section.NeedsReview)
        {
            return Refusal.Of("Key", $"\"{section.Title}\" does not need confirming: it has been reviewed");
        }

        Draft.Replace(Draft.Sections.Select(s => s.Key == key
            ? s with { Review = SectionReview.ConfirmedUnchanged, ReviewedBy = by, ReviewedAt = now }
            : s));
        Version++;
        return null;
    }

    /// <summary>
    /// Agrees the draft (L22, L23, L24, L54): refused while any section is not reviewed, without an outcome that has an action,
    /// or without the child's and the family's views. The version agreed before it is superseded.
    /// </summary>
    public Refusal? Agree(DateOnly? agreedOn, string? agreedAt, ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        if (CheckDraft(expectedVersion) is { } refused)
        {
            return refused;
        }

        var draft = Draft!;
        var today = now.InLondon();
        var errors = new List<FieldError>();
        foreach (var section in draft.Sections.Where(s => s.NeedsReview))
        {
            errors.Add(new($"Section-{section.Key}",
                $"\"{section.Title}\" was carried over from {section.CarriedFrom} and has not been reviewed. Confirm it or change it."));
        }

        if (!draft.Sections.Any(s => s.Kind == PlanSectionKind.Outcome && s.Actions.Count > 0))
        {
            errors.Add(new("Sections", "Add at least one outcome for the child with an action, its owner and its due date"));
        }

        if (!draft.Sections.Any(s => s.Kind == PlanSectionKind.ChildsView))
        {
            errors.Add(new("Sections", "Add the child's view of the plan, in their words where possible"));
        }

        if (!draft.Sections.Any(s => s.Kind == PlanSectionKind.FamilysView))
        {
            errors.Add(new("Sections", "Add the family's view of the plan"));
        }

        if (agreedOn is not { } on)
        {
            errors.Add(new("AgreedOn", "Enter the date the plan was agreed"));
        }
        else if (on > today)
        {
            errors.Add(new("AgreedOn", "The date the plan was agreed must be today or in the past"));
        }
        else if (on < CreatedAt.InLondon())
        {
            errors.Add(new("AgreedOn", "The plan cannot be agreed before it was started"));
        }

        if (string.IsNullOrWhiteSpace(agreedAt))
        {
            errors.Add(new("AgreedAt", "Enter where the plan was agreed, for example at the core group meeting"));
        }
        else if (agreedAt.Trim().Length > MaxAgreedAtLength)
        {
            errors.Add(new("AgreedAt", $"Where it was agreed must be {MaxAgreedAtLength} characters or fewer"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        Current?.MarkSuperseded();
        draft.MarkAgreed(agreedOn!.Value, agreedAt!.Trim(), by);
        StartedOn ??= agreedOn;
        Status = PlanStatus.Agreed;
        Version++;
        return null;
    }

    /// <summary>Ends the plan, with the reason (for example: the conference ended the child protection plan).</summary>
    public Refusal? End(DateOnly? endedOn, string? reason, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status == PlanStatus.Ended)
        {
            return Refusal.Of("Status", "This plan has already ended");
        }

        var errors = new List<FieldError>();
        if (endedOn is not { } on)
        {
            errors.Add(new("EndedOn", "Enter the date the plan ended"));
        }
        else if (on > now.InLondon())
        {
            errors.Add(new("EndedOn", "The date the plan ended must be today or in the past"));
        }
        else if (StartedOn is { } started && on < started)
        {
            errors.Add(new("EndedOn", "The plan cannot end before it started"));
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10)
        {
            errors.Add(new("EndReason", "Enter why the plan ended"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        if (Draft is { } abandoned)
        {
            _versions.Remove(abandoned);
        }

        EndedOn = endedOn;
        EndReason = reason!.Trim();
        Status = PlanStatus.Ended;
        Version++;
        return null;
    }

    /// <summary>
    /// How <paramref name="after"/> differs from <paramref name="before"/>, section by section, in the order of <paramref name="after"/>.
    /// </summary>
    public static IReadOnlyList<SectionDifference> Compare(PlanVersion? before, PlanVersion after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var old = before?.Sections.ToDictionary(s => s.Key) ?? [];
        var result = after.Sections.Select(s => old.TryGetValue(s.Key, out var was)
                ? new SectionDifference(s.Key, s.Kind, s.Title, s.SaysTheSameAs(was) ? SectionChange.Unchanged : SectionChange.Changed, was, s)
                : new SectionDifference(s.Key, s.Kind, s.Title, SectionChange.Added, null, s))
            .ToList();
        var kept = after.Sections.Select(s => s.Key).ToHashSet();
        result.AddRange((before?.Sections ?? []).Where(s => !kept.Contains(s.Key))
            .Select(s => new SectionDifference(s.Key, s.Kind, s.Title, SectionChange.Removed, s, null)));
        return result;
    }

    private static Plan New(PersonId child, PlanType type, ChildProtectionCategory? category, ProfessionalId lead, PlanId? madeFrom,
        ProfessionalId by, DateTimeOffset now) => new()
        {
            Id = PlanId.New(),
            ChildId = child,
            Type = type,
            Category = type == PlanType.ChildProtection ? category : null,
            LeadId = lead,
            Status = PlanStatus.Draft,
            MadeFromPlanId = madeFrom,
            CreatedBy = by,
            CreatedAt = now,
            Version = 1,
        };

    private static List<FieldError> CheckHeader(PlanType? type, ChildProtectionCategory? category, ProfessionalId? lead)
    {
        var errors = new List<FieldError>();
        if (type is not { } t || !Enum.IsDefined(t))
        {
            errors.Add(new("Type", "Select the type of plan"));
        }
        else if (t == PlanType.ChildProtection && (category is not { } c || !Enum.IsDefined(c)))
        {
            errors.Add(new("Category", "Select the category of the child protection plan"));
        }
        else if (t != PlanType.ChildProtection && category is not null)
        {
            errors.Add(new("Category", "A category applies only to a child protection plan"));
        }

        if (lead is null)
        {
            errors.Add(new("LeadId", "Select who leads the plan"));
        }

        return errors;
    }

    private Refusal? CheckDraft(int expectedVersion)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        return Draft is null
            ? Refusal.Of("Status", Status == PlanStatus.Ended
                ? "This plan has ended"
                : "This version has been agreed and cannot change. Revise the plan to make a new version.")
            : null;
    }

    private static PlanSection Carry(PlanSection section, string from, bool freshActions) => section with
    {
        Review = SectionReview.NotReviewed,
        ReviewedBy = null,
        ReviewedAt = null,
        CarriedFrom = from,
        Actions = freshActions
            ? section.Actions.Select(a => a with { Key = Guid.CreateVersion7(), Status = PlanActionStatus.NotStarted }).ToList()
            : section.Actions,
        Key = freshActions ? Guid.CreateVersion7() : section.Key,
    };

    private static List<PlanSection> Write(IReadOnlyList<PlanSectionDraft> drafts, IReadOnlyList<PlanSection> existing,
        Func<ProfessionalId, AgencyId?> agencyOf, DateOnly today, ProfessionalId by, DateTimeOffset now, List<FieldError> errors)
    {
        var written = new List<PlanSection>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            var at = drafts.Count == 1 ? "" : $"Sections[{i}].";
            if (d.Kind is not { } kind || !Enum.IsDefined(kind))
            {
                errors.Add(new($"{at}Kind", "Select what this section is: an outcome, the child's view, the family's view or the contingency"));
                continue;
            }

            var title = string.IsNullOrWhiteSpace(d.Title) ? DefaultTitle(kind) : d.Title.Trim();
            if (title is null)
            {
                errors.Add(new($"{at}Title", "Enter the outcome for the child, for example: Sam goes to school every day"));
            }
            else if (title.Length > MaxTitleLength)
            {
                errors.Add(new($"{at}Title", $"The title must be {MaxTitleLength} characters or fewer"));
            }

            var text = d.Text?.Trim() ?? "";
            if (kind != PlanSectionKind.Outcome && text.Length == 0)
            {
                errors.Add(new($"{at}Text", kind switch
                {
                    PlanSectionKind.ChildsView => "Enter the child's view, in their words where possible, or why it could not be gained",
                    PlanSectionKind.FamilysView => "Enter the family's view of the plan",
                    _ => "Enter what happens if the plan is not working",
                }));
            }
            else if (text.Length > MaxTextLength)
            {
                errors.Add(new($"{at}Text", $"This section must be {MaxTextLength:N0} characters or fewer"));
            }

            if (kind != PlanSectionKind.Outcome && d.Actions.Count > 0)
            {
                errors.Add(new($"{at}Actions", "Only an outcome has actions"));
            }

            var previous = (existing.Count > 0 ? existing[0] : null)?.Actions.ToDictionary(a => a.Key) ?? [];
            var actions = Actions(d.Actions, previous, agencyOf, today, at, errors);
            written.Add(new PlanSection(d.Key ?? Guid.CreateVersion7(), kind, title ?? "", text, actions, SectionReview.Written, by, now, null));
        }

        return written;
    }

    private static List<PlannedAction> Actions(IReadOnlyList<PlannedActionDraft> drafts, Dictionary<Guid, PlannedAction> previous,
        Func<ProfessionalId, AgencyId?> agencyOf, DateOnly today, string at, List<FieldError> errors)
    {
        var actions = new List<PlannedAction>();
        if (drafts.Count > MaxActionsPerSection)
        {
            errors.Add(new($"{at}Actions", $"An outcome can have at most {MaxActionsPerSection} actions"));
            return actions;
        }

        for (var j = 0; j < drafts.Count; j++)
        {
            var a = drafts[j];
            var field = $"{at}Actions[{j}]";
            var before = a.Key is { } k ? previous.GetValueOrDefault(k) : null;
            var ok = true;
            if (string.IsNullOrWhiteSpace(a.What))
            {
                errors.Add(new($"{field}.What", $"Action {j + 1}: enter what will be done"));
                ok = false;
            }
            else if (a.What.Trim().Length > MaxActionLength)
            {
                errors.Add(new($"{field}.What", $"Action {j + 1}: what will be done must be {MaxActionLength:N0} characters or fewer"));
                ok = false;
            }

            AgencyId? agency = a.Owner is { } owner ? agencyOf(owner) : null;
            if (a.Owner is null)
            {
                errors.Add(new($"{field}.Owner", $"Action {j + 1}: select who owns it. Every action has a named owner in an agency."));
                ok = false;
            }
            else if (agency is null)
            {
                errors.Add(new($"{field}.Owner", $"Action {j + 1}: the owner must be an active professional with a Cairn account"));
                ok = false;
            }

            if (a.DueOn is not { } due)
            {
                errors.Add(new($"{field}.DueOn", $"Action {j + 1}: enter the date it is due by"));
                ok = false;
            }
            else if (due > today.AddYears(3) || due < today.AddYears(-1))
            {
                errors.Add(new($"{field}.DueOn", $"Action {j + 1}: the due date must be within a year before and three years after today"));
                ok = false;
            }

            var status = a.Status ?? before?.Status ?? PlanActionStatus.NotStarted;
            if (!Enum.IsDefined(status))
            {
                errors.Add(new($"{field}.Status", $"Action {j + 1}: select where it stands"));
                ok = false;
            }

            if (ok)
            {
                actions.Add(new PlannedAction(before?.Key ?? Guid.CreateVersion7(), a.What!.Trim(), a.Owner!.Value, agency!.Value, a.DueOn!.Value,
                    status));
            }
        }

        return actions;
    }

    private static string? DefaultTitle(PlanSectionKind kind) => kind switch
    {
        PlanSectionKind.ChildsView => "The child's view",
        PlanSectionKind.FamilysView => "The family's view",
        PlanSectionKind.Contingency => "If the plan is not working",
        _ => null,
    };
}
