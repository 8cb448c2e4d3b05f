using Cairn.Domain;
using Cairn.Domain.Disagreements;
using Cairn.Domain.People;
using Cairn.Web.Data;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Disagreements.RaiseDisagreement;

[Authorize(Policy = Policies.Professional)]
public sealed class RaiseDisagreementModel(RaiseDisagreementHandler handler, RecordAccessService access, ChildBannerHandler banner,
    CairnDbContext db, CurrentUser user, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public RaiseDisagreementInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public IReadOnlyList<OwnerOption> Owners { get; private set; } = [];

    public IReadOnlyList<DecisionEntryOption> Entries { get; private set; } = [];

    public DisagreementTimescales Timescales { get; } = DisagreementSettings.RulesFrom(configuration).Timescales;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new PersonId(id), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var personId = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(personId, cancellationToken) ? Page() : NotFound();
        }

        var raised = await handler.HandleAsync(personId, Input.ToCommand(), cancellationToken);
        return await this.AfterChangeAsync(raised, d => new PageDone("Disagreement raised", $"/disagreements/{d.Id.Value}"),
            () => LoadAsync(personId, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (!(await access.DecideAsync(id, cancellationToken)).Allowed)
        {
            return false;
        }

        Banner = await banner.LoadAsync(id, cancellationToken);
        if (Banner.Kind != PersonKind.Child)
        {
            return false;
        }

        var me = user.ProfessionalId;
        Owners = (await StageOwners.InAreaAsync(db, await StageOwners.AreaOfChildAsync(db, id, cancellationToken), cancellationToken))
            .Where(o => o.Id != me).ToList();
        Entries = await handler.RecentEntriesAsync(id, cancellationToken);
        return true;
    }

    public sealed class RaiseDisagreementInput
    {
        public string? Decision { get; set; }
        public Guid? DecisionEntryId { get; set; }
        public string? Concern { get; set; }
        public string? OutcomeSought { get; set; }
        public Guid? OwnerId { get; set; }

        public RaiseDisagreementCommand ToCommand() => new()
        {
            Decision = Decision,
            DecisionEntryId = DecisionEntryId is { } entry ? new ChronologyEntryId(entry) : null,
            Concern = Concern,
            OutcomeSought = OutcomeSought,
            OwnerId = OwnerId is { } owner ? new ProfessionalId(owner) : null,
        };
    }
}
