using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Compliance.ViewCompliance;

/// <summary>
/// <c>/compliance</c> (the viewer's scope, narrowed by <c>?team=</c> and <c>?kind=</c>) and <c>/compliance/teams/{teamId}</c>. A page
/// number that does not exist is explained above the first page, never an error page.
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class ViewComplianceModel(ViewComplianceHandler handler, CurrentUser user) : PageModel
{
    public bool SeesArea => ComplianceScope.SeesArea(user);

    public ComplianceView View { get; private set; } = null!;

    /// <summary>The team in the address (the team's page), or null for <c>/compliance</c>.</summary>
    public Guid? TeamId { get; private set; }

    /// <summary>The page number as asked for (read from the query: "page" is also Razor Pages' own route value).</summary>
    public string? PageText => Request.Query["page"].FirstOrDefault();

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindText { get; set; }

    [BindProperty(SupportsGet = true, Name = "team")]
    public string? TeamText { get; set; }

    public StepKind? Kind { get; private set; }

    /// <summary>The address of another page of the same list.</summary>
    public string PageHref(int page)
    {
        var path = TeamId is { } t ? $"/compliance/teams/{t}" : "/compliance";
        var query = new List<string> { $"page={page}" };
        if (Kind is { } k)
        {
            query.Add($"kind={k}");
        }

        if (TeamId is null && Guid.TryParse(TeamText, out var team))
        {
            query.Add($"team={team}");
        }

        return path + "?" + string.Join("&", query);
    }

    public async Task<IActionResult> OnGetAsync(Guid? teamId, CancellationToken cancellationToken)
    {
        TeamId = teamId;
        Guid? team = teamId ?? (Guid.TryParse(TeamText, out var t) ? t : null);
        Kind = Enum.TryParse<StepKind>(KindText, true, out var k) && Enum.IsDefined(k) ? k : null;
        var page = ComplianceStepsHandler.ParsePage(PageText);
        var query = new ComplianceQuery(team is { } id ? new TeamId(id) : null, Kind, page);
        var view = await handler.HandleAsync(query, cancellationToken);
        if (view.Refusal is { } refusal)
        {
            foreach (var error in refusal.Errors)
            {
                ModelState.AddModelError("page", error.Message);
            }

            view = await handler.HandleAsync(query with { Page = 1 }, cancellationToken);
        }

        if (!view.IsDone)
        {
            return NotFound();
        }

        View = view.Value!;
        return Page();
    }
}
