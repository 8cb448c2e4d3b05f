using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Enquiries.AuthoriseOutcome;

public sealed class AuthoriseOutcomeEndpoints : IEndpoints
{
    private const string Summary = "Authorises the recorded outcome, completing the enquiry: a team manager in children's social care who did "
                                   + "not record it (403 otherwise); stale version: 409. No continuing risk makes a child whose legal status "
                                   + "is still Section 47 enquiry a child in need; a continuing risk keeps it until the conference.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/section-47-enquiries/{id:guid}/authorise", AuthoriseAsync)
            .WithName("AuthoriseSection47Outcome")
            .WithSummary(Summary)
            .WithTags("Section 47 enquiries");

    private static async Task<Results<Ok<ChangedEnquiry>, ValidationProblem, ProblemHttpResult, NotFound>> AuthoriseAsync(
        Guid id, AuthoriseOutcomeCommand command, AuthoriseOutcomeHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new Section47EnquiryId(id), command, cancellationToken)).ToApiResult();
}
