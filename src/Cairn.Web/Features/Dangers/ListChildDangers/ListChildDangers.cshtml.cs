using Cairn.Domain;
using Cairn.Web.Features.Dangers.EndPlaceOfConcern;
using Cairn.Web.Features.Dangers.RecordPlaceOfConcern;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Dangers.ListChildDangers;

/// <summary>
/// The people and places posing a risk to a child (L35), and the form that records a place of concern named for the child: children's
/// social care and the front door, through the handler the API uses (same refusals; 404 for anyone who may not open the record).
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class ListChildDangersModel(ListChildDangersHandler handler, RecordPlaceOfConcernHandler record, EndPlaceOfConcernHandler end,
    ChildBannerHandler banner, TimeProvider clock) : PageModel
{
    public ChildDangersPage Dangers { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    [BindProperty]
    public PlaceOfConcernInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), cancellationToken))
        {
            return NotFound();
        }

        Input.From = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var child = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(child, cancellationToken) ? Page() : NotFound();
        }

        var handled = await record.HandleAsync(new RecordPlaceOfConcernCommand
        {
            ChildId = id,
            Name = Input.Name,
            Postcode = Input.Postcode,
            Kind = Input.Kind,
            Risk = Input.Risk,
            From = Input.From,
            To = Input.To,
        }, cancellationToken);
        return await this.AfterChangeAsync(handled, _ => new PageDone("Place of concern recorded", $"/people/{id}/dangers"),
            () => LoadAsync(child, cancellationToken));
    }

    /// <summary>Ends a place named for the child as of today (it stays as history), with the version the page showed.</summary>
    public async Task<IActionResult> OnPostEndAsync(Guid id, Guid placeId, int? version, CancellationToken cancellationToken)
    {
        var handled = await end.HandleAsync(new PlaceOfConcernId(placeId), new EndPlaceOfConcernCommand { To = clock.Today(), Version = version },
            cancellationToken);
        return await this.AfterChangeAsync(handled, _ => new PageDone("Place of concern ended", $"/people/{id}/dangers"),
            () => LoadAsync(new PersonId(id), cancellationToken), prefix: "");
    }

    private async Task<bool> LoadAsync(PersonId child, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(child, [], cancellationToken) is not { } page)
        {
            return false;
        }

        Dangers = page;
        Banner = await banner.LoadAsync(page.ChildId, cancellationToken);
        return true;
    }
}
