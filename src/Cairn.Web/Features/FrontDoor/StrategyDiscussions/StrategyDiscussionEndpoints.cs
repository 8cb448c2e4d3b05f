using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.FrontDoor.StrategyDiscussions;

public sealed class StrategyDiscussionEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/strategy-discussions/{id:guid}", async Task<Results<Ok<StrategyDiscussionView>, NotFound>> (Guid id, StrategyDiscussionHandler handler, CancellationToken ct) =>
                await handler.ViewAsync(new StrategyDiscussionId(id), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithName("GetStrategyDiscussion")
            .WithSummary("A strategy discussion required by a front door decision (L17), and what it decided.")
            .WithTags("Front door");
        api.MapPost("/strategy-discussions/{id:guid}", async (Guid id, RecordStrategyDiscussionCommand command, StrategyDiscussionHandler handler, CancellationToken ct) =>
                (await handler.RecordAsync(new StrategyDiscussionId(id), command, ct)).ToChangeResult("The strategy discussion has changed since you read it"))
            .WithName("RecordStrategyDiscussion")
            .WithSummary("Records the strategy discussion as held (by phone is fine): attendees from children's social care, police and health at least, and the decision on a section 47 enquiry. Children's social care only.")
            .WithTags("Front door");
    }
}
