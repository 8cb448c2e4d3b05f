using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Assessments.SubmitAssessment;

public sealed record SubmitAssessmentCommand
{
    /// <summary>Why it is late: required when submitted after its due date (T02).</summary>
    [StringLength(AssessmentSections.MaxLength)]
    public string? LateReason { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// Submits an assessment for a manager's authorisation. Every section is required, the voice of the child and health first
/// (L26); after the due date, a reason why it is late (T02). The lead or someone in the lead's agency.
/// </summary>
public sealed class SubmitAssessmentHandler(AssessmentAccessHandler assessments, CurrentUser user)
{
    public Task<Handled<ChangedAssessment>> HandleAsync(AssessmentId id, SubmitAssessmentCommand command, CancellationToken cancellationToken) =>
        assessments.ChangeAsync(id, "assessment.submit", AssessmentStep.Work,
            (assessment, now) => assessment.Submit(command.LateReason, user.ProfessionalId, command.Version ?? 0, now), cancellationToken);
}

public sealed class SubmitAssessmentEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/assessments/{id:guid}/submit", async (Guid id, SubmitAssessmentCommand command, SubmitAssessmentHandler handler,
                CancellationToken ct) => (await handler.HandleAsync(new AssessmentId(id), command, ct)).ToApiResult())
            .WithName("SubmitAssessment")
            .WithSummary("Submits the assessment for authorisation: the voice of the child, health, findings, analysis and recommendations are "
                         + "required, and a late reason when past the due date. The lead or someone in the lead's agency.")
            .WithTags("Assessments");
}
