using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.Meetings;

public sealed partial class Meeting
{
    /// <summary>
    /// Records that the meeting was held: on which day, who chaired, who attended and what they decided. Refused when a role
    /// the type requires had nobody invited and no reason is given; when attendance is missing for anyone invited; when a
    /// conference is not quorate (at least <see cref="MeetingTypeInfo.QuorumAgencies"/> agencies attending, children's social
    /// care among them) and no reason is given, and an inquorate conference decides nothing about the plan.
    /// </summary>
    /// <param name="isSocialCare">Whether an agency is children's social care.</param>
    /// <param name="minutesDue">When the minutes must be sent, from the type's timescale after the day it was held.</param>
    public Refusal? Hold(DateOnly? heldOn, ChairFacts? chair, IReadOnlyList<AttendanceEntry> attendance, MeetingDecisions decisions,
        string? missingRolesReason, string? inquorateReason, Func<AgencyId, bool> isSocialCare, Func<DateOnly, MeetingDue> minutesDue,
        ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(isSocialCare);
        ArgumentNullException.ThrowIfNull(minutesDue);
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != MeetingStatus.Scheduled)
        {
            return Refusal.Of("Status", Status == MeetingStatus.Held ? "This meeting has already been held" : "This meeting was cancelled");
        }

        var errors = new List<FieldError>();
        if (heldOn is not { } day)
        {
            errors.Add(new("HeldOn", "Enter the date the meeting was held"));
        }
        else if (day > now.InLondon())
        {
            errors.Add(new("HeldOn", "The date the meeting was held must be today or in the past"));
        }
        else if (day < TriggeredOn)
        {
            errors.Add(new("HeldOn", $"The meeting cannot have been held before {TriggeredOn:d MMMM yyyy}, when it became due"));
        }

        if (chair is null)
        {
            errors.Add(new("ChairId", "Select who chaired the meeting"));
        }

        CheckChair(chair, errors);
        var missing = MissingRoles(Type).Where(r => r != MeetingRole.Chair && !(r == MeetingRole.IndependentReviewingOfficer && chair is not null))
            .ToList();
        if (missing.Count > 0)
        {
            CheckReason(missingRolesReason, "MissingRolesReason",
                $"Nobody was invited as {string.Join(", ", missing.Select(MeetingWords.Role))}. Enter why the meeting went ahead without them",
                errors);
        }

        // One mark per invitation: if a form sends two, the last stands.
        var marks = attendance.GroupBy(a => a.InviteeId).ToDictionary(g => g.Key, g => g.Last());
        foreach (var invitee in _invitees.Where(i =>
                     !marks.TryGetValue(i.Id, out var m) || m.Attendance is null || !Enum.IsDefined(m.Attendance.Value)))
        {
            errors.Add(new($"Attendance[{invitee.Id}]", "Record whether each person invited attended, sent apologies or did not attend"));
            break;
        }

        var quorate = IsQuorate(marks, isSocialCare);
        if (!quorate)
        {
            CheckReason(inquorateReason, "InquorateReason",
                $"Fewer than {Type.QuorumAgencies} agencies attended, or children's social care did not: the meeting is not quorate. "
                + "Rearrange it, or enter why the chair decided to go ahead", errors);
            if (decisions.Plan != PlanDecision.None)
            {
                errors.Add(new("PlanDecision", "A meeting that is not quorate cannot decide about the child protection plan: rearrange it"));
            }
        }

        CheckDecisions(decisions, heldOn, quorate, errors);
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        foreach (var invitee in _invitees)
        {
            invitee.Attendance = marks[invitee.Id].Attendance;
            invitee.ReportReceived = marks[invitee.Id].ReportReceived;
        }

        Status = MeetingStatus.Held;
        HeldOn = heldOn;
        ChairId = chair!.Chair;
        MissingRolesReason = missing.Count > 0 ? missingRolesReason!.Trim() : null;
        Quorate = Type.QuorumAgencies > 0 ? quorate : null;
        InquorateReason = quorate ? null : inquorateReason!.Trim();
        PlanDecision = decisions.Plan;
        Category = decisions.Plan is PlanDecision.StartChildProtectionPlan or PlanDecision.ContinueChildProtectionPlan ? decisions.Category : null;
        LeadPractitionerId = decisions.Plan == PlanDecision.StartChildProtectionPlan ? decisions.LeadPractitioner : null;
        PlanChanges = Clean(decisions.PlanChanges);
        NextMeetingOn = decisions.NextMeetingOn;
        var minutes = minutesDue(heldOn!.Value);
        MinutesDueOn = minutes.DueOn;
        MinutesDueAt = minutes.DueAt;
        // The clock now runs for the minutes (L21): unsent minutes climb the ladder as an unheld meeting did.
        _escalation = EscalationClock.StartingAt(minutes.DueAt);
        _events.Add(new MeetingEvent(Id, MeetingEventKind.Held, by, now, $"held {heldOn:d MMMM yyyy}"));
        Version++;
        return null;
    }

    /// <summary>Saves the minutes as written so far; the chair confirms and sends them.</summary>
    public Refusal? SaveMinutes(MinutesDraft draft, ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != MeetingStatus.Held)
        {
            return Refusal.Of("Status", "Minutes are written once the meeting has been held");
        }

        if (MinutesStatus == MinutesStatus.Sent)
        {
            return Refusal.Of("Status", "The minutes have been confirmed and sent: they can no longer change");
        }

        var errors = new List<FieldError>();
        foreach (var (field, text) in Texts(draft))
        {
            if (text?.Trim().Length > MaxTextLength)
            {
                errors.Add(new(field, $"This must be {MaxTextLength:N0} characters or fewer"));
            }
        }

        var outcomes = draft.Outcomes.GroupBy(o => o.SectionKey).Select(g => g.Last()).ToList();
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i].Progress?.Trim().Length > MaxTextLength)
            {
                errors.Add(new($"Outcomes[{i}].Progress", $"Progress must be {MaxTextLength:N0} characters or fewer"));
            }
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        IncidentsSinceLast = Clean(draft.IncidentsSinceLast);
        _outcomes = outcomes.Select(o => o with { Progress = Clean(o.Progress), Reviewed = o.Reviewed && Clean(o.Progress) is not null })
            .ToList();
        ChildsView = Clean(draft.ChildsView);
        ParentsView = Clean(draft.ParentsView);
        Discussion = Clean(draft.Discussion);
        FamilySummary = Clean(draft.FamilySummary);
        MinutesStatus = MinutesStatus.Draft;
        _events.Add(new MeetingEvent(Id, MeetingEventKind.MinutesSaved, by, now, null));
        Version++;
        return null;
    }

    /// <summary>
    /// The chair confirms the minutes and they are sent (the caller sends each recipient a followed-through share in the same
    /// change). Refused unless the chair confirms, and the minutes hold the child's and parents' views and the family's summary.
    /// </summary>
    public Refusal? ConfirmMinutes(ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != MeetingStatus.Held || MinutesStatus == MinutesStatus.NotStarted)
        {
            return Refusal.Of("Status", "Write the minutes before confirming them");
        }

        if (MinutesStatus == MinutesStatus.Sent)
        {
            return Refusal.Of("Status", "The minutes have already been confirmed and sent");
        }

        if (ChairId != by)
        {
            return Refusal.NotAllowed("Status", "Only the chair of the meeting can confirm its minutes");
        }

        var errors = new List<FieldError>();
        if (ChildsView is null)
        {
            errors.Add(new("ChildsView", "Record the child's view (or why it could not be gathered) before confirming the minutes"));
        }

        if (ParentsView is null)
        {
            errors.Add(new("ParentsView", "Record the parents' or carers' view before confirming the minutes"));
        }

        if (FamilySummary is null)
        {
            errors.Add(new("FamilySummary", "Write the summary for the family before confirming the minutes"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        MinutesStatus = MinutesStatus.Sent;
        MinutesConfirmedBy = by;
        MinutesSentAt = now;
        _escalation = _escalation.Stopped();
        _events.Add(new MeetingEvent(Id, MeetingEventKind.MinutesSent, by, now, null));
        Version++;
        return null;
    }

    /// <summary>Records the share that carried the minutes to one invitee.</summary>
    public void RecordMinutesShare(MeetingInvitee invitee, ShareId share)
    {
        ArgumentNullException.ThrowIfNull(invitee);
        if (!_invitees.Contains(invitee))
        {
            throw new ArgumentException("Not invited to this meeting", nameof(invitee));
        }

        invitee.MinutesShareId = share;
    }

    /// <summary>
    /// Cancels a meeting that is not going ahead, with the reason (for a family group decision-making meeting: why it was not
    /// offered).
    /// </summary>
    public Refusal? Cancel(string? reason, ProfessionalId? by, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != MeetingStatus.Scheduled)
        {
            return Refusal.Of("Status", Status == MeetingStatus.Held ? "This meeting has been held" : "This meeting is already cancelled");
        }

        var errors = new List<FieldError>();
        CheckReason(reason, "CancelReason", "Enter why the meeting is not going ahead", errors);
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        Status = MeetingStatus.Cancelled;
        CancelReason = reason!.Trim();
        _escalation = _escalation.Stopped();
        _events.Add(new MeetingEvent(Id, MeetingEventKind.Cancelled, by, now, null));
        Version++;
        return null;
    }

    /// <summary>
    /// Called by the sweep: climbs one rung when the meeting is past its due date and not held, or held and its minutes are past
    /// theirs and not sent; null when nothing is due. A repeated or interrupted sweep never escalates twice.
    /// </summary>
    public MeetingEscalation? Sweep(DateTimeOffset now, EscalationLadder ladder, WorkingCalendar calendar)
    {
        var minutes = Status == MeetingStatus.Held;
        DateTimeOffset? due = minutes
            ? (MinutesStatus == MinutesStatus.Sent ? null : MinutesDueAt)
            : Status == MeetingStatus.Scheduled ? DueAt : null;
        if (due is not { } dueAt || _escalation.Climb(dueAt, now, ladder, calendar) is not { } climb)
        {
            return null;
        }

        _escalation = climb.Clock;
        Version++;
        if (climb.Step is not { } step)
        {
            return null;
        }

        _events.Add(new MeetingEvent(Id, MeetingEventKind.Escalated, null, now, $"{(minutes ? "minutes " : "")}level {step.Level}"));
        return new MeetingEscalation(Id, ChildId, Kind, minutes, step.Level, step.Audience, minutes ? MinutesDueOn!.Value : DueOn!.Value, OwnerId);
    }

    private bool IsQuorate(Dictionary<long, AttendanceEntry> marks, Func<AgencyId, bool> isSocialCare)
    {
        if (Type.QuorumAgencies == 0)
        {
            return true;
        }

        var agencies = _invitees
            .Where(i => i.AgencyId is not null && marks.TryGetValue(i.Id, out var m) && m.Attendance == Attendance.Attended)
            .Select(i => i.AgencyId!.Value).Distinct().ToList();
        return agencies.Count >= Type.QuorumAgencies && agencies.Any(isSocialCare);
    }

    private void CheckDecisions(MeetingDecisions decisions, DateOnly? heldOn, bool quorate, List<FieldError> errors)
    {
        if (!Enum.IsDefined(decisions.Plan))
        {
            errors.Add(new("PlanDecision", "Select what the meeting decided about the child protection plan"));
            return;
        }

        var allowed = Kind switch
        {
            MeetingKind.InitialChildProtectionConference => decisions.Plan is PlanDecision.None or PlanDecision.StartChildProtectionPlan,
            // An inquorate review goes ahead only to decide nothing about the plan (the plan stands until a quorate review).
            MeetingKind.ReviewChildProtectionConference =>
                decisions.Plan is PlanDecision.ContinueChildProtectionPlan or PlanDecision.EndChildProtectionPlan
                || (!quorate && decisions.Plan == PlanDecision.None),
            _ => decisions.Plan == PlanDecision.None,
        };
        if (!allowed)
        {
            errors.Add(new("PlanDecision", Type.DecidesChildProtectionPlan
                ? Kind == MeetingKind.InitialChildProtectionConference
                    ? "An initial conference either starts a child protection plan or decides no plan is needed"
                    : "A review conference either continues the child protection plan or ends it"
                : $"A {Type.Name.ToLowerInvariant()} does not decide about a child protection plan: only a conference does"));
        }

        if (decisions.Plan is PlanDecision.StartChildProtectionPlan or PlanDecision.ContinueChildProtectionPlan
            && (decisions.Category is not { } category || !Enum.IsDefined(category)))
        {
            errors.Add(new("Category", "Select the category of the child protection plan"));
        }

        if (decisions.Plan == PlanDecision.StartChildProtectionPlan && decisions.LeadPractitioner is null)
        {
            errors.Add(new("LeadPractitionerId", "Name the lead child protection practitioner"));
        }

        if (decisions.PlanChanges?.Trim().Length > MaxTextLength)
        {
            errors.Add(new("PlanChanges", $"This must be {MaxTextLength:N0} characters or fewer"));
        }

        if (decisions.NextMeetingOn is { } next && heldOn is { } held && (next <= held || next > held.AddYears(1)))
        {
            errors.Add(new("NextMeetingOn", "The next meeting must be after this one and within a year"));
        }
    }

    private static IEnumerable<(string Field, string? Text)> Texts(MinutesDraft d) =>
    [
        ("IncidentsSinceLast", d.IncidentsSinceLast), ("ChildsView", d.ChildsView), ("ParentsView", d.ParentsView),
        ("Discussion", d.Discussion), ("FamilySummary", d.FamilySummary),
    ];
}
