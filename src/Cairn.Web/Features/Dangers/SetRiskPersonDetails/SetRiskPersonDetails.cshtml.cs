using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Web.Data;
using Cairn.Web.Features.Dangers.ListChildDangers;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Dangers.SetRiskPersonDetails;

/// <summary>
/// Where a person posing a risk to a child poses it, and of what (L35): their current address from their address history, or a place
/// of their own with a postcode. Children's social care and the front door, through the handler the API uses (same refusals, same
/// audit entry, 409 when it changed since the form was opened); anyone else who may open the child's record is refused here (403,
/// audited); anyone who may not open it gets 404.
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class SetRiskPersonDetailsModel(ListChildDangersHandler dangers, SetRiskPersonDetailsHandler handler, DangerAccessHandler access,
    ChildBannerHandler banner) : PageModel
{
    public RiskPerson Person { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    /// <summary>The viewer may read but not record: the page shows only why.</summary>
    public bool Refused { get; private set; }

    [BindProperty]
    public RiskPersonInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid relationshipId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), new RelationshipId(relationshipId), cancellationToken))
        {
            return NotFound();
        }

        if (!await access.MayRecordForChildAsync(cancellationToken))
        {
            this.ShowRefusal(DangerAccessHandler.NotTheirs, prefix: "");
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Refused = true;
            return Page();
        }

        Input = InputOf(Person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid relationshipId, CancellationToken cancellationToken)
    {
        var child = new PersonId(id);
        var relationship = new RelationshipId(relationshipId);
        var handled = await handler.HandleAsync(child, relationship, new SetRiskPersonDetailsCommand
        {
            Kind = Input.Kind,
            PlaceName = Input.PlaceName,
            Postcode = Input.Postcode,
            Version = Input.Version,
        }, cancellationToken);
        return await this.AfterChangeAsync(handled, _ => new PageDone("Where the person poses a risk is recorded", $"/people/{id}/dangers"),
            async () =>
            {
                if (!await LoadAsync(child, relationship, cancellationToken))
                {
                    return false;
                }

                // A refused change shows the form again with the version now held; a stale one (409) shows what is held now.
                Input = Response.StatusCode == StatusCodes.Status409Conflict ? InputOf(Person) : Input;
                Input.Version = Person.Version;
                Refused = Response.StatusCode == StatusCodes.Status403Forbidden;
                return true;
            });
    }

    private static RiskPersonInput InputOf(RiskPerson person) => new()
    {
        Kind = person.Danger.Kind,
        PlaceName = person.PlaceName,
        Postcode = person.PlaceName is null ? null : person.Danger.Postcode,
        Version = person.Version,
    };

    private async Task<bool> LoadAsync(PersonId child, RelationshipId relationship, CancellationToken cancellationToken)
    {
        if (await dangers.HandleAsync(child, [], cancellationToken) is not { } page
            || page.People.FirstOrDefault(p => p.RelationshipId == relationship) is not { } person)
        {
            return false;
        }

        Person = person;
        Banner = await banner.LoadAsync(child, cancellationToken);
        return true;
    }

    public sealed class RiskPersonInput
    {
        public RiskKind? Kind { get; set; }

        public string? PlaceName { get; set; }

        public string? Postcode { get; set; }

        public int? Version { get; set; }
    }
}
