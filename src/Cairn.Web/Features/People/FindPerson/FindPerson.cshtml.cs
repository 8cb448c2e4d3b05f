using System.ComponentModel.DataAnnotations;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.People.FindPerson;

[Authorize(Policy = Policies.Professional)]
public sealed class FindPersonModel(FindPersonHandler handler) : PageModel
{
    /// <summary>A GET form, so a search can be bookmarked and the back button works; the terms are bound without a prefix.</summary>
    [BindProperty(SupportsGet = true)]
    public FindPersonInput Input { get; set; } = new();

    /// <summary>Null until a search has been made.</summary>
    public FoundPeople? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Request.Query.ContainsKey("search"))
        {
            ModelState.Clear();
            return Page();
        }

        // A date of birth partly typed or not real has the date input's own message ("Date of birth must include a month").
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var found = await handler.HandleAsync(Input.ToQuery(), cancellationToken);
        if (found.Refusal is { } refusal)
        {
            this.ShowRefusal(refusal);
            return Page();
        }

        Results = found.Value;
        return Page();
    }

    public sealed class FindPersonInput
    {
        public string? Name { get; set; }
        [Display(Name = "Date of birth")]
        public DateOnly? DateOfBirth { get; set; }
        public string? NhsNumber { get; set; }
        public string? Postcode { get; set; }

        public FindPersonQuery ToQuery() => new(Name, DateOfBirth, NhsNumber, Postcode);
    }
}
