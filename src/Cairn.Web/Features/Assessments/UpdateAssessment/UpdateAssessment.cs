using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Assessments.UpdateAssessment;

/// <summary>The sections of an assessment as recorded so far, with the version read. Nothing is required until it is submitted.</summary>
public sealed record UpdateAssessmentCommand
{
    [StringLength(AssessmentSections.MaxLength)]
    public string? VoiceOfChild { get; init; }

    [StringLength(AssessmentSections.MaxLength)]
    public string? Health { get; init; }

    /// <summary>Whether the child's GP contributed or was consulted (L26).</summary>
    public bool? GpInvolved { get; init; }

    [StringLength(AssessmentSections.MaxLength)]
    public string? Findings { get; init; }

    [StringLength(AssessmentSections.MaxLength)]
    public string? Analysis { get; init; }

    [StringLength(AssessmentSections.MaxLength)]
    public string? Recommendations { get; init; }

    /// <summary>The agencies of the child's area that contributed.</summary>
    public IReadOnlyList<AgencyId>? ContributingAgencies { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// Records the sections of an assessment in progress (L26: the voice of the child, health including the GP, whether the GP
/// was involved; findings, analysis, recommendations and the contributing agencies). The lead or someone in the lead's agency.
/// </summary>
public sealed class UpdateAssessmentHandler(AssessmentAccessHandler assessments, CurrentUser user)
{
    public async Task<Handled<ChangedAssessment>> HandleAsync(AssessmentId id, UpdateAssessmentCommand command, CancellationToken cancellationToken)
    {
        var known = await assessments.ChildOfAsync(id, cancellationToken) is { } child
            ? (await assessments.AgenciesOfChildsAreaAsync(child, cancellationToken)).Select(g => g.Id).ToHashSet()
            : [];
        var agencies = command.ContributingAgencies ?? [];
        var sections = new AssessmentSections
        {
            VoiceOfChild = command.VoiceOfChild,
            Health = command.Health,
            GpInvolved = command.GpInvolved,
            Findings = command.Findings,
            Analysis = command.Analysis,
            Recommendations = command.Recommendations,
            ContributingAgencies = agencies,
        };
        return await assessments.ChangeAsync(id, "assessment.update", AssessmentStep.Work, (assessment, now) =>
            agencies.Any(a => !known.Contains(a))
                ? Refusal.Of("ContributingAgencies", "Select agencies of this child's area")
                : assessment.Update(sections, user.ProfessionalId, command.Version ?? 0, now), cancellationToken);
    }
}

public sealed class UpdateAssessmentEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/assessments/{id:guid}", async (Guid id, UpdateAssessmentCommand command, UpdateAssessmentHandler handler,
                CancellationToken ct) => (await handler.HandleAsync(new AssessmentId(id), command, ct)).ToApiResult())
            .WithName("UpdateAssessment")
            .WithSummary("Records the sections of an assessment in progress, with the version read: the voice of the child, health including "
                         + "the GP, whether the GP was involved (L26), findings, analysis, recommendations, contributing agencies. The lead or "
                         + "someone in the lead's agency (403 otherwise); 409 when someone changed it meanwhile.")
            .WithTags("Assessments");
}
