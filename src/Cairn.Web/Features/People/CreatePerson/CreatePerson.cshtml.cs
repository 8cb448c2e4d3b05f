using System.ComponentModel.DataAnnotations;
using Cairn.Domain.Children;
using Cairn.Domain.People;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.People.CreatePerson;

[Authorize(Policy = Policies.Professional)]
public sealed class CreatePersonModel(CreatePersonHandler handler, RecordAccessService access) : PageModel
{
    [BindProperty]
    public CreatePersonInput Input { get; set; } = new();

    /// <summary>Set when the details look like someone who already has a record.</summary>
    public PossibleDuplicates? Duplicates { get; private set; }

    public static IEnumerable<(string Value, string Text)> Ethnicities => Ethnicity.Codes.Select(c => (c.Key, c.Value));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var handled = await handler.HandleAsync(Input.ToCommand(), cancellationToken);
        if (handled.Refusal is { } refusal)
        {
            this.ShowRefusal(refusal);
            return Page();
        }

        var result = handled.Value!;
        if (result.Duplicates is { } duplicates)
        {
            Duplicates = duplicates;
            if (result.ReasonMissing)
            {
                ModelState.AddModelError("Input.NotDuplicateReason", CreatePersonEndpoints.ReasonNeeded);
            }

            return Page();
        }

        var id = result.Created!.Value;
        if (!(await access.DecideAsync(id, cancellationToken)).Allowed)
        {
            // An adult's record opens through a child the professional is involved with; until then it is not theirs to see.
            TempData["Notice"] = "Record created. Link the adult to a child you are involved with to open it.";
            return Redirect("/people");
        }

        TempData["Notice"] = "Record created";
        return Redirect($"/people/{id.Value}");
    }

    public sealed class CreatePersonInput
    {
        public PersonKind? Kind { get; set; }
        public string? GivenName { get; set; }
        public string? FamilyName { get; set; }
        [Display(Name = "Date of birth")]
        public DateOnly? DateOfBirth { get; set; }
        [Display(Name = "Expected date of birth")]
        public DateOnly? ExpectedDateOfBirth { get; set; }
        public Sex? Sex { get; set; }
        public string? EthnicityCode { get; set; }
        public string? NhsNumber { get; set; }
        public string? Upn { get; set; }
        public string? FirstLanguage { get; set; }
        public bool InterpreterNeeded { get; set; }
        public InvolvementRole? Role { get; set; }
        public bool ConfirmedNotDuplicate { get; set; }
        public string? NotDuplicateReason { get; set; }

        public CreatePersonCommand ToCommand() => new()
        {
            Kind = Kind,
            GivenName = GivenName,
            FamilyName = FamilyName,
            DateOfBirth = DateOfBirth,
            ExpectedDateOfBirth = ExpectedDateOfBirth,
            Sex = Sex,
            EthnicityCode = EthnicityCode,
            NhsNumber = NhsNumber,
            Upn = Upn,
            FirstLanguage = FirstLanguage,
            InterpreterNeeded = InterpreterNeeded,
            Role = Role,
            ConfirmedNotDuplicate = ConfirmedNotDuplicate,
            NotDuplicateReason = NotDuplicateReason,
        };
    }
}
