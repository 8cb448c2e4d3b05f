using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Conditions;
using Cairn.Web.Data;
using Cairn.Web.Features.Placements.ChildPlacements.AgreePlacementPlan;
using Cairn.Web.Features.Placements.ChildPlacements.EndPlacement;
using Cairn.Web.Features.Placements.ChildPlacements.MarkSuitability;
using Cairn.Web.Features.Placements.ChildPlacements.RecordVisit;
using Cairn.Web.Features.Placements.Conditions;
using Cairn.Web.Features.Placements.Conditions.AnswerBreach;
using Cairn.Web.Features.Placements.Conditions.NotifyBreach;
using Cairn.Web.Features.Placements.Conditions.ObserveCondition;
using Cairn.Web.Features.Placements.Conditions.RecordCondition;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.ChildPlacements;

/// <summary>One of the child's risk assessments a breach could be answered by.</summary>
public sealed record RiskAssessmentOption(AssessmentId Id, DateOnly StartedOn);

/// <summary>A person the regulator's or Designated Officer's notice could go to.</summary>
public sealed record ContactOption(ProfessionalId Id, string Text);

/// <summary>
/// A child's placements (L38, L41, L43, L44): stability, the current placement with its commissioned conditions and what has been
/// observed of them, breaches and what they need, and the history. The steps — record a condition, record an observation, link a
/// risk assessment to a breach, tell the regulator or the Designated Officer, end the placement — each go through their own handler.
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class ChildPlacementsModel(ChildPlacementsHandler view, ConditionAccessHandler conditions, RecordConditionHandler record,
    ObserveConditionHandler observe, AnswerBreachHandler answer, NotifyBreachHandler notify, EndPlacementHandler end, RecordVisitHandler visit,
    AgreePlacementPlanHandler plan, MarkSuitabilityHandler suitability, ChildBannerHandler banner,
    CairnDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public ChildPlacementsView Placements { get; private set; } = null!;

    public IReadOnlyList<ConditionView> Conditions { get; private set; } = [];

    public ChildBanner Banner { get; private set; } = null!;

    public bool MayObserve { get; private set; }

    public IReadOnlyList<RiskAssessmentOption> RiskAssessments { get; private set; } = [];

    public IReadOnlyList<ContactOption> Contacts { get; private set; } = [];

    [BindProperty]
    public StepInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), cancellationToken))
        {
            return NotFound();
        }

        Input.ObservedOn = clock.Today();
        Input.VisitedOn = clock.Today();
        Input.AgreedOn = clock.Today();
        Input.SeenAlone = true;
        Input.EndedOn = clock.Today();
        Input.From = Placements.Current?.StartedOn;
        Input.Suitability = Placements.Current?.Suitability;
        Input.SuitabilityReason = Placements.Current?.SuitabilityReason;
        return Page();
    }

    public Task<IActionResult> OnPostConditionAsync(Guid id, Guid placementId, CancellationToken cancellationToken) =>
        AfterAsync(id, false, () => record.HandleAsync(new PlacementId(placementId),
            new RecordConditionCommand { Kind = Input.Kind, Description = Input.Description, From = Input.From }, cancellationToken),
            "Condition recorded", cancellationToken);

    public Task<IActionResult> OnPostObserveAsync(Guid id, CancellationToken cancellationToken) =>
        AfterAsync(id, true, () => observe.HandleAsync(new CommissionedConditionId(Input.ConditionId ?? Guid.Empty), new ObserveConditionCommand
        {
            ObservedOn = Input.ObservedOn,
            Source = Input.Source,
            Delivery = Input.Delivery,
            Note = Input.Note,
            Version = Input.VersionOf(Input.ConditionId),
        }, cancellationToken), "Observation recorded", cancellationToken);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken cancellationToken) =>
        AfterAsync(id, true, () => answer.HandleAsync(new CommissionedConditionId(Input.ConditionId ?? Guid.Empty), new AnswerBreachCommand
        {
            AssessmentId = Input.AssessmentId is { } a ? new AssessmentId(a) : null,
            Version = Input.VersionOf(Input.ConditionId),
        }, cancellationToken), "Risk assessment linked to the breach", cancellationToken);

    public Task<IActionResult> OnPostNotifyAsync(Guid id, CancellationToken cancellationToken) =>
        AfterAsync(id, true, () => notify.HandleAsync(new CommissionedConditionId(Input.ConditionId ?? Guid.Empty), new NotifyBreachCommand
        {
            To = Input.To,
            ProfessionalId = Input.ProfessionalId is { } p ? new ProfessionalId(p) : null,
            Version = Input.VersionOf(Input.ConditionId),
        }, cancellationToken), "Notice sent", cancellationToken);

    public Task<IActionResult> OnPostEndAsync(Guid id, Guid placementId, CancellationToken cancellationToken) =>
        AfterPlacementAsync(id, () => end.HandleAsync(new PlacementId(placementId),
            new EndPlacementCommand { EndedOn = Input.EndedOn, ReasonForChange = Input.ReasonForChange, Version = Input.Version }, cancellationToken),
            "Placement ended", cancellationToken);

    public Task<IActionResult> OnPostVisitAsync(Guid id, Guid placementId, CancellationToken cancellationToken) =>
        AfterPlacementAsync(id, () => visit.HandleAsync(new PlacementId(placementId), new RecordVisitCommand
        {
            VisitedOn = Input.VisitedOn,
            SeenAlone = Input.SeenAlone,
            NotSeenAloneReason = Input.NotSeenAloneReason,
            ChildsViews = Input.ChildsViews,
            Version = Input.Version,
        }, cancellationToken), "Visit recorded", cancellationToken);

    public Task<IActionResult> OnPostPlanAsync(Guid id, Guid placementId, CancellationToken cancellationToken) =>
        AfterPlacementAsync(id, () => plan.HandleAsync(new PlacementId(placementId),
            new AgreePlacementPlanCommand { AgreedOn = Input.AgreedOn, LongTerm = Input.LongTerm, Version = Input.Version }, cancellationToken),
            "Placement plan recorded", cancellationToken);

    public Task<IActionResult> OnPostSuitabilityAsync(Guid id, Guid placementId, CancellationToken cancellationToken) =>
        AfterPlacementAsync(id, () => suitability.HandleAsync(new PlacementId(placementId), new MarkSuitabilityCommand
        {
            Suitability = Input.Suitability,
            Reason = Input.Suitability == PlacementSuitability.Suitable ? null : Input.SuitabilityReason,
            Version = Input.Version,
        }, cancellationToken), "Placement suitability recorded", cancellationToken);

    private async Task<IActionResult> AfterPlacementAsync(Guid id, Func<Task<Handled<PlacementId>>> step, string notice,
        CancellationToken cancellationToken)
    {
        var child = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(child, cancellationToken) ? Page() : NotFound();
        }

        return await this.AfterChangeAsync(await step(), _ => new PageDone(notice, $"/people/{id}/placements"),
            () => LoadAsync(child, cancellationToken));
    }

    private async Task<IActionResult> AfterAsync(Guid id, bool aboutACondition, Func<Task<Handled<ConditionView>>> step, string notice,
        CancellationToken cancellationToken)
    {
        var child = new PersonId(id);
        if (aboutACondition && Input.ConditionId is null)
        {
            ModelState.AddModelError("Input.ConditionId", "Select the condition");
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(child, cancellationToken) ? Page() : NotFound();
        }

        return await this.AfterChangeAsync(await step(), _ => new PageDone(notice, $"/people/{id}/placements"),
            () => LoadAsync(child, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId child, CancellationToken cancellationToken)
    {
        if (await view.HandleAsync(child, cancellationToken) is not { } placements)
        {
            return false;
        }

        Placements = placements;
        Conditions = await conditions.OfChildAsync(child, cancellationToken);
        Banner = await banner.LoadAsync(child, cancellationToken);
        MayObserve = conditions.MayObserve;
        if (placements.MayManage && Conditions.Any(c => c.BreachOpen))
        {
            RiskAssessments = (await db.Assessments.AsNoTracking().Where(a => a.ChildId == child && a.Type == AssessmentType.Risk)
                    .Select(a => new { a.Id, a.StartedOn }).ToListAsync(cancellationToken))
                .OrderByDescending(a => a.StartedOn).Select(a => new RiskAssessmentOption(a.Id, a.StartedOn)).ToList();
            Contacts = (await AreaProfessionals.ActiveAsync(db, user.AreaId, cancellationToken))
                .Select(p => new ContactOption(p.Id, $"{p.Name} – {p.JobTitle}, {p.Agency}")).ToList();
        }

        return true;
    }

    public sealed class StepInput
    {
        public Guid? ConditionId { get; set; }

        public ConditionKind? Kind { get; set; }

        public string? Description { get; set; }

        [Display(Name = "Date the condition applies from")]
        public DateOnly? From { get; set; }

        [Display(Name = "Date observed")]
        public DateOnly? ObservedOn { get; set; }

        public ObservationSource? Source { get; set; }

        public Delivery? Delivery { get; set; }

        public string? Note { get; set; }

        public Guid? AssessmentId { get; set; }

        public BreachAuthority? To { get; set; }

        public Guid? ProfessionalId { get; set; }

        [Display(Name = "Date of the visit")]
        public DateOnly? VisitedOn { get; set; }

        public bool SeenAlone { get; set; }

        public string? NotSeenAloneReason { get; set; }

        public string? ChildsViews { get; set; }

        [Display(Name = "Date the placement plan was agreed")]
        public DateOnly? AgreedOn { get; set; }

        public bool LongTerm { get; set; }

        [Display(Name = "Date the placement ended")]
        public DateOnly? EndedOn { get; set; }

        public string? ReasonForChange { get; set; }

        public PlacementSuitability? Suitability { get; set; }

        public string? SuitabilityReason { get; set; }

        /// <summary>The version of the placement read (ending it).</summary>
        public int? Version { get; set; }

        /// <summary>The version of each condition read, by id: one hidden field per condition, so any form can name any condition.</summary>
        public Dictionary<Guid, int> Versions { get; set; } = [];

        public int? VersionOf(Guid? condition) => condition is { } c && Versions.TryGetValue(c, out var v) ? v : null;
    }
}
