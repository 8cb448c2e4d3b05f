using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.MeetingRules.ViewMeetingTypes;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewMeetingTypesModel(ViewMeetingTypesHandler handler) : PageModel
{
    public MeetingTypesPage Types { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Types = await handler.ViewAsync(cancellationToken);
}
