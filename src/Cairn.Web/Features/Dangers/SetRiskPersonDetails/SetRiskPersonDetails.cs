using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Dangers;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Dangers.SetRiskPersonDetails;

public sealed record SetRiskPersonDetailsCommand
{
    public RiskKind? Kind { get; init; }

    /// <summary>A place of their own, described; none to use their current address.</summary>
    public string? PlaceName { get; init; }

    public string? Postcode { get; init; }

    /// <summary>The version read: 0 when nothing was recorded yet.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Sets what a person recorded as posing a risk to a child poses a risk of, and where (L35): a place of their own, or by default
/// their current address. Children's social care and the front door, who may open the child's record. The relationship must be a
/// current "person posing a risk" to this child (404 otherwise).
/// </summary>
public sealed class SetRiskPersonDetailsHandler(CairnDbContext db, DangerAccessHandler dangers, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string Action = "risk-person.set";

    public async Task<Handled<RiskPerson>> HandleAsync(PersonId child, RelationshipId relationship, SetRiskPersonDetailsCommand command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var found = await db.Relationships.AsNoTracking()
            .Where(r => r.Id == relationship && r.ToPersonId == child && r.Type == RelationshipType.PersonPosingRisk)
            .Select(r => (PersonId?)r.FromPersonId).FirstOrDefaultAsync(cancellationToken);
        if (found is not { } person || !await dangers.OpenAsync(child, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await SetAsync(child, relationship, person, command, cancellationToken)
            .AuditRefusalAsync(audit, Action, child, DangerAccessHandler.PersonRecordType, relationship.Value, cancellationToken);
    }

    private async Task<Handled<RiskPerson>> SetAsync(PersonId child, RelationshipId relationship, PersonId person,
        SetRiskPersonDetailsCommand command,
        CancellationToken cancellationToken)
    {
        if (!await dangers.MayRecordForChildAsync(cancellationToken))
        {
            return DangerAccessHandler.NotTheirs;
        }

        if (command.Version is not { } version)
        {
            return Refusal.Of(Refusal.VersionField, "Send the version you read");
        }

        var now = clock.GetUtcNow();
        var location = await dangers.LocateAsync(command.Postcode, cancellationToken);
        var existing = await db.RiskPersonDangers.SingleOrDefaultAsync(d => d.RelationshipId == relationship, cancellationToken);
        if (existing is null)
        {
            if (version != 0)
            {
                return RiskPersonDanger.Stale;
            }

            var outcome = RiskPersonDanger.Record(relationship, child, person, command.Kind, command.PlaceName, command.Postcode, location,
                user.ProfessionalId, now);
            if (outcome.Refusal is { } refused)
            {
                return refused;
            }

            db.RiskPersonDangers.Add(outcome.Value!);
        }
        else if (existing.Set(command.Kind, command.PlaceName, command.Postcode, location, version, user.ProfessionalId, now) is { } refusal)
        {
            return refusal;
        }

        audit.Record(Action, child, DangerAccessHandler.PersonRecordType, relationship.Value, detail: command.Kind.ToString());
        if (existing is not null)
        {
            if (await db.SaveOrConflictAsync(RiskPersonDanger.Stale, cancellationToken) is { } conflict)
            {
                return conflict;
            }
        }
        else
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Two first recordings at once collide on the relationship's key: the later is refused, nothing of it kept.
                db.ChangeTracker.Clear();
                return RiskPersonDanger.Stale;
            }
        }

        return (await ChildDangerQuery.RiskPeopleAsync(db, child, clock.Today(), cancellationToken)).Single(p => p.RelationshipId == relationship);
    }
}

public sealed class SetRiskPersonDetailsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/children/{id:guid}/dangers/people/{relationshipId:guid}", HandleAsync)
            .WithName("SetRiskPersonDetails")
            .WithSummary("Sets what a person posing a risk to the child poses a risk of and where: a place of their own (description and a "
                         + "postcode in the directory) or, with no postcode, their current address (L35). Children's social care and the "
                         + "front door (403 otherwise); send the version you read, 0 the first time (409 if stale).")
            .WithTags("Dangers");

    private static async Task<Results<Ok<RiskPerson>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id, Guid relationshipId,
        SetRiskPersonDetailsCommand command, SetRiskPersonDetailsHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), new RelationshipId(relationshipId), command, cancellationToken)).ToApiResult();
}
