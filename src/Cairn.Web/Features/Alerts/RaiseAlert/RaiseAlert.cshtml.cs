using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Alerts;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Alerts.RaiseAlert;

[Authorize(Policy = Policies.Professional)]
public sealed class RaiseAlertModel(RaiseAlertHandler handler, RecordAccessService access, ChildBannerHandler banner, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public RaiseAlertInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), cancellationToken))
        {
            return NotFound();
        }

        Input.RaisedOn = clock.Today();
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
        return await this.AfterChangeAsync(handled, _ => new PageDone("Alert raised", $"/people/{id}"), () => LoadAsync(personId, cancellationToken));
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

    public sealed class RaiseAlertInput
    {
        public AlertCategory? Category { get; set; }
        public string? Risk { get; set; }
        public string? AtRisk { get; set; }
        public string? FromWhom { get; set; }
        public string? Source { get; set; }
        [Display(Name = "Date raised")]
        public DateOnly? RaisedOn { get; set; }
        [Display(Name = "Review date")]
        public DateOnly? ReviewBy { get; set; }
        public string? Description { get; set; }

        public RaiseAlertCommand ToCommand() => new()
        {
            Category = Category,
            Risk = Risk,
            AtRisk = AtRisk,
            FromWhom = FromWhom,
            Source = Source,
            RaisedOn = RaisedOn,
            ReviewBy = ReviewBy,
            Description = Description,
        };
    }
}
