using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor.Queue;

/// <summary>How long contacts have waited, for the queue's counts.</summary>
public enum QueueAge
{
    UnderFourHours = 1,
    FourToTwentyFourHours = 2,
    OneToTwoDays = 3,
    OverTwoDays = 4,
}

public sealed record QueueCount(ContactStatus Status, QueueAge Age, int Count);

public sealed record QueueItem(
    ContactId Id,
    PersonId ChildId,
    string ChildName,
    ContactSource Source,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DecisionDueAt,
    bool Overdue,
    ContactStatus Status,
    int EscalationLevel,
    bool IsPoliceNotification);

public sealed record StrategyDiscussionItem(
    StrategyDiscussionId Id,
    PersonId ChildId,
    string ChildName,
    DateTimeOffset DueAt,
    bool Overdue,
    int EscalationLevel);

public sealed record FrontDoorQueueView(IReadOnlyList<QueueCount> Counts, int Overdue, IReadOnlyList<QueueItem> Items,
    IReadOnlyList<StrategyDiscussionItem> StrategyDiscussions, ContactStatus? Filter);

/// <summary>
/// The front door queue (issue #4): open contacts with counts by status and by how long they have waited, oldest first,
/// and the strategy discussions still to hold, overdue ones marked with how far they have escalated (L17). For the front
/// door and safeguarding leads only.
/// </summary>
public sealed class FrontDoorQueueHandler(CairnDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int PageSize = 200;

    public bool MayView => user.Has(Role.FrontDoor) || user.Has(Role.SafeguardingLead);

    public async Task<FrontDoorQueueView?> ViewAsync(ContactStatus? status, CancellationToken cancellationToken)
    {
        if (!MayView)
        {
            return null;
        }

        var area = user.AreaId;
        var now = clock.GetUtcNow();
        var open = db.Contacts.AsNoTracking().Where(c => c.AreaId == area && c.Status != ContactStatus.Decided);
        var ages = await open.Select(c => new { c.Status, c.ReceivedAt, c.DecisionDueAt }).ToListAsync(cancellationToken);
        var counts = ages.GroupBy(a => (a.Status, Age: AgeOf(now - a.ReceivedAt)))
            .Select(g => new QueueCount(g.Key.Status, g.Key.Age, g.Count()))
            .OrderBy(c => c.Status).ThenBy(c => c.Age).ToList();
        var filtered = status is { } s ? open.Where(c => c.Status == s) : open;
        var items = await filtered.OrderBy(c => c.DecisionDueAt).ThenBy(c => c.ReceivedAt).Take(PageSize)
            .Join(db.People, c => c.ChildId, p => p.Id, (c, p) => new { c, Name = p.GivenName + " " + p.FamilyName })
            .Select(x => new
            {
                x.c.Id,
                x.c.ChildId,
                x.Name,
                x.c.Source,
                x.c.ReceivedAt,
                x.c.DecisionDueAt,
                x.c.Status,
                x.c.EscalationLevel,
                Police = x.c.Incident != null,
            })
            .ToListAsync(cancellationToken);
        var discussions = await db.StrategyDiscussions.AsNoTracking().Where(d => d.Status == StrategyDiscussionStatus.Required)
            .Join(db.People.Where(p => p.AreaId == area), d => d.ChildId, p => p.Id,
                (d, p) => new { d.Id, d.ChildId, Name = p.GivenName + " " + p.FamilyName, d.DueAt, d.EscalationLevel })
            .OrderBy(d => d.DueAt).Take(PageSize).ToListAsync(cancellationToken);
        return new FrontDoorQueueView(counts, ages.Count(a => now >= a.DecisionDueAt),
            items.Select(i => new QueueItem(i.Id, i.ChildId, i.Name, i.Source, i.ReceivedAt, i.DecisionDueAt, now >= i.DecisionDueAt, i.Status,
                i.EscalationLevel, i.Police)).ToList(),
            discussions.Select(d => new StrategyDiscussionItem(d.Id, d.ChildId, d.Name, d.DueAt, now >= d.DueAt, d.EscalationLevel)).ToList(),
            status);
    }

    public static QueueAge AgeOf(TimeSpan waited) => waited.TotalHours switch
    {
        < 4 => QueueAge.UnderFourHours,
        < 24 => QueueAge.FourToTwentyFourHours,
        < 48 => QueueAge.OneToTwoDays,
        _ => QueueAge.OverTwoDays,
    };
}
