using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Returns.ExportSsda903;

/// <summary>The returns page: choose a collection year and download the 903, or check it against the DfE's rules.</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class ExportSsda903Model(ExportSsda903Handler handler, ReturnsAccessHandler access) : PageModel
{
    [BindProperty]
    public string? Year { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await access.MayUseAsync(cancellationToken))
        {
            return Forbid();
        }

        Year ??= ReturnsAccessHandler.Years[0].EndingYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var handled = await handler.ExportAsync(Year, cancellationToken);
        switch (handled.As)
        {
            case Features.HandledAs.Done:
                return File(handled.Value!.Zip, "application/zip", handled.Value.FileName);
            case Features.HandledAs.Refused when handled.Refusal!.Kind == Domain.RefusalKind.Invalid:
                this.ShowRefusal(handled.Refusal, prefix: "");
                return Page();
            default:
                return Forbid();
        }
    }

    /// <summary>The page that checks the chosen year (the form's second button).</summary>
    public IActionResult OnPostValidate() =>
        ReturnsAccessHandler.ParseYear(Year, out var year) is { } invalid
            ? ShowInvalid(invalid)
            : Redirect($"/returns/ssda903/{year.EndingYear}/validation");

    private PageResult ShowInvalid(Domain.Refusal refusal)
    {
        this.ShowRefusal(refusal, prefix: "");
        return Page();
    }
}
