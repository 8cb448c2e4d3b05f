using Cairn.Domain;
using Cairn.Web.Features.Shares.AcknowledgeEmergencyDuty;
using Cairn.Web.Features.Shares.AddEmergencyDutyNote;
using Cairn.Web.Features.Shares.CloseShare;
using Cairn.Web.Features.Shares.ConfirmReceipt;
using Cairn.Web.Features.Shares.DeclineShare;
using Cairn.Web.Features.Shares.DownloadAttachment;
using Cairn.Web.Features.Shares.RecordAction;
using Cairn.Web.Features.Shares.RedirectShare;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Shares.ViewShare;

/// <summary>The share's page: what it is and its history, and a form for each step the viewer may take (each its own slice).</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class ViewShareModel(ViewShareHandler handler, RecipientChoices choices) : PageModel
{
    [BindProperty]
    public StepInput Input { get; set; } = new();

    public ShareDetails Share { get; private set; } = null!;

    public IReadOnlyList<AgencyChoice> Agencies { get; private set; } = [];

    public IReadOnlyList<ProfessionalChoice> Professionals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid shareId, CancellationToken cancellationToken) =>
        await LoadAsync(new ShareId(shareId), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReceiveAsync(Guid shareId, [FromServices] ConfirmReceiptHandler step,
        CancellationToken cancellationToken) =>
        await AfterAsync(shareId, await step.HandleAsync(new ShareId(shareId), Input.Step(null), cancellationToken),
            "Receipt confirmed. Record what you do about it.", null, cancellationToken);

    public async Task<IActionResult> OnPostActionAsync(Guid shareId, [FromServices] RecordActionHandler step, CancellationToken cancellationToken) =>
        await AfterAsync(shareId, await step.HandleAsync(new ShareId(shareId), Input.Step(Input.ActionTaken), cancellationToken),
            "Action recorded. The sender has been told.", nameof(StepInput.ActionTaken), cancellationToken);

    public async Task<IActionResult> OnPostDeclineAsync(Guid shareId, [FromServices] DeclineShareHandler step, CancellationToken cancellationToken) =>
        await AfterAsync(shareId, await step.HandleAsync(new ShareId(shareId), Input.Step(Input.DeclineReason), cancellationToken),
            "Share declined. The sender has been told.", nameof(StepInput.DeclineReason), cancellationToken);

    public async Task<IActionResult> OnPostCloseAsync(Guid shareId, [FromServices] CloseShareHandler step, CancellationToken cancellationToken) =>
        await AfterAsync(shareId, await step.HandleAsync(new ShareId(shareId), Input.Step(Input.CloseReason), cancellationToken),
            "Share closed.", nameof(StepInput.CloseReason), cancellationToken);

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid shareId, [FromServices] AcknowledgeEmergencyDutyHandler step,
        CancellationToken cancellationToken) =>
        await AfterAsync(shareId, await step.HandleAsync(new ShareId(shareId), Input.Step(null), cancellationToken),
            "Acknowledged: the Emergency Duty Team has this share in hand.", nameof(StepInput.EmergencyDutyNote), cancellationToken);

    public async Task<IActionResult> OnPostEmergencyDutyNoteAsync(Guid shareId, [FromServices] AddEmergencyDutyNoteHandler step,
        CancellationToken cancellationToken) =>
        await AfterAsync(shareId, await step.HandleAsync(new ShareId(shareId), Input.Step(Input.EmergencyDutyNote), cancellationToken),
            "Note added for the day team.", nameof(StepInput.EmergencyDutyNote), cancellationToken);

    public async Task<IActionResult> OnPostRedirectAsync(Guid shareId, [FromServices] RedirectShareHandler step, CancellationToken cancellationToken)
    {
        var command = new RedirectShareCommand
        {
            Version = Input.Version,
            RecipientAgencyId = Input.RecipientAgencyId is { } a ? new AgencyId(a) : null,
            RecipientTeamId = Input.RecipientTeamId is { } t ? new TeamId(t) : null,
            RecipientProfessionalId = Input.RecipientProfessionalId is { } p ? new ProfessionalId(p) : null,
            Reason = Input.RedirectReason,
        };
        return await AfterAsync(shareId, await step.HandleAsync(new ShareId(shareId), command, cancellationToken),
            "Share redirected. The sender has been told.", nameof(StepInput.RedirectReason), cancellationToken);
    }

    /// <summary>An attachment, always as a download: never rendered or run in the browser.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid shareId, Guid attachment, [FromServices] DownloadAttachmentHandler download,
        CancellationToken cancellationToken)
    {
        if (await download.HandleAsync(new ShareId(shareId), attachment, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return File(file.Content, "application/octet-stream", file.FileName);
    }

    /// <param name="textField">The form field the step's text came from, so its error links to it.</param>
    private Task<IActionResult> AfterAsync(Guid shareId, Handled<ShareStepDone> handled, string notice, string? textField,
        CancellationToken cancellationToken) =>
        this.AfterChangeAsync(handled, _ => new PageDone(notice, $"/shares/{shareId}"), () => LoadAsync(new ShareId(shareId), cancellationToken),
            fieldFor: field => field switch
            {
                "Outcome" or "Reason" or "Note" when textField is not null => $"Input.{textField}",
                "RecipientAgencyId" or "RecipientTeamId" or "RecipientProfessionalId" => $"Input.{field}",
                "Recipient" => "Input.RecipientAgencyId",
                _ => "",
            });

    private async Task<bool> LoadAsync(ShareId id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, cancellationToken) is not { } share)
        {
            return false;
        }

        Share = share;
        Input.Version = share.Version;
        if (share.Actions.Redirect)
        {
            (Agencies, Professionals) = await choices.LoadAsync(cancellationToken);
        }

        return true;
    }

    public sealed class StepInput
    {
        public int? Version { get; set; }
        public string? ActionTaken { get; set; }
        public string? DeclineReason { get; set; }
        public string? RedirectReason { get; set; }
        public string? CloseReason { get; set; }
        public string? EmergencyDutyNote { get; set; }
        public Guid? RecipientAgencyId { get; set; }
        public Guid? RecipientTeamId { get; set; }
        public Guid? RecipientProfessionalId { get; set; }

        public ShareStepCommand Step(string? text) => new() { Version = Version, Text = text };
    }
}
