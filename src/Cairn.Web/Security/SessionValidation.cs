using System.Globalization;
using System.Security.Claims;
using Cairn.Domain;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Security;

/// <summary>
/// Checks a signed-in page session against the database on every request, as the API token handler does for each
/// token: a professional who has been deactivated, whose account is locked or whose security stamp has changed is
/// signed out at once, not when the cookie expires hours later; one whose roles, agency or area have changed gets
/// them in a renewed cookie, so reach into children's records follows the job they have now, not the one they had
/// when they signed in.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // Anonymous endpoints (the compiled CSS, scripts and images, sign-in, error pages) never read the session: a
        // page's assets do not each cost a look-up.
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return;
        }

        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirst(CurrentUser.ProfessionalClaim)?.Value, out var id))
        {
            await RejectAsync(context);
            return;
        }

        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<CairnDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var professionalId = new ProfessionalId(id);
        var found = await db.Accounts.AsNoTracking().Where(a => a.ProfessionalId == professionalId)
            .Join(db.Professionals.AsNoTracking(), a => a.ProfessionalId, p => p.Id, (a, p) => new { Account = a, Professional = p })
            .Join(db.Agencies.AsNoTracking(), x => x.Professional.AgencyId, g => g.Id, (x, g) => new { x.Account, x.Professional, g.AreaId })
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (found is null || !found.Professional.IsActive || found.Account.IsLockedOut(now)
            || principal!.FindFirst(CurrentUser.StampClaim)?.Value != found.Account.SecurityStamp.ToString())
        {
            await RejectAsync(context);
            return;
        }

        if (principal.FindFirst(CurrentUser.RolesClaim)?.Value != ((int)found.Professional.Roles).ToString(CultureInfo.InvariantCulture)
            || principal.FindFirst(CurrentUser.AgencyClaim)?.Value != found.Professional.AgencyId.Value.ToString()
            || principal.FindFirst(CurrentUser.AreaClaim)?.Value != found.AreaId.Value.ToString())
        {
            context.ReplacePrincipal(new ClaimsPrincipal(
                CurrentUser.CreateIdentity(found.Professional, found.AreaId, found.Account.SecurityStamp, CairnApp.CookieScheme)));
            context.ShouldRenew = true;
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CairnApp.CookieScheme);
    }
}
