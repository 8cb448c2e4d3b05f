using Cairn.Domain.Shares;
using Cairn.Web.Features.EmergencyDuty.ChangeOutOfHoursRules;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.EmergencyDuty.ViewOutOfHoursRules;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewOutOfHoursRulesModel(ViewOutOfHoursRulesHandler handler, ChangeOutOfHoursRulesHandler change) : PageModel
{
    [BindProperty]
    public RulesInput Input { get; set; } = new();

    public OutOfHoursRulesView Rules { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rules = await handler.ViewAsync(cancellationToken);
        Input = new RulesInput
        {
            Urgent = Rules.Urgencies.Where(u => u.GoesToEmergencyDuty).Select(u => u.Urgency).ToList(),
            AcknowledgeMinutes = Rules.AcknowledgeMinutes,
            OnCallMinutes = Rules.OnCallMinutes,
            Version = Rules.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var command = new ChangeOutOfHoursRulesCommand
        {
            Urgent = Input.Urgent,
            AcknowledgeMinutes = Input.AcknowledgeMinutes,
            OnCallMinutes = Input.OnCallMinutes,
            Version = Input.Version ?? -1,
        };
        var handled = await change.ChangeAsync(command, cancellationToken);
        return await this.AfterChangeAsync(handled,
            _ => new PageDone("Out-of-hours rules saved: shares and contacts arriving from now on follow them", "/emergency-duty/rules"),
            async () =>
            {
                Rules = await handler.ViewAsync(cancellationToken);
                return true;
            });
    }

    public sealed class RulesInput
    {
        public List<Urgency> Urgent { get; set; } = [];
        public int? AcknowledgeMinutes { get; set; }
        public int? OnCallMinutes { get; set; }
        public int? Version { get; set; }
    }
}
