using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Meetings.FamilySummary;

[Authorize(Policy = Policies.Professional)]
public sealed class MeetingFamilySummaryModel(MeetingFamilySummaryHandler handler) : PageModel
{
    public MeetingFamilySummaryView Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new MeetingId(meetingId), cancellationToken) is not { } summary)
        {
            return NotFound();
        }

        Summary = summary;
        return Page();
    }
}
