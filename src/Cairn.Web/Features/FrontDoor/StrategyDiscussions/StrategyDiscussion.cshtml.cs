using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Features.Enquiries;
using Cairn.Web.Features.FrontDoor.RecordStrategyDiscussion;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.FrontDoor.StrategyDiscussions;

[Authorize(Policy = Policies.Professional)]
public sealed class StrategyDiscussionModel(StrategyDiscussionHandler handler, RecordStrategyDiscussionHandler record,
    EnquiryAccessHandler enquiries, TimeProvider clock) : PageModel
{
    public const int AttendeeRows = 6;

    [BindProperty]
    public DiscussionInput Input { get; set; } = new();

    public StrategyDiscussionView Discussion { get; private set; } = null!;

    /// <summary>The section 47 enquiry this discussion started, once it has.</summary>
    public Section47EnquiryId? EnquiryId { get; private set; }

    /// <summary>Whether the viewer may start the enquiry this discussion decided on: children's social care only.</summary>
    public bool MayStartEnquiry { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new StrategyDiscussionId(id), cancellationToken))
        {
            return NotFound();
        }

        Input.HeldAt = clock.GetUtcNow().ToLondon().DateTime;
        Input.Version = Discussion.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(new StrategyDiscussionId(id), cancellationToken) ? Page() : NotFound();
        }

        var handled = await record.RecordAsync(new StrategyDiscussionId(id), new RecordStrategyDiscussionCommand
        {
            HeldAt = Input.HeldAt is { } local ? Clock.FromLondon(local) : null,
            ByPhone = Input.ByPhone,
            Attendees = Input.Attendees.Select(a => new AttendeeInput(a.Name, a.Agency, a.Role, null)).ToList(),
            StartSection47 = Input.StartSection47,
            Decision = Input.Decision,
            Version = Input.Version,
        }, cancellationToken);
        return await this.AfterChangeAsync(handled,
            recorded => new PageDone("Strategy discussion recorded" + (recorded.LegalStatusNote is { } note ? $". {note}" : ""),
                $"/strategy-discussions/{id}"),
            () => LoadAsync(new StrategyDiscussionId(id), cancellationToken));
    }

    private async Task<bool> LoadAsync(StrategyDiscussionId id, CancellationToken cancellationToken)
    {
        if (await handler.ViewAsync(id, cancellationToken) is not { } view)
        {
            return false;
        }

        Discussion = view;
        if (view.StartSection47 == true)
        {
            EnquiryId = await enquiries.EnquiryOfDiscussionAsync(id, cancellationToken);
            MayStartEnquiry = EnquiryId is null && await enquiries.MayAsync(EnquiryStep.Work, cancellationToken);
        }

        while (Input.Attendees.Count < AttendeeRows)
        {
            Input.Attendees.Add(new Attendee());
        }

        return true;
    }

    public sealed class DiscussionInput
    {
        [Display(Name = "Date and time held")]
        public DateTime? HeldAt { get; set; }
        public bool ByPhone { get; set; }
        public List<Attendee> Attendees { get; set; } = [];
        public bool? StartSection47 { get; set; }
        public string? Decision { get; set; }
        public int? Version { get; set; }
    }

    public sealed class Attendee
    {
        public string? Name { get; set; }
        public AgencyKind? Agency { get; set; }
        public string? Role { get; set; }
    }
}
