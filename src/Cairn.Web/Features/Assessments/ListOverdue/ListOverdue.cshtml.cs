using Cairn.Domain.Agencies;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Assessments.ListOverdue;

[Authorize(Policy = Policies.Professional)]
public sealed class ListOverdueModel(ListOverdueHandler handler, CurrentUser user) : PageModel
{
    public OverdueAssessments Overdue { get; private set; } = null!;

    public bool IsManager => user.Has(Role.TeamManager);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Overdue = await handler.HandleAsync(cancellationToken);
}
