using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Alerts.AlertReviews;

[Authorize(Policy = Policies.Professional)]
public sealed class AlertReviewsModel(AlertReviewsHandler handler) : PageModel
{
    public AlertReviewList Reviews { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reviews = await handler.HandleAsync(cancellationToken);
}
