using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Compliance.ViewChildCompliance;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewChildComplianceModel(ViewChildComplianceHandler handler, ChildBannerHandler banner) : PageModel
{
    public ChildBanner Banner { get; private set; } = null!;

    public CompliancePage Steps { get; private set; } = null!;

    public OnTimeRates OnTime { get; private set; } = null!;

    public Guid ChildId { get; private set; }

    /// <summary>The page number as asked for (read from the query: "page" is also Razor Pages' own route value).</summary>
    public string? PageText => Request.Query["page"].FirstOrDefault();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        ChildId = id;
        var child = new PersonId(id);
        var steps = await handler.StepsAsync(child, ComplianceStepsHandler.ParsePage(PageText), cancellationToken);
        if (steps.Refusal is { } refusal)
        {
            foreach (var error in refusal.Errors)
            {
                ModelState.AddModelError("page", error.Message);
            }

            steps = await handler.StepsAsync(child, 1, cancellationToken);
        }

        if (!steps.IsDone)
        {
            return NotFound();
        }

        Steps = steps.Value!;
        Banner = await banner.LoadAsync(child, cancellationToken);
        OnTime = await handler.OnTimeAsync(child, cancellationToken);
        return Page();
    }
}
