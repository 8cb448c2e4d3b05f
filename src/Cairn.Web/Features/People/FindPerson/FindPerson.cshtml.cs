using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
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

        // A date that would not bind (typed by hand, or a hand-edited link) gets the field's own message, not the framework's.
        if (ModelState[$"{nameof(Input)}.{nameof(Input.DateOfBirth)}"] is { ValidationState: ModelValidationState.Invalid } dateOfBirth)
        {
            dateOfBirth.Errors.Clear();
            dateOfBirth.Errors.Add(FindPersonHandler.InvalidDateOfBirth);
        }

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
        public DateOnly? DateOfBirth { get; set; }
        public string? NhsNumber { get; set; }
        public string? Postcode { get; set; }

        public FindPersonQuery ToQuery() => new(Name, DateOfBirth, NhsNumber, Postcode);
    }
}
