using Cairn.Domain.Casework;
using Cairn.Web.Features.Assessments.ChangeCurrency;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Assessments.ViewCurrency;

[Authorize(Policy = Policies.Administrator)]
public sealed class ViewCurrencyModel(ViewCurrencyHandler handler, ChangeCurrencyHandler change) : PageModel
{
    [BindProperty]
    public CurrencyInput Input { get; set; } = new();

    public AssessmentCurrencySettings Settings { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Settings = await handler.ViewAsync(cancellationToken);
        Input = new CurrencyInput
        {
            Periods = Settings.Periods.Select(p => new PeriodInput { Type = p.Type, Months = p.Months }).ToList(),
            Version = Settings.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var handled = await change.ChangeAsync(new ChangeCurrencyCommand
        {
            Months = Input.Periods.Where(p => p.Type is not null).GroupBy(p => p.Type!.Value).ToDictionary(g => g.Key, g => g.First().Months),
            Version = Input.Version ?? -1,
        }, cancellationToken);
        return await this.AfterChangeAsync(handled,
            _ => new PageDone("Currency periods saved: every assessment is shown against them from now on", "/admin/assessment-currency"),
            async () =>
            {
                Settings = await handler.ViewAsync(cancellationToken);
                Input.Version = Settings.Version;
                return true;
            },
            fieldFor: FieldFor);
    }

    /// <summary>The domain names a period's field by its type ("Months[Risk]"); the form by its row.</summary>
    private string? FieldFor(string field)
    {
        var index = Input.Periods.FindIndex(p => field == $"Months[{p.Type}]");
        return index >= 0 ? $"Input.Periods[{index}].Months" : field == "Version" ? "Input.Version" : string.Empty;
    }

    public sealed class CurrencyInput
    {
        public List<PeriodInput> Periods { get; set; } = [];
        public int? Version { get; set; }
    }

    public sealed class PeriodInput
    {
        public AssessmentType? Type { get; set; }
        public int? Months { get; set; }
    }
}
