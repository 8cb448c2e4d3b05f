using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Features.FrontDoor.AcknowledgeContact;
using Cairn.Web.Features.FrontDoor.DecideContact;
using Cairn.Web.Features.FrontDoor.PassToFrontDoor;
using Cairn.Web.Features.FrontDoor.ReturnDecision;
using Cairn.Web.Features.FrontDoor.SignOffDecision;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.FrontDoor.Triage;

[Authorize(Policy = Policies.Professional)]
public sealed class TriageModel(TriageHandler handler, DecideContactHandler decide, SignOffDecisionHandler signOff,
    ReturnDecisionHandler returnDecision, ThresholdDocuments thresholds, CurrentUser user) : PageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    [BindProperty]
    public SignOffInput SignOff { get; set; } = new();

    /// <summary>The Emergency Duty Team's form: protective action taken and a note for the front door (L02).</summary>
    [BindProperty]
    public EmergencyDutyInput EmergencyDuty { get; set; } = new();

    public ContactView Contact { get; private set; } = null!;
    /// <summary>Null for someone who may see the contact but not the whole picture (<see cref="FrontDoorRights.MaySeeWholePicture"/>).</summary>
    public WholePicture? Picture { get; private set; }
    public ThresholdDocument Threshold { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new ContactId(id), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken cancellationToken)
    {
        var handled = await decide.DecideAsync(new ContactId(id), new DecideContactCommand
        {
            Level = Input.Level,
            Outcome = Input.Outcome,
            Reasons = Input.Reasons,
            Indicators = Input.Indicators,
            Version = Input.Version,
        }, cancellationToken);
        return await AfterAsync(id, handled, _ => "Decision recorded: it now needs a manager's sign-off", "Input", cancellationToken);
    }

    public async Task<IActionResult> OnPostSignOffAsync(Guid id, CancellationToken cancellationToken)
    {
        var command = new SignOffDecisionCommand { Note = SignOff.Note, Version = SignOff.Version };
        var handled = await signOff.SignOffAsync(new ContactId(id), command, cancellationToken);
        return await AfterAsync(id, handled, done => "Decision signed off"
            + (done.LegalStatusNote is { } note ? $". {note}" : "")
            + (done.StrategyDiscussionId is not null ? ". A strategy discussion is now required." : ""), "SignOff", cancellationToken);
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken)
    {
        var command = new ReturnDecisionCommand { Note = SignOff.Note, Version = SignOff.Version };
        var handled = await returnDecision.ReturnAsync(new ContactId(id), command, cancellationToken);
        return await AfterAsync(id, handled, _ => "Decision returned to the front door", "SignOff", cancellationToken);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, [FromServices] AcknowledgeContactHandler acknowledge,
        CancellationToken cancellationToken)
    {
        var command = new AcknowledgeContactCommand { Version = EmergencyDuty.Version };
        var handled = await acknowledge.AcknowledgeAsync(new ContactId(id), command, cancellationToken);
        return await AfterAsync(id, handled, _ => "Acknowledged: the Emergency Duty Team has this contact in hand", "EmergencyDuty",
            cancellationToken);
    }

    public async Task<IActionResult> OnPostPassAsync(Guid id, [FromServices] PassToFrontDoorHandler pass, CancellationToken cancellationToken)
    {
        var command = new PassToFrontDoorCommand
        {
            ProtectiveAction = EmergencyDuty.ProtectiveAction,
            Note = EmergencyDuty.Note,
            Version = EmergencyDuty.Version,
        };
        var handled = await pass.PassAsync(new ContactId(id), command, cancellationToken);
        return await AfterAsync(id, handled, _ => "Passed to the front door with your note", "EmergencyDuty", cancellationToken);
    }

    /// <summary>Done, back to the contact with a notice; refused, the page again keeping what was typed, with the version now held.</summary>
    private Task<IActionResult> AfterAsync(Guid id, Handled<TriageResult> handled, Func<TriageResult, string> notice, string prefix,
        CancellationToken cancellationToken) =>
        this.AfterChangeAsync(handled, done => new PageDone(notice(done), $"/contacts/{id}"),
            () => LoadAsync(new ContactId(id), cancellationToken, keepInput: true), prefix);

    private async Task<bool> LoadAsync(ContactId id, CancellationToken cancellationToken, bool keepInput = false)
    {
        if (await handler.ViewAsync(id, cancellationToken) is not { } contact)
        {
            return false;
        }

        Contact = contact;
        Picture = (await handler.PictureAsync(id, cancellationToken)).Value;
        Threshold = await thresholds.CurrentAsync(user.AreaId, cancellationToken);
        if (!keepInput)
        {
            Input = new DecisionInput { Version = contact.Version };
            SignOff = new SignOffInput { Version = contact.Version };
            EmergencyDuty = new EmergencyDutyInput { Version = contact.Version };
        }
        else
        {
            Input.Version = contact.Version;
            SignOff.Version = contact.Version;
            EmergencyDuty.Version = contact.Version;
        }

        return true;
    }

    public sealed class DecisionInput
    {
        public ThresholdLevel? Level { get; set; }
        public TriageOutcome? Outcome { get; set; }
        public string? Reasons { get; set; }
        public List<string> Indicators { get; set; } = [];
        public int? Version { get; set; }
    }

    public sealed class SignOffInput
    {
        public string? Note { get; set; }
        public int? Version { get; set; }
    }

    public sealed class EmergencyDutyInput
    {
        public string? ProtectiveAction { get; set; }
        public string? Note { get; set; }
        public int? Version { get; set; }
    }
}
