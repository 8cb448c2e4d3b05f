using Cairn.Web.Features.MeetingRules.ChangeMeetingRules;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.MeetingRules.ViewMeetingRules;

[Authorize(Policy = Policies.Administrator)]
public sealed class ViewMeetingRulesModel(ViewMeetingRulesHandler handler, ChangeMeetingRulesHandler change) : PageModel
{
    [BindProperty]
    public RulesInput Input { get; set; } = new();

    public MeetingRulesSettings Settings { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Settings = await handler.ViewAsync(cancellationToken);
        Input = new RulesInput
        {
            Rows = Settings.Timescales.Where(t => !t.National && t.Key is not null)
                .Select(t => new AmountInput { Key = t.Key, Amount = t.Amount }).ToList(),
            Version = Settings.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var handled = await change.ChangeAsync(new ChangeMeetingRulesCommand
        {
            Amounts = Input.Rows.Where(r => r.Key is not null).GroupBy(r => r.Key!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Amount, StringComparer.Ordinal),
            Version = Input.Version ?? -1,
        }, cancellationToken);
        return await this.AfterChangeAsync(handled,
            _ => new PageDone("Meeting timescales saved: meetings scheduled from now on use them", "/admin/meeting-rules"),
            async () =>
            {
                Settings = await handler.ViewAsync(cancellationToken);
                Input.Version = Settings.Version;
                return true;
            },
            fieldFor: FieldFor);
    }

    /// <summary>The handler names a timescale's field by its key ("Amounts[CoreGroup:ThenEvery]"); the form by its row.</summary>
    private string? FieldFor(string field)
    {
        var index = Input.Rows.FindIndex(r => field == $"Amounts[{r.Key}]");
        return index >= 0 ? $"Input.Rows[{index}].Amount" : field == "Version" ? "Input.Version" : string.Empty;
    }

    public sealed class RulesInput
    {
        public List<AmountInput> Rows { get; set; } = [];
        public int? Version { get; set; }
    }

    public sealed class AmountInput
    {
        public string? Key { get; set; }
        public int? Amount { get; set; }
    }
}
