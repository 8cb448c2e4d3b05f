using Cairn.Domain.Shares;
using Cairn.Domain.Time;

namespace Cairn.Domain.Escalation;

/// <summary>
/// An area's out-of-hours rules (L02): which urgencies are urgent, so that they go to the Emergency Duty Team rather than
/// wait for the next working morning, and how long the Emergency Duty Team has to acknowledge an item it is given. Its
/// acknowledgement clock runs in elapsed time, not working time: out of hours is when it works.
/// </summary>
/// <param name="Urgent">The urgencies that go to the Emergency Duty Team out of hours and at the close of the working day.</param>
/// <param name="AcknowledgeWithin">How long the Emergency Duty Team has to acknowledge an item it is given.</param>
/// <param name="OnCallAfter">How long after a missed acknowledgement the on-call senior manager is told, when it is still missed.</param>
public sealed record OutOfHoursRules(IReadOnlySet<Urgency> Urgent, TimeSpan AcknowledgeWithin, TimeSpan OnCallAfter)
{
    public static readonly TimeSpan MinAcknowledge = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxAcknowledge = TimeSpan.FromHours(4);

    /// <summary>Immediate and same-day work is urgent; the Emergency Duty Team acknowledges within an hour.</summary>
    public static OutOfHoursRules Default { get; } = new(
        new HashSet<Urgency> { Shares.Urgency.Immediate, Shares.Urgency.SameWorkingDay }, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public bool IsUrgent(Urgency urgency) => Urgent.Contains(urgency);

    /// <summary>Rules as an administrator wants to set them, checked.</summary>
    public static Outcome<OutOfHoursRules> Create(IEnumerable<Urgency> urgent, int? acknowledgeMinutes, int? onCallMinutes)
    {
        var errors = new List<FieldError>();
        var set = urgent.ToHashSet();
        if (set.Any(u => !Enum.IsDefined(u)))
        {
            errors.Add(new("Urgent", "Select urgencies from the list"));
        }
        else if (!set.Contains(Shares.Urgency.Immediate))
        {
            errors.Add(new("Urgent", "Immediate work is always urgent: it cannot wait for the next working morning"));
        }

        if (acknowledgeMinutes is not { } ack || ack < MinAcknowledge.TotalMinutes || ack > MaxAcknowledge.TotalMinutes)
        {
            errors.Add(new("AcknowledgeMinutes",
                "Enter the minutes the Emergency Duty Team has to acknowledge, "
                + $"from {MinAcknowledge.TotalMinutes} to {MaxAcknowledge.TotalMinutes}"));
        }

        if (onCallMinutes is not { } onCall || onCall < MinAcknowledge.TotalMinutes || onCall > MaxAcknowledge.TotalMinutes)
        {
            errors.Add(new("OnCallMinutes",
                $"Enter the minutes before the on-call senior manager is told, from {MinAcknowledge.TotalMinutes} to {MaxAcknowledge.TotalMinutes}"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        return Outcome<OutOfHoursRules>.Success(
            new OutOfHoursRules(set, TimeSpan.FromMinutes(acknowledgeMinutes!.Value), TimeSpan.FromMinutes(onCallMinutes!.Value)));
    }
}

/// <summary>A missed acknowledgement the sweep must tell someone about.</summary>
public sealed record EmergencyDutyEscalation(int Level, EscalationAudience Audience, DateTimeOffset AcknowledgeDueAt);

/// <summary>
/// Where an urgent item (a share or a contact) stands with the Emergency Duty Team (L02). While the day team has it, an
/// urgent item that is still open carries the time it passes to the Emergency Duty Team: the coming close of the working
/// day. Once passed (or arrived out of hours) it is held: the Emergency Duty Team must acknowledge it within its own
/// elapsed-time clock, and a missed acknowledgement tells the Emergency Duty Team's manager, then the on-call senior
/// manager. At the start of the next working day it is handed back to the day team. Immutable; stored as columns of the
/// item. <see cref="NextAt"/> is when the sweep must next look.
/// </summary>
public readonly record struct EmergencyDutyHold(
    DateTimeOffset? PassesAt,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    string? Reason,
    DateTimeOffset? AcknowledgeDueAt,
    ProfessionalId? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    int Level,
    DateTimeOffset? NextAt)
{
    public const int MaxReasonLength = 200;

    /// <summary>Nothing to do with the Emergency Duty Team.</summary>
    public static EmergencyDutyHold None => default;

    /// <summary>Whether the Emergency Duty Team holds the item now.</summary>
    public bool IsHeld => Since is not null;

    public bool IsAcknowledged => AcknowledgedAt is not null;

    /// <summary>Whether the acknowledgement is due and missing at <paramref name="now"/>.</summary>
    public bool IsAcknowledgementOverdue(DateTimeOffset now) => IsHeld && !IsAcknowledged && AcknowledgeDueAt is { } due && now >= due;

    /// <summary>An urgent item the day team has: it passes to the Emergency Duty Team at the coming close of day if still open.</summary>
    public static EmergencyDutyHold PassingAtCloseOf(DateTimeOffset now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var close = calendar.EndOfWorkingDay(now);
        return new EmergencyDutyHold(close, null, null, null, null, null, null, 0, close);
    }

    /// <summary>
    /// Held by the Emergency Duty Team from <paramref name="at"/> until the start of the next working day, with the reason.
    /// </summary>
    public static EmergencyDutyHold HeldFrom(DateTimeOffset at, string reason, OutOfHoursRules rules, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(calendar);
        var until = calendar.NextWorkingStart(at);
        if (until <= at)
        {
            // Within working hours (an item recorded as held while the day team is at work): held until the next day starts.
            until = calendar.NextWorkingStart(calendar.EndOfWorkingDay(at));
        }

        var due = at + rules.AcknowledgeWithin;
        return new EmergencyDutyHold(null, at, until, reason, due, null, null, 0, Earliest(due, until));
    }

    /// <summary>Whether the item is due to pass to the Emergency Duty Team at <paramref name="now"/>.</summary>
    public bool PassesBy(DateTimeOffset now) => !IsHeld && PassesAt is { } at && now >= at;

    /// <summary>Whether the item is due to be handed back to the day team at <paramref name="now"/>.</summary>
    public bool IsHandBackDue(DateTimeOffset now) => IsHeld && Until is { } until && now >= until;

    /// <summary>The Emergency Duty Team has it in hand: its acknowledgement clock stops; the hand-back still comes.</summary>
    public EmergencyDutyHold Acknowledged(ProfessionalId by, DateTimeOffset now) =>
        this with { AcknowledgedBy = by, AcknowledgedAt = now, NextAt = Until };

    /// <summary>
    /// Climbs one rung when the acknowledgement is missed: the Emergency Duty Team's manager at the acknowledgement's due
    /// time, the on-call senior manager <see cref="OutOfHoursRules.OnCallAfter"/> later. Null when nothing is due, so a
    /// repeated sweep never climbs twice.
    /// </summary>
    public (EmergencyDutyHold Hold, EmergencyDutyEscalation Escalation)? Climb(DateTimeOffset now, OutOfHoursRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!IsAcknowledgementOverdue(now) || Level >= 2 || NextAt is not { } next || now < next || IsHandBackDue(now))
        {
            return null;
        }

        var level = Level + 1;
        var following = level == 1 ? AcknowledgeDueAt!.Value + rules.OnCallAfter : (DateTimeOffset?)null;
        var hold = this with { Level = level, NextAt = Earliest(following, Until) };
        var audience = level == 1 ? EscalationAudience.EmergencyDutyManager : EscalationAudience.OnCallSeniorManager;
        return (hold, new EmergencyDutyEscalation(level, audience, AcknowledgeDueAt!.Value));
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
