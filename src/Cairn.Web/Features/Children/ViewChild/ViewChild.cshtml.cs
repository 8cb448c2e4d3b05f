using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Chronology;
using Cairn.Web.Features.Chronology;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Children.ViewChild;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewChildModel(ViewChildHandler handler, FrontDoor.ChildContactsHandler frontDoor) : PageModel
{
    public ChildPage Child { get; private set; } = null!;

    public FrontDoor.ChildFrontDoor FrontDoor { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public Guid? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public ChronologyCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public Significance? Significance { get; set; }

    [Display(Name = "From date")]
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [Display(Name = "To date")]
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Household { get; set; }

    /// <summary>From the query alone: Razor Pages' own route value "page" (this page's path) is not a page number.</summary>
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var filter = new ChronologyFilter(Agency is { } a ? new AgencyId(a) : null, Category, Significance, From, To, Household, PageNumber);
        var child = await handler.HandleAsync(new PersonId(id), filter, cancellationToken);
        if (child is null)
        {
            return NotFound();
        }

        Child = child;
        FrontDoor = await frontDoor.LoadAsync(new PersonId(id), cancellationToken);
        return Page();
    }

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["agency"] = Agency?.ToString(),
            ["category"] = Category?.ToString(),
            ["significance"] = Significance?.ToString(),
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["household"] = Household ? "true" : null,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => kv.Value is not null)).ToString();
}
