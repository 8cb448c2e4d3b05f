using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.FollowThrough;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares.Inbox;

public enum InboxBox
{
    /// <summary>Named to me.</summary>
    Me = 1,
    /// <summary>To my team, not to anyone in particular.</summary>
    Team = 2,
    /// <summary>To my agency, not to a team or anyone in particular.</summary>
    Agency = 3,
    /// <summary>Sent by me and not yet actioned, declined or closed.</summary>
    Sent = 4,
    /// <summary>Anything in the boxes above whose running clock has run out.</summary>
    Overdue = 5,
}

public sealed record InboxItem(ShareId Id, ShareKind Kind, string Subject, string From, string FromAgency, Urgency Urgency, ShareStatus Status,
    DateTimeOffset SentAt, DateTimeOffset DueAt, bool Overdue, int EscalationLevel, string? FirstChild, int Children);

public sealed record InboxCounts(int Me, int Team, int Agency, int Sent, int Overdue)
{
    /// <summary>What needs someone to confirm receipt or act: shown in the header.</summary>
    public int Waiting => Me + Team + Agency;
}

public sealed record InboxView(InboxBox Box, InboxCounts Counts, IReadOnlyList<InboxItem> Items);

/// <summary>
/// Where people work on shares (L01): what has arrived for me, my team and my agency, what I sent that is not yet
/// done, and what is overdue, most urgent and soonest due first. The Emergency Duty Team's queue is separate.
/// </summary>
public sealed class InboxHandler(CairnDbContext db, ShareAccessService shares, AuditLog audit, TimeProvider clock)
{
    public const int Limit = 200;

    public async Task<InboxView> HandleAsync(InboxBox box, CancellationToken cancellationToken)
    {
        var viewer = await shares.ViewerAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var counts = await CountsAsync(viewer, now, cancellationToken);
        var query = Box(box, viewer, now);
        var rows = await Project(query.OrderBy(s => s.Urgency).ThenBy(s => s.DueAt).Take(Limit))
            .ToListAsync(cancellationToken);
        audit.Record("shares.inbox.view", null, "share", null, "allowed", $"{box}:{rows.Count}");
        await db.SaveChangesAsync(cancellationToken);
        return new InboxView(box, counts, rows.Select(r => r.ToItem(now)).ToList());
    }

    /// <summary>The Emergency Duty Team's queue: urgent shares that arrived out of hours in the area, most urgent and oldest first.</summary>
    public async Task<IReadOnlyList<InboxItem>?> EmergencyDutyQueueAsync(CancellationToken cancellationToken)
    {
        var viewer = await shares.ViewerAsync(cancellationToken);
        if (!viewer.Has(Role.EmergencyDuty) && !viewer.Has(Role.SafeguardingLead))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var area = viewer.Area;
        var query = db.Shares.AsNoTracking()
            .Where(s => s.Status == ShareStatus.WithEmergencyDuty && s.DeliveredAt > now)
            .Where(s => db.Agencies.Any(a => a.Id == s.RecipientAgency && a.AreaId == area));
        var rows = await Project(query.OrderBy(s => s.Urgency).ThenBy(s => s.SentAt).Take(Limit)).ToListAsync(cancellationToken);
        audit.Record("shares.emergency-duty.view", null, "share", null, "allowed", rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return rows.Select(r => r.ToItem(now)).ToList();
    }

    /// <summary>
    /// What waits for the viewer to confirm receipt or act (<see cref="InboxCounts.Waiting"/>), for the header on every
    /// page: only the three boxes it adds up, not the sent and overdue counts the inbox page also shows.
    /// </summary>
    public async Task<int> WaitingAsync(CancellationToken cancellationToken)
    {
        var viewer = await shares.ViewerAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await Box(InboxBox.Me, viewer, now).CountAsync(cancellationToken)
               + await Box(InboxBox.Team, viewer, now).CountAsync(cancellationToken)
               + await Box(InboxBox.Agency, viewer, now).CountAsync(cancellationToken);
    }

    private async Task<InboxCounts> CountsAsync(ShareViewer viewer, DateTimeOffset now, CancellationToken cancellationToken) => new(
        await Box(InboxBox.Me, viewer, now).CountAsync(cancellationToken),
        await Box(InboxBox.Team, viewer, now).CountAsync(cancellationToken),
        await Box(InboxBox.Agency, viewer, now).CountAsync(cancellationToken),
        await Box(InboxBox.Sent, viewer, now).CountAsync(cancellationToken),
        await Box(InboxBox.Overdue, viewer, now).CountAsync(cancellationToken));

    private IQueryable<Share> Box(InboxBox box, ShareViewer viewer, DateTimeOffset now)
    {
        var me = viewer.Id;
        var team = viewer.Team;
        var agency = viewer.Agency;
        // Open (a clock running) and with the day team: one held for the Emergency Duty Team reaches it at its delivery time.
        var open = db.Shares.AsNoTracking().Where(s => s.DueAt != null && (s.Status != ShareStatus.WithEmergencyDuty || s.DeliveredAt <= now));
        var toMe = open.Where(s => s.RecipientProfessional == me);
        var toTeam = open.Where(s => team != null && s.RecipientTeam == team && s.RecipientProfessional == null);
        var toAgency = open.Where(s => s.RecipientAgency == agency && s.RecipientTeam == null && s.RecipientProfessional == null);
        var sent = db.Shares.AsNoTracking().Where(s => s.SentBy == me && s.DueAt != null);
        return box switch
        {
            InboxBox.Me => toMe,
            InboxBox.Team => toTeam,
            InboxBox.Agency => toAgency,
            InboxBox.Sent => sent,
            // The due time is in every branch, so each branch reads its own box's index (a partial index serves a
            // condition that implies its filter), and SQLite adds the four up instead of reading every share.
            _ => db.Shares.AsNoTracking().Where(s =>
                (s.RecipientProfessional == me && s.DueAt <= now)
                || (team != null && s.RecipientTeam == team && s.RecipientProfessional == null && s.DueAt <= now)
                || (s.RecipientAgency == agency && s.RecipientTeam == null && s.RecipientProfessional == null && s.DueAt <= now)
                || (s.SentBy == me && s.DueAt <= now)),
        };
    }

    private IQueryable<Row> Project(IQueryable<Share> query) =>
        query.Select(s => new Row(
            s.Id, s.Kind, s.Subject,
            db.Professionals.Where(p => p.Id == s.SentBy).Select(p => p.Name).First(),
            db.Agencies.Where(a => a.Id == s.SentByAgency).Select(a => a.Name).First(),
            s.Urgency, s.Status, s.SentAt, s.DueAt!.Value, s.EscalationLevel,
            db.ShareChildren.Where(c => c.ShareId == s.Id).Join(db.People, c => c.ChildId, p => p.Id, (c, p) => p.GivenName + " " + p.FamilyName).FirstOrDefault(),
            db.ShareChildren.Count(c => c.ShareId == s.Id)));

    private sealed record Row(ShareId Id, ShareKind Kind, string Subject, string From, string FromAgency, Urgency Urgency, ShareStatus Status,
        DateTimeOffset SentAt, DateTimeOffset DueAt, int EscalationLevel, string? FirstChild, int Children)
    {
        public InboxItem ToItem(DateTimeOffset now) =>
            new(Id, Kind, Subject, From, FromAgency, Urgency, Status, SentAt, DueAt, now >= DueAt, EscalationLevel, FirstChild, Children);
    }
}
