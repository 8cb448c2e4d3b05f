using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Assessments.ListOverdue;

public sealed record OverdueAssessment(AssessmentId Id, PersonId ChildId, string ChildName, string TypeName, AssessmentStatus Status,
    DateOnly DueOn, string Lead, bool LedByMe, int EscalationLevel, CurrencyView Currency);

/// <summary>Late assessments (T02): the viewer's own, and for a team manager those led by their team's workers.</summary>
public sealed record OverdueAssessments(IReadOnlyList<OverdueAssessment> Mine, IReadOnlyList<OverdueAssessment> Team);

/// <summary>
/// Lists assessments past their due date and not yet authorised: those the viewer leads, and for a team manager those led by
/// the workers of the teams they manage; only children whose records the viewer may open. Each child shown is audited.
/// </summary>
public sealed class ListOverdueHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<OverdueAssessments> HandleAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var today = clock.Today();
        var workers = new List<ProfessionalId> { me };
        if (user.Has(Role.TeamManager))
        {
            workers.AddRange(await db.Professionals.AsNoTracking()
                .Where(p => p.TeamId != null && db.Teams.Any(t => t.Id == p.TeamId && t.ManagerId == me) && p.Id != me)
                .Select(p => p.Id).ToListAsync(cancellationToken));
        }

        var late = await db.Assessments.AsNoTracking()
            .Where(a => workers.Contains(a.LeadId) && a.Status != AssessmentStatus.Authorised && a.DueOn != null && a.DueOn < today)
            .Join(db.People, a => a.ChildId, p => p.Id, (a, p) => new { Assessment = a, p.GivenName, p.FamilyName, p.AreaId })
            .ToListAsync(cancellationToken);
        var visible = await access.VisiblePeopleAsync(cancellationToken);
        late = late.Where(x => visible?.Contains(x.Assessment.ChildId) ?? x.AreaId == user.AreaId).ToList();
        var leads = late.Select(x => x.Assessment.LeadId).Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => leads.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var currencies = new Dictionary<AreaId, AssessmentCurrency>();
        foreach (var area in late.Select(x => x.AreaId).Distinct())
        {
            currencies[area] = await AreaAssessmentCurrency.ForAreaAsync(db, area, cancellationToken);
        }

        var items = late.OrderBy(x => x.Assessment.DueOn).ThenBy(x => x.Assessment.Id.Value)
            .Select(x => new OverdueAssessment(x.Assessment.Id, x.Assessment.ChildId, $"{x.GivenName} {x.FamilyName}", x.Assessment.TypeName,
                x.Assessment.Status, x.Assessment.DueOn!.Value, names.GetValueOrDefault(x.Assessment.LeadId, ""), x.Assessment.LeadId == me,
                x.Assessment.EscalationLevel, CurrencyView.Of(x.Assessment, currencies[x.AreaId], today)))
            .ToList();
        // One entry per child listed, written in one statement on the end of the chain.
        await audit.RecordReadsAsync("assessment.overdue-list", items.Select(i => i.ChildId), null, cancellationToken);

        return new OverdueAssessments(items.Where(i => i.LedByMe).ToList(), items.Where(i => !i.LedByMe).ToList());
    }
}

public sealed class ListOverdueEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/assessments/overdue", async (ListOverdueHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ListOverdueAssessments")
            .WithSummary("Assessments past their due date and not yet authorised (T02): yours, and for a team manager those led by your "
                         + "team's workers; only children whose records you may open.")
            .WithTags("Assessments");
}
