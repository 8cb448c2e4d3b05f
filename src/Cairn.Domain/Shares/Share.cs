using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.Shares;

/// <summary>What a professional asks to send; checked by <see cref="Share.Send"/>.</summary>
public sealed record ShareDraft(
    ShareKind? Kind,
    ShareRecipient? Recipient,
    IReadOnlyCollection<PersonId> Children,
    Urgency? Urgency,
    int? WorkingDays,
    string? Subject,
    string? Message);

/// <summary>One step in a share's life: who did what and when. Every step is kept.</summary>
public sealed record ShareEvent(ShareId ShareId, ShareEventKind Kind, ProfessionalId? By, DateTimeOffset At, string? Note,
    int? Level = null, ShareClock? Clock = null)
{
    public long Id { get; init; }
}

/// <summary>An escalation the sweep must act on: who to tell is decided from <see cref="Audience"/>.</summary>
public sealed record ShareEscalation(ShareId ShareId, ShareClock Clock, int Level, EscalationAudience Audience, DateTimeOffset DueAt);

/// <summary>
/// Follow Through (L01): information passed from one agency to another is not done when it is sent. It is
/// received by a named person and actioned by a named person, or declined or redirected with a reason, on
/// working-time clocks; when a clock runs out the share escalates by itself, one rung at a time.
/// </summary>
public sealed class Share
{
    /// <summary>The refusal for a stale version or a lost race.</summary>
    public static Refusal Stale => Refusal.Conflict("this share");

    public const int MaxSubjectLength = 150;
    public const int MaxMessageLength = 20_000;
    public const int MaxWorkingDays = 20;

    private const string AlreadyClosed = "This share is already closed";
    private const string AlreadyReceivedOrClosed = "This share has already been received or closed";
    private const string NoLongerWithEmergencyDuty = "This share is no longer with the Emergency Duty Team";

    /// <summary>Why a share went to the Emergency Duty Team: recorded on its history, shown on its queue.</summary>
    public const string ArrivedOutOfHoursReason = "Urgent share sent out of hours";
    public const string NotReceivedByCloseReason = "Urgent share not received by the close of the working day";
    public const string NotActionedByCloseReason = "Urgent share received but not actioned by the close of the working day";
    public const int MaxEmergencyDutyNoteLength = 4000;
    public const int MaxEmergencyDutyNotesLength = 8000;

    private readonly List<ShareEvent> _events = [];
    private readonly List<ShareChild> _children = [];
    private EscalationClock _escalation;
    private EmergencyDutyHold _emergencyDuty;

    private Share()
    {
        Subject = "";
        Message = "";
    }

    public ShareId Id { get; private set; }
    public ShareKind Kind { get; private set; }
    public ProfessionalId SentBy { get; private set; }
    public AgencyId SentByAgency { get; private set; }
    public AgencyId RecipientAgency { get; private set; }
    public TeamId? RecipientTeam { get; private set; }
    public ProfessionalId? RecipientProfessional { get; private set; }

    public ShareRecipient Recipient
    {
        get => new(RecipientAgency, RecipientTeam, RecipientProfessional);
        private set => (RecipientAgency, RecipientTeam, RecipientProfessional) = (value.Agency, value.Team, value.Professional);
    }
    public Urgency Urgency { get; private set; }
    public int? WorkingDays { get; private set; }
    public string Subject { get; private set; }
    public string Message { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    /// <summary>When it reaches the day team: at once, or the next working morning if it arrived out of hours and was urgent.</summary>
    public DateTimeOffset DeliveredAt { get; private set; }
    public bool ArrivedOutOfHours { get; private set; }
    public DateTimeOffset ReceiptDueAt { get; private set; }
    public DateTimeOffset ActionDueAt { get; private set; }
    public ShareStatus Status { get; private set; }
    public ProfessionalId? ReceivedBy { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public ProfessionalId? ClosedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>What was done or decided, why it was declined, or why the sender closed it.</summary>
    public string? Outcome { get; private set; }
    public string? EmergencyDutyNote { get; private set; }

    /// <summary>
    /// When the running clock falls due: receipt until a named person confirms it, then action; null once the share is
    /// done. Worked out from the clocks, never set on its own, and stored so an inbox lists a box in due order straight
    /// from an index (issue #3).
    /// </summary>
    public DateTimeOffset? DueAt
    {
        get => RunningClock switch
        {
            ShareClock.Receipt => ReceiptDueAt,
            ShareClock.Action => ActionDueAt,
            _ => null,
        };

        // What is stored is what the getter gave when it was written; reading it back changes nothing.
        private set { }
    }

    /// <summary>Where the running clock stands on the escalation ladder (stored as the two properties below).</summary>
    public EscalationClock Escalation => _escalation;

    /// <summary>How many rungs of the ladder the current clock has climbed.</summary>
    public int EscalationLevel
    {
        get => _escalation.Level;
        private set => _escalation = _escalation with { Level = value };
    }

    /// <summary>When the sweep must next look at this share; null once nothing more can fall due.</summary>
    public DateTimeOffset? NextEscalationAt
    {
        get => _escalation.NextAt;
        private set => _escalation = _escalation with { NextAt = value };
    }
    /// <summary>
    /// Whether the share was urgent under the area's out-of-hours rules when it was sent (L02): an urgent share never
    /// waits for the next working morning, but goes to the Emergency Duty Team.
    /// </summary>
    public bool UrgentOutOfHours { get; private set; }

    /// <summary>Where the share stands with the Emergency Duty Team (stored as the columns below).</summary>
    public EmergencyDutyHold EmergencyDuty => _emergencyDuty;

    public DateTimeOffset? EmergencyDutyPassesAt
    {
        get => _emergencyDuty.PassesAt;
        private set => _emergencyDuty = _emergencyDuty with { PassesAt = value };
    }

    public DateTimeOffset? EmergencyDutySince
    {
        get => _emergencyDuty.Since;
        private set => _emergencyDuty = _emergencyDuty with { Since = value };
    }

    public DateTimeOffset? EmergencyDutyUntil
    {
        get => _emergencyDuty.Until;
        private set => _emergencyDuty = _emergencyDuty with { Until = value };
    }

    public string? EmergencyDutyReason
    {
        get => _emergencyDuty.Reason;
        private set => _emergencyDuty = _emergencyDuty with { Reason = value };
    }

    public DateTimeOffset? EmergencyDutyAcknowledgeDueAt
    {
        get => _emergencyDuty.AcknowledgeDueAt;
        private set => _emergencyDuty = _emergencyDuty with { AcknowledgeDueAt = value };
    }

    public ProfessionalId? EmergencyDutyAcknowledgedBy
    {
        get => _emergencyDuty.AcknowledgedBy;
        private set => _emergencyDuty = _emergencyDuty with { AcknowledgedBy = value };
    }

    public DateTimeOffset? EmergencyDutyAcknowledgedAt
    {
        get => _emergencyDuty.AcknowledgedAt;
        private set => _emergencyDuty = _emergencyDuty with { AcknowledgedAt = value };
    }

    public int EmergencyDutyLevel
    {
        get => _emergencyDuty.Level;
        private set => _emergencyDuty = _emergencyDuty with { Level = value };
    }

    /// <summary>When the sweep must next look at the share for the Emergency Duty Team; null when it need not.</summary>
    public DateTimeOffset? NextOutOfHoursAt
    {
        get => _emergencyDuty.NextAt;
        private set => _emergencyDuty = _emergencyDuty with { NextAt = value };
    }

    public int Version { get; private set; }

    public IReadOnlyList<ShareChild> Children => _children;
    public IReadOnlyList<ShareEvent> Events => _events;

    public bool IsOpen => Status is ShareStatus.WithEmergencyDuty or ShareStatus.Delivered or ShareStatus.Received;

    public ShareClock? RunningClock => Status switch
    {
        ShareStatus.WithEmergencyDuty => ReceivedBy is null ? ShareClock.Receipt : ShareClock.Action,
        ShareStatus.Delivered => ShareClock.Receipt,
        ShareStatus.Received => ShareClock.Action,
        _ => null,
    };

    public bool IsOverdue(DateTimeOffset now) => DueAt is { } due && now >= due;

    /// <summary>
    /// Sends a share. Due times are computed in working time from the moment it is sent. A share the area's out-of-hours
    /// rules call urgent (immediate and same-day, by default) is never left for the next working morning (L02): sent out of
    /// hours, it is held with the Emergency Duty Team and reaches the day team at the next working start; sent in working
    /// hours, it passes to the Emergency Duty Team at the close of the day if it is still open then.
    /// </summary>
    public static Outcome<Share> Send(ShareDraft draft, ProfessionalId by, AgencyId byAgency, DateTimeOffset now, WorkingCalendar calendar,
        ShareTimescales? timescales = null, OutOfHoursRules? rules = null)
    {
        timescales ??= ShareTimescales.Default;
        rules ??= OutOfHoursRules.Default;
        var errors = new List<FieldError>();
        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new("Kind", "Select what kind of share this is"));
        }

        if (draft.Recipient is null)
        {
            errors.Add(new("Recipient", "Select who the share is for"));
        }

        if (draft.Children.Count == 0)
        {
            errors.Add(new("Children", "Select at least one child the share is about"));
        }

        if (draft.Urgency is not { } urgency || !Enum.IsDefined(urgency))
        {
            errors.Add(new("Urgency", "Select how urgent the share is"));
        }
        else if (urgency == Shares.Urgency.WithinWorkingDays && draft.WorkingDays is not (>= 1 and <= MaxWorkingDays))
        {
            errors.Add(new("WorkingDays", $"Enter the number of working days the recipient has to act, from 1 to {MaxWorkingDays}"));
        }

        if (string.IsNullOrWhiteSpace(draft.Subject))
        {
            errors.Add(new("Subject", "Enter a subject that says what the share is about"));
        }
        else if (draft.Subject.Trim().Length > MaxSubjectLength)
        {
            errors.Add(new("Subject", $"The subject must be {MaxSubjectLength} characters or fewer"));
        }

        if (string.IsNullOrWhiteSpace(draft.Message))
        {
            errors.Add(new("Message", "Enter the message: what you know, and what you need the recipient to do"));
        }
        else if (draft.Message.Length > MaxMessageLength)
        {
            errors.Add(new("Message", $"The message must be {MaxMessageLength:N0} characters or fewer; attach a document instead"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var share = new Share
        {
            Id = ShareId.New(),
            Kind = draft.Kind!.Value,
            SentBy = by,
            SentByAgency = byAgency,
            Recipient = draft.Recipient!,
            Urgency = draft.Urgency!.Value,
            WorkingDays = draft.Urgency == Shares.Urgency.WithinWorkingDays ? draft.WorkingDays : null,
            Subject = draft.Subject!.Trim(),
            Message = draft.Message!.Trim(),
            SentAt = now,
            Version = 1,
        };
        foreach (var child in draft.Children.Distinct())
        {
            share._children.Add(new ShareChild(share.Id, child));
        }

        var urgent = rules.IsUrgent(share.Urgency);
        share.UrgentOutOfHours = urgent;
        share.ArrivedOutOfHours = !calendar.IsWithinWorkingHours(now);
        share.DeliveredAt = urgent && share.ArrivedOutOfHours ? calendar.NextWorkingStart(now) : now;
        (share.ReceiptDueAt, share.ActionDueAt) = DueTimes(share.Urgency, share.WorkingDays, now, calendar, timescales);
        share.Status = urgent && share.ArrivedOutOfHours ? ShareStatus.WithEmergencyDuty : ShareStatus.Delivered;
        share._escalation = EscalationClock.StartingAt(share.ReceiptDueAt);
        share._events.Add(new ShareEvent(share.Id, ShareEventKind.Sent, by, now, null));
        if (share.Status == ShareStatus.WithEmergencyDuty)
        {
            share._emergencyDuty = EmergencyDutyHold.HeldFrom(now, ArrivedOutOfHoursReason, rules, calendar);
            share._events.Add(new ShareEvent(share.Id, ShareEventKind.HeldForEmergencyDuty, null, now, ArrivedOutOfHoursReason));
        }
        else if (urgent)
        {
            share._emergencyDuty = EmergencyDutyHold.PassingAtCloseOf(now, calendar);
        }

        return Outcome<Share>.Success(share);
    }

    /// <summary>
    /// Receipt and action due times for a share arriving at <paramref name="sent"/>. Immediate: receipt within
    /// an hour and action within four, in working time. Same working day: receipt within two working hours and
    /// action by the close of the working day it arrives (the next one, out of hours). Within N working days:
    /// receipt by the close of the next working day and action by the close of the Nth.
    /// </summary>
    public static (DateTimeOffset Receipt, DateTimeOffset Action) DueTimes(Urgency urgency, int? workingDays, DateTimeOffset sent,
        WorkingCalendar calendar, ShareTimescales timescales)
    {
        switch (urgency)
        {
            case Shares.Urgency.Immediate:
                return (calendar.AddWorkingHours(sent, timescales.ImmediateReceipt), calendar.AddWorkingHours(sent, timescales.ImmediateAction));
            case Shares.Urgency.SameWorkingDay:
                var close = calendar.EndOfWorkingDay(sent);
                var receipt = calendar.AddWorkingHours(sent, timescales.SameDayReceipt);
                return (receipt < close ? receipt : close, close);
            case Shares.Urgency.BeforeNextSchoolDay:
                var dayStarts = NextDayStart(sent, calendar);
                return (dayStarts, calendar.EndOfWorkingDay(dayStarts));
            default:
                var days = workingDays ?? 1;
                var receiptBy = calendar.AddWorkingDays(sent, Math.Min(timescales.ReceiptWorkingDays, days));
                return (receiptBy, calendar.AddWorkingDays(sent, days));
        }
    }

    /// <summary>
    /// The start of the next working day: the coming morning's start when <paramref name="sent"/> is outside working
    /// hours, otherwise the start of the following working day (the current day has already begun).
    /// </summary>
    public static DateTimeOffset NextDayStart(DateTimeOffset sent, WorkingCalendar calendar)
    {
        if (!calendar.IsWithinWorkingHours(sent))
        {
            return calendar.NextWorkingStart(sent);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sent, calendar.TimeZone).DateTime);
        var next = calendar.AddWorkingDays(today, 1);
        var midnight = next.ToDateTime(TimeOnly.MinValue);
        return calendar.NextWorkingStart(new DateTimeOffset(midnight, calendar.TimeZone.GetUtcOffset(midnight)));
    }

    /// <summary>Whether this professional is among those the share is for.</summary>
    public bool IsFor(ProfessionalId professional, AgencyId agency, TeamId? team) => Recipient.Includes(professional, agency, team);

    /// <summary>A named person in the recipient agency, team or role confirms that the share has been received.</summary>
    public Refusal? ConfirmReceipt(ProfessionalId by, AgencyId agency, TeamId? team, int expectedVersion, DateTimeOffset now,
        WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Check(expectedVersion, [ShareStatus.Delivered, ShareStatus.WithEmergencyDuty], AlreadyReceivedOrClosed) is { } refusal)
        {
            return refusal;
        }

        if (ReceivedBy is not null)
        {
            return Refusal.Of("Share", AlreadyReceivedOrClosed);
        }

        if (!IsFor(by, agency, team))
        {
            return Refusal.Of("Share", "Only someone the share was sent to can confirm receipt");
        }

        if (Status == ShareStatus.WithEmergencyDuty)
        {
            // Someone the share is for has it: the Emergency Duty Team's hold ends now, with what it did.
            _events.Add(new ShareEvent(Id, ShareEventKind.HandedToDayTeam, null, now, EmergencyDutyNote));
        }

        Status = ShareStatus.Received;
        ReceivedBy = by;
        ReceivedAt = now;
        DeliveredAt = DeliveredAt < now ? DeliveredAt : now;
        StartClock(ActionDueAt);
        _emergencyDuty = UrgentOutOfHours ? EmergencyDutyHold.PassingAtCloseOf(now, calendar) : EmergencyDutyHold.None;
        return Record(ShareEventKind.Received, by, now, null);
    }

    /// <summary>A named person records what was done or decided. Only after receipt, and only by a recipient.</summary>
    public Refusal? RecordAction(ProfessionalId by, AgencyId agency, TeamId? team, string? whatWasDone, int expectedVersion, DateTimeOffset now)
    {
        var received = Status == ShareStatus.Received || (Status == ShareStatus.WithEmergencyDuty && ReceivedBy is not null);
        if (Check(expectedVersion, received ? [Status] : [ShareStatus.Received], Status is ShareStatus.Delivered or ShareStatus.WithEmergencyDuty
                ? "Confirm receipt before recording the action"
                : "This share is already closed") is { } refusal)
        {
            return refusal;
        }

        if (!IsFor(by, agency, team))
        {
            return Refusal.Of("Share", "Only someone the share was sent to can record the action");
        }

        if (string.IsNullOrWhiteSpace(whatWasDone))
        {
            return Refusal.Of("Outcome", "Enter what was done or decided");
        }

        if (Plausible.Text(whatWasDone.Trim(), "What was done", Plausible.MaxNoteLength) is { } implausible)
        {
            return Refusal.Of("Outcome", implausible);
        }

        return Finish(ShareStatus.Actioned, by, whatWasDone, now, ShareEventKind.Actioned);
    }

    /// <summary>The recipient declines the share, saying why; the sender is told.</summary>
    public Refusal? Decline(ProfessionalId by, AgencyId agency, TeamId? team, string? reason, int expectedVersion, DateTimeOffset now)
    {
        if (Check(expectedVersion, [ShareStatus.Delivered, ShareStatus.WithEmergencyDuty, ShareStatus.Received], AlreadyClosed) is { } refusal)
        {
            return refusal;
        }

        if (!IsFor(by, agency, team))
        {
            return Refusal.Of("Share", "Only someone the share was sent to can decline it");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Of("Outcome", "Enter why you are declining it, and where the sender should go instead");
        }

        if (Plausible.Text(reason.Trim(), "The reason", Plausible.MaxNoteLength) is { } implausible)
        {
            return Refusal.Of("Outcome", implausible);
        }

        return Finish(ShareStatus.Declined, by, reason, now, ShareEventKind.Declined);
    }

    /// <summary>
    /// The recipient passes the share to the right agency, team or person, saying why. The clocks carry on:
    /// redirecting does not buy time.
    /// </summary>
    public Refusal? Redirect(ProfessionalId by, AgencyId agency, TeamId? team, ShareRecipient to, string? reason, int expectedVersion,
        DateTimeOffset now)
    {
        if (Check(expectedVersion, [ShareStatus.Delivered, ShareStatus.WithEmergencyDuty, ShareStatus.Received], AlreadyClosed) is { } refusal)
        {
            return refusal;
        }

        if (!IsFor(by, agency, team))
        {
            return Refusal.Of("Share", "Only someone the share was sent to can redirect it");
        }

        if (to == Recipient)
        {
            return Refusal.Of("Recipient", "Choose a different recipient from the current one");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Of("Reason", "Enter why the share belongs with the new recipient");
        }

        if (Plausible.Text(reason.Trim(), "The reason", Plausible.MaxNoteLength) is { } implausible)
        {
            return Refusal.Of("Reason", implausible);
        }

        Recipient = to;
        if (ReceivedBy is not null)
        {
            // The new recipient must confirm receipt themselves; the receipt clock is already past, so it is due now.
            Status = Status == ShareStatus.Received ? ShareStatus.Delivered : Status;
            ReceivedBy = null;
            ReceivedAt = null;
            StartClock(ReceiptDueAt < now ? now : ReceiptDueAt);
        }

        return Record(ShareEventKind.Redirected, by, now, reason.Trim());
    }

    /// <summary>
    /// The sender closes a share that was never confirmed, saying why (for example, the family moved before it
    /// was received). A share cannot be closed unconfirmed any other way.
    /// </summary>
    public Refusal? CloseUnconfirmed(ProfessionalId by, string? reason, int expectedVersion, DateTimeOffset now)
    {
        if (Check(expectedVersion, [ShareStatus.Delivered, ShareStatus.WithEmergencyDuty, ShareStatus.Received], AlreadyClosed) is { } refusal)
        {
            return refusal;
        }

        if (by != SentBy)
        {
            return Refusal.Of("Share", "Only the sender can close a share before it is actioned");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Of("Outcome", "Enter why you are closing the share without confirmation");
        }

        if (Plausible.Text(reason.Trim(), "The reason", Plausible.MaxNoteLength) is { } implausible)
        {
            return Refusal.Of("Outcome", implausible);
        }

        return Finish(ShareStatus.Closed, by, reason, now, ShareEventKind.Closed);
    }

    /// <summary>
    /// The Emergency Duty Team records what it did overnight; the day team sees it when the share reaches them. A note
    /// acknowledges the share, if no one has yet.
    /// </summary>
    public Refusal? AddEmergencyDutyNote(ProfessionalId by, bool byEmergencyDuty, string? note, int expectedVersion, DateTimeOffset now)
    {
        if (Check(expectedVersion, [ShareStatus.WithEmergencyDuty], NoLongerWithEmergencyDuty) is { } refusal)
        {
            return refusal;
        }

        if (!byEmergencyDuty)
        {
            return Refusal.Of("Share", "Only the Emergency Duty Team can add a note to a share held for it");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return Refusal.Of("Note", "Enter what the Emergency Duty Team did or found");
        }

        if (note.Trim().Length > MaxEmergencyDutyNoteLength)
        {
            return Refusal.Of("Note", $"The note must be {MaxEmergencyDutyNoteLength:N0} characters or fewer");
        }

        if ((EmergencyDutyNote?.Length ?? 0) + note.Trim().Length + 2 > MaxEmergencyDutyNotesLength)
        {
            return Refusal.Of("Note", "The Emergency Duty Team's notes on this share are full: add a chronology entry instead");
        }

        AcknowledgeIfNot(by, now);
        EmergencyDutyNote = EmergencyDutyNote is null ? note.Trim() : $"{EmergencyDutyNote}\n\n{note.Trim()}";
        return Record(ShareEventKind.EmergencyDutyNote, by, now, note.Trim());
    }

    /// <summary>
    /// The Emergency Duty Team acknowledges a share it holds (L02): someone has it in hand, so its acknowledgement clock stops
    /// and no one is told that it was missed. The share still goes back to the day team at the start of the working day.
    /// </summary>
    public Refusal? AcknowledgeEmergencyDuty(ProfessionalId by, bool byEmergencyDuty, int expectedVersion, DateTimeOffset now)
    {
        if (Check(expectedVersion, [ShareStatus.WithEmergencyDuty], NoLongerWithEmergencyDuty) is { } refusal)
        {
            return refusal;
        }

        if (!byEmergencyDuty)
        {
            return Refusal.NotAllowed("Share", "Only the Emergency Duty Team can acknowledge a share held for it");
        }

        if (_emergencyDuty.IsAcknowledged)
        {
            return Refusal.Of("Share", "The Emergency Duty Team has already acknowledged this share");
        }

        AcknowledgeIfNot(by, now);
        Version++;
        return null;
    }

    /// <summary>
    /// Called by the sweep: hands an out-of-hours share to the day team once its working morning comes, and
    /// climbs one rung of the ladder when the running clock is overdue. Returns the escalation to notify, or
    /// null when nothing is due yet. Calling it again before the next rung is due does nothing, so a sweep
    /// that is repeated or interrupted never escalates twice.
    /// </summary>
    public ShareEscalation? Sweep(DateTimeOffset now, EscalationLadder ladder, WorkingCalendar calendar, OutOfHoursRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        rules ??= OutOfHoursRules.Default;
        if (SweepEmergencyDuty(now, calendar, rules) is { } missed)
        {
            return missed;
        }

        if (RunningClock is not { } clock || DueAt is not { } due || _escalation.Climb(due, now, ladder, calendar) is not { } climb)
        {
            return null;
        }

        _escalation = climb.Clock;
        Version++;
        if (climb.Step is not { } step)
        {
            return null;
        }

        _events.Add(new ShareEvent(Id, ShareEventKind.Escalated, null, now, null, step.Level, clock));
        return new ShareEscalation(Id, clock, step.Level, step.Audience, due);
    }

    /// <summary>
    /// The Emergency Duty Team's part of a sweep, in the order things happen: a held share goes back to the day team at the
    /// start of the working day, recorded at that moment with what the Emergency Duty Team did; a missed acknowledgement
    /// climbs one rung (returned, to be told); an urgent share still open at the close of the day passes to the Emergency
    /// Duty Team, recorded at the close with the reason.
    /// </summary>
    private ShareEscalation? SweepEmergencyDuty(DateTimeOffset now, WorkingCalendar calendar, OutOfHoursRules rules)
    {
        var hold = _emergencyDuty;
        if (hold.IsHandBackDue(now))
        {
            var at = hold.Until!.Value;
            Status = ReceivedBy is null ? ShareStatus.Delivered : ShareStatus.Received;
            _events.Add(new ShareEvent(Id, ShareEventKind.HandedToDayTeam, null, at, EmergencyDutyNote));
            _emergencyDuty = IsOpen && UrgentOutOfHours ? EmergencyDutyHold.PassingAtCloseOf(at, calendar) : EmergencyDutyHold.None;
            Version++;
            return null;
        }

        if (hold.Climb(now, rules) is var (climbed, escalation))
        {
            _emergencyDuty = climbed;
            _events.Add(new ShareEvent(Id, ShareEventKind.EmergencyDutyEscalated, null, now, null, escalation.Level, ShareClock.EmergencyDuty));
            Version++;
            return new ShareEscalation(Id, ShareClock.EmergencyDuty, escalation.Level, escalation.Audience, escalation.AcknowledgeDueAt);
        }

        if (hold.PassesBy(now))
        {
            var at = hold.PassesAt!.Value;
            if (!IsOpen || !UrgentOutOfHours)
            {
                _emergencyDuty = EmergencyDutyHold.None;
                Version++;
                return null;
            }

            var reason = ReceivedBy is null ? NotReceivedByCloseReason : NotActionedByCloseReason;
            Status = ShareStatus.WithEmergencyDuty;
            _emergencyDuty = EmergencyDutyHold.HeldFrom(at, reason, rules, calendar);
            _events.Add(new ShareEvent(Id, ShareEventKind.HeldForEmergencyDuty, null, at, reason));
            Version++;
        }

        return null;
    }

    private void AcknowledgeIfNot(ProfessionalId by, DateTimeOffset now)
    {
        if (_emergencyDuty.IsHeld && !_emergencyDuty.IsAcknowledged)
        {
            _emergencyDuty = _emergencyDuty.Acknowledged(by, now);
            _events.Add(new ShareEvent(Id, ShareEventKind.EmergencyDutyAcknowledged, by, now, null));
        }
    }

    private Refusal? Check(int expectedVersion, ShareStatus[] allowed, string notAllowed)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        return allowed.Contains(Status) ? null : Refusal.Of("Share", notAllowed);
    }

    private void StartClock(DateTimeOffset due) => _escalation = EscalationClock.StartingAt(due);

    private Refusal? Finish(ShareStatus status, ProfessionalId by, string text, DateTimeOffset now, ShareEventKind kind)
    {
        Status = status;
        Outcome = text.Trim();
        ClosedBy = by;
        ClosedAt = now;
        _escalation = _escalation.Stopped();
        _emergencyDuty = EmergencyDutyHold.None;
        return Record(kind, by, now, Outcome);
    }

    private Refusal? Record(ShareEventKind kind, ProfessionalId by, DateTimeOffset now, string? note)
    {
        _events.Add(new ShareEvent(Id, kind, by, now, note));
        Version++;
        return null;
    }
}

/// <summary>A child a share is about. A share about a household is about each of its children.</summary>
public sealed record ShareChild(ShareId ShareId, PersonId ChildId);
