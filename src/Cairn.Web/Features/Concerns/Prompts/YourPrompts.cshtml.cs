using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Concerns.Prompts;

[Authorize(Policy = Policies.Professional)]
public sealed class YourPromptsModel(ConcernPromptsHandler handler) : PageModel
{
    public PromptList List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => List = await handler.ListAsync(cancellationToken);
}
