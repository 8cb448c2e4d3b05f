using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements;

/// <summary>
/// Who may see and change a child's placements (L41, L44): anyone who may open the child's record sees them; children's social care
/// practitioners and managers (the local authority places children) end placements and record their commissioned conditions.
/// </summary>
public sealed class PlacementAccessHandler(CairnDbContext db, RecordAccessService access, CurrentUser user)
{
    /// <summary>Whether the viewer may open the child's record (refusals are audited by the access service and answered as not found).</summary>
    public async Task<bool> OpenAsync(PersonId child, CancellationToken cancellationToken) =>
        (await access.OpenAsync(child, cancellationToken)).Allowed;

    /// <summary>Whether the viewer is a children's social care practitioner or team manager.</summary>
    public async Task<bool> MayManageAsync(CancellationToken cancellationToken) =>
        user.IsSignedIn && (user.Has(Role.Practitioner) || user.Has(Role.TeamManager)) && await InSocialCareAsync(cancellationToken);

    /// <summary>Whether the viewer is a team manager of children's social care (who may override a referral's or a match's warning).</summary>
    public async Task<bool> IsManagerAsync(CancellationToken cancellationToken) =>
        user.IsSignedIn && user.Has(Role.TeamManager) && await InSocialCareAsync(cancellationToken);

    /// <summary>Whether the viewer is a practitioner (anyone who sees the child may record what they observe).</summary>
    public bool IsPractitioner => user.IsSignedIn && user.Has(Role.Practitioner);

    private Task<bool> InSocialCareAsync(CancellationToken cancellationToken) =>
        db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.Kind == AgencyKind.ChildrensSocialCare, cancellationToken);
}
