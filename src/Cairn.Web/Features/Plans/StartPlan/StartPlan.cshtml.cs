using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.People;
using Cairn.Web.Data;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Plans.StartPlan;

[Authorize(Policy = Policies.Professional)]
public sealed class StartPlanModel(StartPlanHandler handler, PlanAccessHandler plans, RecordAccessService access, CairnDbContext db,
    ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public StartPlanInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public IReadOnlyList<ProfessionalOption> Professionals { get; private set; } = [];

    /// <summary>Plans this one can be made from: the child's own, and their brothers' and sisters' the viewer may open.</summary>
    public IReadOnlyList<(string Value, string Text)> Sources { get; private set; } = [];

    /// <param name="episode">From the early help episode page: the episode the early help plan belongs to.</param>
    public async Task<IActionResult> OnGetAsync(Guid id, Guid? episode, CancellationToken cancellationToken)
    {
        if (episode is not null)
        {
            Input.Type = PlanType.EarlyHelp;
            Input.EpisodeId = episode;
        }

        return await LoadAsync(new PersonId(id), cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var childId = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(childId, cancellationToken) ? Page() : NotFound();
        }

        var started = await handler.HandleAsync(childId, new StartPlanCommand
        {
            Type = Input.Type,
            Category = Input.Type == PlanType.ChildProtection ? Input.Category : null,
            LeadId = Input.LeadId is { } lead ? new ProfessionalId(lead) : null,
            SourcePlanId = Input.SourcePlanId is { } source ? new PlanId(source) : null,
            EpisodeId = Input.Type == PlanType.EarlyHelp && Input.EpisodeId is { } episode ? new EarlyHelpEpisodeId(episode) : null,
        }, cancellationToken);
        return await this.AfterChangeAsync(started, p => new PageDone(
                p.DraftNumber is null ? "Plan started" : "Plan started: write its sections, then agree it", $"/plans/{p.Id.Value}"),
            () => LoadAsync(childId, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (!(await access.DecideAsync(id, cancellationToken)).Allowed)
        {
            return false;
        }

        Banner = await banner.LoadAsync(id, cancellationToken);
        Professionals = await plans.ProfessionalsAsync(cancellationToken);
        var siblings = await db.Relationships.AsNoTracking()
            .Where(r => r.Type == RelationshipType.Sibling && r.EndedOn == null && (r.FromPersonId == id || r.ToPersonId == id))
            .Select(r => r.FromPersonId == id ? r.ToPersonId : r.FromPersonId).ToListAsync(cancellationToken);
        var open = new List<PersonId> { id };
        foreach (var sibling in siblings.Distinct())
        {
            if ((await access.DecideAsync(sibling, cancellationToken)).Allowed)
            {
                open.Add(sibling);
            }
        }

        var sources = await db.Plans.AsNoTracking().Include(p => p.Versions).Where(p => open.Contains(p.ChildId))
            .Join(db.People, p => p.ChildId, c => c.Id, (p, c) => new { Plan = p, Child = c.GivenName + " " + c.FamilyName })
            .ToListAsync(cancellationToken);
        Sources = sources.OrderByDescending(s => s.Plan.CreatedAt)
            .Select(s => (s.Plan.Id.Value.ToString(), $"{s.Child}: {s.Plan.TypeName.ToLowerInvariant()}, "
                                                      + $"{Display.Text(s.Plan.Status).ToLowerInvariant()}"
                                                      + (s.Plan.StartedOn is { } on ? $" since {Display.Date(on)}" : ""))).ToList();
        return true;
    }

    public sealed class StartPlanInput
    {
        public PlanType? Type { get; set; }
        public ChildProtectionCategory? Category { get; set; }
        public Guid? LeadId { get; set; }
        public Guid? SourcePlanId { get; set; }

        /// <summary>The early help episode, when started from its page.</summary>
        public Guid? EpisodeId { get; set; }
    }
}
