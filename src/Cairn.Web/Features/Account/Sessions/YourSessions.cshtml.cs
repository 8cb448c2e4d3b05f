using Cairn.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Cairn.Web.Features.Account.Sessions;

/// <summary>Where you are signed in, and signing out of one of those places (a post with the antiforgery token).</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class YourSessionsModel(YourSessionsHandler handler, CurrentUser user, IOptions<SignInSessionOptions> options) : PageModel
{
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    public string IdleText => Minutes(options.Value.IdleMinutes);

    public string AbsoluteText => options.Value.AbsoluteHours == 1 ? "1 hour" : $"{options.Value.AbsoluteHours} hours";

    private static string Minutes(int minutes) => minutes == 1 ? "1 minute" : $"{minutes} minutes";

    public async Task OnGetAsync(CancellationToken cancellationToken) => Sessions = await handler.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostEndAsync(Guid session, CancellationToken cancellationToken)
    {
        var thisOne = user.SessionId == session;
        var ended = await handler.EndAsync(session, cancellationToken);
        if (ended.As == HandledAs.Done && thisOne)
        {
            // Signing out of the session in use is signing out.
            await HttpContext.SignOutAsync(CairnApp.CookieScheme);
            return Redirect("/sign-in");
        }

        return await this.AfterChangeAsync(ended, _ => new PageDone("Signed out of that session. It can no longer open Cairn.", "/account/sessions"),
            () => Task.FromResult(false));
    }
}
