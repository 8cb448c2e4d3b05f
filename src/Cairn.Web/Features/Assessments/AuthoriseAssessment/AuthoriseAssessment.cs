using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Assessments.AuthoriseAssessment;

public sealed record AuthoriseAssessmentCommand
{
    /// <summary>Why it is late: required when authorised after its due date and no reason was given on submission (T02).</summary>
    [StringLength(AssessmentSections.MaxLength)]
    public string? LateReason { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// A team manager in the lead's agency authorises a submitted assessment: it is complete and current from today for its
/// type's period (L25). Never by whoever submitted it; late needs a reason if none was given (T02).
/// </summary>
public sealed class AuthoriseAssessmentHandler(AssessmentAccessHandler assessments, CurrentUser user)
{
    public Task<Handled<ChangedAssessment>> HandleAsync(AssessmentId id, AuthoriseAssessmentCommand command, CancellationToken cancellationToken) =>
        assessments.ChangeAsync(id, "assessment.authorise", AssessmentStep.Decide,
            (assessment, now) => assessment.Authorise(command.LateReason, user.ProfessionalId, command.Version ?? 0, now), cancellationToken);
}

public sealed class AuthoriseAssessmentEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/assessments/{id:guid}/authorise", async (Guid id, AuthoriseAssessmentCommand command, AuthoriseAssessmentHandler handler,
                CancellationToken ct) => (await handler.HandleAsync(new AssessmentId(id), command, ct)).ToApiResult())
            .WithName("AuthoriseAssessment")
            .WithSummary("Authorises a submitted assessment: a team manager in the lead's agency, not the submitter (403). A late reason is "
                         + "required when past the due date and none was given on submission.")
            .WithTags("Assessments");
}
