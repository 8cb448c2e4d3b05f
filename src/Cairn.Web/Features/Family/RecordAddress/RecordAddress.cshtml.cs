using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Family.RecordAddress;

[Authorize(Policy = Policies.Professional)]
public sealed class RecordAddressModel(RecordAddressHandler handler, ChildBannerHandler banner, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RecordAddressInput Input { get; set; } = new();

    public AddressForm Form { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

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
        var personId = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(personId, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.HandleAsync(personId, Input.ToCommand(), cancellationToken);
        return await this.AfterChangeAsync(handled, _ => new PageDone("Address recorded", $"/people/{id}/family#addresses"),
            () => LoadAsync(personId, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (await handler.FormAsync(id, cancellationToken) is not { } form)
        {
            return false;
        }

        Form = form;
        // The first showing carries the current address as it is now; a re-shown form keeps what was posted, so a stale post stays stale.
        if (!Request.HasFormContentType)
        {
            Input.CurrentAddressId = form.Current?.Id.Value;
            Input.Version = form.Current?.Version;
        }

        Banner = await banner.LoadAsync(id, cancellationToken);
        return true;
    }

    public sealed class RecordAddressInput
    {
        public string? Line1 { get; set; }
        public string? Line2 { get; set; }
        public string? Town { get; set; }
        public string? Postcode { get; set; }
        [Display(Name = "Date they moved in")]
        public DateOnly? From { get; set; }
        public Guid? CurrentAddressId { get; set; }
        public int? Version { get; set; }

        public RecordAddressCommand ToCommand() => new()
        {
            Line1 = Line1,
            Line2 = Line2,
            Town = Town,
            Postcode = Postcode,
            From = From,
            CurrentAddressId = CurrentAddressId,
            Version = Version,
        };
    }
}
