using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Enquiries.ReturnOutcome;

public sealed class ReturnOutcomeEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/section-47-enquiries/{id:guid}/return", ReturnAsync)
            .WithName("ReturnSection47Outcome")
            .WithSummary("Returns the recorded outcome to the lead social worker with a reason (at least 20 characters): a team manager in "
                         + "children's social care (403 otherwise); stale version: 409. The enquiry is open again for its outcome.")
            .WithTags("Section 47 enquiries");

    private static async Task<Results<Ok<ChangedEnquiry>, ValidationProblem, ProblemHttpResult, NotFound>> ReturnAsync(
        Guid id, ReturnOutcomeCommand command, ReturnOutcomeHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new Section47EnquiryId(id), command, cancellationToken)).ToApiResult();
}
