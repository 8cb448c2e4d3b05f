using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Access;
using Cairn.Domain.Children;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Children.AddInvolvement;

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

public sealed record ProfessionalOption(ProfessionalId Id, string Name, string JobTitle, string Agency);

/// <summary>Adds a professional of the child's area to the team around the child (L19); the first becomes the lead professional.</summary>
public sealed class AddInvolvementHandler(CairnDbContext db, RecordAccessService access, InvolvementChangesHandler changes, CurrentUser user,
    AuditLog audit, TimeProvider clock)
{
    /// <summary>Active professionals in the viewer's area who could join the team, by agency then name.</summary>
    public async Task<IReadOnlyList<ProfessionalOption>> ProfessionalsAsync(CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        return (await db.Professionals.AsNoTracking().Where(p => p.IsActive)
            .Join(db.Agencies.Where(a => a.AreaId == area), p => p.AgencyId, a => a.Id,
                (p, a) => new { p.Id, p.Name, p.JobTitle, Agency = a.Name })
            .ToListAsync(cancellationToken))
            .OrderBy(x => x.Agency, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new ProfessionalOption(x.Id, x.Name, x.JobTitle, x.Agency)).ToList();
    }

    public async Task<Handled<ChangedInvolvement>> HandleAsync(PersonId childId, AddInvolvementCommand command, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return Handled.NotFound;
        }

        return await AddAsync(childId, decision, command, cancellationToken).AuditRefusalAsync(audit, "involvement.add", childId, "involvement",
            null, cancellationToken);
    }

    private async Task<Handled<ChangedInvolvement>> AddAsync(PersonId childId, AccessDecision decision, AddInvolvementCommand command,
        CancellationToken cancellationToken)
    {
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

        return await changes.ChangeAsync(childId, decision, professional.AgencyId, null, "involvement.add", team =>
        {
            var outcome = team.Add(professional.Id, professional.AgencyId, role, startedOn, command.MakeLead, user.ProfessionalId, clock.Today());
            if (outcome.Value is { } added)
            {
                db.Involvements.Add(added);
            }

            return outcome;
        }, cancellationToken);
    }
}
