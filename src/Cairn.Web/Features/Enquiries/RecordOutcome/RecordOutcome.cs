using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Enquiries.RecordOutcome;

/// <summary>The enquiry's outcome. Version is the one read.</summary>
public sealed record RecordOutcomeCommand
{
    public Section47Outcome? Outcome { get; init; }

    /// <summary>The day the outcome was reached: on or after the enquiry started, not in the future, within two years.</summary>
    public DateOnly? OutcomeOn { get; init; }

    [StringLength(Section47Enquiry.MaxReasonsLength)]
    public string? OutcomeReasons { get; init; }

    /// <summary>Only for a continuing risk: the day the initial child protection conference was decided on.</summary>
    public DateOnly? ConferenceDecidedOn { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// Records the outcome of an open enquiry (L20): not substantiated, substantiated without continuing risk, or substantiated
/// with continuing risk (an initial child protection conference is required, with the date that was decided). Children's
/// social care only; a team manager then authorises it. The legal status changes only when the outcome is authorised.
/// </summary>
public sealed class RecordOutcomeHandler(EnquiryAccessHandler enquiries, CurrentUser user)
{
    public Task<Handled<ChangedEnquiry>> HandleAsync(Section47EnquiryId id, RecordOutcomeCommand command, CancellationToken cancellationToken) =>
        enquiries.ChangeAsync(id, "s47.outcome", EnquiryStep.Work, (enquiry, now) =>
            Task.FromResult(enquiry.RecordOutcome(command.Outcome, command.OutcomeOn, command.OutcomeReasons, command.ConferenceDecidedOn,
                user.ProfessionalId, command.Version ?? -1, now)), cancellationToken);
}
