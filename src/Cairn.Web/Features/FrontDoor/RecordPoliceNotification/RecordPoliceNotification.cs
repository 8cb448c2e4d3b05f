using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.People;
using Cairn.Domain.Shares;
using Cairn.Web.Background.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor.RecordPoliceNotification;

/// <summary>
/// A police notification (L06): a child present at, or living in the household of, an incident the police attended. Every
/// child in the household of each person named gets a contact; for domestic abuse each child's school is told (Operation
/// Encompass).
/// </summary>
public sealed record PoliceNotificationCommand
{
    /// <summary>The people the police dealt with: adults and children. Every child in their current households is included.</summary>
    public IReadOnlyList<PersonId> PeopleInvolved { get; init; } = [];

    [Required]
    public IncidentType? IncidentType { get; init; }

    [Required]
    public DateTimeOffset? OccurredAt { get; init; }

    public DashRisk? Risk { get; init; }

    [StringLength(40)]
    public string? Reference { get; init; }

    [StringLength(ContactDraft.MaxConcernsLength)]
    public string? Concerns { get; init; }

    /// <summary>Immediate, SameWorkingDay or WithinWorkingDays (the default); a high DASH risk is always immediate.</summary>
    public Urgency? Urgency { get; init; }
}

/// <summary>
/// Records police notifications: by police officers (in the MASH or involved with the family) and by the front door.
/// The recorder must be able to open the record of each person named.
/// </summary>
public sealed class RecordPoliceNotificationHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, ContactIntake intake,
    ConcernEvaluator concerns)
{
    public const string NotPolice = "Only the police and the front door can record a police notification.";

    public Task<bool> MayRecordPoliceNotificationsAsync(CancellationToken cancellationToken) =>
        db.MayRecordPoliceNotificationsAsync(user, cancellationToken);

    /// <returns>Not found when a person named does not exist or the caller may not open their record.</returns>
    public async Task<Handled<RecordedContacts>> RecordAsync(PoliceNotificationCommand command, CancellationToken cancellationToken)
    {
        var people = command.PeopleInvolved.Distinct().ToList();
        if (people.Count == 0)
        {
            return Refusal.Of("PeopleInvolved", "Select the people involved in the incident");
        }

        foreach (var person in people)
        {
            if (!(await access.OpenAsync(person, cancellationToken)).Allowed)
            {
                return Handled.NotFound;
            }
        }

        if (!await MayRecordPoliceNotificationsAsync(cancellationToken))
        {
            return Refusal.Of("IncidentType", NotPolice);
        }

        var kinds = await db.People.Where(p => people.Contains(p.Id)).Select(p => new { p.Id, p.Kind }).ToListAsync(cancellationToken);
        var children = kinds.Where(k => k.Kind == PersonKind.Child).Select(k => k.Id).ToList();
        children.AddRange(await intake.HouseholdChildrenAsync(people, cancellationToken));
        children = children.Distinct().ToList();
        if (children.Count == 0)
        {
            return Refusal.Of("PeopleInvolved", "No child lives with the people named. "
                + "A police notification is about children: name a child, or a person who lives with children.");
        }

        var incident = new PoliceIncident(command.IncidentType ?? (IncidentType)0, command.OccurredAt ?? default, command.Risk,
            command.Reference ?? "");
        var officer = await db.Professionals.Where(p => p.Id == user.ProfessionalId)
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Name, p.Email, p.Phone, Agency = a.Name, a.Kind })
            .SingleAsync(cancellationToken);
        var draft = new ContactDraft(ContactSource.Police,
            new Referrer(officer.Name, officer.Agency, "Police officer", officer.Phone, officer.Email, false),
            string.IsNullOrWhiteSpace(command.Concerns) ? null : command.Concerns, ConcernTheme.None, null, command.Urgency);
        var adults = kinds.Where(k => k.Kind == PersonKind.Adult).Select(k => k.Id).ToList();
        var outcome = await intake.ReceiveAsync(draft, children, adults, incident, cancellationToken);
        if (outcome.Refusal is null)
        {
            await concerns.SaveAndEvaluateAsync(outcome.Value!.Contacts.Select(c => c.ChildId), cancellationToken);
        }

        return outcome;
    }
}
