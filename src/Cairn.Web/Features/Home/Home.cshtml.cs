using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Home;

[Authorize(Policy = Policies.Professional)]
public sealed class HomeModel(HomeHandler handler) : PageModel
{
    public HomeView Home { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Home = await handler.HandleAsync(cancellationToken);
}
