using Cairn.Domain;
using Cairn.Web.Data;
using Cairn.Web.Features.Disagreements.EscalateDisagreement;
using Cairn.Web.Features.Disagreements.ResolveDisagreement;
using Cairn.Web.Features.Disagreements.WithdrawDisagreement;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Disagreements.ViewDisagreement;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewDisagreementModel(ViewDisagreementHandler handler, ResolveDisagreementHandler resolve, EscalateDisagreementHandler escalate,
    WithdrawDisagreementHandler withdraw, ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public ResolveInput Resolve { get; set; } = new();

    [BindProperty]
    public EscalateInput Escalate { get; set; } = new();

    [BindProperty]
    public WithdrawInput Withdraw { get; set; } = new();

    public DisagreementDetails Disagreement { get; private set; } = null!;

    /// <summary>The child's banner (with alerts), shown only to someone who may open the child's record.</summary>
    public ChildBanner? Banner { get; private set; }

    public IReadOnlyList<OwnerOption> NextOwners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new DisagreementId(id), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostResolveAsync(Guid id, CancellationToken cancellationToken)
    {
        Ignore(nameof(Escalate), nameof(Withdraw));
        var disagreement = new DisagreementId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(disagreement, cancellationToken) ? Page() : NotFound();
        }

        var resolved = await resolve.HandleAsync(disagreement, Resolve.ToCommand(), cancellationToken);
        return await CompleteAsync(disagreement, resolved, nameof(Resolve), _ => "Outcome recorded: the disagreement is resolved", cancellationToken);
    }

    public async Task<IActionResult> OnPostEscalateAsync(Guid id, CancellationToken cancellationToken)
    {
        Ignore(nameof(Resolve), nameof(Withdraw));
        var disagreement = new DisagreementId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(disagreement, cancellationToken) ? Page() : NotFound();
        }

        var escalated = await escalate.HandleAsync(disagreement, Escalate.ToCommand(), cancellationToken);
        return await CompleteAsync(disagreement, escalated, nameof(Escalate), changed => $"Escalated to stage {(int)changed.Stage}",
            cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken)
    {
        Ignore(nameof(Resolve), nameof(Escalate));
        var disagreement = new DisagreementId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(disagreement, cancellationToken) ? Page() : NotFound();
        }

        var withdrawn = await withdraw.HandleAsync(disagreement, Withdraw.ToCommand(), cancellationToken);
        return await CompleteAsync(disagreement, withdrawn, nameof(Withdraw), _ => "Disagreement withdrawn", cancellationToken);
    }

    /// <summary>
    /// Done, the notice and back to the disagreement; refused, the page again with the error summary (a stale version or
    /// a step that is not the person's to take is about the whole form, with 409 or 403, as on every page): the summary
    /// says why, and the other forms stay usable.
    /// </summary>
    private async Task<IActionResult> CompleteAsync(DisagreementId id, Handled<ChangedDisagreement> handled, string prefix,
        Func<ChangedDisagreement, string> notice, CancellationToken cancellationToken)
    {
        return await this.AfterChangeAsync(handled, changed => new PageDone(notice(changed), $"/disagreements/{id.Value}"),
            () => LoadAsync(id, cancellationToken), prefix);
    }

    /// <summary>Only one of the forms is posted; the others' inputs are not validated.</summary>
    private void Ignore(params string[] prefixes)
    {
        foreach (var key in ModelState.Keys.Where(k => prefixes.Any(p => k.StartsWith(p + ".", StringComparison.Ordinal))).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task<bool> LoadAsync(DisagreementId id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, cancellationToken) is not { } disagreement)
        {
            return false;
        }

        Disagreement = disagreement;
        // The forms not posted show the version now on screen; the posted one keeps what was sent, so a stale post stays stale.
        Resolve.Version ??= disagreement.Version;
        Escalate.Version ??= disagreement.Version;
        Withdraw.Version ??= disagreement.Version;
        Escalate.NextOwnerId ??= disagreement.SuggestedNextOwnerId?.Value;
        Banner = disagreement.MayOpenChildRecord ? await banner.LoadAsync(disagreement.ChildId, cancellationToken) : null;
        if (disagreement.MayResolveOrEscalate && disagreement.Stage != Domain.Disagreements.Disagreement.LastStage)
        {
            NextOwners = await handler.NextOwnerOptionsAsync(id, cancellationToken);
        }

        return true;
    }

    public sealed class ResolveInput
    {
        public string? Agreed { get; set; }
        public int? Version { get; set; }

        public ResolveDisagreementCommand ToCommand() => new() { Agreed = Agreed, Version = Version };
    }

    public sealed class EscalateInput
    {
        public string? Reason { get; set; }
        public Guid? NextOwnerId { get; set; }
        public int? Version { get; set; }

        public EscalateDisagreementCommand ToCommand() => new()
        {
            Reason = Reason,
            NextOwnerId = NextOwnerId is { } next ? new ProfessionalId(next) : null,
            Version = Version,
        };
    }

    public sealed class WithdrawInput
    {
        public string? Reason { get; set; }
        public int? Version { get; set; }

        public WithdrawDisagreementCommand ToCommand() => new() { Reason = Reason, Version = Version };
    }
}
