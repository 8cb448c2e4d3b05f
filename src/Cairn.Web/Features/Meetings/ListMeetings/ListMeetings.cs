using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings.ListMeetings;

/// <summary>One meeting in the child's list: what it is, when it is due and arranged, where it stands, and what is wrong.</summary>
public sealed record MeetingSummary(MeetingId Id, MeetingKind Kind, string Name, int Number, bool Statutory, MeetingStatus Status,
    DateOnly? DueOn, DateTimeOffset? ScheduledAt, DateOnly? HeldOn, MinutesStatus MinutesStatus, bool Overdue, bool MinutesOverdue,
    int MissingRoles);

/// <summary>A child's meetings (due, overdue first; then held, newest first; then cancelled) and the kinds the viewer may arrange.</summary>
public sealed record ChildMeetings(PersonId ChildId, IReadOnlyList<MeetingSummary> Meetings, IReadOnlyList<MeetingKind> MayArrange)
{
    /// <summary>The outcomes of the child's plan the last two meetings with minutes did not review (L22).</summary>
    public IReadOnlyList<UnreviewedOutcome> UnreviewedOutcomes { get; init; } = [];
}

/// <summary>Lists a child's meetings for anyone who may open the child's record; every read is audited.</summary>
public sealed class ListMeetingsHandler(CairnDbContext db, MeetingAccessHandler meetings, AuditLog audit, TimeProvider clock)
{
    /// <returns>Null when the child does not exist or the viewer may not open their record.</returns>
    public async Task<ChildMeetings?> HandleAsync(PersonId childId, CancellationToken cancellationToken)
    {
        var decision = await meetings.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("meeting.list", childId, decision.Reason.ToString(), cancellationToken);
        var now = clock.GetUtcNow();
        var rows = await db.Meetings.AsNoTracking().Include(m => m.Invitees).Where(m => m.ChildId == childId).AsSplitQuery()
            .ToListAsync(cancellationToken);
        var mayArrange = new List<MeetingKind>();
        foreach (var kind in MeetingAccessHandler.ByHand)
        {
            if (await meetings.MayChangeAsync(kind, cancellationToken))
            {
                mayArrange.Add(kind);
            }
        }

        return new ChildMeetings(childId, rows
            .OrderBy(m => m.Status switch { MeetingStatus.Scheduled => 0, MeetingStatus.Held => 1, _ => 2 })
            .ThenByDescending(m => m.IsOverdue(now))
            .ThenBy(m => m.Status == MeetingStatus.Scheduled ? m.DueOn ?? DateOnly.MaxValue : DateOnly.MaxValue)
            .ThenByDescending(m => m.HeldOn)
            .ThenByDescending(m => m.CreatedAt)
            .Select(m => new MeetingSummary(m.Id, m.Kind, m.Type.Name, m.Number, m.Type.Statutory, m.Status, m.DueOn, m.ScheduledAt, m.HeldOn,
                m.MinutesStatus, m.IsOverdue(now), m.MinutesOverdue(now), m.Status == MeetingStatus.Scheduled ? m.MissingRoles(m.Type).Count : 0))
            .ToList(), mayArrange)
        {
            UnreviewedOutcomes = await meetings.UnreviewedOutcomesAsync(childId, cancellationToken),
        };
    }
}
