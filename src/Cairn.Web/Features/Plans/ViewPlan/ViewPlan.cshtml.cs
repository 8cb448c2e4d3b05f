using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Features.Casework;
using Cairn.Web.Features.Plans.AgreePlan;
using Cairn.Web.Features.Plans.ConfirmSection;
using Cairn.Web.Features.Plans.RemoveSection;
using Cairn.Web.Features.Plans.RevisePlan;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Plans.ViewPlan;

/// <summary>
/// The plan page: what is in force and what is being drafted, and the steps on the draft that need no form of their own —
/// confirm a carried section unchanged, remove a section, start a revision, agree the draft.
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class ViewPlanModel(ViewPlanHandler handler, ConfirmSectionHandler confirm, RemoveSectionHandler remove, RevisePlanHandler revise,
    AgreePlanHandler agree, ChildBannerHandler banner, CaseworkFlagsHandler casework, RecordAccessService access, TimeProvider clock) : PageModel
{
    [BindProperty]
    public AgreeInput Agree { get; set; } = new();

    /// <summary>The plan's version as the person saw it, sent with every step.</summary>
    [BindProperty]
    public int? Version { get; set; }

    public ChildBanner Banner { get; private set; } = null!;

    public PlanDetails Plan { get; private set; } = null!;

    /// <summary>Parents and carers in the household with no current parenting capacity assessment (L32), for a protection plan in force.</summary>
    public IReadOnlyList<MissingParentingAssessment> MissingParentingAssessments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PlanId(planId), cancellationToken))
        {
            return NotFound();
        }

        Agree.AgreedOn = clock.Today();
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid planId, Guid key, CancellationToken cancellationToken) =>
        ActAsync(planId, id => confirm.HandleAsync(id, key, new ConfirmSectionCommand(Version), cancellationToken), "Section confirmed unchanged",
            f => f == "Key" ? $"Section-{key}" : f, cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid planId, Guid key, CancellationToken cancellationToken) =>
        ActAsync(planId, id => remove.HandleAsync(id, key, new RemoveSectionCommand(Version), cancellationToken), "Section removed",
            f => f == "Key" ? $"Section-{key}" : f, cancellationToken);

    public Task<IActionResult> OnPostReviseAsync(Guid planId, CancellationToken cancellationToken) =>
        ActAsync(planId, id => revise.HandleAsync(id, new RevisePlanCommand(Version), cancellationToken),
            "New version started: every section is carried over not reviewed. Confirm or change each one, then agree it.", f => f,
            cancellationToken);

    public Task<IActionResult> OnPostAgreeAsync(Guid planId, CancellationToken cancellationToken) =>
        ActAsync(planId, id => agree.HandleAsync(id, new AgreePlanCommand
        {
            AgreedOn = Agree.AgreedOn,
            AgreedAt = Agree.AgreedAt,
            Version = Version,
        }, cancellationToken), "Plan agreed",
            f => f is "AgreedOn" or "AgreedAt" ? $"Agree.{f}" : f, cancellationToken);

    private async Task<IActionResult> ActAsync(Guid planId, Func<PlanId, Task<Handled<ChangedPlan>>> act, string notice,
        Func<string, string?> fieldFor, CancellationToken cancellationToken)
    {
        var id = new PlanId(planId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        return await this.AfterChangeAsync(await act(id),
            p => new PageDone(p.Scheduled is { } scheduled ? $"{notice}. {scheduled}" : notice, $"/plans/{planId}"),
            () => LoadAsync(id, cancellationToken), fieldFor: fieldFor);
    }

    private async Task<bool> LoadAsync(PlanId id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, cancellationToken) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        Version = plan.Version;
        Banner = await banner.LoadAsync(plan.ChildId, cancellationToken);
        MissingParentingAssessments = await casework.MissingParentingAssessmentsAsync(plan.ChildId,
            await access.VisiblePeopleAsync(cancellationToken), cancellationToken);
        return true;
    }

    /// <summary>The error shown against a section, if any (a carried section not reviewed when agreeing).</summary>
    public string? SectionError(Guid key) =>
        ModelState.TryGetValue($"Section-{key}", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public sealed class AgreeInput
    {
        [Display(Name = "Date agreed")]
        public DateOnly? AgreedOn { get; set; }
        public string? AgreedAt { get; set; }
    }
}
