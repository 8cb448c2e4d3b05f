using Cairn.Domain;
using Cairn.Domain.Shares;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares;

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

/// <summary>One share in a list (an inbox box, the Emergency Duty Team's queue).</summary>
public sealed record InboxItem(ShareId Id, ShareKind Kind, string Subject, string From, string FromAgency, Urgency Urgency,
    ShareStatus Status, DateTimeOffset SentAt, DateTimeOffset DueAt, bool Overdue, int EscalationLevel, string? FirstChild, int Children);

/// <summary>
/// The shares in each box of a professional's inbox, as queries that each read their own index, and the projection every
/// share list shows. Shared by the inbox, the Emergency Duty Team's queue and the count in every page's header.
/// </summary>
public sealed class ShareBoxes(CairnDbContext db, ShareAccessService shares, TimeProvider clock)
{
    /// <summary>
    /// What waits for the viewer to confirm receipt or act, for the header on every page: only the boxes to me, my team and
    /// my agency, not the sent and overdue counts the inbox page also shows.
    /// </summary>
    public async Task<int> WaitingAsync(CancellationToken cancellationToken)
    {
        var viewer = await shares.ViewerAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await Box(InboxBox.Me, viewer, now).CountAsync(cancellationToken)
               + await Box(InboxBox.Team, viewer, now).CountAsync(cancellationToken)
               + await Box(InboxBox.Agency, viewer, now).CountAsync(cancellationToken);
    }

    public IQueryable<Share> Box(InboxBox box, ShareViewer viewer, DateTimeOffset now)
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

    /// <summary>The shares as list items, read in one statement.</summary>
    public async Task<List<InboxItem>> ItemsAsync(IQueryable<Share> query, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await Project(query).ToListAsync(cancellationToken)).Select(r => r.ToItem(now)).ToList();

    private IQueryable<Row> Project(IQueryable<Share> query) =>
        query.Select(s => new Row(
            s.Id, s.Kind, s.Subject,
            db.Professionals.Where(p => p.Id == s.SentBy).Select(p => p.Name).First(),
            db.Agencies.Where(a => a.Id == s.SentByAgency).Select(a => a.Name).First(),
            s.Urgency, s.Status, s.SentAt, s.DueAt!.Value, s.EscalationLevel,
            db.ShareChildren.Where(c => c.ShareId == s.Id)
                .Join(db.People, c => c.ChildId, p => p.Id, (c, p) => p.GivenName + " " + p.FamilyName)
                .FirstOrDefault(),
            db.ShareChildren.Count(c => c.ShareId == s.Id)));

    private sealed record Row(ShareId Id, ShareKind Kind, string Subject, string From, string FromAgency, Urgency Urgency, ShareStatus Status,
        DateTimeOffset SentAt, DateTimeOffset DueAt, int EscalationLevel, string? FirstChild, int Children)
    {
        public InboxItem ToItem(DateTimeOffset now) =>
            new(Id, Kind, Subject, From, FromAgency, Urgency, Status, SentAt, DueAt, now >= DueAt, EscalationLevel, FirstChild,
                Children);
    }
}
