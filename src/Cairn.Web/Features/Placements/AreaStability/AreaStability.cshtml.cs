using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Placements.AreaStability;

/// <summary>One chart on the page: its id (for the caption and title), what it shows, and its bars.</summary>
public sealed record StabilityChart(string Id, string Title, IReadOnlyList<StabilityBar> Bars);

/// <summary>The area's placement stability (L41, L44): bar charts drawn on the server as SVG, each with a table of the same numbers.</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class AreaStabilityModel(AreaStabilityHandler handler) : PageModel
{
    public AreaStabilityView? Stability { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var handled = await handler.HandleAsync(cancellationToken);
        if (handled.Refusal is { } refusal)
        {
            this.ShowRefusal(refusal, prefix: "");
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Stability = handled.Value;
        return Page();
    }
}
