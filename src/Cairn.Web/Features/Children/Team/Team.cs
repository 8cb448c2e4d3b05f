using Cairn.Domain;
using Cairn.Domain.Access;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Children.Team;

public sealed record InvolvementView
{
    public required InvolvementId Id { get; init; }
    public required ProfessionalId ProfessionalId { get; init; }
    public required string Name { get; init; }
    public required string JobTitle { get; init; }
    public required AgencyId AgencyId { get; init; }
    public required string Agency { get; init; }
    public required AgencyKind AgencyKind { get; init; }
    public required InvolvementRole Role { get; init; }
    public required bool IsLeadProfessional { get; init; }
    public required string Email { get; init; }
    public string? Phone { get; init; }
    public required DateOnly StartedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public required int Version { get; init; }
    public required bool MayChange { get; init; }
}

/// <summary>The team around the child now, and who was involved before (L19, L26).</summary>
public sealed record TeamView(PersonId ChildId, IReadOnlyList<InvolvementView> Current, IReadOnlyList<InvolvementView> Past);

/// <summary>
/// Reads the team around the child, with whether the viewer may change each involvement (<see cref="TeamChanges"/>).
/// The changes are their own slices (add, end, make lead), through <see cref="InvolvementChangesHandler"/>.
/// </summary>
public sealed class TeamHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
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
            return new InvolvementView
            {
                Id = i.Id,
                ProfessionalId = p.Id,
                Name = p.Name,
                JobTitle = p.JobTitle,
                AgencyId = i.AgencyId,
                Agency = agency,
                AgencyKind = kind,
                Role = i.Role,
                IsLeadProfessional = i.IsLeadProfessional,
                Email = p.Email,
                Phone = p.Phone,
                StartedOn = i.StartedOn,
                EndedOn = i.EndedOn,
                Version = i.Version,
                MayChange = TeamChanges.MayChange(viewer, decision, user.AgencyId, i.AgencyId, current),
            };
        }

        return new TeamView(
            childId,
            current.OrderByDescending(i => i.IsLeadProfessional).ThenBy(i => i.Role).Select(View).ToList(),
            involvements.Except(current).OrderByDescending(i => i.EndedOn ?? i.StartedOn).Select(View).ToList());
    }
}
