using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Enquiries.RecordRoles;

/// <summary>The lead social worker and what the police and health are doing, replacing what was recorded. Version is the one read.</summary>
public sealed record RecordRolesCommand
{
    public ProfessionalId? LeadSocialWorkerId { get; init; }

    [StringLength(Section47Enquiry.MaxRoleLength)]
    public string? PoliceRole { get; init; }

    [StringLength(Section47Enquiry.MaxRoleLength)]
    public string? HealthRole { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>Records who leads the enquiry and what the police and health are doing, while it is open: children's social care only.</summary>
public sealed class RecordRolesHandler(EnquiryAccessHandler enquiries, CurrentUser user)
{
    public Task<Handled<ChangedEnquiry>> HandleAsync(Section47EnquiryId id, RecordRolesCommand command, CancellationToken cancellationToken) =>
        enquiries.ChangeAsync(id, "s47.roles", EnquiryStep.Work, async (enquiry, now) =>
        {
            var mayLead = await enquiries.MayLeadAsync(enquiry.ChildId, command.LeadSocialWorkerId, cancellationToken);
            return enquiry.RecordRoles(command.LeadSocialWorkerId, mayLead, command.PoliceRole, command.HealthRole, user.ProfessionalId,
                command.Version ?? -1, now);
        }, cancellationToken);
}
