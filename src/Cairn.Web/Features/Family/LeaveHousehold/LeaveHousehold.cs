using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Family.LeaveHousehold;

/// <summary>The person moved out on a date. Version is the household's, as the person recording it saw it.</summary>
public sealed record LeaveHouseholdCommand
{
    public DateOnly? LeftOn { get; init; }

    [Required(ErrorMessage = "Send the version of the household you read")]
    public int? Version { get; init; }
}

/// <param name="LeftOn">Null while the person lives there.</param>
/// <param name="OthersLivingThere">The names of the others living there whose records the viewer may open.</param>
/// <param name="OthersNotNamed">How many others live there whose records the viewer may not open.</param>
public sealed record HouseholdDetails(HouseholdId Id, PersonId PersonId, string Name, DateOnly JoinedOn, DateOnly? LeftOn,
    IReadOnlyList<string> OthersLivingThere, int OthersNotNamed, int Version);

public sealed record LeftHousehold(HouseholdId HouseholdId, PersonId PersonId, DateOnly LeftOn, int Version);

/// <summary>
/// Records a move out of a household. The membership is closed with the date, never removed. Access is
/// decided on the person: a household they have never been in is reported as not existing.
/// </summary>
public sealed class LeaveHouseholdHandler(CairnDbContext db, RecordAccessService access, FamilyAccessHandler family, AuditLog audit,
    TimeProvider clock)
{
    /// <returns>Null when the person may not be seen or has never been a member of the household.</returns>
    public async Task<HouseholdDetails?> HandleAsync(PersonId personId, HouseholdId id, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(personId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household?.Members.Where(m => m.PersonId == personId).MaxBy(m => m.JoinedOn) is not { } stay)
        {
            return null;
        }

        await audit.RecordReadAsync("household.view", personId, decision.Reason.ToString(), cancellationToken);
        var others = household.MembersOn(clock.Today()).Where(m => m != personId).Distinct().ToList();
        var named = (await family.VisibleAmongAsync(others, cancellationToken)).ToList();
        var names = await db.People.AsNoTracking().Where(p => named.Contains(p.Id)).Select(p => p.GivenName + " " + p.FamilyName)
            .ToListAsync(cancellationToken);
        return new HouseholdDetails(household.Id, personId, household.Name, stay.JoinedOn, stay.LeftOn,
            names.Order(StringComparer.OrdinalIgnoreCase).ToList(), others.Count - named.Count, household.Version);
    }

    /// <returns>Not found when the person may not be seen or has never been a member of the household.</returns>
    public async Task<Handled<LeftHousehold>> LeaveAsync(PersonId personId, HouseholdId id, LeaveHouseholdCommand command,
        CancellationToken cancellationToken)
    {
        if (!(await access.OpenAsync(personId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await LeaveHouseholdAsync(personId, id, command, cancellationToken)
            .AuditRefusalAsync(audit, "household.leave", personId, "household", id.Value, cancellationToken);
    }

    private async Task<Handled<LeftHousehold>> LeaveHouseholdAsync(PersonId personId, HouseholdId id, LeaveHouseholdCommand command,
        CancellationToken cancellationToken)
    {
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null || household.Members.All(m => m.PersonId != personId))
        {
            return Handled.NotFound;
        }

        if (command.LeftOn is not { } leftOn)
        {
            return Refusal.Of("LeftOn", "Enter the date they moved out");
        }

        if (household.Leave(personId, leftOn, command.Version ?? 0, clock.Today()) is { } refusal)
        {
            return refusal;
        }

        audit.Record("household.leave", personId, "household", household.Id.Value);
        // Someone else changed the household between our read and our write; nothing is kept.
        if (await db.SaveOrConflictAsync(Household.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new LeftHousehold(household.Id, personId, leftOn, household.Version);
    }
}
