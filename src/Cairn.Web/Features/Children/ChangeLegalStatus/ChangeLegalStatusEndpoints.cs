using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Children.ChangeLegalStatus;

public sealed class ChangeLegalStatusEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/people/{id:guid}/legal-status", GetAsync)
            .WithName("GetLegalStatus")
            .WithSummary("The child's legal status now and its history, newest first (L20).")
            .WithTags("Legal status");
        api.MapPost("/people/{id:guid}/legal-status", ChangeAsync)
            .WithName("ChangeLegalStatus")
            .WithSummary("Records a new legal status from a date; the current one ends the day before. Children's social care only. "
                         + "Send currentStatusId as you read it (null for none); a stale one is 409.")
            .WithTags("Legal status");
        api.MapPost("/people/{id:guid}/legal-status/{statusId:guid}/return-codes", CorrectCodesAsync)
            .WithName("CorrectLegalStatusReturnCodes")
            .WithSummary("Records or corrects the SSDA903 codes on one status: needCode (N1–N8) on the status that started a period of "
                         + "care, reasonCareCeased (REC) on the one that ended it. Children's social care only; send version as read (409 if stale).")
            .WithTags("Legal status");
    }

    private static async Task<Results<Ok<CorrectedReturnCodes>, ValidationProblem, ProblemHttpResult, NotFound>> CorrectCodesAsync(
        Guid id, Guid statusId, CorrectReturnCodesCommand command, ChangeLegalStatusHandler handler, CancellationToken cancellationToken) =>
        (await handler.CorrectCodesAsync(new PersonId(id), new LegalStatusId(statusId), command, cancellationToken)).ToApiResult();

    private static async Task<Results<Ok<LegalStatusHistory>, NotFound>> GetAsync(Guid id, ChangeLegalStatusHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } history ? TypedResults.Ok(history) : TypedResults.NotFound();

    private static async Task<Results<Created<ChangedLegalStatus>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeAsync(
        Guid id, ChangeLegalStatusCommand command, ChangeLegalStatusHandler handler, CancellationToken cancellationToken) =>
        (await handler.ChangeAsync(new PersonId(id), command, cancellationToken)).ToCreatedResult(_ => $"/api/v1/people/{id}/legal-status");
}
