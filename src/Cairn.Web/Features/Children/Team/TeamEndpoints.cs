using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Children.Team;

public sealed class TeamEndpoints : IEndpoints
{
    private const string Conflict = "The team around the child has changed";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/people/{id:guid}/team", GetAsync)
            .WithName("GetTeamAroundChild")
            .WithSummary("The professionals currently involved with the child, with how to reach them, and those involved before.")
            .WithTags("Team around the child");
        api.MapPost("/people/{id:guid}/team", AddAsync)
            .WithName("AddInvolvement")
            .WithSummary("Adds a professional to the team around the child. The first professional, or one added with makeLead, becomes the lead professional (L19). Practitioners may add professionals of their own agency; the lead professional, allocated social worker, front door, safeguarding lead and managers may add anyone.")
            .WithTags("Team around the child");
        api.MapPost("/involvements/{id:guid}/end", EndAsync)
            .WithName("EndInvolvement")
            .WithSummary("Ends an involvement on a date. The lead professional's involvement ends only when nobody else continues, or after the role has moved. Send the version you read; a stale version is 409.")
            .WithTags("Team around the child");
        api.MapPost("/involvements/{id:guid}/lead", MakeLeadAsync)
            .WithName("MakeLeadProfessional")
            .WithSummary("Makes this involvement's professional the lead professional, in place of the current one. Send the version you read; a stale version is 409.")
            .WithTags("Team around the child");
    }

    private static async Task<Results<Ok<TeamView>, NotFound>> GetAsync(Guid id, TeamHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } team ? TypedResults.Ok(team) : TypedResults.NotFound();

    private static async Task<Results<Created<ChangedInvolvement>, ValidationProblem, ProblemHttpResult, NotFound>> AddAsync(
        Guid id, AddInvolvementCommand command, TeamHandler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.AddAsync(new PersonId(id), command, cancellationToken);
        if (outcome is not { } result)
        {
            return TypedResults.NotFound();
        }

        if (result.Refusal is { } refusal)
        {
            return refusal.IsConflict ? refusal.ToConflict(Conflict) : refusal.ToProblem();
        }

        return TypedResults.Created($"/api/v1/people/{id}/team", result.Value);
    }

    private static async Task<Results<Ok<ChangedInvolvement>, ValidationProblem, ProblemHttpResult, NotFound>> EndAsync(
        Guid id, EndInvolvementCommand command, TeamHandler handler, CancellationToken cancellationToken) =>
        (await handler.EndAsync(new InvolvementId(id), command, cancellationToken)).ToChangeResult(Conflict);

    private static async Task<Results<Ok<ChangedInvolvement>, ValidationProblem, ProblemHttpResult, NotFound>> MakeLeadAsync(
        Guid id, MakeLeadCommand command, TeamHandler handler, CancellationToken cancellationToken) =>
        (await handler.MakeLeadAsync(new InvolvementId(id), command, cancellationToken)).ToChangeResult(Conflict);
}
