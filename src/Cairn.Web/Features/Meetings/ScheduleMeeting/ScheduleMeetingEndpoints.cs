using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Meetings.ScheduleMeeting;

public sealed class ScheduleMeetingEndpoints : IEndpoints
{
    private const string Summary = "Schedules a meeting by hand: ProfessionalsMeeting or TeamAroundTheFamily (anyone who may open the record); "
                                   + "ChildInNeedReview, CarePlanningMeeting, PlacementPlanningMeeting (triggeredAt: when the placement "
                                   + "started) or InitialChildProtectionConference (triggeredOn: the strategy discussion's date) by children's "
                                   + "social care only (403 otherwise). The due date comes from the type's timescale; the caller owns it.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/meetings", ScheduleAsync)
            .WithName("ScheduleMeeting")
            .WithSummary(Summary)
            .WithTags("Meetings");

    private static async Task<Results<Created<ChangedMeeting>, ValidationProblem, ProblemHttpResult, NotFound>> ScheduleAsync(
        Guid id, ScheduleMeetingCommand command, ScheduleMeetingHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), command, cancellationToken)).ToCreatedResult(m => $"/api/v1/meetings/{m.Id.Value}");
}
