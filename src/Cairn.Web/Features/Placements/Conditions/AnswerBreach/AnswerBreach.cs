using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Conditions.AnswerBreach;

public sealed record AnswerBreachCommand
{
    /// <summary>One of the child's risk assessments, started on or after the day the breach was observed.</summary>
    public AssessmentId? AssessmentId { get; init; }

    /// <summary>The version of the condition read.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Links the risk assessment that answers an open breach of a commissioned condition (L38): children's social care only. It closes
/// the breach and stops its escalation.
/// </summary>
public sealed class AnswerBreachHandler(CairnDbContext db, ConditionAccessHandler conditions)
{
    public const string Action = "commissioned-condition.answer-breach";

    public Task<Handled<ConditionView>> HandleAsync(CommissionedConditionId id, AnswerBreachCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return conditions.ChangeAsync(id, Action, conditions.MayManageAsync, async (c, _) =>
        {
            var assessment = command.AssessmentId is { } a
                ? await db.Assessments.AsNoTracking().Where(x => x.Id == a)
                    .Select(x => new { x.Id, x.ChildId, x.Type, x.StartedOn }).FirstOrDefaultAsync(cancellationToken)
                : null;
            return assessment is null
                ? Refusal.Of("AssessmentId", "Select a risk assessment of this child")
                : c.AnswerBreach(assessment.Id, assessment.ChildId, assessment.Type == AssessmentType.Risk, assessment.StartedOn, command.Version);
        }, cancellationToken);
    }
}

public sealed class AnswerBreachEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/commissioned-conditions/{id:guid}/risk-assessment", HandleAsync)
            .WithName("AnswerConditionBreach")
            .WithSummary("Links the risk assessment that answers an open breach of a commissioned condition (L38): one of the child's risk "
                         + "assessments started on or after the day the breach was observed (400 otherwise). Stops the escalation. Children's "
                         + "social care only (403); send the version you read (409 if stale).")
            .WithTags("Placements");

    private static async Task<Results<Ok<ConditionView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        AnswerBreachCommand command, AnswerBreachHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new CommissionedConditionId(id), command, cancellationToken)).ToApiResult();
}
