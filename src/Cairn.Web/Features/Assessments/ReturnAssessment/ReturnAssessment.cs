using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Assessments.ReturnAssessment;

public sealed record ReturnAssessmentCommand
{
    /// <summary>What must change before it can be authorised (at least 20 characters); kept in its history.</summary>
    [StringLength(AssessmentSections.MaxLength)]
    public string? Reason { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>A team manager in the lead's agency returns a submitted assessment to the lead, saying what must change; not the submitter.</summary>
public sealed class ReturnAssessmentHandler(AssessmentAccessHandler assessments, CurrentUser user)
{
    public Task<Handled<ChangedAssessment>> HandleAsync(AssessmentId id, ReturnAssessmentCommand command, CancellationToken cancellationToken) =>
        assessments.ChangeAsync(id, "assessment.return", AssessmentStep.Decide,
            (assessment, now) => assessment.Return(command.Reason, user.ProfessionalId, command.Version ?? 0, now), cancellationToken);
}

public sealed class ReturnAssessmentEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/assessments/{id:guid}/return", async (Guid id, ReturnAssessmentCommand command, ReturnAssessmentHandler handler,
                CancellationToken ct) => (await handler.HandleAsync(new AssessmentId(id), command, ct)).ToApiResult())
            .WithName("ReturnAssessment")
            .WithSummary("Returns a submitted assessment to the lead with what must change: a team manager in the lead's agency, not the "
                         + "submitter (403).")
            .WithTags("Assessments");
}
