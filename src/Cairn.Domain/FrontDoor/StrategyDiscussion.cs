using Cairn.Domain.Agencies;
using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.FrontDoor;

public enum StrategyDiscussionStatus
{
    /// <summary>Decided on at triage; to be held and recorded.</summary>
    Required = 1,
    Held = 2,
}

/// <summary>Someone who took part: from which kind of agency, named, and a Cairn professional where they have an account.</summary>
public sealed record StrategyAttendee(string Name, AgencyKind Agency, string Role, ProfessionalId? ProfessionalId);

/// <summary>An overdue strategy discussion's climb up the escalation ladder: who to tell is decided from <see cref="Audience"/>.</summary>
public sealed record StrategyDiscussionEscalation(
    StrategyDiscussionId Id, PersonId ChildId, int Level, EscalationAudience Audience, DateTimeOffset DueAt);

/// <summary>
/// A strategy discussion (L17): when a contact reaches the child-protection threshold, children's social care, police
/// and health must agree what happens next — by phone is fine — before a section 47 enquiry starts. It is created by
/// the triage decision and must be held within the area's timescale (<see cref="DefaultDueWorkingDays"/> working day
/// unless the area sets another); when it is not, it climbs the escalation ladder one rung at a time until it is
/// recorded (L16).
/// </summary>
public sealed class StrategyDiscussion
{
    /// <summary>The refusal for a stale version or a lost race.</summary>
    public static Refusal Stale => Refusal.Conflict("this strategy discussion");

    /// <summary>
    /// Working Together 2023 says "as soon as possible" and sets no national limit (T03 in docs/lessons.md; local
    /// procedures range from 24 hours to 3 days). Cairn takes the strictest local reading, the same one working day the
    /// front door has to decide on a referral (T01): the risk that justified it does not wait. An area whose procedures
    /// allow longer sets its own, up to <see cref="MaxDueWorkingDays"/>.
    /// </summary>
    public const int DefaultDueWorkingDays = 1;

    /// <summary>The longest an area may set: a working week; no local procedure allows more.</summary>
    public const int MaxDueWorkingDays = 5;

    /// <summary>The agencies Working Together requires at a strategy discussion, at least.</summary>
    public static readonly IReadOnlyList<(string Name, AgencyKind[] Kinds)> RequiredAgencies =
    [
        ("children's social care", [AgencyKind.ChildrensSocialCare]),
        ("police", [AgencyKind.Police]),
        ("health", [AgencyKind.GeneralPractice, AgencyKind.HealthVisiting, AgencyKind.Midwifery, AgencyKind.Hospital, AgencyKind.Camhs]),
    ];

    private readonly List<StrategyAttendee> _attendees = [];
    private EscalationClock _escalation;

    private StrategyDiscussion()
    {
    }

    public StrategyDiscussionId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public ContactId ContactId { get; private set; }
    public DateTimeOffset RequiredAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public StrategyDiscussionStatus Status { get; private set; }
    public DateTimeOffset? HeldAt { get; private set; }
    public bool ByPhone { get; private set; }
    public IReadOnlyList<StrategyAttendee> Attendees => _attendees;
    /// <summary>Whether the discussion decided to start a section 47 enquiry.</summary>
    public bool? StartSection47 { get; private set; }
    public string? Decision { get; private set; }
    public ProfessionalId? RecordedBy { get; private set; }
    public DateTimeOffset? RecordedAt { get; private set; }

    /// <summary>Where the discussion stands on the escalation ladder (stored as the two properties below).</summary>
    public EscalationClock Escalation => _escalation;

    /// <summary>How many rungs of the escalation ladder it has climbed while overdue.</summary>
    public int EscalationLevel
    {
        get => _escalation.Level;
        private set => _escalation = _escalation with { Level = value };
    }

    /// <summary>When the sweep must next look at it; null once it is held or has reached the top of the ladder.</summary>
    public DateTimeOffset? NextEscalationAt
    {
        get => _escalation.NextAt;
        private set => _escalation = _escalation with { NextAt = value };
    }

    public int Version { get; private set; }

    public bool IsOverdue(DateTimeOffset now) => Status == StrategyDiscussionStatus.Required && now >= DueAt;

    /// <summary>Whether an area's timescale for holding a strategy discussion can be saved; null when it can.</summary>
    public static Refusal? CheckDueWorkingDays(int? days) => days switch
    {
        null => Refusal.Of("StrategyDiscussionWorkingDays", "Enter the number of working days a strategy discussion must be held within"),
        < 1 or > MaxDueWorkingDays => Refusal.Of("StrategyDiscussionWorkingDays",
            $"The working days must be from 1 to {MaxDueWorkingDays}: Working Together expects a strategy discussion as soon as possible"),
        _ => null,
    };

    /// <param name="dueWorkingDays">The area's timescale, which must pass <see cref="CheckDueWorkingDays"/>.</param>
    public static StrategyDiscussion Require(PersonId child, ContactId contact, DateTimeOffset now, WorkingCalendar calendar,
        int dueWorkingDays = DefaultDueWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (CheckDueWorkingDays(dueWorkingDays) is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(dueWorkingDays), dueWorkingDays,
                "A strategy discussion's timescale is from 1 to 5 working days.");
        }

        var due = calendar.AddWorkingDays(now, dueWorkingDays);
        return new()
        {
            Id = StrategyDiscussionId.New(),
            ChildId = child,
            ContactId = contact,
            RequiredAt = now,
            DueAt = due,
            _escalation = EscalationClock.StartingAt(due),
            Status = StrategyDiscussionStatus.Required,
            Version = 1,
        };
    }

    /// <summary>
    /// Called by the sweep: climbs one rung of the ladder when the discussion is overdue, and says when the next rung
    /// falls due (working hours after <see cref="DueAt"/>). Returns the escalation to tell, or null when nothing is due;
    /// a repeated or interrupted sweep never escalates twice, because the next time has moved on.
    /// </summary>
    public StrategyDiscussionEscalation? Sweep(DateTimeOffset now, EscalationLadder ladder, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(calendar);
        if (Status != StrategyDiscussionStatus.Required || _escalation.Climb(DueAt, now, ladder, calendar) is not { } climb)
        {
            return null;
        }

        _escalation = climb.Clock;
        Version++;
        if (climb.Step is not { } step)
        {
            return null;
        }

        return new StrategyDiscussionEscalation(Id, ChildId, step.Level, step.Audience, DueAt);
    }

    /// <summary>Records the discussion as held: when, how, who took part and what was decided about a section 47 enquiry.</summary>
    public Refusal? Record(DateTimeOffset? heldAt, bool byPhone, IReadOnlyList<StrategyAttendee> attendees, bool? startSection47,
        string? decision, ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status == StrategyDiscussionStatus.Held)
        {
            return Refusal.Of("StrategyDiscussion", "This strategy discussion has already been recorded");
        }

        var errors = new List<FieldError>();
        if (heldAt is null)
        {
            errors.Add(new("HeldAt", "Enter when the strategy discussion was held"));
        }
        else if (heldAt > now.AddMinutes(5))
        {
            errors.Add(new("HeldAt", "The strategy discussion must have been held already: record it afterwards"));
        }
        else if (heldAt < RequiredAt.AddDays(-1))
        {
            errors.Add(new("HeldAt", "The strategy discussion cannot have been held before the contact was decided"));
        }

        var named = attendees.Where(a => !string.IsNullOrWhiteSpace(a.Name)).ToList();
        foreach (var (name, kinds) in RequiredAgencies)
        {
            if (!named.Any(a => kinds.Contains(a.Agency)))
            {
                errors.Add(new("Attendees", $"A strategy discussion needs someone from {name}. Add who took part for {name}."));
            }
        }

        if (startSection47 is null)
        {
            errors.Add(new("StartSection47", "Select whether a section 47 enquiry will start"));
        }

        if (string.IsNullOrWhiteSpace(decision) || decision.Trim().Length < Contact.MinReasonsLength)
        {
            errors.Add(new("Decision", "Enter what was agreed: the reasons, the actions and who will take them"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        HeldAt = heldAt;
        ByPhone = byPhone;
        _attendees.AddRange(named.Select(a => a with { Name = a.Name.Trim(), Role = a.Role?.Trim() ?? "" }));
        StartSection47 = startSection47;
        Decision = decision!.Trim();
        RecordedBy = by;
        RecordedAt = now;
        Status = StrategyDiscussionStatus.Held;
        _escalation = _escalation.Stopped();
        Version++;
        return null;
    }

    /// <summary>
    /// A section 47 enquiry cannot be recorded as started unless a strategy discussion held about the child in the
    /// last <paramref name="withinDays"/> days decided on one (L17).
    /// </summary>
    public static Refusal? AllowsSection47(IEnumerable<StrategyDiscussion> discussions, DateOnly from, int withinDays = 30)
    {
        // Dates are London dates: a discussion held at 00:30 BST belongs to that day, not the UTC day before.
        var decided = discussions.Any(d => d.Status == StrategyDiscussionStatus.Held && d.StartSection47 == true && d.HeldAt is { } held
            && held.InLondon() <= from.AddDays(1) && held.InLondon() >= from.AddDays(-withinDays));
        return decided
            ? null
            : Refusal.Of("Kind", "A section 47 enquiry can start only after a strategy discussion decides on one. "
                + "Record the strategy discussion first: by phone is fine.");
    }
}
