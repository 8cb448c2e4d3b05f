using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Family.EndRelationship;

/// <summary>The relationship stopped on a date. Version is the one the person ending it saw.</summary>
public sealed record EndRelationshipCommand
{
    public DateOnly? EndedOn { get; init; }

    [Required(ErrorMessage = "Send the version of the relationship you read")]
    public int? Version { get; init; }
}

public sealed record RelationshipDetails
{
    public required RelationshipId Id { get; init; }
    public required PersonId PersonId { get; init; }
    public required PersonId OtherId { get; init; }
    public required string OtherName { get; init; }
    public required RelationshipType Type { get; init; }
    public required string Description { get; init; }
    public DateOnly? StartedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public required bool PosesRisk { get; init; }
    public string? Notes { get; init; }
    public required int Version { get; init; }
}

public sealed record EndedRelationship(RelationshipId Id, PersonId FromPersonId, PersonId ToPersonId, DateOnly EndedOn, int Version);

/// <summary>
/// Ends a relationship with a date; it is never deleted, so it stays on both records as history. The
/// professional must be able to open both people's records; otherwise it is reported as not existing.
/// </summary>
public sealed class EndRelationshipHandler(CairnDbContext db, RecordAccessService access, FamilyAccessHandler family, AuditLog audit,
    TimeProvider clock)
{
    /// <returns>Null when the relationship does not exist, is not this person's, or either person may not be seen.</returns>
    public async Task<RelationshipDetails?> HandleAsync(PersonId personId, RelationshipId id, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(personId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        var relationship = await db.Relationships.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (relationship is null || !relationship.Involves(personId)
            || !await family.MayLinkAsync(relationship.OtherThan(personId), cancellationToken))
        {
            return null;
        }

        await audit.RecordReadAsync("relationship.view", personId, decision.Reason.ToString(), cancellationToken);
        var otherId = relationship.OtherThan(personId);
        var other = await db.People.AsNoTracking()
            .Where(p => p.Id == otherId)
            .Select(p => p.GivenName + " " + p.FamilyName)
            .SingleAsync(cancellationToken);
        return new RelationshipDetails
        {
            Id = relationship.Id,
            PersonId = personId,
            OtherId = otherId,
            OtherName = other,
            Type = relationship.Type,
            Description = FamilyWords.Describe(relationship.Type, relationship.FromPersonId == personId),
            StartedOn = relationship.StartedOn,
            EndedOn = relationship.EndedOn,
            PosesRisk = relationship.Type == RelationshipType.PersonPosingRisk,
            Notes = relationship.Notes,
            Version = relationship.Version,
        };
    }

    /// <returns>Not found when the relationship does not exist, is not this person's, or either person may not be seen.</returns>
    public async Task<Handled<EndedRelationship>> EndAsync(PersonId personId, RelationshipId id, EndRelationshipCommand command,
        CancellationToken cancellationToken)
    {
        if (!(await access.OpenAsync(personId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await EndRelationshipAsync(personId, id, command, cancellationToken)
            .AuditRefusalAsync(audit, "relationship.end", personId, "relationship", id.Value, cancellationToken);
    }

    private async Task<Handled<EndedRelationship>> EndRelationshipAsync(PersonId personId, RelationshipId id, EndRelationshipCommand command,
        CancellationToken cancellationToken)
    {
        var relationship = await db.Relationships.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (relationship is null || !relationship.Involves(personId)
            || !await family.MayLinkAsync(relationship.OtherThan(personId), cancellationToken))
        {
            return Handled.NotFound;
        }

        if (command.EndedOn is not { } endedOn)
        {
            return Refusal.Of("EndedOn", "Enter the date the relationship ended");
        }

        if (relationship.End(endedOn, command.Version ?? 0, clock.Today()) is { } refusal)
        {
            return refusal;
        }

        audit.Record("relationship.end", relationship.FromPersonId, "relationship", relationship.Id.Value);
        audit.Record("relationship.end", relationship.ToPersonId, "relationship", relationship.Id.Value);
        // Someone saved between our read and our write: the same answer as a stale version, and nothing is kept.
        if (await db.SaveOrConflictAsync(Relationship.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new EndedRelationship(relationship.Id, relationship.FromPersonId, relationship.ToPersonId,
            endedOn, relationship.Version);
    }
}
