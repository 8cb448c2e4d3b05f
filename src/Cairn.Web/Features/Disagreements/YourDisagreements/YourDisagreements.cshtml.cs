using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Disagreements.YourDisagreements;

[Authorize(Policy = Policies.Professional)]
public sealed class YourDisagreementsModel(YourDisagreementsHandler handler) : PageModel
{
    public DisagreementList Disagreements { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Disagreements = await handler.HandleAsync(cancellationToken);
}
