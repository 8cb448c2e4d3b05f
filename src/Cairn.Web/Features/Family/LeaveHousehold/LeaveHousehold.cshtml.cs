using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Family.LeaveHousehold;

[Authorize(Policy = Policies.Professional)]
public sealed class LeaveHouseholdModel(LeaveHouseholdHandler handler, ChildBannerHandler banner, TimeProvider clock) : PageModel
{
    [BindProperty]
    public LeaveHouseholdInput Input { get; set; } = new();

    public HouseholdDetails Household { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid householdId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), new HouseholdId(householdId), cancellationToken))
        {
            return NotFound();
        }

        Input.LeftOn = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid householdId, CancellationToken cancellationToken)
    {
        var personId = new PersonId(id);
        var household = new HouseholdId(householdId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(personId, household, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.LeaveAsync(personId, household, Input.ToCommand(), cancellationToken);
        return await this.AfterChangeAsync(handled, _ => new PageDone("Move out recorded", $"/people/{id}/family#households"),
            () => LoadAsync(personId, household, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId id, HouseholdId householdId, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, householdId, cancellationToken) is not { } household)
        {
            return false;
        }

        Household = household;
        // A re-shown form keeps the version that was posted, so a stale post stays stale.
        Input.Version ??= household.Version;
        Banner = await banner.LoadAsync(id, cancellationToken);
        return true;
    }

    public sealed class LeaveHouseholdInput
    {
        [Display(Name = "Date they moved out")]
        public DateOnly? LeftOn { get; set; }
        public int? Version { get; set; }

        public LeaveHouseholdCommand ToCommand() => new() { LeftOn = LeftOn, Version = Version };
    }
}
