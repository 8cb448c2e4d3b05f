using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Admin.Teams;

[Authorize(Policy = Policies.Administrator)]
public sealed class ListTeamsModel(ListTeamsHandler handler) : PageModel
{
    public TeamList List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => List = await handler.ListAsync(cancellationToken);
}
