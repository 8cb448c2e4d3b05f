using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Data;
using Cairn.Web.Features.Enquiries;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.LeadPractitioners;

/// <summary>One lead child protection practitioner, current or past, as the page and the API show it.</summary>
public sealed record LeadView(long Id, ProfessionalId ProfessionalId, string Name, string JobTitle, string Agency, DateOnly From, DateOnly? To,
    bool NamedAtMeeting, string? Reason, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// A child's lead child protection practitioner: the current one (and its id, to send with a change), the history, the
/// multi-agency child protection team, and whether the viewer may change the lead (with whom they may choose).
/// </summary>
public sealed record LeadPractitionerPage(PersonId ChildId, LeadView? Current, IReadOnlyList<LeadView> History, IReadOnlyList<TeamCover> Team,
    bool MayChange, IReadOnlyList<LeadOption> Options);

/// <summary>One of the four agencies of the multi-agency child protection team, and who covers it among the child's current involvements.</summary>
public sealed record TeamCover(string Agency, bool Covered, IReadOnlyList<string> Agencies);

/// <summary>
/// Reading a child's lead child protection practitioner, with history, and the multi-agency child protection team their current
/// involvements make up (police, health, education and children's social care). The callers check the viewer may open the record.
/// </summary>
public sealed class LeadPractitionerHistoryHandler(CairnDbContext db, EnquiryAccessHandler socialWorkers, CurrentUser user, TimeProvider clock)
{
    public const string RecordType = "lead-practitioner";

    public const string ManagersOnly = "Only a team manager in children's social care can change the lead child protection practitioner.";

    /// <summary>Whether the viewer, who may open the child's record, may change the lead: a team manager in children's social care.</summary>
    public async Task<bool> MayChangeAsync(CancellationToken cancellationToken) =>
        user.IsSignedIn && user.Has(Role.TeamManager)
                        && await db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.Kind == AgencyKind.ChildrensSocialCare, cancellationToken);

    /// <summary>The page's facts; the caller has checked the viewer may open the child's record and audited the read.</summary>
    public async Task<LeadPractitionerPage> PageAsync(PersonId child, CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(child, cancellationToken);
        var mayChange = await MayChangeAsync(cancellationToken);
        return new LeadPractitionerPage(child, history.FirstOrDefault(l => l.To is null), history, await TeamAsync(child, cancellationToken),
            mayChange, mayChange ? await socialWorkers.LeadOptionsAsync(child, cancellationToken) : []);
    }

    /// <summary>Every lead the child has had, current first, then newest first.</summary>
    public async Task<IReadOnlyList<LeadView>> HistoryAsync(PersonId child, CancellationToken cancellationToken)
    {
        var rows = await db.LeadPractitioners.AsNoTracking().Where(l => l.ChildId == child)
            .Join(db.Professionals, l => l.ProfessionalId, p => p.Id, (l, p) => new { l, p.Name, p.JobTitle, p.AgencyId })
            .Join(db.Agencies, x => x.AgencyId, a => a.Id, (x, a) => new { x.l, x.Name, x.JobTitle, Agency = a.Name })
            .Join(db.Professionals, x => x.l.RecordedBy, p => p.Id, (x, p) => new { x.l, x.Name, x.JobTitle, x.Agency, By = p.Name })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(x => x.l.To is null ? 0 : 1).ThenByDescending(x => x.l.From).ThenByDescending(x => x.l.RecordedAt)
            .Select(x => new LeadView(x.l.Id, x.l.ProfessionalId, x.Name, x.JobTitle, x.Agency, x.l.From, x.l.To, x.l.NamedAt is not null, x.l.Reason,
                x.By, x.l.RecordedAt))
            .ToList();
    }

    /// <summary>The current lead, if any.</summary>
    public async Task<LeadView?> CurrentAsync(PersonId child, CancellationToken cancellationToken) =>
        (await HistoryAsync(child, cancellationToken)).FirstOrDefault(l => l.To is null);

    /// <summary>Which of police, health, education and children's social care the child's current involvements cover.</summary>
    public async Task<IReadOnlyList<TeamCover>> TeamAsync(PersonId child, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var agencies = await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == child && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Join(db.Agencies, i => i.AgencyId, a => a.Id, (i, a) => new { a.Name, a.Kind })
            .Distinct().ToListAsync(cancellationToken);
        return
        [
            Cover("Police", AgencyKind.Police),
            Cover("Health", AgencyKind.GeneralPractice, AgencyKind.HealthVisiting, AgencyKind.Midwifery, AgencyKind.Hospital, AgencyKind.Camhs),
            Cover("Education", AgencyKind.School),
            Cover("Children's social care", AgencyKind.ChildrensSocialCare),
        ];

        TeamCover Cover(string name, params AgencyKind[] kinds)
        {
            var names = agencies.Where(a => kinds.Contains(a.Kind)).Select(a => a.Name).Distinct().Order(StringComparer.Ordinal).ToList();
            return new TeamCover(name, names.Count > 0, names);
        }
    }
}
