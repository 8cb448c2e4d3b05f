using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Alerts.ReviewAlert;

public sealed class ReviewAlertEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/alerts/{id:guid}", GetAsync)
            .WithName("GetAlert")
            .WithSummary("One alert with its history of reviews.")
            .WithTags("Alerts");
        api.MapPost("/alerts/{id:guid}/review", ReviewAsync)
            .WithName("ReviewAlert")
            .WithSummary("Records that the alert still stands, with the next review date and why. Send the version you read; a stale version is 409.")
            .WithTags("Alerts");
        api.MapPost("/alerts/{id:guid}/close", CloseAsync)
            .WithName("CloseAlert")
            .WithSummary("Closes the alert with the reason it no longer applies. Send the version you read; a stale version is 409.")
            .WithTags("Alerts");
    }

    private static async Task<Results<Ok<AlertDetails>, NotFound>> GetAsync(Guid id, ReviewAlertHandler handler, CancellationToken cancellationToken)
    {
        var alert = await handler.HandleAsync(new AlertId(id), cancellationToken);
        return alert is null ? TypedResults.NotFound() : TypedResults.Ok(alert);
    }

    private static async Task<Results<Ok<ChangedAlert>, ValidationProblem, ProblemHttpResult, NotFound>> ReviewAsync(
        Guid id, ReviewAlertCommand command, ReviewAlertHandler handler, CancellationToken cancellationToken) =>
        ToResult(await handler.ReviewAsync(new AlertId(id), command, cancellationToken));

    private static async Task<Results<Ok<ChangedAlert>, ValidationProblem, ProblemHttpResult, NotFound>> CloseAsync(
        Guid id, CloseAlertCommand command, ReviewAlertHandler handler, CancellationToken cancellationToken) =>
        ToResult(await handler.CloseAsync(new AlertId(id), command, cancellationToken));

    private static Results<Ok<ChangedAlert>, ValidationProblem, ProblemHttpResult, NotFound> ToResult(Outcome<ChangedAlert>? outcome)
    {
        if (outcome is not { } result)
        {
            return TypedResults.NotFound();
        }

        if (result.Refusal is not { } refusal)
        {
            return TypedResults.Ok(result.Value!);
        }

        if (!ReviewAlertHandler.IsConflict(refusal))
        {
            return refusal.ToProblem();
        }

        var problem = refusal.ToProblem().ProblemDetails;
        problem.Status = StatusCodes.Status409Conflict;
        problem.Title = "The alert has changed";
        problem.Type = "https://cairn.example/problems/conflict";
        problem.Detail = string.Join(" ", refusal.Errors.Select(e => e.Message));
        return TypedResults.Problem(problem);
    }
}
