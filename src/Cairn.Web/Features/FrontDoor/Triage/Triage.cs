using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor.Triage;

/// <summary>
/// A contact as a viewer may see it. <c>Referrer</c> is null unless the viewer is the front door, a safeguarding lead, or
/// the person who made or recorded the contact.
/// </summary>
public sealed record ContactView
{
    public required ContactId Id { get; init; }
    public required PersonId ChildId { get; init; }
    public required string ChildName { get; init; }
    public required Guid GroupId { get; init; }
    public required ContactSource Source { get; init; }
    public required Referrer? Referrer { get; init; }
    public required string Concerns { get; init; }
    public required Domain.Concerns.ConcernTheme Themes { get; init; }
    public required PoliceIncident? Incident { get; init; }
    public required ChronologyEntryId? EntryId { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset DecisionDueAt { get; init; }
    public required bool Overdue { get; init; }
    public required ContactStatus Status { get; init; }
    public required ThresholdLevel? Level { get; init; }
    public required TriageOutcome? Outcome { get; init; }
    public required string? Reasons { get; init; }
    public required IReadOnlyList<IndicatorSeen> Indicators { get; init; }
    public required string? DecidedBy { get; init; }
    public required DateTimeOffset? DecidedAt { get; init; }
    public required string? SignedOffBy { get; init; }
    public required DateTimeOffset? SignedOffAt { get; init; }
    public required int EscalationLevel { get; init; }
    public required int Version { get; init; }
    public required IReadOnlyList<ContactEventView> History { get; init; }
    public required IReadOnlyList<SiblingContact> OtherChildren { get; init; }
    public required StrategyDiscussionId? StrategyDiscussionId { get; init; }
    public required bool MayDecide { get; init; }
    public required bool MaySignOff { get; init; }

    /// <summary>How soon someone must act on the contact (L02).</summary>
    public required Cairn.Domain.Shares.Urgency Urgency { get; init; }

    /// <summary>Where the contact stands with the Emergency Duty Team (L02).</summary>
    public required Shared.EmergencyDutyView EmergencyDuty { get; init; }

    /// <summary>What the Emergency Duty Team did and told the front door: immediate protective action, and its notes.</summary>
    public required string? EmergencyDutyNote { get; init; }

    /// <summary>Whether the viewer is on the Emergency Duty Team and the contact is with them: they may acknowledge it and pass it on.</summary>
    public required bool MayActForEmergencyDuty { get; init; }
}

public sealed record ContactEventView(ContactEventKind Kind, string? By, DateTimeOffset At, string? Note, int? Level);

public sealed record SiblingContact(ContactId Id, string ChildName);

/// <summary>
/// The triage screen's reads: the contact, and the whole picture of the child and their siblings (L03) before the
/// decision against the threshold document (L15). The decision, a manager's sign-off (L20) and a return are their own
/// slices (<c>DecideContact</c>, <c>SignOffDecision</c>, <c>ReturnDecision</c>).
/// </summary>
public sealed class TriageHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    WholePictureHandler wholePicture)
{
    public const string NotForYou = "The whole picture at triage is for the front door";

    /// <returns>Null when the contact does not exist or the viewer may not open the child's record.</returns>
    public async Task<ContactView?> ViewAsync(ContactId id, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null || !(await access.OpenAsync(contact.ChildId, cancellationToken)).Allowed)
        {
            return null;
        }

        audit.Record("contact.view", contact.ChildId, "contact", id.Value);
        await db.SaveChangesAsync(cancellationToken);

        var who = contact.Events.Select(e => e.By).Append(contact.RecordedBy).Append(contact.DecidedBy).Append(contact.SignedOffBy)
            .OfType<ProfessionalId>().Distinct().ToList();
        var names = await db.Professionals.AsNoTracking()
            .Where(p => who.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var child = await db.People.AsNoTracking()
            .Where(p => p.Id == contact.ChildId)
            .Select(p => p.GivenName + " " + p.FamilyName)
            .SingleAsync(cancellationToken);
        var siblings = await SiblingContactsAsync(contact, cancellationToken);
        var discussion = await db.StrategyDiscussions.AsNoTracking()
            .Where(d => d.ContactId == id)
            .Select(d => (StrategyDiscussionId?)d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var seesReferrer = user.Has(Role.FrontDoor) || user.Has(Role.SafeguardingLead)
            || contact.ReferredBy == user.ProfessionalId || contact.RecordedBy == user.ProfessionalId;
        string? Name(ProfessionalId? p) => p is { } x ? names.GetValueOrDefault(x) : null;
        return new ContactView
        {
            Id = contact.Id,
            ChildId = contact.ChildId,
            ChildName = child,
            GroupId = contact.GroupId,
            Source = contact.Source,
            Referrer = seesReferrer ? contact.Referrer : null,
            Concerns = contact.Concerns,
            Themes = contact.Themes,
            Incident = contact.Incident,
            EntryId = contact.EntryId,
            ReceivedAt = contact.ReceivedAt,
            RecordedBy = Name(contact.RecordedBy) ?? "",
            DecisionDueAt = contact.DecisionDueAt,
            Overdue = contact.IsOverdue(clock.GetUtcNow()),
            Status = contact.Status,
            Level = contact.Level,
            Outcome = contact.Outcome,
            Reasons = contact.Reasons,
            Indicators = contact.Indicators,
            DecidedBy = Name(contact.DecidedBy),
            DecidedAt = contact.DecidedAt,
            SignedOffBy = Name(contact.SignedOffBy),
            SignedOffAt = contact.SignedOffAt,
            EscalationLevel = contact.EscalationLevel,
            Version = contact.Version,
            History = contact.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new ContactEventView(e.Kind, Name(e.By), e.At, e.Note, e.Level)).ToList(),
            OtherChildren = siblings,
            StrategyDiscussionId = discussion,
            MayDecide = user.MayDecide() && contact.Status == ContactStatus.AwaitingDecision,
            MaySignOff = user.MaySignOff() && contact.Status == ContactStatus.AwaitingSignOff && contact.DecidedBy != user.ProfessionalId,
            Urgency = contact.Urgency,
            EmergencyDuty = Shared.EmergencyDutyView.Of(contact.EmergencyDuty, names),
            EmergencyDutyNote = contact.EmergencyDutyNote,
            MayActForEmergencyDuty = user.Has(Role.EmergencyDuty) && contact.EmergencyDuty.IsHeld,
        };
    }

    /// <summary>The contacts made at the same time for the other children, each shown only if the viewer may see that child's record.</summary>
    private async Task<List<SiblingContact>> SiblingContactsAsync(Contact contact, CancellationToken cancellationToken)
    {
        var group = await db.Contacts.AsNoTracking()
            .Where(c => c.GroupId == contact.GroupId && c.Id != contact.Id)
            .Join(db.People, c => c.ChildId, p => p.Id, (c, p) => new { c.Id, c.ChildId, Name = p.GivenName + " " + p.FamilyName })
            .ToListAsync(cancellationToken);
        var siblings = new List<SiblingContact>();
        foreach (var other in group)
        {
            if ((await access.DecideAsync(other.ChildId, cancellationToken)).Allowed)
            {
                siblings.Add(new SiblingContact(other.Id, other.Name));
            }
        }

        return siblings;
    }

    /// <summary>
    /// The whole picture before a decision (L03, L04, L05; <see cref="WholePictureHandler"/>): for the contact's child and every
    /// other child in their household, and the adults connected to them. Not found when the contact does not exist or the
    /// viewer may not open the child's record (the refusal is audited); refused (403) for anyone else who may not triage
    /// (<see cref="FrontDoorRights.MaySeeWholePicture"/>). Each child's and adult's read is audited as <c>contact.picture</c>.
    /// </summary>
    public async Task<Handled<WholePicture>> PictureAsync(ContactId id, CancellationToken cancellationToken)
    {
        var childId = await db.Contacts.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => (PersonId?)c.ChildId)
            .FirstOrDefaultAsync(cancellationToken);
        if (childId is not { } subject || !(await access.OpenAsync(subject, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        if (!user.MaySeeWholePicture())
        {
            return Refusal.NotAllowed("Picture", NotForYou);
        }

        return await wholePicture.LoadAsync(subject, new PictureRead("contact.picture", "contact", id.Value), id, cancellationToken);
    }
}
