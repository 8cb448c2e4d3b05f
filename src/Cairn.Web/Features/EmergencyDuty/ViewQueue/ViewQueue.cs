using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.EmergencyDuty.ViewQueue;

/// <summary>Where an item stands with the Emergency Duty Team, as its queue shows it.</summary>
public sealed record HeldFor(
    DateTimeOffset Since,
    DateTimeOffset Until,
    string? Reason,
    DateTimeOffset? AcknowledgeDueAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    int Level,
    bool AcknowledgementOverdue);

/// <summary>An urgent share the Emergency Duty Team holds.</summary>
public sealed record HeldShare(ShareId Id, ShareKind Kind, string Subject, Urgency Urgency, string From, string FromAgency, string? FirstChild,
    int Children, DateTimeOffset SentAt, bool Received, HeldFor Held);

/// <summary>A contact the Emergency Duty Team holds: received out of hours, or urgent and undecided at the close of the day.</summary>
public sealed record HeldContact(ContactId Id, PersonId ChildId, string ChildName, ContactSource Source, Urgency Urgency, DateTimeOffset ReceivedAt,
    ContactStatus Status, HeldFor Held);

/// <summary>The Emergency Duty Team's queue: what it holds now, not yet acknowledged first, then most urgent, then oldest.</summary>
public sealed record EmergencyDutyHeld(IReadOnlyList<HeldShare> Shares, IReadOnlyList<HeldContact> Contacts);

/// <summary>
/// The Emergency Duty Team's queue (L02): every urgent share and every contact it holds in the area tonight, with why each
/// came to it and whether it has been acknowledged, so no urgent item waits unseen overnight however it arrived. Each
/// contact links to its page, with the child's whole picture. For the Emergency Duty Team, safeguarding leads and the
/// senior managers on call. Each child shown is audited.
/// </summary>
public sealed class ViewQueueHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const int Limit = 200;

    /// <summary>Who may see the queue.</summary>
    public static bool MaySee(CurrentUser user) =>
        user.Has(Role.EmergencyDuty) || user.Has(Role.SafeguardingLead) || user.Has(Role.SeniorManagerOnCall);

    /// <returns>Null when the viewer may not see the queue.</returns>
    public async Task<EmergencyDutyHeld?> HandleAsync(CancellationToken cancellationToken)
    {
        if (!MaySee(user))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var area = user.AreaId;
        var shares = await db.Shares.AsNoTracking()
            .Where(s => s.Status == ShareStatus.WithEmergencyDuty)
            .Where(s => db.Agencies.Any(a => a.Id == s.RecipientAgency && a.AreaId == area))
            .OrderBy(s => s.EmergencyDutyAcknowledgedAt != null).ThenBy(s => s.Urgency).ThenBy(s => s.SentAt)
            .Take(Limit)
            .Select(s => new
            {
                s.Id,
                s.Kind,
                s.Subject,
                s.Urgency,
                s.SentAt,
                Received = s.ReceivedBy != null,
                From = db.Professionals.Where(p => p.Id == s.SentBy).Select(p => p.Name).First(),
                FromAgency = db.Agencies.Where(a => a.Id == s.SentByAgency).Select(a => a.Name).First(),
                FirstChild = s.Children.Join(db.People, c => c.ChildId, p => p.Id, (c, p) => p.GivenName + " " + p.FamilyName).FirstOrDefault(),
                ChildIds = s.Children.Select(c => c.ChildId).ToList(),
                s.EmergencyDutySince,
                s.EmergencyDutyUntil,
                s.EmergencyDutyReason,
                s.EmergencyDutyAcknowledgeDueAt,
                s.EmergencyDutyAcknowledgedAt,
                AcknowledgedBy = db.Professionals.Where(p => p.Id == s.EmergencyDutyAcknowledgedBy).Select(p => p.Name).FirstOrDefault(),
                s.EmergencyDutyLevel,
            })
            .ToListAsync(cancellationToken);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.AreaId == area && c.EmergencyDutySince != null)
            .OrderBy(c => c.EmergencyDutyAcknowledgedAt != null).ThenBy(c => c.Urgency).ThenBy(c => c.ReceivedAt)
            .Take(Limit)
            .Select(c => new
            {
                c.Id,
                c.ChildId,
                c.Source,
                c.Urgency,
                c.ReceivedAt,
                c.Status,
                ChildName = db.People.Where(p => p.Id == c.ChildId).Select(p => p.GivenName + " " + p.FamilyName).First(),
                c.EmergencyDutySince,
                c.EmergencyDutyUntil,
                c.EmergencyDutyReason,
                c.EmergencyDutyAcknowledgeDueAt,
                c.EmergencyDutyAcknowledgedAt,
                AcknowledgedBy = db.Professionals.Where(p => p.Id == c.EmergencyDutyAcknowledgedBy).Select(p => p.Name).FirstOrDefault(),
                c.EmergencyDutyLevel,
            })
            .ToListAsync(cancellationToken);

        HeldFor Held(DateTimeOffset? since, DateTimeOffset? until, string? reason, DateTimeOffset? due, DateTimeOffset? at, string? by, int level) =>
            new(since!.Value, until ?? since.Value, reason, due, at, by, level, at is null && due is { } d && now >= d);

        var queue = new EmergencyDutyHeld(
            shares.Select(s => new HeldShare(s.Id, s.Kind, s.Subject, s.Urgency, s.From, s.FromAgency, s.FirstChild, s.ChildIds.Count, s.SentAt,
                s.Received, Held(s.EmergencyDutySince ?? s.SentAt, s.EmergencyDutyUntil, s.EmergencyDutyReason, s.EmergencyDutyAcknowledgeDueAt,
                    s.EmergencyDutyAcknowledgedAt, s.AcknowledgedBy, s.EmergencyDutyLevel))).ToList(),
            contacts.Select(c => new HeldContact(c.Id, c.ChildId, c.ChildName, c.Source, c.Urgency, c.ReceivedAt, c.Status,
                Held(c.EmergencyDutySince, c.EmergencyDutyUntil, c.EmergencyDutyReason, c.EmergencyDutyAcknowledgeDueAt,
                    c.EmergencyDutyAcknowledgedAt, c.AcknowledgedBy, c.EmergencyDutyLevel))).ToList());

        // Each child the queue names is a read of that child's record: audited by id, never by name.
        foreach (var share in shares)
        {
            foreach (var child in share.ChildIds)
            {
                audit.Record("emergency-duty.queue", child, "share", share.Id.Value);
            }
        }

        foreach (var contact in contacts)
        {
            audit.Record("emergency-duty.queue", contact.ChildId, "contact", contact.Id.Value);
        }

        audit.Record("emergency-duty.queue.view", null, null, null, "allowed",
            $"{shares.Count} shares, {contacts.Count} contacts");
        await db.SaveChangesAsync(cancellationToken);
        return queue;
    }
}

public sealed class ViewQueueEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/emergency-duty", QueueAsync)
            .WithName("EmergencyDutyTeamQueue")
            .WithSummary("Everything the Emergency Duty Team holds in your area now: urgent shares sent out of hours or still open at the "
                + "close of the day, and contacts received out of hours or urgent and undecided at the close; not yet acknowledged first. "
                + "Emergency Duty Team, safeguarding leads and senior managers on call only (otherwise 403).")
            .WithTags("Emergency Duty Team");

    private static async Task<Results<Ok<EmergencyDutyHeld>, ForbidHttpResult>> QueueAsync(ViewQueueHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(cancellationToken) is { } queue ? TypedResults.Ok(queue) : TypedResults.Forbid();
}
