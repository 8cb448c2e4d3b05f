using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Shares;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.FrontDoor.RecordContact;

[Authorize(Policy = Policies.Professional)]
public sealed class RecordContactModel(RecordContactHandler handler, RecordAccessService access, ChildBannerHandler banner, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), cancellationToken))
        {
            return NotFound();
        }

        if (!handler.MayRecordContacts)
        {
            return Forbid();
        }

        Input.ReceivedAt = clock.GetUtcNow().ToLondon().DateTime;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var personId = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(personId, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.RecordAsync(Input.ToCommand(personId), cancellationToken);
        return await this.AfterChangeAsync(handled, recorded => new PageDone(
                recorded.Contacts.Count == 1 ? "Contact recorded" : $"{recorded.Contacts.Count} contacts recorded, one for each child",
                $"/contacts/{recorded.Contacts[0].Id.Value}"),
            () => LoadAsync(personId, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (!(await access.DecideAsync(id, cancellationToken)).Allowed)
        {
            return false;
        }

        Banner = await banner.LoadAsync(id, cancellationToken);
        return true;
    }

    public sealed class ContactInput
    {
        [Display(Name = "Date and time received")]
        public DateTime? ReceivedAt { get; set; }
        public ContactSource? Source { get; set; }
        public bool Anonymous { get; set; }
        public string? ReferrerName { get; set; }
        public string? ReferrerOrganisation { get; set; }
        public string? ReferrerRelationship { get; set; }
        public string? ReferrerPhone { get; set; }
        public string? ReferrerEmail { get; set; }
        public string? Concerns { get; set; }
        public List<ConcernTheme> Themes { get; set; } = [];
        public Urgency? Urgency { get; set; }
        public bool IncludeHouseholdChildren { get; set; }

        public RecordContactCommand ToCommand(PersonId child) => new()
        {
            ChildId = child,
            ReceivedAt = ReceivedAt is { } local ? Clock.FromLondon(local) : null,
            Source = Source,
            Anonymous = Anonymous,
            ReferrerName = ReferrerName,
            ReferrerOrganisation = ReferrerOrganisation,
            ReferrerRelationship = ReferrerRelationship,
            ReferrerPhone = ReferrerPhone,
            ReferrerEmail = ReferrerEmail,
            Concerns = Concerns,
            Themes = Themes,
            Urgency = Urgency,
            IncludeHouseholdChildren = IncludeHouseholdChildren,
        };
    }
}
