using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Disagreements.ViewDisagreement;

public sealed class ViewDisagreementEndpoints : IEndpoints
{
    private const string Conflict = "The disagreement has changed";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/disagreements/{id:guid}", GetAsync)
            .WithName("GetDisagreement")
            .WithSummary("One disagreement with its stages and the history of every step. Visible to the professional who raised it, anyone who owned a stage, and anyone who may open the child's record.")
            .WithTags("Disagreements");
        api.MapPost("/disagreements/{id:guid}/resolve", ResolveAsync)
            .WithName("ResolveDisagreement")
            .WithSummary("The current stage's owner records what was agreed (at stage 3, the final decision), closing the disagreement. Anyone else is 403. Send the version you read; a stale version is 409.")
            .WithTags("Disagreements");
        api.MapPost("/disagreements/{id:guid}/escalate", EscalateAsync)
            .WithName("EscalateDisagreement")
            .WithSummary("The current stage's owner sends it up a stage, with why and the next owner (someone who has not owned a stage and did not raise it). Not possible from stage 3. Anyone else is 403. Send the version you read; a stale version is 409.")
            .WithTags("Disagreements");
        api.MapPost("/disagreements/{id:guid}/withdraw", WithdrawAsync)
            .WithName("WithdrawDisagreement")
            .WithSummary("The professional who raised it withdraws it, with why. Anyone else is 403. Send the version you read; a stale version is 409.")
            .WithTags("Disagreements");
    }

    private static async Task<Results<Ok<DisagreementDetails>, NotFound>> GetAsync(Guid id, ViewDisagreementHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(new DisagreementId(id), cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    private static async Task<Results<Ok<ChangedDisagreement>, ValidationProblem, ProblemHttpResult, NotFound>> ResolveAsync(
        Guid id, ResolveDisagreementCommand command, ViewDisagreementHandler handler, CancellationToken cancellationToken) =>
        ToResult(await handler.ResolveAsync(new DisagreementId(id), command, cancellationToken));

    private static async Task<Results<Ok<ChangedDisagreement>, ValidationProblem, ProblemHttpResult, NotFound>> EscalateAsync(
        Guid id, EscalateDisagreementCommand command, ViewDisagreementHandler handler, CancellationToken cancellationToken) =>
        ToResult(await handler.EscalateAsync(new DisagreementId(id), command, cancellationToken));

    private static async Task<Results<Ok<ChangedDisagreement>, ValidationProblem, ProblemHttpResult, NotFound>> WithdrawAsync(
        Guid id, WithdrawDisagreementCommand command, ViewDisagreementHandler handler, CancellationToken cancellationToken) =>
        ToResult(await handler.WithdrawAsync(new DisagreementId(id), command, cancellationToken));

    /// <summary>As <see cref="Problems.ToChangeResult{T}"/>, and 403 for a step that is not the caller's to take.</summary>
    private static Results<Ok<ChangedDisagreement>, ValidationProblem, ProblemHttpResult, NotFound> ToResult(Outcome<ChangedDisagreement>? outcome)
    {
        if (outcome is { Refusal: { } refusal } && ViewDisagreementHandler.IsNotYours(refusal))
        {
            return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "This step is not yours to take",
                Type = "https://cairn.example/problems/forbidden",
                Detail = string.Join(" ", refusal.Errors.Select(e => e.Message)),
            });
        }

        return outcome.ToChangeResult(Conflict);
    }
}
