using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.People;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Family.RecordRelationship;

/// <summary>
/// How another person is related to the person whose record this is: "the other person is this child's
/// <see cref="Type"/>". Record a parent from the child's record, so the child is the one the relationship is to.
/// </summary>
public sealed record RecordRelationshipCommand
{
    [Required(ErrorMessage = "Select the other person")]
    public Guid? OtherPersonId { get; init; }

    [Required(ErrorMessage = "Select how the other person is related")]
    public RelationshipType? Type { get; init; }

    public DateOnly? StartedOn { get; init; }

    /// <summary>For a relationship that has already ended; leave out for one that continues.</summary>
    public DateOnly? EndedOn { get; init; }

    /// <summary>Required for a person posing a risk: what the risk is and where the information came from.</summary>
    [StringLength(Relationship.MaxNotesLength, ErrorMessage = "Notes must be {1} characters or fewer")]
    public string? Notes { get; init; }
}

public sealed record RecordedRelationship(RelationshipId Id, PersonId FromPersonId, PersonId ToPersonId, RelationshipType Type,
    DateOnly? StartedOn, DateOnly? EndedOn, int Version);

/// <summary>Someone the professional may pick as the other person, and why they are offered.</summary>
public sealed record RelationshipCandidate(PersonId Id, string Name, PersonKind Kind, DateOnly? DateOfBirth, string Why);

/// <param name="SearchRefusal">Set when the name searched for could not be searched.</param>
public sealed record RelationshipCandidates(IReadOnlyList<RelationshipCandidate> People, Refusal? SearchRefusal);

/// <summary>
/// Records a relationship between two people. The professional must be able to open the person's record and
/// the other person's (or the other is an adult they created and have not linked yet; see README.md).
/// </summary>
public sealed class RecordRelationshipHandler(CairnDbContext db, RecordAccessService access, FamilyAccessHandler family, FindPersonHandler search,
    CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <returns>Not found when either person does not exist or the professional may not see them.</returns>
    public async Task<Handled<RecordedRelationship>> HandleAsync(PersonId personId, RecordRelationshipCommand command,
        CancellationToken cancellationToken)
    {
        if (!(await access.OpenAsync(personId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await RecordAsync(personId, command, cancellationToken).AuditRefusalAsync(audit, "relationship.record", personId,
            "relationship", null, cancellationToken);
    }

    private async Task<Handled<RecordedRelationship>> RecordAsync(PersonId personId, RecordRelationshipCommand command,
        CancellationToken cancellationToken)
    {
        var missing = new List<FieldError>();
        if (command.OtherPersonId is null)
        {
            missing.Add(new("OtherPersonId", "Select the other person"));
        }

        if (command.Type is null)
        {
            missing.Add(new("Type", "Select how the other person is related"));
        }

        if (Refusal.FromErrors(missing) is { } incomplete)
        {
            return incomplete;
        }

        var other = new PersonId(command.OtherPersonId!.Value);
        if (other != personId && !await family.MayLinkAsync(other, cancellationToken))
        {
            return Handled.NotFound;
        }

        var today = clock.Today();
        var type = command.Type!.Value;
        var outcome = Relationship.Record(other, personId, type, command.StartedOn, command.EndedOn, command.Notes, user.ProfessionalId,
            clock.GetUtcNow(), today);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var between = await db.Relationships
            .Where(r => (r.FromPersonId == other && r.ToPersonId == personId) || (r.FromPersonId == personId && r.ToPersonId == other))
            .ToListAsync(cancellationToken);
        if (command.EndedOn is null && Relationship.AlreadyRecorded(between, other, personId, type, today) is { } duplicate)
        {
            return duplicate;
        }

        var relationship = outcome.Value!;
        db.Relationships.Add(relationship);
        // Both people's audit trails show the link; the type is a code, never the notes.
        audit.Record("relationship.record", personId, "relationship", relationship.Id.Value, detail: $"type={type}");
        audit.Record("relationship.record", other, "relationship", relationship.Id.Value, detail: $"type={type}");
        await db.SaveChangesAsync(cancellationToken);
        return new RecordedRelationship(relationship.Id, relationship.FromPersonId, relationship.ToPersonId,
            relationship.Type, relationship.StartedOn, relationship.EndedOn, relationship.Version);
    }

    /// <summary>
    /// The people to choose from: those in the same household, those already related, adults the professional
    /// recorded and has not linked yet, and anyone found by name. Only people the professional may open.
    /// </summary>
    /// <returns>Null when the person does not exist or the professional may not see them.</returns>
    public async Task<RelationshipCandidates?> CandidatesAsync(PersonId personId, string? name, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(personId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("relationship.candidates.view", personId, decision.Reason.ToString(), cancellationToken);
        var why = new Dictionary<PersonId, string>();
        void Offer(IEnumerable<PersonId> ids, string reason)
        {
            foreach (var id in ids.Where(i => i != personId))
            {
                why.TryAdd(id, reason);
            }
        }

        Refusal? searchRefusal = null;
        if (!string.IsNullOrWhiteSpace(name))
        {
            var found = await search.HandleAsync(new FindPersonQuery(name, null, null, null), cancellationToken);
            searchRefusal = found.Refusal;
            Offer(found.Value?.People.Select(p => p.Id) ?? [], "found by name");
        }

        var households = await db.Households.AsNoTracking()
            .Where(h => h.Members.Any(m => m.PersonId == personId && m.LeftOn == null))
            .ToListAsync(cancellationToken);
        Offer(households.SelectMany(h => h.MembersOn(clock.Today())), "lives in the same household");
        var related = await db.Relationships.AsNoTracking().Where(r => r.FromPersonId == personId).Select(r => r.ToPersonId)
            .Union(db.Relationships.AsNoTracking().Where(r => r.ToPersonId == personId).Select(r => r.FromPersonId))
            .ToListAsync(cancellationToken);
        Offer(related, "already related");

        var visible = await family.VisibleAmongAsync(why.Keys.ToList(), cancellationToken);
        var ownAdults = await family.OwnUnlinkedAdultsAsync(cancellationToken);
        Offer(ownAdults, "recorded by you, not linked to anyone yet");
        visible.UnionWith(ownAdults);

        var ids = why.Keys.Where(visible.Contains).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Kind, p.DateOfBirth })
            .ToListAsync(cancellationToken);
        var candidates = people
            .Select(p => new RelationshipCandidate(p.Id, $"{p.GivenName} {p.FamilyName}", p.Kind, p.DateOfBirth, why[p.Id]))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new RelationshipCandidates(candidates, searchRefusal);
    }
}
