using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Enquiries.RecordOutcome;

public sealed class RecordOutcomeEndpoints : IEndpoints
{
    private const string Summary = "Records the outcome of an open enquiry: NotSubstantiated, SubstantiatedNotAtContinuingRisk or "
                                   + "SubstantiatedAtContinuingRisk (then conferenceDecidedOn, the day the initial child protection "
                                   + "conference was decided on, is required), the day it was reached and the reasons. Children's social "
                                   + "care only (403 otherwise); stale version: 409. A team manager then authorises it.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/section-47-enquiries/{id:guid}/outcome", RecordAsync)
            .WithName("RecordSection47Outcome")
            .WithSummary(Summary)
            .WithTags("Section 47 enquiries");

    private static async Task<Results<Ok<ChangedEnquiry>, ValidationProblem, ProblemHttpResult, NotFound>> RecordAsync(
        Guid id, RecordOutcomeCommand command, RecordOutcomeHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new Section47EnquiryId(id), command, cancellationToken)).ToApiResult();
}
