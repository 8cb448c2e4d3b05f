using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Access;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Children.Team;

/// <summary>A professional joining the team around the child.</summary>
public sealed record AddInvolvementCommand
{
    [Required]
    public ProfessionalId? ProfessionalId { get; init; }

    [Required]
    public InvolvementRole? Role { get; init; }

    [Required]
    public DateOnly? StartedOn { get; init; }

    /// <summary>Make this professional the lead professional (the first professional always is).</summary>
    public bool MakeLead { get; init; }
}

/// <summary>An involvement ending. Version is the one the person ending it saw.</summary>
public sealed record EndInvolvementCommand
{
    [Required]
    public DateOnly? EndedOn { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>Moving the lead professional role to this involvement. Version is the one the person saw.</summary>
public sealed record MakeLeadCommand
{
    [Required]
    public int? Version { get; init; }
}

public sealed record InvolvementView(InvolvementId Id, ProfessionalId ProfessionalId, string Name, string JobTitle, AgencyId AgencyId,
    string Agency, AgencyKind AgencyKind, InvolvementRole Role, bool IsLeadProfessional, string Email, string? Phone,
    DateOnly StartedOn, DateOnly? EndedOn, int Version, bool MayChange);

/// <summary>The team around the child now, and who was involved before (L19, L26).</summary>
public sealed record TeamView(PersonId ChildId, IReadOnlyList<InvolvementView> Current, IReadOnlyList<InvolvementView> Past);

public sealed record ChangedInvolvement(InvolvementId Id, PersonId ChildId, bool IsLeadProfessional, DateOnly? EndedOn, int Version);

public sealed record ProfessionalOption(ProfessionalId Id, string Name, string JobTitle, string Agency);

/// <summary>
/// Reads and changes the team around the child. Every change goes through <see cref="TeamAroundChild"/> so
/// an open child always has exactly one lead professional, and through <see cref="TeamChanges"/> so joining
/// the team (and with it the child's record) is decided by someone with a reason to.
/// </summary>
public sealed class TeamHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    private static Refusal Stale => Refusal.Conflict("the team around this child");

    /// <returns>Null when the child does not exist or the viewer may not see them.</returns>
    public async Task<TeamView?> HandleAsync(PersonId childId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("team.view", childId, decision.Reason.ToString(), cancellationToken);
        var today = clock.Today();
        var viewer = await access.ViewerAsync(cancellationToken);
        var involvements = await db.Involvements.AsNoTracking().Where(i => i.ChildId == childId).ToListAsync(cancellationToken);
        var team = new TeamAroundChild(childId, involvements);
        var current = team.CurrentOn(today).ToList();
        var people = involvements.Select(i => i.ProfessionalId).Distinct().ToList();
        var professionals = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id))
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p, a.Name, a.Kind })
            .ToDictionaryAsync(x => x.p.Id, cancellationToken);
        var agencyNames = await db.Agencies.AsNoTracking().Where(a => involvements.Select(i => i.AgencyId).Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => (a.Name, a.Kind), cancellationToken);

        InvolvementView View(Involvement i)
        {
            var p = professionals[i.ProfessionalId].p;
            var (agency, kind) = agencyNames[i.AgencyId];
            return new InvolvementView(i.Id, p.Id, p.Name, p.JobTitle, i.AgencyId, agency, kind, i.Role, i.IsLeadProfessional, p.Email, p.Phone,
                i.StartedOn, i.EndedOn, i.Version, TeamChanges.MayChange(viewer, decision, user.AgencyId, i.AgencyId, current));
        }

        return new TeamView(
            childId,
            current.OrderByDescending(i => i.IsLeadProfessional).ThenBy(i => i.Role).Select(View).ToList(),
            involvements.Except(current).OrderByDescending(i => i.EndedOn ?? i.StartedOn).Select(View).ToList());
    }

    /// <summary>The child an involvement belongs to, for pages addressed by involvement; access is checked by the caller's next step.</summary>
    public async Task<PersonId?> ChildOfAsync(InvolvementId id, CancellationToken cancellationToken) =>
        await db.Involvements.AsNoTracking().Where(i => i.Id == id).Select(i => (PersonId?)i.ChildId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Active professionals in the viewer's area who could join the team, by agency then name.</summary>
    public async Task<IReadOnlyList<ProfessionalOption>> ProfessionalsAsync(CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        return (await db.Professionals.AsNoTracking().Where(p => p.IsActive)
            .Join(db.Agencies.Where(a => a.AreaId == area), p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.Name, p.JobTitle, Agency = a.Name })
            .ToListAsync(cancellationToken))
            .OrderBy(x => x.Agency, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new ProfessionalOption(x.Id, x.Name, x.JobTitle, x.Agency)).ToList();
    }

    public async Task<Outcome<ChangedInvolvement>?> AddAsync(PersonId childId, AddInvolvementCommand command, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        if (command.ProfessionalId is not { } professionalId)
        {
            return Refusal.Of("ProfessionalId", "Select the professional");
        }

        var professional = await db.Professionals.AsNoTracking()
            .Where(p => p.Id == professionalId && p.IsActive)
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.AgencyId, a.AreaId })
            .FirstOrDefaultAsync(cancellationToken);
        var childArea = await db.People.Where(p => p.Id == childId).Select(p => new { p.AreaId, p.Kind }).SingleAsync(cancellationToken);
        if (professional is null || professional.AreaId != childArea.AreaId)
        {
            return Refusal.Of("ProfessionalId", "Select a professional who works in this child's area");
        }

        if (childArea.Kind != Domain.People.PersonKind.Child)
        {
            return Refusal.Of("ProfessionalId", "The team around the child is recorded on the child's record, not an adult's");
        }

        if (command.Role is not { } role)
        {
            return Refusal.Of("Role", "Select the professional's role with the child");
        }

        if (command.StartedOn is not { } startedOn)
        {
            return Refusal.Of("StartedOn", "Enter the date the involvement started");
        }

        return await ChangeAsync(childId, decision, professional.AgencyId, null, "involvement.add", team =>
        {
            var outcome = team.Add(professional.Id, professional.AgencyId, role, startedOn, command.MakeLead, user.ProfessionalId, clock.Today());
            if (outcome.Value is { } added)
            {
                db.Involvements.Add(added);
            }

            return outcome.Refusal is { } refusal ? refusal : Outcome<Involvement>.Success(outcome.Value!);
        }, cancellationToken);
    }

    public Task<Outcome<ChangedInvolvement>?> EndAsync(InvolvementId id, EndInvolvementCommand command, CancellationToken cancellationToken) =>
        ChangeExistingAsync(id, "involvement.end", (team, involvement) =>
        {
            if (command.EndedOn is not { } endedOn)
            {
                return Refusal.Of("EndedOn", "Enter the date the involvement ended");
            }

            return team.End(involvement.Id, endedOn, command.Version ?? 0, clock.Today()) is { } refusal
                ? refusal
                : Outcome<Involvement>.Success(involvement);
        }, cancellationToken);

    public Task<Outcome<ChangedInvolvement>?> MakeLeadAsync(InvolvementId id, MakeLeadCommand command, CancellationToken cancellationToken) =>
        ChangeExistingAsync(id, "involvement.make-lead", (team, involvement) =>
        {
            if (involvement.Version != command.Version)
            {
                return Stale;
            }

            return team.MakeLead(involvement.Id, clock.Today()) is { } refusal ? refusal : Outcome<Involvement>.Success(involvement);
        }, cancellationToken);

    private async Task<Outcome<ChangedInvolvement>?> ChangeExistingAsync(InvolvementId id, string action,
        Func<TeamAroundChild, Involvement, Outcome<Involvement>> change, CancellationToken cancellationToken)
    {
        var target = await db.Involvements.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.ChildId, i.AgencyId }).FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return null;
        }

        var decision = await access.OpenAsync(target.ChildId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        return await ChangeAsync(target.ChildId, decision, target.AgencyId, id, action,
            team => change(team, team.Involvements.Single(i => i.Id == id)), cancellationToken);
    }

    private async Task<Outcome<ChangedInvolvement>?> ChangeAsync(PersonId childId, AccessDecision decision, AgencyId agency, InvolvementId? existing,
        string action, Func<TeamAroundChild, Outcome<Involvement>> change, CancellationToken cancellationToken)
    {
        var involvements = await db.Involvements.Where(i => i.ChildId == childId).ToListAsync(cancellationToken);
        var team = new TeamAroundChild(childId, involvements);
        var viewer = await access.ViewerAsync(cancellationToken);
        if (!TeamChanges.MayChange(viewer, decision, user.AgencyId, agency, team.CurrentOn(clock.Today())))
        {
            audit.Record(action, childId, "involvement", existing?.Value, "refused");
            await db.SaveChangesAsync(cancellationToken);
            return Refusal.Of(existing is null ? "ProfessionalId" : "InvolvementId", TeamChanges.Refused);
        }

        var outcome = change(team);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var involvement = outcome.Value!;
        audit.Record(action, childId, "involvement", involvement.Id.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale;
        }

        return Outcome<ChangedInvolvement>.Success(new ChangedInvolvement(involvement.Id, childId, involvement.IsLeadProfessional,
            involvement.EndedOn, involvement.Version));
    }
}
