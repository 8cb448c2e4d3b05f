using Cairn.Domain;
using Cairn.Web.Data;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Disagreements.ViewDisagreement;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewDisagreementModel(ViewDisagreementHandler handler, ChildBannerHandler banner) : PageModel
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

        var outcome = await handler.ResolveAsync(disagreement, Resolve.ToCommand(), cancellationToken);
        return await CompleteAsync(disagreement, outcome, nameof(Resolve), "Outcome recorded: the disagreement is resolved", cancellationToken);
    }

    public async Task<IActionResult> OnPostEscalateAsync(Guid id, CancellationToken cancellationToken)
    {
        Ignore(nameof(Resolve), nameof(Withdraw));
        var disagreement = new DisagreementId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(disagreement, cancellationToken) ? Page() : NotFound();
        }

        var outcome = await handler.EscalateAsync(disagreement, Escalate.ToCommand(), cancellationToken);
        return await CompleteAsync(disagreement, outcome, nameof(Escalate),
            outcome is { Value: { } changed } ? $"Escalated to stage {(int)changed.Stage}" : "", cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken)
    {
        Ignore(nameof(Resolve), nameof(Escalate));
        var disagreement = new DisagreementId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(disagreement, cancellationToken) ? Page() : NotFound();
        }

        var outcome = await handler.WithdrawAsync(disagreement, Withdraw.ToCommand(), cancellationToken);
        return await CompleteAsync(disagreement, outcome, nameof(Withdraw), "Disagreement withdrawn", cancellationToken);
    }

    private async Task<IActionResult> CompleteAsync(DisagreementId id, Outcome<ChangedDisagreement>? outcome, string prefix, string notice,
        CancellationToken cancellationToken)
    {
        if (outcome is not { } result)
        {
            return NotFound();
        }

        if (result.Refusal is { } refusal)
        {
            // A stale version, or a step that is not the person's to take, is about the whole form: the summary links to the top.
            if (refusal.IsConflict || ViewDisagreementHandler.IsNotYours(refusal))
            {
                foreach (var error in refusal.Errors)
                {
                    ModelState.AddModelError(string.Empty, error.Message);
                }
            }
            else
            {
                ModelState.AddRefusal(refusal, prefix);
            }

            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        TempData["Notice"] = notice;
        return Redirect($"/disagreements/{id.Value}");
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

        public EscalateDisagreementCommand ToCommand() =>
            new() { Reason = Reason, NextOwnerId = NextOwnerId is { } next ? new ProfessionalId(next) : null, Version = Version };
    }

    public sealed class WithdrawInput
    {
        public string? Reason { get; set; }
        public int? Version { get; set; }

        public WithdrawDisagreementCommand ToCommand() => new() { Reason = Reason, Version = Version };
    }
}
