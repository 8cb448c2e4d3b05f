using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Features.Plans.ViewPlan;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Plans.SaveSection;

/// <summary>
/// Writes one section of the draft: a new one (<c>/plans/{id}/sections/new</c>) or a change to one already there. Blank action
/// rows are ignored; a refused action shows its message against that action's field (L23), with what was typed kept.
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class SaveSectionModel(SaveSectionHandler handler, ViewPlanHandler plans, PlanAccessHandler access, ChildBannerHandler banner)
    : PageModel
{
    public const int BlankActions = 2;

    [BindProperty]
    public SectionInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public PlanDetails Plan { get; private set; } = null!;

    public IReadOnlyList<ProfessionalOption> Professionals { get; private set; } = [];

    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, string key, CancellationToken cancellationToken) =>
        await LoadAsync(new PlanId(planId), key, fill: true, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid planId, string key, CancellationToken cancellationToken)
    {
        var id = new PlanId(planId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, key, fill: false, cancellationToken) ? Page() : NotFound();
        }

        var rows = Input.Actions.Select((a, i) => (Action: a, Index: i))
            .Where(x => !string.IsNullOrWhiteSpace(x.Action.What) || x.Action.OwnerId is not null || x.Action.DueOn is not null).ToList();
        var saved = await handler.HandleAsync(id, Guid.TryParse(key, out var k) ? k : null, new SaveSectionCommand
        {
            Kind = Input.Kind,
            Title = Input.Title,
            Text = Input.Text,
            Actions = rows.Select(x => new PlannedActionDraft
            {
                Key = x.Action.Key,
                What = x.Action.What,
                Owner = x.Action.OwnerId is { } o ? new ProfessionalId(o) : null,
                DueOn = x.Action.DueOn,
                Status = x.Action.Status,
            }).ToList(),
            Version = Input.Version,
        }, cancellationToken);
        return await this.AfterChangeAsync(saved, _ => new PageDone("Section saved", $"/plans/{planId}"),
            () => LoadAsync(id, key, fill: saved.Refusal?.IsConflict == true, cancellationToken), fieldFor: f => FieldFor(f, rows));
    }

    /// <summary>"Actions[1].Owner" names the second action sent: on the form it is the row it came from.</summary>
    private static string FieldFor(string field, List<(ActionInput Action, int Index)> rows)
    {
        if (field.StartsWith("Actions[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is var end and > 8
                                                                    && int.TryParse(field[8..end], out var sent) && sent < rows.Count)
        {
            var rest = field[(end + 1)..];
            return $"Input.Actions[{rows[sent].Index}]{(rest == ".Owner" ? ".OwnerId" : rest)}";
        }

        return $"Input.{field}";
    }

    private async Task<bool> LoadAsync(PlanId id, string key, bool fill, CancellationToken cancellationToken)
    {
        if (await plans.HandleAsync(id, cancellationToken) is not { } plan || plan.Draft is not { } draft)
        {
            return false;
        }

        IsNew = key == "new";
        var section = Guid.TryParse(key, out var k) ? draft.Sections.FirstOrDefault(s => s.Key == k) : null;
        if (!IsNew && section is null)
        {
            return false;
        }

        Plan = plan;
        Banner = await banner.LoadAsync(plan.ChildId, cancellationToken);
        Professionals = await access.ProfessionalsAsync(cancellationToken);
        if (fill)
        {
            Input = new SectionInput
            {
                Kind = section?.Kind,
                Title = section?.Title,
                Text = section?.Text,
                Actions = (section?.Actions ?? []).Select(a => new ActionInput
                {
                    Key = a.Key,
                    What = a.What,
                    OwnerId = a.OwnerId.Value,
                    DueOn = a.DueOn,
                    Status = a.Status,
                }).ToList(),
            };
        }

        Input.Version = plan.Version;
        while (Input.Actions.Count(a => a.Key is null && string.IsNullOrWhiteSpace(a.What) && a.OwnerId is null && a.DueOn is null) < BlankActions)
        {
            Input.Actions.Add(new ActionInput());
        }

        return true;
    }

    public sealed class SectionInput
    {
        public PlanSectionKind? Kind { get; set; }
        public string? Title { get; set; }
        public string? Text { get; set; }
        public List<ActionInput> Actions { get; set; } = [];
        public int? Version { get; set; }
    }

    public sealed class ActionInput
    {
        public Guid? Key { get; set; }
        public string? What { get; set; }
        public Guid? OwnerId { get; set; }

        [Display(Name = "Due by")]
        public DateOnly? DueOn { get; set; }
        public PlanActionStatus? Status { get; set; }
    }
}
