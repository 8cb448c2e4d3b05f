using Cairn.Domain;
using Cairn.Web.Data;
using Cairn.Web.Features.Placements.Referrals.CiteReferralAssessment;
using Cairn.Web.Features.Placements.Referrals.OverrideReferralCurrency;
using Cairn.Web.Features.Placements.Referrals.SubmitReferral;
using Cairn.Web.Features.Placements.Referrals.WithdrawReferral;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Referrals.ViewReferral;

/// <summary>One of the child's authorised assessments the referral could cite.</summary>
public sealed record CitableAssessment(AssessmentId Id, string Name, DateOnly? CompletedOn);

/// <summary>
/// A placement referral's page (L33, L40): what it says, its quality line by line, the assessments it rests on, and the steps
/// the viewer may take — cite an assessment, submit, a manager's override, withdraw — each through its own handler.
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class ViewReferralModel(ViewReferralHandler view, ReferralAccessHandler referrals, CiteReferralAssessmentHandler cite,
    SubmitReferralHandler submit, OverrideReferralCurrencyHandler overrides, WithdrawReferralHandler withdraw, ChildBannerHandler banner,
    CairnDbContext db) : PageModel
{
    public ReferralView Referral { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public bool MayChange { get; private set; }

    public bool IsManager { get; private set; }

    public IReadOnlyList<CitableAssessment> Citable { get; private set; } = [];

    [BindProperty]
    public StepInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new PlacementReferralId(id), cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostCiteAsync(Guid id, CancellationToken cancellationToken) =>
        AfterAsync(id, cite.CiteAsync(new PlacementReferralId(id), new CiteReferralAssessmentCommand
        {
            AssessmentId = Input.AssessmentId is { } a ? new AssessmentId(a) : null,
            Version = Input.Version,
        }, cancellationToken), "Assessment cited", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid assessmentId, CancellationToken cancellationToken) =>
        AfterAsync(id, cite.RemoveAsync(new PlacementReferralId(id), new AssessmentId(assessmentId), Input.Version, cancellationToken),
            "Assessment taken off the referral", cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        AfterAsync(id, submit.HandleAsync(new PlacementReferralId(id), new SubmitReferralCommand { Version = Input.Version }, cancellationToken),
            "Referral submitted for a placement", cancellationToken);

    public Task<IActionResult> OnPostOverrideAsync(Guid id, CancellationToken cancellationToken) =>
        AfterAsync(id, overrides.HandleAsync(new PlacementReferralId(id),
            new OverrideReferralCurrencyCommand { Reason = Input.Reason, Version = Input.Version }, cancellationToken),
            "The referral may go on the assessments cited", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken) =>
        AfterAsync(id, withdraw.HandleAsync(new PlacementReferralId(id),
            new WithdrawReferralCommand { Reason = Input.WithdrawReason, Version = Input.Version }, cancellationToken),
            "Referral withdrawn", cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, Task<Handled<ReferralView>> step, string notice, CancellationToken cancellationToken)
    {
        var referral = new PlacementReferralId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(referral, cancellationToken) ? Page() : NotFound();
        }

        return await this.AfterChangeAsync(await step, _ => new PageDone(notice, $"/placement-referrals/{id}"),
            () => LoadAsync(referral, cancellationToken), fieldFor: field => field switch
            {
                "Reason" => Input.WithdrawReason is null ? "Input.Reason" : "Input.WithdrawReason",
                _ => $"Input.{field}",
            });
    }

    private async Task<bool> LoadAsync(PlacementReferralId id, CancellationToken cancellationToken)
    {
        if (await view.HandleAsync(id, cancellationToken) is not { } referral)
        {
            return false;
        }

        Referral = referral;
        Input.Version = referral.Version;
        MayChange = referral.IsOpen && await referrals.MayChangeAsync(cancellationToken);
        IsManager = referral.IsOpen && await referrals.IsManagerAsync(cancellationToken);
        Banner = await banner.LoadAsync(referral.ChildId, cancellationToken);
        var cited = referral.Assessments.Select(a => a.Id).ToList();
        Citable = MayChange
            ? (await db.Assessments.AsNoTracking().Where(a => a.ChildId == referral.ChildId && a.CompletedOn != null && !cited.Contains(a.Id))
                    .ToListAsync(cancellationToken))
                .OrderByDescending(a => a.CompletedOn).Select(a => new CitableAssessment(a.Id, a.TypeName, a.CompletedOn)).ToList()
            : [];
        return true;
    }

    public sealed class StepInput
    {
        public Guid? AssessmentId { get; set; }

        public string? Reason { get; set; }

        public string? WithdrawReason { get; set; }

        public int? Version { get; set; }
    }
}
