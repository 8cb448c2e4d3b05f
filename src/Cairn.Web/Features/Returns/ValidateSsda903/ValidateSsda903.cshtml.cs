using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Returns.ValidateSsda903;

/// <summary>The year's 903 checked against the DfE's rules: a count by rule code, then each failure with a link to fix it.</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class ValidateSsda903Model(ValidateSsda903Handler handler) : PageModel
{
    public Ssda903ValidationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string year, CancellationToken cancellationToken)
    {
        var handled = await handler.ValidateAsync(year, cancellationToken);
        return handled.As switch
        {
            HandledAs.Done => Show(handled.Value!),
            HandledAs.Refused when handled.Refusal!.Kind == Domain.RefusalKind.Invalid => NotFound(),
            _ => Forbid(),
        };
    }

    private PageResult Show(Ssda903ValidationView view)
    {
        View = view;
        return Page();
    }
}
