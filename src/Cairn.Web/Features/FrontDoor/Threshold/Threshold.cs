using Cairn.Web.Security;

namespace Cairn.Web.Features.FrontDoor.Threshold;

/// <summary>
/// The area's threshold document (L15), which everyone can read, with the history of its editions. Safeguarding leads
/// and administrators publish new editions (<c>ReviseThresholdLevel</c>).
/// </summary>
public sealed class ThresholdHandler(ThresholdDocuments documents, CurrentUser user)
{
    public bool MayEdit => user.MayEditFrontDoorSettings();

    public Task<ThresholdView> ViewAsync(CancellationToken cancellationToken) => documents.ViewAsync(user.AreaId, MayEdit, cancellationToken);
}
