using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Family.JoinHousehold;

/// <summary>
/// Puts a person in a household from a date: an existing one (<see cref="HouseholdId"/>) or a new one (<see cref="NewHouseholdName"/>).
/// </summary>
public sealed record JoinHouseholdCommand
{
    public Guid? HouseholdId { get; init; }

    /// <summary>Starts a new household with this name, with the person as its first member.</summary>
    [StringLength(Household.MaxNameLength, ErrorMessage = "The household name must be {1} characters or fewer")]
    public string? NewHouseholdName { get; init; }

    public DateOnly? JoinedOn { get; init; }
}

public sealed record JoinedHousehold(HouseholdId HouseholdId, PersonId PersonId, DateOnly JoinedOn, bool Started, int Version);

/// <summary>A household the person could join, with who lives there now: named where the viewer may open their record, otherwise counted.</summary>
public sealed record HouseholdChoice(HouseholdId Id, string Name, IReadOnlyList<string> CurrentMembers, int MembersNotNamed);

/// <summary>
/// Puts a person in a household, or starts a new one. The professional must be able to open the person's
/// record, and an existing household must have a member whose record they may open; otherwise 404.
/// </summary>
public sealed class JoinHouseholdHandler(CairnDbContext db, RecordAccessService access, FamilyAccessHandler family, AuditLog audit,
    TimeProvider clock)
{
    /// <returns>Not found when the person or the household does not exist or may not be seen.</returns>
    public async Task<Handled<JoinedHousehold>> HandleAsync(PersonId personId, JoinHouseholdCommand command, CancellationToken cancellationToken)
    {
        if (!(await access.OpenAsync(personId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await JoinAsync(personId, command, cancellationToken).AuditRefusalAsync(audit, "household.join", personId, "household",
            command.HouseholdId, cancellationToken);
    }

    private async Task<Handled<JoinedHousehold>> JoinAsync(PersonId personId, JoinHouseholdCommand command, CancellationToken cancellationToken)
    {
        Household? household = null;
        if (command.HouseholdId is { } householdId)
        {
            var id = new HouseholdId(householdId);
            household = await db.Households.FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
            if (household is null || !await family.MayReachAsync(household, cancellationToken))
            {
                return Handled.NotFound;
            }
        }

        if (household is not null && command.NewHouseholdName is not null)
        {
            return Refusal.Of("HouseholdId", "Choose an existing household or start a new one, not both");
        }

        if (household is null && command.NewHouseholdName is null)
        {
            return Refusal.Of("HouseholdId", "Select the household they live in, or start a new household");
        }

        if (command.JoinedOn is not { } joinedOn)
        {
            return Refusal.Of("JoinedOn", "Enter the date they moved in");
        }

        var today = clock.Today();
        var started = household is null;
        if (household is null)
        {
            var area = await db.People.Where(p => p.Id == personId).Select(p => p.AreaId).SingleAsync(cancellationToken);
            var outcome = Household.Start(area, command.NewHouseholdName!, personId, joinedOn, today);
            if (outcome.Refusal is { } notStarted)
            {
                return notStarted;
            }

            household = outcome.Value!;
            db.Households.Add(household);
        }
        else if (household.Join(personId, joinedOn, today) is { } refusal)
        {
            return refusal;
        }

        // The household's name can hold a family name: only its id is audited.
        audit.Record("household.join", personId, "household", household.Id.Value, detail: started ? "new household" : null);
        // Someone else changed the household between our read and our write; nothing is kept.
        if (await db.SaveOrConflictAsync(Household.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new JoinedHousehold(household.Id, personId, joinedOn, started, household.Version);
    }

    /// <summary>
    /// Households to offer: those where someone related to the person lives now, and ones the person lived in
    /// before; only where the professional may open a member's record, and not ones the person lives in now.
    /// </summary>
    /// <returns>Null when the person does not exist or the professional may not see them.</returns>
    public async Task<IReadOnlyList<HouseholdChoice>?> ChoicesAsync(PersonId personId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(personId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("household.choices.view", personId, decision.Reason.ToString(), cancellationToken);
        var related = await db.Relationships.AsNoTracking().Where(r => r.FromPersonId == personId).Select(r => r.ToPersonId)
            .Union(db.Relationships.AsNoTracking().Where(r => r.ToPersonId == personId).Select(r => r.FromPersonId))
            .ToListAsync(cancellationToken);
        var visibleRelated = (await family.VisibleAmongAsync(related, cancellationToken)).ToList();
        var households = await db.Households.AsNoTracking()
            .Where(h => h.Members.Any(m => m.PersonId == personId) || h.Members.Any(m => visibleRelated.Contains(m.PersonId) && m.LeftOn == null))
            .ToListAsync(cancellationToken);
        households = households.Where(h => !h.IsCurrentMember(personId)).ToList();

        var today = clock.Today();
        var memberIds = households.SelectMany(h => h.MembersOn(today)).Distinct().ToList();
        var named = (await family.VisibleAmongAsync(memberIds, cancellationToken)).ToList();
        var names = await db.People.AsNoTracking().Where(p => named.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, cancellationToken);
        return households
            .Select(h =>
            {
                var living = h.MembersOn(today).Distinct().ToList();
                var shown = living.Where(names.ContainsKey).Select(m => names[m]).Order(StringComparer.OrdinalIgnoreCase).ToList();
                return new HouseholdChoice(h.Id, h.Name, shown, living.Count - shown.Count);
            })
            .OrderBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
