using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.People;
using Cairn.Domain.Shares;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Background.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Features.Shares;
using Cairn.Web.Notifications;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor;

/// <summary>What was recorded: a contact for each child, the chronology entry they share, and any school notifications sent.</summary>
public sealed record RecordedContacts(
    Guid GroupId,
    IReadOnlyList<RecordedContact> Contacts,
    ChronologyEntryId EntryId,
    IReadOnlyList<ShareId> SchoolNotifications);

public sealed record RecordedContact(ContactId Id, PersonId ChildId, DateTimeOffset DecisionDueAt);

/// <summary>
/// Brings contacts in at the front door (L06): one contact per child, all linked to one chronology entry that appears in
/// each child's history, each with its decision clock. For a domestic abuse incident, each child's school designated
/// safeguarding lead is sent a followed-through notification due before the next school day (Operation Encompass).
/// The caller saves.
/// </summary>
public sealed class ContactIntake(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, WorkingCalendarSource calendars,
    ShareSteps steps, ChildFactsLoader households)
{
    public async Task<Outcome<RecordedContacts>> ReceiveAsync(ContactDraft draft, IReadOnlyList<PersonId> children, IReadOnlyList<PersonId> adults,
        PoliceIncident? incident, CancellationToken cancellationToken)
    {
        if (children.Count == 0)
        {
            return Refusal.Of("ChildIds", "Select at least one child the contact is about");
        }

        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(cancellationToken);
        var rules = await AreaOutOfHoursRules.ForAreaAsync(db, user.AreaId, cancellationToken);
        var group = Guid.CreateVersion7();
        var contacts = new List<Contact>();
        foreach (var child in children.Distinct())
        {
            var outcome = Contact.Receive(draft, child, user.AreaId, group, user.ProfessionalId, user.ProfessionalId, incident, now, calendar,
                rules);
            if (outcome.Refusal is { } refusal)
            {
                return refusal;
            }

            contacts.Add(outcome.Value!);
        }

        var first = contacts[0];
        var agency = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => new { a.Id, a.Kind }).SingleAsync(cancellationToken);
        var content = new ChronologyContent(incident?.OccurredAt ?? first.ReceivedAt, ChronologyCategory.FrontDoorContact,
            incident?.Significance ?? Significance.Significant, null, null, Summary(first), first.Concerns, null)
        { Concerns = first.Themes };
        var subjects = children.Distinct().Select(c => (c, true)).Concat(adults.Distinct().Except(children).Select(a => (a, false))).ToList();
        var entry = ChronologyEntry.Record(content, subjects, agency.Id, agency.Kind, user.ProfessionalId, now);
        if (entry.Refusal is { } bad)
        {
            return bad;
        }

        db.ChronologyEntries.Add(entry.Value!);
        foreach (var contact in contacts)
        {
            contact.LinkEntry(entry.Value!.Id);
            db.Contacts.Add(contact);
            audit.Record("contact.receive", contact.ChildId, "contact", contact.Id.Value);
        }

        var schools = incident is { IsDomesticAbuse: true } ? await NotifySchoolsAsync(children, incident, now, calendar, cancellationToken) : [];
        await NotifyFrontDoorManagersAsync(contacts.Count, now, cancellationToken);
        return Outcome<RecordedContacts>.Success(new RecordedContacts(group,
            contacts.Select(c => new RecordedContact(c.Id, c.ChildId, c.DecisionDueAt)).ToList(), entry.Value!.Id, schools));
    }

    /// <summary>
    /// Operation Encompass: each child's school is told before the next school day. The share goes to the school's
    /// designated safeguarding lead where one is in the team around the child, otherwise to the school itself. Children
    /// at the same school share one notification.
    /// </summary>
    private async Task<IReadOnlyList<ShareId>> NotifySchoolsAsync(IReadOnlyList<PersonId> children, PoliceIncident incident, DateTimeOffset now,
        Domain.Time.WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var today = now.InLondon();
        var involvements = await db.Involvements.AsNoTracking()
            .Where(i => children.Contains(i.ChildId) && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Join(db.Agencies.Where(a => a.Kind == AgencyKind.School), i => i.AgencyId, a => a.Id,
                (i, a) => new { i.ChildId, i.AgencyId, i.ProfessionalId, i.Role })
            .ToListAsync(cancellationToken);
        var recipients = involvements.GroupBy(i => i.ChildId)
            .Select(g => g.OrderBy(i => i.Role == InvolvementRole.DesignatedSafeguardingLead ? 0 : 1).First())
            .Select(i => (i.ChildId, Recipient: i.Role == InvolvementRole.DesignatedSafeguardingLead
                ? new ShareRecipient(i.AgencyId, null, i.ProfessionalId)
                : new ShareRecipient(i.AgencyId, null, null)))
            .GroupBy(x => x.Recipient);
        var sent = new List<ShareId>();
        foreach (var school in recipients)
        {
            var draft = new ShareDraft(ShareKind.PoliceNotification, school.Key, school.Select(x => x.ChildId).ToList(),
                Urgency.BeforeNextSchoolDay, null,
                $"Operation Encompass: domestic abuse incident on {Shared.Display.Date(incident.OccurredAt)}",
                $"Police attended a domestic abuse incident on {Shared.Display.DateTime(incident.OccurredAt)} " +
                $"(reference {incident.Reference.Trim()}, DASH risk {Shared.Display.Text(incident.Risk).ToLowerInvariant()}). " +
                "The child or children this notification is about live in the household. " +
                "Please make sure a trusted adult at school knows before the school day starts, so the child is supported, " +
                "and record what you did.");
            var share = Share.Send(draft, user.ProfessionalId, user.AgencyId, now, calendar,
                rules: await AreaOutOfHoursRules.ForAgencyAsync(db, school.Key.Agency, cancellationToken));
            if (share.Value is not { } notification)
            {
                continue;
            }

            db.Shares.Add(notification);
            await steps.RecordInChronologyAsync(notification, user.ProfessionalId, "Operation Encompass notification sent to the school", now,
                cancellationToken);
            if (notification.Recipient.Professional is { } dsl)
            {
                steps.Notify(dsl, "share.sent", "Operation Encompass: a child at your school was in a household where police attended domestic abuse",
                    notification.Id, now);
            }

            foreach (var child in notification.Children)
            {
                audit.Record("share.send", child.ChildId, "share", notification.Id.Value);
            }

            sent.Add(notification.Id);
        }

        return sent;
    }

    private async Task NotifyFrontDoorManagersAsync(int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        var managers = await db.Professionals.AsNoTracking()
            .Where(p => p.IsActive && ((int)p.Roles & (int)(Role.FrontDoor | Role.TeamManager)) == (int)(Role.FrontDoor | Role.TeamManager))
            .Join(db.Agencies.Where(a => a.AreaId == area), p => p.AgencyId, a => a.Id, (p, a) => p.Id)
            .ToListAsync(cancellationToken);
        var text = count == 1 ? "New contact at the front door" : $"{count} new contacts at the front door";
        db.Notifications.AddRange(managers.Select(manager => Notification.To(manager, "contact.received", text, "/front-door", now)));
    }

    /// <summary>Every other child currently living in a household with any of these people.</summary>
    public async Task<List<PersonId>> HouseholdChildrenAsync(IReadOnlyList<PersonId> people, CancellationToken cancellationToken)
    {
        var members = (await households.CurrentHouseholdsAsync(people, clock.Today(), cancellationToken)).Values
            .SelectMany(m => m).Distinct().ToList();
        return await db.People.Where(p => members.Contains(p.Id) && p.Kind == PersonKind.Child).Select(p => p.Id).ToListAsync(cancellationToken);
    }

    private static string Summary(Contact contact) => contact.Incident is { } incident
        ? $"Police notification: {Shared.Display.Text(incident.Type).ToLowerInvariant()}"
            + (incident.Risk is { } risk ? $", DASH risk {Shared.Display.Text(risk).ToLowerInvariant()}" : "")
        : $"Contact to the front door from {Shared.Display.Text(contact.Source).ToLowerInvariant()}";
}
