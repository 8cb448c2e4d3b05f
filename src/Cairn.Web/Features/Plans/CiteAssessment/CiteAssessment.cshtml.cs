using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Data;
using Cairn.Web.Features.Plans.ViewPlan;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Plans.CiteAssessment;

[Authorize(Policy = Policies.Professional)]
public sealed class CiteAssessmentModel(CiteAssessmentHandler handler, ViewPlanHandler plans, CairnDbContext db, ChildBannerHandler banner,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public CiteInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public PlanDetails Plan { get; private set; } = null!;

    /// <summary>The child's authorised assessments, each with its currency: an out-of-date one says so.</summary>
    public IReadOnlyList<(string Value, string Text)> Assessments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken cancellationToken) =>
        await LoadAsync(new PlanId(planId), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken cancellationToken)
    {
        var id = new PlanId(planId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var cited = await handler.HandleAsync(id, new CiteAssessmentCommand
        {
            AssessmentId = Input.AssessmentId is { } a ? new AssessmentId(a) : null,
            Note = Input.Note,
        }, cancellationToken);
        return await this.AfterChangeAsync(cited, _ => new PageDone("Assessment cited", $"/plans/{planId}"), () => LoadAsync(id, cancellationToken));
    }

    private async Task<bool> LoadAsync(PlanId id, CancellationToken cancellationToken)
    {
        if (await plans.HandleAsync(id, cancellationToken) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        Banner = await banner.LoadAsync(plan.ChildId, cancellationToken);
        var currency = await AreaAssessmentCurrency.ForChildAsync(db, plan.ChildId, cancellationToken);
        var today = clock.Today();
        Assessments = (await db.Assessments.AsNoTracking().Where(a => a.ChildId == plan.ChildId && a.CompletedOn != null)
                .ToListAsync(cancellationToken))
            .OrderByDescending(a => a.CompletedOn)
            .Select(a => (a.Id.Value.ToString(), $"{a.TypeName}, completed {Display.Date(a.CompletedOn)}"
                                                 + (a.CurrencyOn(today, currency) == AssessmentCurrencyState.OutOfDate
                                                     ? $" – out of date since {Display.Date(a.CurrentUntil(currency))}"
                                                     : $" – current until {Display.Date(a.CurrentUntil(currency))}"))).ToList();
        return true;
    }

    public sealed class CiteInput
    {
        public Guid? AssessmentId { get; set; }
        public string? Note { get; set; }
    }
}
