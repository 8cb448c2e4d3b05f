using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.Concerns;

public enum ConcernPromptStatus
{
    /// <summary>Waiting for the lead professional or the front-door team to say what they will do.</summary>
    Open = 1,
    /// <summary>A named professional answered it with a response and a reason.</summary>
    Answered = 2,
}

/// <summary>What the professional decided when prompted.</summary>
public enum PromptResponse
{
    /// <summary>The concerns meet the threshold together: a contact goes to the front door.</summary>
    StepUpToFrontDoor = 1,
    /// <summary>The concerns are known and a plan already addresses them.</summary>
    AlreadyInHand = 2,
    /// <summary>Looked at and no action is needed, for the reason given.</summary>
    NoActionNeeded = 3,
}

public enum ConcernPromptEventKind
{
    Raised = 1,
    EvidenceAdded = 2,
    Reassigned = 3,
    Escalated = 4,
    Answered = 5,
}

/// <summary>One step in a prompt's life. Every step is kept.</summary>
public sealed record ConcernPromptEvent(ConcernPromptId PromptId, ConcernPromptEventKind Kind, ProfessionalId? By, DateTimeOffset At, string? Note,
    int? Level = null)
{
    public long Id { get; init; }
}

/// <summary>One piece of evidence behind a prompt: a chronology entry or a front-door contact, and when it was added.</summary>
public sealed record ConcernPromptEvidence(ConcernPromptId PromptId, ChronologyEntryId? EntryId, ContactId? ContactId, DateTimeOffset AddedAt);

/// <summary>An escalation the sweep must act on: who to tell is decided from <see cref="Audience"/>.</summary>
public sealed record ConcernPromptEscalation(ConcernPromptId PromptId, PersonId Child, ConcernRule Rule, int Level, EscalationAudience Audience,
    DateTimeOffset DueAt, ProfessionalId? AssignedProfessional, TeamId? AssignedTeam);

public enum PromptAction
{
    /// <summary>Nothing to do: an open prompt already holds all the evidence, or the answer still stands.</summary>
    Nothing = 0,
    /// <summary>Raise a new prompt from the finding.</summary>
    Raise = 1,
    /// <summary>
    /// Add the new evidence to the open prompt (<see cref="PromptDecision.Prompt"/>) with
    /// <see cref="ConcernPrompt.Refresh(RuleFinding, DateTimeOffset)"/>.
    /// </summary>
    Refresh = 2,
}

/// <summary>What to do with a finding, and the prompt it concerns (the open one to refresh, or the one that makes raising needless).</summary>
public sealed record PromptDecision(PromptAction Action, ConcernPrompt? Prompt);

/// <summary>
/// A prompt raised by a concern rule (L04, L05, L09, L31, L50): a followed-through item, not a notice. It goes to
/// the child's lead professional and/or a team (the front door), is due in working time, escalates on its own
/// one rung at a time when overdue, and is closed only by a named professional's answer with a reason.
/// Evidence is only ever added; nothing the prompt was raised on is lost.
/// </summary>
public sealed class ConcernPrompt
{
    public const int MinReasonLength = 20;
    public const int MaxReasonLength = 4000;

    public const string NotYoursToAnswer = "Only the professional or team the prompt is for, or their manager, can answer it";
    public const string NotYoursToReassign =
        "Only the professional or team the prompt is for, a front door manager or a safeguarding lead can pass it on";
    public const string AnsweredAsManagerNote = "Answered by the manager of the team the prompt is for. ";

    /// <summary>The refusal for a stale version or a lost race.</summary>
    public static Refusal Stale => Refusal.Conflict("this prompt");

    private static Refusal NotAllowed(string title, string message) =>
        new(title, [new FieldError("Prompt", message)], RefusalKind.NotAllowed);

    /// <summary>Someone who may see the prompt but may not answer it (403).</summary>
    public static Refusal MayNotAnswer => NotAllowed("This prompt is not yours to answer", NotYoursToAnswer);

    /// <summary>Someone who may see the prompt but may not pass it on (403).</summary>
    public static Refusal MayNotReassign => NotAllowed("This prompt is not yours to pass on", NotYoursToReassign);

    private readonly List<ConcernPromptEvidence> _evidence = [];
    private readonly List<ConcernPromptEvent> _events = [];
    private EscalationClock _escalation;

    private ConcernPrompt()
    {
        Summary = "";
    }

    public ConcernPromptId Id { get; private set; }
    public PersonId Child { get; private set; }
    public ConcernRule Rule { get; private set; }

    /// <summary>The latest finding's summary: counts, days and themes only, never a name or a narrative.</summary>
    public string Summary { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public ProfessionalId? AssignedProfessional { get; private set; }
    public TeamId? AssignedTeam { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public ConcernPromptStatus Status { get; private set; }
    public ProfessionalId? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public PromptResponse? Response { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>Where the prompt stands on the escalation ladder (stored as the two properties below).</summary>
    public EscalationClock Escalation => _escalation;

    /// <summary>How many rungs of the ladder it has climbed.</summary>
    public int EscalationLevel
    {
        get => _escalation.Level;
        private set => _escalation = _escalation with { Level = value };
    }

    /// <summary>When the sweep must next look at this prompt; null once nothing more can fall due.</summary>
    public DateTimeOffset? NextEscalationAt
    {
        get => _escalation.NextAt;
        private set => _escalation = _escalation with { NextAt = value };
    }
    public int Version { get; private set; }

    public IReadOnlyList<ConcernPromptEvidence> Evidence => _evidence;
    public IReadOnlyList<ConcernPromptEvent> Events => _events;

    public IReadOnlyList<ChronologyEntryId> Entries =>
        _evidence.Where(e => e.EntryId is not null).Select(e => e.EntryId!.Value).ToList();

    public IReadOnlyList<ContactId> Contacts =>
        _evidence.Where(e => e.ContactId is not null).Select(e => e.ContactId!.Value).ToList();

    public bool IsOpen => Status == ConcernPromptStatus.Open;

    public bool IsOverdue(DateTimeOffset now) => IsOpen && now >= DueAt;

    /// <summary>
    /// Whether this professional, in this team, is someone the prompt is for: the assigned professional, or anyone in the
    /// assigned team.
    /// </summary>
    public bool IsFor(ProfessionalId professional, TeamId? team) =>
        professional == AssignedProfessional || (AssignedTeam is { } assigned && team == assigned);

    /// <summary>
    /// Raises a prompt from a finding, for the child's lead professional and/or a team (at least one), due after
    /// <see cref="ConcernPromptSettings.AnswerWorkingDays"/> working days.
    /// </summary>
    public static Outcome<ConcernPrompt> Raise(RuleFinding finding, ProfessionalId? assignedProfessional, TeamId? assignedTeam, DateTimeOffset now,
        WorkingCalendar calendar, ConcernPromptSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(calendar);
        settings ??= new ConcernPromptSettings();
        if (assignedProfessional is null && assignedTeam is null)
        {
            return Refusal.Of("AssignedTo", "Select the lead professional or the team the prompt is for");
        }

        var prompt = new ConcernPrompt
        {
            Id = ConcernPromptId.New(),
            Child = finding.Child,
            Rule = finding.Rule,
            Summary = finding.Summary,
            RaisedAt = now,
            AssignedProfessional = assignedProfessional,
            AssignedTeam = assignedTeam,
            DueAt = calendar.AddWorkingDays(now, settings.AnswerWorkingDays),
            Status = ConcernPromptStatus.Open,
            Version = 1,
        };
        prompt._escalation = EscalationClock.StartingAt(prompt.DueAt);
        prompt.AddNewEvidence(finding, new HeldEvidence([], []), now);
        prompt._events.Add(new ConcernPromptEvent(prompt.Id, ConcernPromptEventKind.Raised, null, now, finding.Summary));
        return Outcome<ConcernPrompt>.Success(prompt);
    }

    /// <summary>
    /// A named professional the prompt is for says what they decided and why. The reason must be long enough to
    /// mean something to whoever reads it later ("ok" or "noted" is refused).
    /// </summary>
    /// <param name="managesAssignee">
    /// The professional manages the team of the professional the prompt is for, or the team it is for: they may answer
    /// in their worker's place (someone off sick must not leave a child's prompt unanswered), and the history says so.
    /// </param>
    public Refusal? Answer(ProfessionalId by, TeamId? byTeam, PromptResponse? response, string? reason, int expectedVersion, DateTimeOffset now,
        bool managesAssignee = false)
    {
        if (Check(expectedVersion) is { } refused)
        {
            return refused;
        }

        var asManager = !IsFor(by, byTeam);
        if (asManager && !managesAssignee)
        {
            return MayNotAnswer;
        }

        var errors = new List<FieldError>();
        if (response is not { } chosen || !Enum.IsDefined(chosen))
        {
            errors.Add(new("Response", "Select what you decided"));
        }

        var trimmed = CheckReason(reason, "Enter why: what you know about the child that led to this decision", errors);
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        Status = ConcernPromptStatus.Answered;
        AnsweredBy = by;
        AnsweredAt = now;
        Response = response;
        Reason = trimmed;
        _escalation = _escalation.Stopped();
        return Record(ConcernPromptEventKind.Answered, by, now, (asManager ? AnsweredAsManagerNote : "") + $"{response}: {trimmed}");
    }

    /// <summary>
    /// Passes an open prompt to another professional and/or team, with a reason kept in its history. The clock carries
    /// on: being passed on does not buy time. Who may pass it on: whoever it is for (the professional, or anyone in the
    /// team), and those who oversee prompts (<paramref name="oversees"/>: a front door manager or a safeguarding lead).
    /// </summary>
    public Refusal? Reassign(ProfessionalId? toProfessional, TeamId? toTeam, ProfessionalId by, TeamId? byTeam, bool oversees, string? reason,
        int expectedVersion, DateTimeOffset now)
    {
        if (Check(expectedVersion) is { } refused)
        {
            return refused;
        }

        if (!oversees && !IsFor(by, byTeam))
        {
            return MayNotReassign;
        }

        var errors = new List<FieldError>();
        if (toProfessional is null && toTeam is null)
        {
            errors.Add(new("AssignTo", "Select the professional or the team the prompt is for"));
        }
        else if (toProfessional == AssignedProfessional && toTeam == AssignedTeam)
        {
            errors.Add(new("AssignTo", "Choose someone different from who the prompt is for now"));
        }

        var trimmed = CheckReason(reason, "Enter why you are passing the prompt on", errors);
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        AssignedProfessional = toProfessional;
        AssignedTeam = toTeam;
        return Record(ConcernPromptEventKind.Reassigned, by, now, trimmed);
    }

    /// <summary>Whether every piece of the finding's evidence is already on this prompt.</summary>
    public bool HoldsAllEvidenceOf(RuleFinding finding) => Held().HoldsAll(finding);

    /// <summary>The ids of the evidence on this prompt, as loaded with it.</summary>
    public HeldEvidence Held() => HeldEvidence.Of(_evidence);

    /// <summary>
    /// Adds the finding's new evidence to an open prompt and takes its summary; what was there stays. The clock
    /// carries on: new evidence does not buy time. Returns whether anything was added.
    /// </summary>
    public bool Refresh(RuleFinding finding, DateTimeOffset now) => Refresh(finding, Held(), now);

    /// <summary>
    /// <see cref="Refresh(RuleFinding, DateTimeOffset)"/> for a prompt read without its evidence rows: <paramref name="held"/>
    /// says what it holds (read with <see cref="HeldEvidence"/>'s ids alone), and only what is not there is added.
    /// <paramref name="held"/> then holds the added evidence too.
    /// </summary>
    public bool Refresh(RuleFinding finding, HeldEvidence held, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(held);
        if (!IsOpen || finding.Child != Child || finding.Rule != Rule)
        {
            return false;
        }

        var added = AddNewEvidence(finding, held, now);
        if (added == 0)
        {
            return false;
        }

        Summary = finding.Summary;
        Record(ConcernPromptEventKind.EvidenceAdded, null, now, $"{added} new: {finding.Summary}");
        return true;
    }

    /// <summary>
    /// Called by the sweep: climbs one rung of the ladder when the prompt is overdue. Returns the escalation to
    /// notify, or null when nothing is due yet. Calling it again before the next rung is due does nothing, so a
    /// sweep that is repeated or interrupted never escalates twice.
    /// </summary>
    public ConcernPromptEscalation? Sweep(DateTimeOffset now, EscalationLadder ladder, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!IsOpen || _escalation.Climb(DueAt, now, ladder, calendar) is not { } climb)
        {
            return null;
        }

        _escalation = climb.Clock;
        Version++;
        if (climb.Step is not { } step)
        {
            return null;
        }

        _events.Add(new ConcernPromptEvent(Id, ConcernPromptEventKind.Escalated, null, now, null, step.Level));
        return new ConcernPromptEscalation(Id, Child, Rule, step.Level, step.Audience, DueAt, AssignedProfessional, AssignedTeam);
    }

    /// <summary>
    /// What to do with a finding given the child's earlier prompts for the same rule (others are ignored). An open
    /// prompt is refreshed when the finding has evidence it lacks, and otherwise left alone. After an answer, a new
    /// prompt is raised only when the finding has evidence the latest answered prompt did not, or, for a rule about
    /// something missing, once <see cref="ConcernPromptSettings.ReraiseAbsenceAfterDays"/> have passed since the
    /// answer (London dates) and the absence goes on.
    /// </summary>
    public static PromptDecision Reconcile(RuleFinding finding, IEnumerable<ConcernPrompt> previous, DateTimeOffset now,
        ConcernPromptSettings? settings = null) =>
        Reconcile(finding, previous, p => p.Held(), now, settings);

    /// <summary>
    /// <see cref="Reconcile(RuleFinding, IEnumerable{ConcernPrompt}, DateTimeOffset, ConcernPromptSettings?)"/> for
    /// prompts read without their evidence rows: <paramref name="held"/> gives the evidence of the prompt that decides
    /// (<see cref="Deciding"/>), so that a busy child's prompt with hundreds of pieces of evidence is not loaded whole
    /// to learn that nothing is new.
    /// </summary>
    public static PromptDecision Reconcile(RuleFinding finding, IEnumerable<ConcernPrompt> previous,
        IReadOnlyDictionary<ConcernPromptId, HeldEvidence> held, DateTimeOffset now, ConcernPromptSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(held);
        return Reconcile(finding, previous,
            p => held.TryGetValue(p.Id, out var h) ? h : throw new ArgumentException($"No evidence given for prompt {p.Id.Value}", nameof(held)),
            now, settings);
    }

    /// <summary>
    /// The prompt whose evidence decides what to do with a finding: the child's open prompt for the rule, else the
    /// latest answered one; null when the rule never prompted for the child.
    /// </summary>
    public static ConcernPrompt? Deciding(RuleFinding finding, IEnumerable<ConcernPrompt> previous)
    {
        var (open, answered) = Latest(finding, previous);
        return open ?? answered;
    }

    private static PromptDecision Reconcile(RuleFinding finding, IEnumerable<ConcernPrompt> previous, Func<ConcernPrompt, HeldEvidence> held,
        DateTimeOffset now, ConcernPromptSettings? settings)
    {
        settings ??= new ConcernPromptSettings();
        var (open, answered) = Latest(finding, previous);
        if (open is not null)
        {
            return new PromptDecision(held(open).HoldsAll(finding) ? PromptAction.Nothing : PromptAction.Refresh, open);
        }

        if (answered is null || !held(answered).HoldsAll(finding))
        {
            return new PromptDecision(PromptAction.Raise, answered);
        }

        var stale = finding.Rule.IsAboutAbsence()
            && now.InLondon() >= answered.AnsweredAt!.Value.InLondon().AddDays(settings.ReraiseAbsenceAfterDays);
        return new PromptDecision(stale ? PromptAction.Raise : PromptAction.Nothing, answered);
    }

    private static (ConcernPrompt? Open, ConcernPrompt? Answered) Latest(RuleFinding finding, IEnumerable<ConcernPrompt> previous)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(previous);
        ConcernPrompt? open = null;
        ConcernPrompt? answered = null;
        foreach (var prompt in previous)
        {
            if (prompt.Child != finding.Child || prompt.Rule != finding.Rule)
            {
                continue;
            }

            if (prompt.IsOpen)
            {
                open = open is null || prompt.RaisedAt > open.RaisedAt ? prompt : open;
            }
            else if (answered is null || prompt.AnsweredAt > answered.AnsweredAt)
            {
                answered = prompt;
            }
        }

        return (open, answered);
    }

    private int AddNewEvidence(RuleFinding finding, HeldEvidence held, DateTimeOffset now)
    {
        var added = 0;
        foreach (var entry in finding.Entries)
        {
            if (held.Add(entry))
            {
                _evidence.Add(new ConcernPromptEvidence(Id, entry, null, now));
                added++;
            }
        }

        foreach (var contact in finding.Contacts)
        {
            if (held.Add(contact))
            {
                _evidence.Add(new ConcernPromptEvidence(Id, null, contact, now));
                added++;
            }
        }

        return added;
    }

    private static string CheckReason(string? reason, string whenBlank, List<FieldError> errors)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(new("Reason", whenBlank));
        }
        else if (trimmed.Length < MinReasonLength)
        {
            errors.Add(new("Reason",
                $"Enter a reason of at least {MinReasonLength} characters that says why, so that others can follow the decision"));
        }
        else if (trimmed.Length > MaxReasonLength)
        {
            errors.Add(new("Reason", $"The reason must be {MaxReasonLength:N0} characters or fewer"));
        }

        return trimmed;
    }

    private Refusal? Check(int expectedVersion)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        return IsOpen ? null : Refusal.Of("Prompt", "This prompt has already been answered");
    }

    private Refusal? Record(ConcernPromptEventKind kind, ProfessionalId? by, DateTimeOffset now, string? note)
    {
        _events.Add(new ConcernPromptEvent(Id, kind, by, now, note));
        Version++;
        return null;
    }
}

/// <summary>
/// The ids of the evidence a prompt holds, kept as sets: all that reconciling a finding with the prompt needs. A busy
/// child's prompt holds hundreds of pieces of evidence, and a finding is checked against them one by one. Not
/// immutable: <see cref="ConcernPrompt.Refresh(RuleFinding, HeldEvidence, DateTimeOffset)"/> adds what it adds, so
/// the set keeps matching the prompt it describes.
/// </summary>
public sealed class HeldEvidence(IEnumerable<ChronologyEntryId> entries, IEnumerable<ContactId> contacts)
{
    private readonly HashSet<ChronologyEntryId> _entries = [.. entries];
    private readonly HashSet<ContactId> _contacts = [.. contacts];

    public static HeldEvidence Of(IEnumerable<ConcernPromptEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var list = evidence as IReadOnlyCollection<ConcernPromptEvidence> ?? evidence.ToList();
        return new HeldEvidence(list.Where(e => e.EntryId is not null).Select(e => e.EntryId!.Value),
            list.Where(e => e.ContactId is not null).Select(e => e.ContactId!.Value));
    }

    /// <summary>Whether every piece of the finding's evidence is held.</summary>
    public bool HoldsAll(RuleFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Entries.All(_entries.Contains) && finding.Contacts.All(_contacts.Contains);
    }

    internal bool Add(ChronologyEntryId entry) => _entries.Add(entry);

    internal bool Add(ContactId contact) => _contacts.Add(contact);
}
