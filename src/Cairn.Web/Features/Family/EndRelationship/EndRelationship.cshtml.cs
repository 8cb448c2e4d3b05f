using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Family.EndRelationship;

[Authorize(Policy = Policies.Professional)]
public sealed class EndRelationshipModel(EndRelationshipHandler handler, ChildBannerHandler banner, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EndRelationshipInput Input { get; set; } = new();

    public RelationshipDetails Relationship { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid relationshipId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), new RelationshipId(relationshipId), cancellationToken))
        {
            return NotFound();
        }

        Input.EndedOn = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid relationshipId, CancellationToken cancellationToken)
    {
        var personId = new PersonId(id);
        var relationship = new RelationshipId(relationshipId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(personId, relationship, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.EndAsync(personId, relationship, Input.ToCommand(), cancellationToken);
        return await this.AfterChangeAsync(handled, _ => new PageDone("Relationship ended", $"/people/{id}/family#relationships"),
            () => LoadAsync(personId, relationship, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId id, RelationshipId relationshipId, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, relationshipId, cancellationToken) is not { } relationship)
        {
            return false;
        }

        Relationship = relationship;
        // A re-shown form keeps the version that was posted, so a stale post stays stale.
        Input.Version ??= relationship.Version;
        Banner = await banner.LoadAsync(id, cancellationToken);
        return true;
    }

    public sealed class EndRelationshipInput
    {
        [Display(Name = "Date the relationship ended")]
        public DateOnly? EndedOn { get; set; }
        public int? Version { get; set; }

        public EndRelationshipCommand ToCommand() => new() { EndedOn = EndedOn, Version = Version };
    }
}
