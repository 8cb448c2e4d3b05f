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

    /// <summary>
    /// Whether the viewer may use the placement tracking panel (L39): children's social care practitioners, team managers and heads of
    /// service (the local authority finds placements), and the partnership's safeguarding leads. A police officer, a teacher or a
    /// health visitor does not, whatever their role; the navigation shows the link only to those who may.
    /// </summary>
    public async Task<bool> MayUseTrackingAsync(CancellationToken cancellationToken) =>
        user.IsSignedIn && (user.Has(Role.SafeguardingLead)
            || ((user.Has(Role.Practitioner) || user.Has(Role.TeamManager) || user.Has(Role.HeadOfService))
                && await InSocialCareAsync(cancellationToken)));

    /// <summary>
    /// Whether the viewer may see the area's placement stability (L41, L44): children's social care team managers and heads of service,
    /// and the partnership's safeguarding leads. A manager in another agency does not.
    /// </summary>
    public async Task<bool> MaySeeStabilityAsync(CancellationToken cancellationToken) =>
        user.IsSignedIn && (user.Has(Role.SafeguardingLead)
            || ((user.Has(Role.TeamManager) || user.Has(Role.HeadOfService)) && await InSocialCareAsync(cancellationToken)));

    private bool? inSocialCare;

    /// <summary>Whether the viewer's agency is children's social care: asked once per request (the navigation asks on every page).</summary>
    private async Task<bool> InSocialCareAsync(CancellationToken cancellationToken) =>
        inSocialCare ??= await db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.Kind == AgencyKind.ChildrensSocialCare, cancellationToken);
}
