using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Enquiries.ReturnOutcome;

/// <summary>Returning the recorded outcome with what must change. Version is the one read.</summary>
public sealed record ReturnOutcomeCommand
{
    [StringLength(Section47Enquiry.MaxReasonsLength)]
    public string? Reason { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// A team manager in children's social care sends the outcome back to the lead social worker, saying why (L20); it is then
/// recorded again.
/// </summary>
public sealed class ReturnOutcomeHandler(EnquiryAccessHandler enquiries, CurrentUser user)
{
    public Task<Handled<ChangedEnquiry>> HandleAsync(Section47EnquiryId id, ReturnOutcomeCommand command, CancellationToken cancellationToken) =>
        enquiries.ChangeAsync(id, "s47.return", EnquiryStep.Decide, (enquiry, now) =>
            Task.FromResult(enquiry.ReturnOutcome(command.Reason, user.ProfessionalId, command.Version ?? -1, now)), cancellationToken);
}
