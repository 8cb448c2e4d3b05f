using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.People;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor.RecordContact;

/// <summary>A contact as the front door records it: about a child, and optionally every other child in their household.</summary>
public sealed record RecordContactCommand
{
    [Required]
    public PersonId? ChildId { get; init; }

    public bool IncludeHouseholdChildren { get; init; }

    [Required]
    public ContactSource? Source { get; init; }

    public bool Anonymous { get; init; }

    [StringLength(200)]
    public string? ReferrerName { get; init; }

    [StringLength(200)]
    public string? ReferrerOrganisation { get; init; }

    [StringLength(200)]
    public string? ReferrerRelationship { get; init; }

    [StringLength(50)]
    public string? ReferrerPhone { get; init; }

    [StringLength(320)]
    public string? ReferrerEmail { get; init; }

    [StringLength(ContactDraft.MaxConcernsLength)]
    public string? Concerns { get; init; }

    public IReadOnlyList<ConcernTheme>? Themes { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    public ContactDraft ToDraft() => new(Source,
        Anonymous ? Referrer.AnonymousCaller : new Referrer(ReferrerName, ReferrerOrganisation, ReferrerRelationship, ReferrerPhone, ReferrerEmail, false),
        Concerns, (Themes ?? []).Aggregate(ConcernTheme.None, (all, one) => all | one), ReceivedAt);
}

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
}

/// <summary>
/// Records contacts and police notifications. Contacts are the front door's to record; police notifications are
/// recorded by police officers (in the MASH or involved with the family) and by the front door. Either way the
/// recorder must be able to open the record of each person named.
/// </summary>
public sealed class RecordContactHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, ContactIntake intake, TimeProvider clock,
    Cairn.Web.Background.Concerns.ChildFactsLoader households,
    Cairn.Web.Background.Concerns.ConcernEvaluator concerns)
{
    public const string NotFrontDoor = "Only the front door can record a contact. To refer a child, send a referral share to the front door team.";
    public const string NotPolice = "Only the police and the front door can record a police notification.";

    public bool MayRecordContacts => user.Has(Role.FrontDoor);

    public async Task<bool> MayRecordPoliceNotificationsAsync(CancellationToken cancellationToken) =>
        user.Has(Role.FrontDoor) || await db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.Kind == AgencyKind.Police, cancellationToken);

    /// <returns>Null when the child does not exist or the caller may not open their record.</returns>
    public async Task<Outcome<RecordedContacts>?> RecordAsync(RecordContactCommand command, CancellationToken cancellationToken)
    {
        if (command.ChildId is not { } childId || !(await access.OpenAsync(childId, cancellationToken)).Allowed)
        {
            return null;
        }

        if (!MayRecordContacts)
        {
            return Refusal.Of("Source", NotFrontDoor);
        }

        if (await db.People.Where(p => p.Id == childId).Select(p => p.Kind).SingleAsync(cancellationToken) != PersonKind.Child)
        {
            return Refusal.Of("ChildId", "A contact is about a child: open the child's record to record it");
        }

        var children = new List<PersonId> { childId };
        if (command.IncludeHouseholdChildren)
        {
            children.AddRange(await HouseholdChildrenAsync([childId], cancellationToken));
        }

        var outcome = await intake.ReceiveAsync(command.ToDraft(), children.Distinct().ToList(), [], null, cancellationToken);
        if (outcome.Refusal is null)
        {
            await concerns.SaveAndEvaluateAsync(outcome.Value!.Contacts.Select(c => c.ChildId), cancellationToken);
        }

        return outcome;
    }

    /// <returns>Null when a person named does not exist or the caller may not open their record.</returns>
    public async Task<Outcome<RecordedContacts>?> RecordPoliceNotificationAsync(PoliceNotificationCommand command, CancellationToken cancellationToken)
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
                return null;
            }
        }

        if (!await MayRecordPoliceNotificationsAsync(cancellationToken))
        {
            return Refusal.Of("IncidentType", NotPolice);
        }

        var kinds = await db.People.Where(p => people.Contains(p.Id)).Select(p => new { p.Id, p.Kind }).ToListAsync(cancellationToken);
        var children = kinds.Where(k => k.Kind == PersonKind.Child).Select(k => k.Id).ToList();
        children.AddRange(await HouseholdChildrenAsync(people, cancellationToken));
        children = children.Distinct().ToList();
        if (children.Count == 0)
        {
            return Refusal.Of("PeopleInvolved", "No child lives with the people named. A police notification is about children: name a child, or a person who lives with children.");
        }

        var incident = new PoliceIncident(command.IncidentType ?? (IncidentType)0, command.OccurredAt ?? default, command.Risk, command.Reference ?? "");
        var officer = await db.Professionals.Where(p => p.Id == user.ProfessionalId)
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Name, p.Email, p.Phone, Agency = a.Name, a.Kind })
            .SingleAsync(cancellationToken);
        var draft = new ContactDraft(ContactSource.Police,
            new Referrer(officer.Name, officer.Agency, "Police officer", officer.Phone, officer.Email, false),
            string.IsNullOrWhiteSpace(command.Concerns) ? null : command.Concerns, ConcernTheme.None, null);
        var outcome = await intake.ReceiveAsync(draft, children, kinds.Where(k => k.Kind == PersonKind.Adult).Select(k => k.Id).ToList(), incident, cancellationToken);
        if (outcome.Refusal is null)
        {
            await concerns.SaveAndEvaluateAsync(outcome.Value!.Contacts.Select(c => c.ChildId), cancellationToken);
        }

        return outcome;
    }

    /// <summary>Every other child currently living in a household with any of these people.</summary>
    private async Task<List<PersonId>> HouseholdChildrenAsync(IReadOnlyList<PersonId> people, CancellationToken cancellationToken)
    {
        var members = (await households.CurrentHouseholdsAsync(people, clock.Today(), cancellationToken)).Values.SelectMany(m => m).Distinct().ToList();
        return await db.People.Where(p => members.Contains(p.Id) && p.Kind == PersonKind.Child).Select(p => p.Id).ToListAsync(cancellationToken);
    }
}
