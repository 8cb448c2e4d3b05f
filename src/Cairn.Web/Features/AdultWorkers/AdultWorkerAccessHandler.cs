using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.People;
using Cairn.Web.Data;
using Cairn.Web.Features.Meetings;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.AdultWorkers;

/// <summary>A professional who may be linked as an adult's allocated worker: active, in an agency of the adult's area.</summary>
public sealed record WorkerOption(ProfessionalId Id, string Name, string JobTitle, AgencyId AgencyId, string Agency);

/// <summary>One allocated worker of an adult, as the pages and the API show it.</summary>
public sealed record AdultWorkerView(long Id, PersonId AdultId, ProfessionalId ProfessionalId, string Name, string JobTitle, string Agency,
    AdultService Service, string ServiceName, DateOnly StartedOn, DateOnly? EndedOn, bool IsCurrent, bool IsActive, int Version, bool MayEnd);

/// <summary>A parent's current allocated worker, as the child's family page shows it: invited to conferences automatically (L29).</summary>
public sealed record ParentWorkerView(PersonId ParentId, string ParentName, string WorkerName, string JobTitle, string Agency, string ServiceName,
    DateOnly StartedOn, bool InvitedAutomatically);

/// <summary>
/// Who may see and change an adult's allocated workers (L29). Anyone who may open the adult's record sees them (an adult's
/// record opens through a related child: <see cref="RecordAccessService"/>). Children's social care may link and end any
/// worker from any agency of the adult's area; any other agency may link and end only its own workers (a mental health
/// trust records its own care coordinator, probation its own officer). Administrators without casework do neither.
/// </summary>
public sealed class AdultWorkerAccessHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, TimeProvider clock)
{
    public const string RecordType = "adult-worker";

    public const string NotTheirAgency = "Only children's social care, or the worker's own agency, can link or end an adult's allocated "
                                         + "worker. Ask the adult's social worker or the worker's agency.";

    public static Refusal NotTheirs => Refusal.NotAllowed("ProfessionalId", NotTheirAgency);

    /// <summary>Whether the viewer may open the adult's record; refusals are audited by the access service and answered as not found.</summary>
    public async Task<bool> OpenAsync(PersonId adult, CancellationToken cancellationToken) =>
        (await access.OpenAsync(adult, cancellationToken)).Allowed;

    /// <summary>Whether the viewer works for children's social care.</summary>
    public Task<bool> IsSocialCareAsync(CancellationToken cancellationToken) =>
        db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.Kind == AgencyKind.ChildrensSocialCare, cancellationToken);

    /// <summary>Whether the viewer may link or end a worker of <paramref name="workerAgency"/>.</summary>
    public bool MayManage(AgencyId workerAgency, bool socialCare) =>
        user.IsSignedIn && !(user.Has(Role.Administrator) && !user.Has(Role.Practitioner)) && (socialCare || user.AgencyId == workerAgency);

    /// <summary>Whether the viewer may link anyone at all: children's social care, or any practitioner for their own agency.</summary>
    public bool MayLinkAny => user.IsSignedIn && !(user.Has(Role.Administrator) && !user.Has(Role.Practitioner));

    /// <summary>
    /// The professionals who may be linked to the adult: active, in an agency of the adult's area; only the viewer's own agency
    /// unless they work for children's social care.
    /// </summary>
    public async Task<IReadOnlyList<WorkerOption>> OptionsAsync(PersonId adult, bool socialCare, CancellationToken cancellationToken)
    {
        var area = await db.People.Where(p => p.Id == adult).Select(p => p.AreaId).SingleAsync(cancellationToken);
        var own = user.AgencyId;
        return (await db.Professionals.AsNoTracking().Where(p => p.IsActive)
                .Join(db.Agencies.Where(a => a.AreaId == area && (socialCare || a.Id == own)), p => p.AgencyId, a => a.Id,
                    (p, a) => new { p.Id, p.Name, p.JobTitle, p.Roles, p.AgencyId, Agency = a.Name })
                .ToListAsync(cancellationToken))
            .Where(p => !p.Roles.HasFlag(Role.Administrator))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new WorkerOption(p.Id, p.Name, p.JobTitle, p.AgencyId, p.Agency)).ToList();
    }

    /// <summary>An adult's workers, current first, then the most recently ended.</summary>
    public async Task<IReadOnlyList<AdultWorkerView>> WorkersOfAsync(PersonId adult, bool socialCare, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var rows = await db.AdultWorkers.AsNoTracking().Where(w => w.AdultId == adult)
            .Join(db.Professionals, w => w.ProfessionalId, p => p.Id, (w, p) => new { w, p.Name, p.JobTitle, p.IsActive })
            .Join(db.Agencies, x => x.w.AgencyId, a => a.Id, (x, a) => new { x.w, x.Name, x.JobTitle, x.IsActive, Agency = a.Name })
            .ToListAsync(cancellationToken);
        return rows
            .Select(x => new AdultWorkerView(x.w.Id, x.w.AdultId, x.w.ProfessionalId, x.Name, x.JobTitle, x.Agency, x.w.Service,
                MeetingSchedulingHandler.ServiceName(x.w.Service), x.w.StartedOn, x.w.EndedOn, x.w.IsCurrentOn(today), x.IsActive, x.w.Version,
                x.w.EndedOn is null && MayManage(x.w.AgencyId, socialCare)))
            .OrderByDescending(w => w.IsCurrent).ThenByDescending(w => w.EndedOn).ThenBy(w => w.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The current allocated workers of a child's parents (L29), for the child's family page: those whose account is active are
    /// invited to the child's conferences and told of them automatically (<see cref="MeetingSchedulingHandler"/>). The caller has
    /// checked the viewer may open the child's record, which opens the parents'.
    /// </summary>
    public async Task<IReadOnlyList<ParentWorkerView>> ParentsWorkersAsync(PersonId child, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var parents = await MeetingSchedulingHandler.ParentsAsync(db, child, cancellationToken);
        if (parents.Count == 0)
        {
            return [];
        }

        var rows = await db.AdultWorkers.AsNoTracking()
            .Where(w => parents.Contains(w.AdultId) && w.StartedOn <= today && (w.EndedOn == null || w.EndedOn >= today))
            .Join(db.Professionals, w => w.ProfessionalId, p => p.Id, (w, p) => new { w, p.Name, p.JobTitle, p.IsActive })
            .Join(db.Agencies, x => x.w.AgencyId, a => a.Id, (x, a) => new { x.w, x.Name, x.JobTitle, x.IsActive, Agency = a.Name })
            .Join(db.People, x => x.w.AdultId, p => p.Id, (x, p) => new { x.w, x.Name, x.JobTitle, x.IsActive, x.Agency, p.GivenName, p.FamilyName })
            .ToListAsync(cancellationToken);
        return rows
            .Select(x => new ParentWorkerView(x.w.AdultId, $"{x.GivenName} {x.FamilyName}", x.Name, x.JobTitle, x.Agency,
                MeetingSchedulingHandler.ServiceName(x.w.Service), x.w.StartedOn, x.IsActive))
            .OrderBy(x => x.ParentName, StringComparer.Ordinal).ThenBy(x => x.WorkerName, StringComparer.Ordinal)
            .ToList();
    }
}
