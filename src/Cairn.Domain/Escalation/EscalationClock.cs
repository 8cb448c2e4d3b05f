using Cairn.Domain.Time;

namespace Cairn.Domain.Escalation;

/// <summary>
/// Where an overdue item stands on the escalation ladder: the rung it has climbed (0 before the first) and when the sweep
/// must next look at it (null once nothing more can fall due). Shares, contacts awaiting a decision, concern prompts and
/// strategy discussions each carry one, stored as their <c>EscalationLevel</c> and <c>NextEscalationAt</c> columns.
/// Immutable: climbing a rung gives a new clock.
/// </summary>
/// <param name="Level">How many rungs have been climbed.</param>
/// <param name="NextAt">When the next rung (or the end of the ladder) falls due; null when the clock has stopped.</param>
public readonly record struct EscalationClock(int Level, DateTimeOffset? NextAt)
{
    /// <summary>A clock at the foot of the ladder whose first rung falls due at <paramref name="due"/>.</summary>
    public static EscalationClock StartingAt(DateTimeOffset due) => new(0, due);

    /// <summary>Whether something falls due at <paramref name="now"/>: a rung to climb, or the end of the ladder.</summary>
    public bool IsDue(DateTimeOffset now) => NextAt is { } next && now >= next;

    /// <summary>The same rung, with nothing more to fall due: the item was dealt with, or has reached the top.</summary>
    public EscalationClock Stopped() => this with { NextAt = null };

    /// <summary>
    /// Climbs one rung when one is due at <paramref name="now"/>, and never more than one, however late the sweep: the
    /// next rung falls due its own <see cref="EscalationStep.After"/> in working hours after <paramref name="due"/>, the
    /// item's due time, so a late sweep does not push the ladder back. At the top of the ladder the clock stops without
    /// climbing. Null when nothing is due yet, so a repeated or interrupted sweep never climbs twice.
    /// </summary>
    public EscalationClimb? Climb(DateTimeOffset due, DateTimeOffset now, EscalationLadder ladder, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!IsDue(now))
        {
            return null;
        }

        if (ladder.After(Level) is not { } step)
        {
            return new EscalationClimb(Stopped(), null);
        }

        var next = ladder.After(step.Level) is { } following ? calendar.AddWorkingHours(due, following.After) : (DateTimeOffset?)null;
        return new EscalationClimb(new EscalationClock(step.Level, next), step);
    }
}

/// <summary>What one look at a due clock did: the clock after it, and the rung climbed (whose audience is told), if any.</summary>
/// <param name="Clock">The clock to keep.</param>
/// <param name="Step">The rung climbed; null when the ladder had no rung left and the clock stopped.</param>
public readonly record struct EscalationClimb(EscalationClock Clock, EscalationStep? Step);
