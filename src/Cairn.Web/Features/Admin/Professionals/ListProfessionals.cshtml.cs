using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Admin.Professionals;

[Authorize(Policy = Policies.Administrator)]
public sealed class ListProfessionalsModel(ListProfessionalsHandler handler) : PageModel
{
    public ProfessionalList List { get; private set; } = null!;

    public async Task OnGetAsync(string? name, CancellationToken cancellationToken) =>
        List = await handler.ListAsync(name, cancellationToken);
}
