using System.Globalization;
using System.Security.Claims;
using Cairn.Domain;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cairn.Web.Security;

/// <summary>
/// Checks a signed-in page session against the database on every request, in one read, as the API token handler does
/// for each token. The cookie names a server-side session (<see cref="SignInSession"/>): one that has been signed out,
/// ended from the sessions page or by an administrator, left idle too long or past its absolute lifetime is refused,
/// so a copy of the cookie kept after signing out opens nothing (issue #17, defect 1). A professional who has been
/// deactivated or whose security stamp has changed is signed out at once; one whose roles, agency or area have
/// changed gets them for every request (the cookie is never reissued, so it cannot outlive the session), so reach
/// into children's records follows the job they have now. Last seen is written at most once a minute.
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
        if (!Guid.TryParse(principal?.FindFirst(CurrentUser.ProfessionalClaim)?.Value, out var id)
            || !Guid.TryParse(principal.FindFirst(CurrentUser.SessionClaim)?.Value, out var sessionId))
        {
            await RejectAsync(context);
            return;
        }

        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<CairnDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var options = services.GetRequiredService<IOptions<SignInSessionOptions>>().Value;
        var cancel = context.HttpContext.RequestAborted;
        var professionalId = new ProfessionalId(id);
        var found = await db.SignInSessions.AsNoTracking().Where(s => s.Id == sessionId && s.ProfessionalId == professionalId)
            .Join(db.Accounts.AsNoTracking(), s => s.ProfessionalId, a => a.ProfessionalId, (s, a) => new { Session = s, Account = a })
            .Join(db.Professionals.AsNoTracking(), x => x.Account.ProfessionalId, p => p.Id, (x, p) => new { x.Session, x.Account, Professional = p })
            .Join(db.Agencies.AsNoTracking(), x => x.Professional.AgencyId, g => g.Id,
                (x, g) => new { x.Session, x.Account, x.Professional, g.AreaId })
            .FirstOrDefaultAsync(cancel);
        if (found is null || !found.Professional.IsActive
            || principal.FindFirst(CurrentUser.StampClaim)?.Value != found.Account.SecurityStamp.ToString())
        {
            await RejectAsync(context);
            return;
        }

        if (found.Session.WhyNotUsable(now, options) is { } why)
        {
            if (found.Session.EndedAt is null)
            {
                // Marked ended, with its audit entry, so the sessions page and the log agree.
                await services.GetRequiredService<SignInSessions>().EndAsync(professionalId, sessionId, why, cancel);
            }

            await RejectAsync(context);
            return;
        }

        if (now - found.Session.LastSeenAt >= SignInSessionOptions.LastSeenResolution)
        {
            await db.SignInSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), cancel);
        }

        if (principal.FindFirst(CurrentUser.RolesClaim)?.Value != ((int)found.Professional.Roles).ToString(CultureInfo.InvariantCulture)
            || principal.FindFirst(CurrentUser.AgencyClaim)?.Value != found.Professional.AgencyId.Value.ToString()
            || principal.FindFirst(CurrentUser.AreaClaim)?.Value != found.AreaId.Value.ToString())
        {
            context.ReplacePrincipal(new ClaimsPrincipal(CurrentUser.CreateIdentity(found.Professional, found.AreaId,
                found.Account.SecurityStamp, CairnApp.CookieScheme, sessionId)));
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CairnApp.CookieScheme);
    }
}
