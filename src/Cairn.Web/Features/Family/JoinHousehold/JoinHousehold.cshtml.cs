using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Family.JoinHousehold;

[Authorize(Policy = Policies.Professional)]
public sealed class JoinHouseholdModel(JoinHouseholdHandler handler, ChildBannerHandler banner, TimeProvider clock) : PageModel
{
    /// <summary>The radio value for "start a new household".</summary>
    public const string NewHousehold = "new";

    [BindProperty]
    public JoinHouseholdInput Input { get; set; } = new();

    public IReadOnlyList<HouseholdChoice> Choices { get; private set; } = [];

    public ChildBanner Banner { get; private set; } = null!;

    public IEnumerable<(string Value, string Text)> ChoiceItems =>
        Choices.Select(c => (c.Id.Value.ToString(),
            $"{c.Name} – lives there now: {FamilyWords.Others(c.CurrentMembers, c.MembersNotNamed, "no one")}"))
            .Append((NewHousehold, "A new household"));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), cancellationToken))
        {
            return NotFound();
        }

        Input.JoinedOn = clock.Today();
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
        return await this.AfterChangeAsync(handled,
            done => new PageDone(done.Started ? "Household started" : "Added to the household", $"/people/{id}/family#households"),
            () => LoadAsync(personId, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (await handler.ChoicesAsync(id, cancellationToken) is not { } choices)
        {
            return false;
        }

        Choices = choices;
        Banner = await banner.LoadAsync(id, cancellationToken);
        return true;
    }

    public sealed class JoinHouseholdInput
    {
        /// <summary>An existing household's id, or <see cref="NewHousehold"/>.</summary>
        public string? HouseholdId { get; set; }
        public string? NewHouseholdName { get; set; }
        [Display(Name = "Date they moved in")]
        public DateOnly? JoinedOn { get; set; }

        public JoinHouseholdCommand ToCommand() => new()
        {
            HouseholdId = Guid.TryParse(HouseholdId, out var id) ? id : null,
            // Choosing a new household with no name is refused for the name, not for the choice.
            NewHouseholdName = HouseholdId == NewHousehold ? NewHouseholdName ?? "" : null,
            JoinedOn = JoinedOn,
        };
    }
}
