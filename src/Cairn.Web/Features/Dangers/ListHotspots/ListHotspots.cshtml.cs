using Cairn.Domain;
using Cairn.Web.Features.Dangers.EndPlaceOfConcern;
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
public sealed class ListHotspotsModel(ListHotspotsHandler handler, RecordPlaceOfConcernHandler record, EndPlaceOfConcernHandler end,
    TimeProvider clock) : PageModel
{
    public HotspotsPage Hotspots { get; private set; } = new([]);

    /// <summary>The viewer may not see the area's places: the page answers 403 and shows only why, as other pages refuse.</summary>
    public bool Refused { get; private set; }

    [BindProperty]
    public PlaceOfConcernInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        Input.From = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Someone who may not see the area's places may not record one: refused (403, audited) by the list before the form is read.
        if (!await LoadAsync(cancellationToken) || !ModelState.IsValid)
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

    /// <summary>Ends an area-wide place as of today (it stays as history), with the version the page showed.</summary>
    public async Task<IActionResult> OnPostEndAsync(Guid placeId, int? version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        var handled = await end.HandleAsync(new PlaceOfConcernId(placeId), new EndPlaceOfConcernCommand { To = clock.Today(), Version = version },
            cancellationToken);
        return await this.AfterChangeAsync(handled, _ => new PageDone("Place of concern ended", "/places-of-concern"),
            () => LoadAsync(cancellationToken), prefix: "");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(cancellationToken) is not { } page)
        {
            this.ShowRefusal(DangerAccessHandler.AreaNotTheirs, prefix: "");
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Refused = true;
            return false;
        }

        Hotspots = page;
        return true;
    }
}
