using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Domain.People;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings.ScheduleMeeting;

/// <summary>A meeting someone schedules by hand, with what started its clock when the kind has a trigger.</summary>
public sealed record ScheduleMeetingCommand
{
    [Required]
    public MeetingKind? Kind { get; init; }

    /// <summary>For an initial child protection conference: the day of the strategy discussion at which the section 47 enquiry began.</summary>
    public DateOnly? TriggeredOn { get; init; }

    /// <summary>For a placement planning meeting: when the placement started (its 72 hours count from then).</summary>
    public DateTimeOffset? TriggeredAt { get; init; }
}

/// <summary>
/// Schedules a meeting by hand (L16, L21) through the one scheduler the triggers use, so its due date, the parents' own workers'
/// invitations (L29) and the audit are the same: a professionals' meeting or team around the family meeting by anyone who may
/// open the child's record; a child in need review, care planning or placement planning meeting (from the placement's start) or
/// an initial child protection conference (from the strategy discussion) by children's social care. The viewer owns it.
/// </summary>
public sealed class ScheduleMeetingHandler(CairnDbContext db, MeetingAccessHandler meetings, MeetingSchedulingHandler scheduler, CurrentUser user,
    AuditLog audit, TimeProvider clock)
{
    /// <summary>How far back a trigger may be.</summary>
    public const int MaxTriggerAgeDays = 90;

    public async Task<Handled<ChangedMeeting>> HandleAsync(PersonId childId, ScheduleMeetingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!(await meetings.OpenAsync(childId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await ScheduleAsync(childId, command, cancellationToken)
            .AuditRefusalAsync(audit, "meeting.schedule", childId, MeetingAccessHandler.RecordType, null, cancellationToken);
    }

    private async Task<Handled<ChangedMeeting>> ScheduleAsync(PersonId childId, ScheduleMeetingCommand command, CancellationToken cancellationToken)
    {
        if (command.Kind is not { } kind || !MeetingAccessHandler.ByHand.Contains(kind))
        {
            return Refusal.Of("Kind", "Select a meeting that is arranged by hand: the others are scheduled from what triggers them");
        }

        if (!await meetings.MayChangeAsync(kind, cancellationToken))
        {
            return MeetingAccessHandler.NotTheirs;
        }

        if (await db.People.Where(p => p.Id == childId).Select(p => p.Kind).SingleAsync(cancellationToken) != PersonKind.Child)
        {
            return Refusal.Of("Kind", "Meetings are about a child");
        }

        var now = clock.GetUtcNow();
        var today = now.InLondon();
        var (on, at, trigger) = (today, now, MeetingTrigger.Arranged);
        if (kind == MeetingKind.InitialChildProtectionConference)
        {
            if (Check(command.TriggeredOn, today, "TriggeredOn", "the strategy discussion") is { } refusal)
            {
                return refusal;
            }

            (on, at, trigger) = (command.TriggeredOn!.Value, now, MeetingTrigger.Section47Enquiry);
        }
        else if (kind == MeetingKind.PlacementPlanningMeeting)
        {
            if (command.TriggeredAt is not { } started)
            {
                return Refusal.Of("TriggeredAt", "Enter the date and time the placement started");
            }

            if (started > now || Check(started.InLondon(), today, "TriggeredAt", "the placement start") is not null)
            {
                return Refusal.Of("TriggeredAt", $"The placement must have started in the last {MaxTriggerAgeDays} days, and not in the future");
            }

            (on, at, trigger) = (started.InLondon(), started, MeetingTrigger.PlacementStarted);
        }

        var number = await db.Meetings.CountAsync(m => m.ChildId == childId && m.Kind == kind && m.Status != MeetingStatus.Cancelled,
            cancellationToken) + 1;
        var facts = new MeetingTriggerFacts(kind, number, trigger, null, on, at);
        var meeting = await scheduler.ScheduleAsync(childId, facts, user.ProfessionalId, user.ProfessionalId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ChangedMeeting.Of(meeting!);
    }

    private static Refusal? Check(DateOnly? day, DateOnly today, string field, string what) => day switch
    {
        null => Refusal.Of(field, $"Enter the date of {what}"),
        { } d when d > today => Refusal.Of(field, $"The date of {what} must be today or in the past"),
        { } d when d < today.AddDays(-MaxTriggerAgeDays) => Refusal.Of(field, $"The date of {what} must be within the last {MaxTriggerAgeDays} days"),
        _ => null,
    };
}
