using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.FrontDoor.Timescales;

/// <summary>
/// The area's front door timescales, for safeguarding leads and administrators, who change them
/// (<c>ChangeFrontDoorTimescales</c>).
/// </summary>
public sealed class FrontDoorTimescalesHandler(CairnDbContext db, CurrentUser user)
{
    public bool MayEdit => user.MayEditFrontDoorSettings();

    public Task<FrontDoorTimescalesView> ViewAsync(CancellationToken cancellationToken) =>
        db.FrontDoorTimescalesOfAsync(user.AreaId, cancellationToken);
}
