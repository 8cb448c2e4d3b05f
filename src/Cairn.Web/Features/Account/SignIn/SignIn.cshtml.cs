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
public sealed class SignInModel(SignInService signIn, CairnDbContext db) : PageModel
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

        var (result, account) = await signIn.CheckAsync(Input.Email!, Input.Password!, cancellationToken);
        switch (result)
        {
            case Security.SignInResult.LockedOut:
                ModelState.AddModelError("Input.Email",
                    "Your account is locked after too many failed attempts. Try again in 15 minutes, or ask an administrator.");
                return Page();
            case Security.SignInResult.WrongDetails:
                ModelState.AddModelError("Input.Email", "Enter a correct email address and password");
                return Page();
        }

        var professional = await db.Professionals.SingleAsync(p => p.Id == account!.ProfessionalId, cancellationToken);
        var area = await db.Agencies.Where(a => a.Id == professional.AgencyId).Select(a => a.AreaId).SingleAsync(cancellationToken);
        var identity = CurrentUser.CreateIdentity(professional, area, account!.SecurityStamp, CairnApp.CookieScheme);
        await HttpContext.SignInAsync(CairnApp.CookieScheme, new ClaimsPrincipal(identity));
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
