using Cairn.Domain;
using Cairn.Web.Features.Shares.SendShare;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Shares.ViewShare;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewShareModel(ViewShareHandler handler, SendShareHandler choices) : PageModel
{
    [BindProperty]
    public StepInput Input { get; set; } = new();

    public ShareDetails Share { get; private set; } = null!;

    public IReadOnlyList<AgencyChoice> Agencies { get; private set; } = [];

    public IReadOnlyList<ProfessionalChoice> Professionals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid shareId, CancellationToken cancellationToken) =>
        await LoadAsync(new ShareId(shareId), cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostReceiveAsync(Guid shareId, CancellationToken cancellationToken) =>
        AfterAsync(shareId, handler.ConfirmReceiptAsync(new ShareId(shareId), Input.Step(null), cancellationToken), "Receipt confirmed. Record what you do about it.", null, cancellationToken);

    public Task<IActionResult> OnPostActionAsync(Guid shareId, CancellationToken cancellationToken) =>
        AfterAsync(shareId, handler.RecordActionAsync(new ShareId(shareId), Input.Step(Input.ActionTaken), cancellationToken), "Action recorded. The sender has been told.", nameof(StepInput.ActionTaken), cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid shareId, CancellationToken cancellationToken) =>
        AfterAsync(shareId, handler.DeclineAsync(new ShareId(shareId), Input.Step(Input.DeclineReason), cancellationToken), "Share declined. The sender has been told.", nameof(StepInput.DeclineReason), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid shareId, CancellationToken cancellationToken) =>
        AfterAsync(shareId, handler.CloseAsync(new ShareId(shareId), Input.Step(Input.CloseReason), cancellationToken), "Share closed.", nameof(StepInput.CloseReason), cancellationToken);

    public Task<IActionResult> OnPostEmergencyDutyNoteAsync(Guid shareId, CancellationToken cancellationToken) =>
        AfterAsync(shareId, handler.AddEmergencyDutyNoteAsync(new ShareId(shareId), Input.Step(Input.EmergencyDutyNote), cancellationToken), "Note added for the day team.", nameof(StepInput.EmergencyDutyNote), cancellationToken);

    public Task<IActionResult> OnPostRedirectAsync(Guid shareId, CancellationToken cancellationToken) =>
        AfterAsync(shareId, handler.RedirectAsync(new ShareId(shareId), new RedirectShareCommand
        {
            Version = Input.Version,
            RecipientAgencyId = Input.RecipientAgencyId is { } a ? new AgencyId(a) : null,
            RecipientTeamId = Input.RecipientTeamId is { } t ? new TeamId(t) : null,
            RecipientProfessionalId = Input.RecipientProfessionalId is { } p ? new ProfessionalId(p) : null,
            Reason = Input.RedirectReason,
        }, cancellationToken), "Share redirected. The sender has been told.", nameof(StepInput.RedirectReason), cancellationToken);

    /// <summary>An attachment, always as a download: never rendered or run in the browser.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid shareId, Guid attachment, CancellationToken cancellationToken)
    {
        if (await handler.AttachmentAsync(new ShareId(shareId), attachment, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return File(file.Content, "application/octet-stream", file.FileName);
    }

    /// <param name="textField">The form field the step's text came from, so its error links to it.</param>
    private async Task<IActionResult> AfterAsync(Guid shareId, Task<Outcome<ShareStepDone>?> step, string notice, string? textField,
        CancellationToken cancellationToken)
    {
        var id = new ShareId(shareId);
        var outcome = await step;
        if (outcome is not { } result)
        {
            return NotFound();
        }

        if (result.Refusal is { } refusal)
        {
            foreach (var error in refusal.Errors)
            {
                var field = error.Field switch
                {
                    "Outcome" or "Reason" or "Note" when textField is not null => $"Input.{textField}",
                    "RecipientAgencyId" or "RecipientTeamId" or "RecipientProfessionalId" => $"Input.{error.Field}",
                    "Recipient" => "Input.RecipientAgencyId",
                    _ => "",
                };
                ModelState.AddModelError(field, error.Message);
            }

            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        TempData["Notice"] = notice;
        return Redirect($"/shares/{shareId}");
    }

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
            (Agencies, Professionals) = await choices.ChoicesAsync(cancellationToken);
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
