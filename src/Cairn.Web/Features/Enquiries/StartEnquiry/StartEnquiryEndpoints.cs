using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Enquiries.StartEnquiry;

public sealed class StartEnquiryEndpoints : IEndpoints
{
    private const string Summary = "Starts the section 47 enquiry a held strategy discussion decided on (L17), for its child: a lead social "
                                   + "worker (active, children's social care in the child's area) and what the police and health are doing. "
                                   + "Children's social care only (403 otherwise). The legal status becomes Section 47 enquiry when it was "
                                   + "lower; a higher one is kept. One enquiry per discussion: a second start is 409.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/strategy-discussions/{id:guid}/section-47-enquiry", StartAsync)
            .WithName("StartSection47Enquiry")
            .WithSummary(Summary)
            .WithTags("Section 47 enquiries");

    private static async Task<Results<Created<ChangedEnquiry>, ValidationProblem, ProblemHttpResult, NotFound>> StartAsync(
        Guid id, StartEnquiryCommand command, StartEnquiryHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new StrategyDiscussionId(id), command, cancellationToken))
        .ToCreatedResult(e => $"/api/v1/section-47-enquiries/{e.Id.Value}");
}
