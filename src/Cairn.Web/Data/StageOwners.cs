using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Disagreements;
using Cairn.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Data;

public sealed record OwnerOption(ProfessionalId Id, string Name, string JobTitle, string Agency);

/// <summary>
/// The area's disagreement timescales, from configuration (<c>Cairn:Disagreements:PractitionersWorkingDays</c>,
/// <c>ManagersWorkingDays</c>, <c>SeniorLeadsWorkingDays</c>; 5, 5 and 10 when not set), on the England and Wales
/// working-day calendar.
/// </summary>
public static class DisagreementSettings
{
    private static readonly WorkingCalendar Calendar = new(EnglandAndWales.BankHolidays);

    public static DisagreementRules RulesFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection("Cairn:Disagreements");
        var defaults = DisagreementTimescales.Default;
        return new DisagreementRules(Calendar, new DisagreementTimescales(
            section.GetValue("PractitionersWorkingDays", defaults.PractitionersWorkingDays),
            section.GetValue("ManagersWorkingDays", defaults.ManagersWorkingDays),
            section.GetValue("SeniorLeadsWorkingDays", defaults.SeniorLeadsWorkingDays)));
    }
}

/// <summary>
/// Who may own a stage: active professionals of an agency in the child's area, other than administrators (whose job
/// gives them no reach into children's records); and the ladder a stage goes up.
/// </summary>
public static class StageOwners
{
    public const string NotInArea = "Select a professional who works in this child's area";

    /// <summary>Active professionals in the area, by agency then name, for choosing a stage owner.</summary>
    public static async Task<IReadOnlyList<OwnerOption>> InAreaAsync(CairnDbContext db, AreaId area, CancellationToken cancellationToken,
        DisagreementStage stage = DisagreementStage.Practitioners) =>
        (await Eligible(db)
            .Join(db.Agencies.Where(a => a.AreaId == area), p => p.AgencyId, a => a.Id,
                (p, a) => new { p.Id, p.Name, p.JobTitle, p.Roles, Agency = a.Name })
            .ToListAsync(cancellationToken))
        .Where(x => Holds(x.Roles, stage))
        .OrderBy(x => x.Agency, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal)
        .Select(x => new OwnerOption(x.Id, x.Name, x.JobTitle, x.Agency)).ToList();

    /// <summary>
    /// Who a stage is between (L15, L16): stage 1 any practitioner; stage 2 managers (a team manager, a safeguarding
    /// lead or a head of service); stage 3 senior leads (a safeguarding lead or a head of service).
    /// </summary>
    public static Role SeniorityFor(DisagreementStage stage) => stage switch
    {
        DisagreementStage.Managers => Role.TeamManager | Role.SafeguardingLead | Role.HeadOfService,
        DisagreementStage.SeniorLeads => Role.SafeguardingLead | Role.HeadOfService,
        _ => Role.Practitioner | Role.TeamManager | Role.FrontDoor | Role.SafeguardingLead | Role.EmergencyDuty | Role.HeadOfService,
    };

    public static bool Holds(Role roles, DisagreementStage stage) => (roles & SeniorityFor(stage)) != 0;

    public static string NotSeniorEnough(DisagreementStage stage) => stage == DisagreementStage.SeniorLeads
        ? "Select a safeguarding lead or head of service: stage 3 is between senior leads"
        : "Select a manager, safeguarding lead or head of service: stage 2 is between managers";

    /// <summary>
    /// Why this professional may not own <paramref name="stage"/> of a disagreement about a child in <paramref name="area"/>,
    /// or null if they may.
    /// </summary>
    public static async Task<string?> RefuseOwnerAsync(CairnDbContext db, ProfessionalId professional, AreaId area, DisagreementStage stage,
        CancellationToken cancellationToken)
    {
        var roles = await Eligible(db).Where(p => p.Id == professional)
            .Join(db.Agencies.Where(a => a.AreaId == area), p => p.AgencyId, a => a.Id, (p, _) => (Role?)p.Roles)
            .FirstOrDefaultAsync(cancellationToken);
        return roles is not { } held ? NotInArea : Holds(held, stage) ? null : NotSeniorEnough(stage);
    }

    public static Task<AreaId> AreaOfChildAsync(CairnDbContext db, PersonId child, CancellationToken cancellationToken) =>
        db.People.Where(p => p.Id == child).Select(p => p.AreaId).SingleAsync(cancellationToken);

    /// <summary>
    /// Who could own the next stage, best first: for stage 2 the raiser's team manager, then the current owner's
    /// team manager; for either stage the area's safeguarding leads after that. The domain passes over anyone who
    /// may not own it (<see cref="Disagreement.MayOwnNextStage"/>); with nobody left it is flagged for the partnership.
    /// </summary>
    public static async Task<IReadOnlyList<ProfessionalId>> LadderAsync(CairnDbContext db, Disagreement disagreement,
        CancellationToken cancellationToken)
    {
        if (disagreement.Stage == Disagreement.LastStage)
        {
            return [];
        }

        var area = await AreaOfChildAsync(db, disagreement.ChildId, cancellationToken);
        var ladder = new List<ProfessionalId>();
        if (disagreement.Stage + 1 == DisagreementStage.Managers)
        {
            ladder.AddRange(await ManagersOfAsync(db, [disagreement.RaisedBy, disagreement.OwnerId], cancellationToken));
        }

        var leads = await Eligible(db)
            .Where(p => (p.Roles & Role.SafeguardingLead) == Role.SafeguardingLead)
            .Join(db.Agencies.Where(a => a.AreaId == area), p => p.AgencyId, a => a.Id, (p, _) => new { p.Id, p.Name })
            .ToListAsync(cancellationToken);
        ladder.AddRange(leads.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => l.Id));

        var eligible = new List<ProfessionalId>();
        foreach (var candidate in ladder.Distinct())
        {
            if (await RefuseOwnerAsync(db, candidate, area, disagreement.Stage + 1, cancellationToken) is null)
            {
                eligible.Add(candidate);
            }
        }

        return eligible;
    }

    /// <summary>The first professional on the ladder who may own the next stage: what the escalate form suggests.</summary>
    public static async Task<ProfessionalId?> SuggestedNextOwnerAsync(CairnDbContext db, Disagreement disagreement,
        CancellationToken cancellationToken) =>
        (await LadderAsync(db, disagreement, cancellationToken)).Where(disagreement.MayOwnNextStage).Select(p => (ProfessionalId?)p).FirstOrDefault();

    private static IQueryable<Professional> Eligible(CairnDbContext db) =>
        db.Professionals.AsNoTracking().Where(p => p.IsActive && (p.Roles & Role.Administrator) != Role.Administrator);

    /// <summary>The team managers of these professionals, in the same order.</summary>
    private static async Task<List<ProfessionalId>> ManagersOfAsync(CairnDbContext db, ProfessionalId[] professionals,
        CancellationToken cancellationToken)
    {
        var rows = await db.Professionals.AsNoTracking().Where(p => professionals.Contains(p.Id) && p.TeamId != null)
            .Join(db.Teams.WithActiveManager(db), p => p.TeamId, t => (TeamId?)t.Id,
                (p, t) => new { p.Id, Manager = t.ManagerId!.Value })
            .ToListAsync(cancellationToken);
        return professionals.SelectMany(p => rows.Where(r => r.Id == p).Select(r => r.Manager)).ToList();
    }
}
