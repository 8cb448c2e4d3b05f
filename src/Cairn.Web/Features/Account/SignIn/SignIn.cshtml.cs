using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Account.SignIn;

[AllowAnonymous]
public sealed class SignInModel(SignInService signIn, SignInSessions sessions, CairnDbContext db) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, account, wait) = await signIn.CheckAsync(Input.Email!, Input.Password!, cancellationToken);
        switch (result)
        {
            case Security.SignInResult.MustWait:
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                ModelState.AddModelError("Input.Email", seconds == 1
                    ? "There have been several wrong passwords for this account. Wait 1 second, then try again"
                    : $"There have been several wrong passwords for this account. Wait {seconds} seconds, then try again");
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Page();
            case Security.SignInResult.WrongDetails:
                ModelState.AddModelError("Input.Email", "Enter a correct email address and password");
                return Page();
        }

        var professional = await db.Professionals.SingleAsync(p => p.Id == account!.ProfessionalId, cancellationToken);
        var area = await db.Agencies.Where(a => a.Id == professional.AgencyId).Select(a => a.AreaId).SingleAsync(cancellationToken);
        // A server-side session, which the cookie names: signing out, an administrator or the timeouts end it there.
        var session = sessions.Start(professional.Id, Request.Headers.UserAgent.ToString());
        await db.SaveChangesAsync(cancellationToken);
        var identity = CurrentUser.CreateIdentity(professional, area, account!.SecurityStamp, CairnApp.CookieScheme, session.Id);
        await HttpContext.SignInAsync(CairnApp.CookieScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = session.ExpiresAt, AllowRefresh = false });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        public string? Password { get; set; }
    }
}
