using Cairn.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Account;

/// <summary>
/// Signing out is a post (the header's button), so a link or an image on another site cannot sign anyone out. A GET (a
/// typed or bookmarked address) shows a page with the same button, as GOV.UK services do, and changes nothing.
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class SignOutModel(SignInSessions sessions, CurrentUser user) : PageModel
{
    /// <summary>Ends the session on the server first, so a copy of the cookie kept anywhere opens nothing afterwards.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (user.SessionId is { } session)
        {
            await sessions.EndAsync(user.ProfessionalId, session, SessionEnd.SignedOut, cancellationToken);
        }

        await HttpContext.SignOutAsync(CairnApp.CookieScheme);
        return Redirect("/sign-in");
    }
}
