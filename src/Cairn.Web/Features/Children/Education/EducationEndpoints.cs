using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Children.Education;

public sealed class EducationEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/people/{id:guid}/education", GetAsync)
            .WithName("GetEducation")
            .WithSummary("The child's education status and complex needs, with every earlier version (L09, L50). Version 0 means none "
                         + "recorded yet.")
            .WithTags("Education and complex needs");
        api.MapPut("/people/{id:guid}/education", PutAsync)
            .WithName("RecordEducation")
            .WithSummary("Records the child's education status since a date and whether they have complex needs, with the reason. "
                         + "Anyone who may open the child's record may record it. Send the version you read (0 for none); a stale version is 409.")
            .WithTags("Education and complex needs");
    }

    private static async Task<Results<Ok<EducationDetails>, NotFound>> GetAsync(Guid id, EducationHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    private static async Task<Results<Ok<ChangedEducation>, ValidationProblem, ProblemHttpResult, NotFound>> PutAsync(
        Guid id, RecordEducationCommand command, EducationHandler handler, CancellationToken cancellationToken) =>
        (await handler.RecordAsync(new PersonId(id), command, cancellationToken)).ToApiResult();
}
