using Cairn.Domain;
using Cairn.Domain.Access;
using Cairn.Domain.Agencies;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Security;

/// <summary>
/// Gathers the facts the domain's <see cref="RecordAccess"/> policy needs for one record, and asks it.
/// Every refusal is audited and reported to callers exactly as "not found".
/// </summary>
public sealed class RecordAccessService(CairnDbContext db, CurrentUser user, TimeProvider clock, AuditLog audit)
{
    private Viewer? _viewer;

    public async Task<Viewer> ViewerAsync(CancellationToken cancellationToken)
    {
        if (_viewer is not null)
        {
            return _viewer;
        }

        var me = user.ProfessionalId;
        var managed = user.Has(Role.TeamManager)
            ? await db.Teams.Where(t => t.ManagerId == me).Select(t => t.Id).ToListAsync(cancellationToken)
            : [];
        _viewer = new Viewer(me, user.AreaId, user.Roles, managed.ToHashSet());
        return _viewer;
    }

    /// <summary>Decides access to a person's record. A person who does not exist is refused like any other.</summary>
    public async Task<AccessDecision> DecideAsync(PersonId person, CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn)
        {
            return AccessDecision.Refused;
        }

        var record = await db.People.Where(p => p.Id == person).Select(p => new { p.AreaId, p.Kind }).FirstOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            return AccessDecision.Refused;
        }

        var subjects = new List<PersonId> { person };
        if (record.Kind == PersonKind.Adult)
        {
            subjects.AddRange(await RelatedChildrenAsync(person, cancellationToken));
        }

        var today = clock.Today();
        var involvements = await db.Involvements
            .Where(i => subjects.Contains(i.ChildId) && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Join(db.Professionals, i => i.ProfessionalId, p => p.Id, (i, p) => new CurrentInvolvement(p.Id, p.TeamId))
            .ToListAsync(cancellationToken);
        return RecordAccess.Decide(await ViewerAsync(cancellationToken), new RecordAccessFacts(record.AreaId, involvements));
    }

    /// <summary>
    /// Whether the signed-in professional may open the record. A refusal is written to the audit log
    /// at once (it is not part of any change), so attempts to look are visible to the safeguarding lead.
    /// </summary>
    public async Task<AccessDecision> OpenAsync(PersonId person, CancellationToken cancellationToken)
    {
        var decision = await DecideAsync(person, cancellationToken);
        if (!decision.Allowed && user.IsSignedIn)
        {
            audit.Record("record.open", person, "person", person.Value, "refused");
            await db.SaveChangesAsync(cancellationToken);
        }

        return decision;
    }

    /// <summary>
    /// The ids of people the viewer may open, or null when their role reaches the whole area (callers then
    /// filter by area). Used to keep search results and lists to need-to-know.
    /// </summary>
    public async Task<HashSet<PersonId>?> VisiblePeopleAsync(CancellationToken cancellationToken)
    {
        var viewer = await ViewerAsync(cancellationToken);
        if (RecordAccess.HasAreaWideReach(viewer))
        {
            return null;
        }

        var today = clock.Today();
        var current = db.Involvements.Where(i => i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today));
        var mine = await current.Where(i => i.ProfessionalId == viewer.Id).Select(i => i.ChildId).ToListAsync(cancellationToken);
        var visible = mine.ToHashSet();
        if (viewer.Has(Role.TeamManager) && viewer.ManagedTeams.Count > 0)
        {
            var teams = viewer.ManagedTeams.ToList();
            var teamChildren = await current
                .Join(db.Professionals.Where(p => p.TeamId != null && teams.Contains(p.TeamId.Value)), i => i.ProfessionalId, p => p.Id,
                    (i, _) => i.ChildId)
                .Where(c => db.People.Any(p => p.Id == c && p.AreaId == viewer.Area))
                .ToListAsync(cancellationToken);
            visible.UnionWith(teamChildren);
        }

        // Adults related to a visible child are visible too: the same rule as DecideAsync, seen from the child. The id
        // lists go as one collection parameter each: a parameter per id is slow to bind for a busy caseload or team.
        var children = visible.ToList();
        var adults = await db.Relationships
            .Where(r => EF.Parameter(children).Contains(r.ToPersonId)).Select(r => r.FromPersonId)
            .Union(db.Relationships.Where(r => EF.Parameter(children).Contains(r.FromPersonId)).Select(r => r.ToPersonId))
            .ToListAsync(cancellationToken);
        var adultIds = await db.People.Where(p => EF.Parameter(adults).Contains(p.Id) && p.Kind == PersonKind.Adult).Select(p => p.Id)
            .ToListAsync(cancellationToken);
        visible.UnionWith(adultIds);
        return visible;
    }

    private async Task<List<PersonId>> RelatedChildrenAsync(PersonId adult, CancellationToken cancellationToken)
    {
        var related = await db.Relationships.Where(r => r.FromPersonId == adult).Select(r => r.ToPersonId)
            .Union(db.Relationships.Where(r => r.ToPersonId == adult).Select(r => r.FromPersonId))
            .ToListAsync(cancellationToken);
        return await db.People.Where(p => related.Contains(p.Id) && p.Kind == PersonKind.Child).Select(p => p.Id).ToListAsync(cancellationToken);
    }
}
