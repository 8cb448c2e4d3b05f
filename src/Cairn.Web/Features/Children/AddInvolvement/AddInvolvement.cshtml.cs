using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Children.AddInvolvement;

[Authorize(Policy = Policies.Professional)]
public sealed class AddInvolvementModel(AddInvolvementHandler handler, RecordAccessService access, ChildBannerHandler banner, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public AddInvolvementInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public IReadOnlyList<ProfessionalOption> Professionals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), cancellationToken))
        {
            return NotFound();
        }

        Input.StartedOn = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var personId = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(personId, cancellationToken) ? Page() : NotFound();
        }

        var added = await handler.HandleAsync(personId, Input.ToCommand(), cancellationToken);
        return await this.AfterChangeAsync(added,
            i => new PageDone(i.IsLeadProfessional ? "Professional added as lead professional" : "Professional added", $"/people/{id}/team"),
            () => LoadAsync(personId, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (!(await access.DecideAsync(id, cancellationToken)).Allowed)
        {
            return false;
        }

        Banner = await banner.LoadAsync(id, cancellationToken);
        Professionals = await handler.ProfessionalsAsync(cancellationToken);
        return true;
    }

    public sealed class AddInvolvementInput
    {
        public Guid? ProfessionalId { get; set; }
        public InvolvementRole? Role { get; set; }
        [Display(Name = "Date involvement started")]
        public DateOnly? StartedOn { get; set; }
        public bool MakeLead { get; set; }

        public AddInvolvementCommand ToCommand() => new()
        {
            ProfessionalId = ProfessionalId is { } p ? new ProfessionalId(p) : null,
            Role = Role,
            StartedOn = StartedOn,
            MakeLead = MakeLead,
        };
    }
}
