using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Web.Features.Meetings;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Enquiries.AuthoriseOutcome;

/// <summary>Authorising the recorded outcome. Version is the one read.</summary>
public sealed record AuthoriseOutcomeCommand
{
    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// A team manager in children's social care authorises the recorded outcome (L20), never one they recorded themselves, and the
/// enquiry is complete. The legal status follows in the same unit of work: no continuing risk makes a child still under the
/// enquiry a child in need; a continuing risk keeps the section 47 enquiry until the conference decides, and schedules the
/// initial child protection conference, due 15 working days after the strategy discussion that began the enquiry (T05, L16),
/// arranged by the enquiry's lead social worker.
/// </summary>
public sealed class AuthoriseOutcomeHandler(EnquiryAccessHandler enquiries, EnquiryLegalStatusHandler legalStatus, MeetingSchedulingHandler meetings,
    CurrentUser user)
{
    public async Task<Handled<ChangedEnquiry>> HandleAsync(Section47EnquiryId id, AuthoriseOutcomeCommand command,
        CancellationToken cancellationToken)
    {
        string? note = null;
        string? scheduled = null;
        var handled = await enquiries.ChangeAsync(id, "s47.authorise", EnquiryStep.Decide, async (enquiry, now) =>
        {
            if (enquiry.Authorise(user.ProfessionalId, command.Version ?? -1, now) is { } refusal)
            {
                return refusal;
            }

            note = await legalStatus.AfterAuthorisedAsync(enquiry, now, cancellationToken);
            if (enquiry.ConferenceRequired)
            {
                var facts = new MeetingTriggerFacts(MeetingKind.InitialChildProtectionConference, 1, MeetingTrigger.Section47Enquiry,
                    enquiry.Id.Value, enquiry.StartedOn, now);
                if (await meetings.ScheduleAsync(enquiry.ChildId, facts, enquiry.LeadSocialWorkerId, user.ProfessionalId, now, cancellationToken)
                    is { } conference)
                {
                    scheduled = $"Initial child protection conference scheduled, due by {conference.DueOn:d MMMM yyyy}";
                }
            }

            return null;
        }, cancellationToken);
        return handled.Then(changed => changed with { LegalStatusNote = note, MeetingNote = scheduled });
    }
}
