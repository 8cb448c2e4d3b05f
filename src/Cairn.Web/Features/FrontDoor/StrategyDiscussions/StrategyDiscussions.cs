using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor.StrategyDiscussions;

public sealed record StrategyDiscussionView
{
    public required StrategyDiscussionId Id { get; init; }
    public required PersonId ChildId { get; init; }
    public required string ChildName { get; init; }
    public required ContactId ContactId { get; init; }
    public required StrategyDiscussionStatus Status { get; init; }
    public required DateTimeOffset RequiredAt { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required bool Overdue { get; init; }
    public required int EscalationLevel { get; init; }
    public required DateTimeOffset? HeldAt { get; init; }
    public required bool ByPhone { get; init; }
    public required IReadOnlyList<StrategyAttendee> Attendees { get; init; }
    public required bool? StartSection47 { get; init; }
    public required string? Decision { get; init; }
    public required string? RecordedBy { get; init; }
    public required int Version { get; init; }
    public required bool MayRecord { get; init; }
}

/// <summary>
/// A strategy discussion (L17) as the people who may open the child's record see it, and whether the viewer may record
/// it (children's social care, while it is still to hold). Recording it is its own slice (<c>RecordStrategyDiscussion</c>).
/// </summary>
public sealed class StrategyDiscussionHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<StrategyDiscussionView?> ViewAsync(StrategyDiscussionId id, CancellationToken cancellationToken)
    {
        var d = await db.StrategyDiscussions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null || !(await access.OpenAsync(d.ChildId, cancellationToken)).Allowed)
        {
            return null;
        }

        audit.Record("strategy-discussion.view", d.ChildId, "strategy-discussion", id.Value);
        await db.SaveChangesAsync(cancellationToken);
        var child = await db.People.AsNoTracking()
            .Where(p => p.Id == d.ChildId)
            .Select(p => p.GivenName + " " + p.FamilyName)
            .SingleAsync(cancellationToken);
        var recorder = d.RecordedBy is { } r
            ? await db.Professionals.AsNoTracking().Where(p => p.Id == r).Select(p => p.Name).SingleAsync(cancellationToken)
            : null;
        return new StrategyDiscussionView
        {
            Id = d.Id,
            ChildId = d.ChildId,
            ChildName = child,
            ContactId = d.ContactId,
            Status = d.Status,
            RequiredAt = d.RequiredAt,
            DueAt = d.DueAt,
            Overdue = d.IsOverdue(clock.GetUtcNow()),
            EscalationLevel = d.EscalationLevel,
            HeldAt = d.HeldAt,
            ByPhone = d.ByPhone,
            Attendees = d.Attendees,
            StartSection47 = d.StartSection47,
            Decision = d.Decision,
            RecordedBy = recorder,
            Version = d.Version,
            MayRecord = d.Status == StrategyDiscussionStatus.Required && await db.MayRecordStrategyDiscussionAsync(user, cancellationToken),
        };
    }
}
