using Cairn.Domain;

namespace Cairn.Web.Features.FrontDoor.RecordStrategyDiscussion;

public sealed class RecordStrategyDiscussionEndpoints : IEndpoints
{
    private const string Summary = "Records the strategy discussion as held (by phone is fine): attendees from children's social care, "
        + "police and health at least, and the decision on a section 47 enquiry. Children's social care only.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/strategy-discussions/{id:guid}", async (Guid id, RecordStrategyDiscussionCommand command,
                RecordStrategyDiscussionHandler handler, CancellationToken ct) =>
                (await handler.RecordAsync(new StrategyDiscussionId(id), command, ct)).ToApiResult())
            .WithName("RecordStrategyDiscussion")
            .WithSummary(Summary)
            .WithTags("Front door");
}
