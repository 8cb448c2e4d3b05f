using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Children.ChangeLegalStatus;

[Authorize(Policy = Policies.Professional)]
public sealed class ChangeLegalStatusModel(ChangeLegalStatusHandler handler, ChildBannerHandler banner, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ChangeLegalStatusInput Input { get; set; } = new();

    [BindProperty]
    public CodesInput Codes { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public LegalStatusHistory Status { get; private set; } = null!;

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

        var changed = await handler.ChangeAsync(personId, Input.ToCommand(), cancellationToken);
        return await this.AfterChangeAsync(changed,
            s => new PageDone(string.Join(". ", s.Scheduled.Prepend("Legal status recorded")
                .Concat(s.CarePlanDueOn is { } due ? new[] { $"A care plan is due by {due:d MMMM yyyy}" } : [])), $"/people/{id}"),
            () => LoadAsync(personId, cancellationToken));
    }

    /// <summary>Records or corrects the return's codes on one status (the category of need, the reason care ceased).</summary>
    public async Task<IActionResult> OnPostCodesAsync(Guid id, CancellationToken cancellationToken)
    {
        var personId = new PersonId(id);
        var parts = (Codes.Status ?? "").Split(':');
        if (parts.Length != 2 || !Guid.TryParse(parts[0], out var statusId) || !int.TryParse(parts[1], out var version))
        {
            ModelState.AddModelError("Codes.Status", "Select the legal status the codes are for");
            return await LoadAsync(personId, cancellationToken) ? Page() : NotFound();
        }

        var corrected = await handler.CorrectCodesAsync(personId, new LegalStatusId(statusId),
            new CorrectReturnCodesCommand { NeedCode = Codes.NeedCode, ReasonCareCeased = Codes.ReasonCareCeased, Version = version },
            cancellationToken);
        return await this.AfterChangeAsync(corrected, _ => new PageDone("Return codes recorded", $"/people/{id}/legal-status"),
            () => LoadAsync(personId, cancellationToken), prefix: "Codes");
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, cancellationToken) is not { } status)
        {
            return false;
        }

        Status = status;
        Input.CurrentStatusId = status.Current?.Id.Value;
        Banner = await banner.LoadAsync(id, cancellationToken);
        return true;
    }

    /// <summary>The status ("id:version") and the codes to record on it.</summary>
    public sealed class CodesInput
    {
        public string? Status { get; set; }
        public string? NeedCode { get; set; }
        public string? ReasonCareCeased { get; set; }
    }

    public sealed class ChangeLegalStatusInput
    {
        public LegalStatusKind? Kind { get; set; }
        public ChildProtectionCategory? Category { get; set; }
        [Display(Name = "Start date")]
        public DateOnly? From { get; set; }
        public string? Reason { get; set; }
        public Guid? CurrentStatusId { get; set; }
        public string? NeedCode { get; set; }
        public string? ReasonCareCeased { get; set; }

        public ChangeLegalStatusCommand ToCommand() => new()
        {
            Kind = Kind,
            Category = Category,
            From = From,
            Reason = Reason,
            CurrentStatusId = CurrentStatusId is { } c ? new LegalStatusId(c) : null,
            NeedCode = NeedCode,
            ReasonCareCeased = ReasonCareCeased,
        };
    }
}
