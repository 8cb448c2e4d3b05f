using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Shares.EmergencyDutyQueue;

/// <summary>The old address of the Emergency Duty Team's queue: its page now shows contacts as well as shares, at /emergency-duty.</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class EmergencyDutyQueueModel : PageModel
{
    public IActionResult OnGet() => RedirectPermanent("/emergency-duty");
}
