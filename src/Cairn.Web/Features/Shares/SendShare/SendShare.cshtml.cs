using Cairn.Domain;
using Cairn.Domain.Shares;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Shares.SendShare;

[Authorize(Policy = Policies.Professional)]
[RequestSizeLimit(6 * AttachmentPolicy.MaxBytes)]
public sealed class SendShareModel(SendShareHandler handler, RecipientChoices choices, RecordAccessService access, ChildBannerHandler banner)
    : PageModel
{
    [BindProperty]
    public SendShareInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    public ChildBanner Banner { get; private set; } = null!;

    public IReadOnlyList<AgencyChoice> Agencies { get; private set; } = [];

    public IReadOnlyList<ProfessionalChoice> Professionals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new PersonId(id), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var personId = new PersonId(id);
        if (!await LoadAsync(personId, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var files = new List<UploadedFile>();
        foreach (var file in Attachments.Where(f => f.Length > 0))
        {
            files.Add(new UploadedFile(file.FileName, await Uploads.ReadAsync(file, cancellationToken)));
        }

        var handled = await handler.HandleAsync(Input.ToCommand(personId), files, cancellationToken);
        return await this.AfterChangeAsync(handled, sent => new PageDone(
                sent.Status == ShareStatus.WithEmergencyDuty
                    ? "Share sent. It arrived out of hours, so the Emergency Duty Team has it until the next working morning."
                    : "Share sent. You will see here when it is received and actioned.",
                $"/shares/{sent.Id.Value}"),
            () => Task.FromResult(true));
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (!(await access.DecideAsync(id, cancellationToken)).Allowed)
        {
            return false;
        }

        Banner = await banner.LoadAsync(id, cancellationToken);
        (Agencies, Professionals) = await choices.LoadAsync(cancellationToken);
        return true;
    }

    public sealed class SendShareInput
    {
        public ShareKind? Kind { get; set; }
        public Guid? RecipientAgencyId { get; set; }
        public Guid? RecipientTeamId { get; set; }
        public Guid? RecipientProfessionalId { get; set; }
        public Urgency? Urgency { get; set; }
        public int? WorkingDays { get; set; }
        public string? Subject { get; set; }
        public string? Message { get; set; }

        public SendShareCommand ToCommand(PersonId child) => new()
        {
            Kind = Kind,
            RecipientAgencyId = RecipientAgencyId is { } a ? new AgencyId(a) : null,
            RecipientTeamId = RecipientTeamId is { } t ? new TeamId(t) : null,
            RecipientProfessionalId = RecipientProfessionalId is { } p ? new ProfessionalId(p) : null,
            ChildIds = [child],
            Urgency = Urgency,
            WorkingDays = WorkingDays,
            Subject = Subject,
            Message = Message,
        };
    }
}
