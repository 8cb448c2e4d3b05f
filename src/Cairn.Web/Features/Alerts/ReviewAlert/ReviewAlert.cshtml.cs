using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Features.Alerts.CloseAlert;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Alerts.ReviewAlert;

[Authorize(Policy = Policies.Professional)]
public sealed class ReviewAlertModel(ReviewAlertHandler handler, CloseAlertHandler closeAlert, ChildBannerHandler banner, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public ReviewInput Review { get; set; } = new();

    [BindProperty]
    public CloseInput Close { get; set; } = new();

    public AlertDetails Alert { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid alertId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new AlertId(alertId), cancellationToken))
        {
            return NotFound();
        }

        Review.NextReviewBy = clock.Today().AddMonths(3);
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid alertId, CancellationToken cancellationToken)
    {
        Ignore(nameof(Close));
        var id = new AlertId(alertId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.ReviewAsync(id, Review.ToCommand(), cancellationToken);
        return await CompleteAsync(id, handled, nameof(Review), "Review recorded: the alert still stands", cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid alertId, CancellationToken cancellationToken)
    {
        Ignore(nameof(Review));
        var id = new AlertId(alertId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var handled = await closeAlert.HandleAsync(id, Close.ToCommand(), cancellationToken);
        return await CompleteAsync(id, handled, nameof(Close), "Alert closed", cancellationToken);
    }

    private async Task<IActionResult> CompleteAsync(AlertId id, Handled<ChangedAlert> handled, string prefix, string notice,
        CancellationToken cancellationToken)
    {
        return await this.AfterChangeAsync(handled, changed => new PageDone(notice, $"/people/{changed.ChildId.Value}"),
            () => LoadAsync(id, cancellationToken), prefix);
    }

    /// <summary>Only one of the two forms is posted; the other's inputs are not validated.</summary>
    private void Ignore(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task<bool> LoadAsync(AlertId id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, cancellationToken) is not { } alert)
        {
            return false;
        }

        Alert = alert;
        // The form not posted shows the version now on screen; the posted one keeps what was sent, so a stale post stays stale.
        Review.Version ??= alert.Version;
        Close.Version ??= alert.Version;
        Banner = await banner.LoadAsync(alert.ChildId, cancellationToken);
        return true;
    }

    public sealed class ReviewInput
    {
        [Display(Name = "Next review date")]
        public DateOnly? NextReviewBy { get; set; }
        public string? Note { get; set; }
        public int? Version { get; set; }

        public ReviewAlertCommand ToCommand() => new() { NextReviewBy = NextReviewBy, Note = Note, Version = Version };
    }

    public sealed class CloseInput
    {
        public string? Reason { get; set; }
        public int? Version { get; set; }

        public CloseAlertCommand ToCommand() => new() { Reason = Reason, Version = Version };
    }
}
