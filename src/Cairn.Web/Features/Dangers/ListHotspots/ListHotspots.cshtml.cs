using Cairn.Web.Features.Dangers.RecordPlaceOfConcern;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Dangers.ListHotspots;

/// <summary>
/// The area's places of concern (L35) and the form that records one (an exploitation hotspot, say): the area's children's social
/// care, police, front door and safeguarding leads, through the handler the API uses (same refusals, same audit entries).
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class ListHotspotsModel(ListHotspotsHandler handler, RecordPlaceOfConcernHandler record, TimeProvider clock) : PageModel
{
    public HotspotsPage Hotspots { get; private set; } = null!;

    [BindProperty]
    public PlaceOfConcernInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        Input.From = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Someone who may not see the area's places may not record one: refused (and audited) by the list before the form is read.
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var handled = await record.HandleAsync(new RecordPlaceOfConcernCommand
        {
            Name = Input.Name,
            Postcode = Input.Postcode,
            Kind = Input.Kind,
            Risk = Input.Risk,
            From = Input.From,
            To = Input.To,
        }, cancellationToken);
        return await this.AfterChangeAsync(handled, _ => new PageDone("Place of concern recorded", "/places-of-concern"),
            () => LoadAsync(cancellationToken));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(cancellationToken) is not { } page)
        {
            return false;
        }

        Hotspots = page;
        return true;
    }
}
