using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.People;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Background.Concerns;
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

    /// <summary>Immediate, SameWorkingDay or WithinWorkingDays (the default: the front door's working day).</summary>
    public Urgency? Urgency { get; init; }

    public ContactDraft ToDraft() => new(Source,
        Anonymous
            ? Referrer.AnonymousCaller
            : new Referrer(ReferrerName, ReferrerOrganisation, ReferrerRelationship, ReferrerPhone, ReferrerEmail, false),
        Concerns, (Themes ?? []).Aggregate(ConcernTheme.None, (all, one) => all | one), ReceivedAt, Urgency);
}

/// <summary>
/// Records a contact at the front door: one contact per child (the child named, and optionally every other child in
/// their household). Contacts are the front door's to record; the recorder must be able to open the child's record.
/// </summary>
public sealed class RecordContactHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, ContactIntake intake,
    ConcernEvaluator concerns, AuditLog audit)
{
    public const string NotFrontDoor = "Only the front door can record a contact. To refer a child, send a referral share to the front door team.";

    public bool MayRecordContacts => user.MayRecordContacts();

    /// <returns>Not found when the child does not exist or the caller may not open their record.</returns>
    public async Task<Handled<RecordedContacts>> RecordAsync(RecordContactCommand command, CancellationToken cancellationToken)
    {
        if (command.ChildId is not { } childId || !(await access.OpenAsync(childId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await RecordContactAsync(childId, command, cancellationToken).AuditRefusalAsync(audit, "contact.receive", childId, "contact", null,
            cancellationToken);
    }

    private async Task<Handled<RecordedContacts>> RecordContactAsync(PersonId childId, RecordContactCommand command,
        CancellationToken cancellationToken)
    {
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
            children.AddRange(await intake.HouseholdChildrenAsync([childId], cancellationToken));
        }

        var outcome = await intake.ReceiveAsync(command.ToDraft(), children.Distinct().ToList(), [], null, cancellationToken);
        if (outcome.Refusal is null)
        {
            await concerns.SaveAndEvaluateAsync(outcome.Value!.Contacts.Select(c => c.ChildId), cancellationToken);
        }

        return outcome;
    }
}
