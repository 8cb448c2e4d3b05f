using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.FrontDoor.Triage;

public sealed class TriageEndpoints : IEndpoints
{
    private const string Conflict = "The contact has changed since you read it";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/contacts/{id:guid}", ViewAsync).WithName("GetContact")
            .WithSummary("A contact at the front door, its decision and history. The referrer's details are shown only to the front door, safeguarding leads and whoever made the contact.")
            .WithTags("Front door");
        api.MapGet("/contacts/{id:guid}/picture", PictureAsync).WithName("GetContactPicture")
            .WithSummary("The whole picture before a decision (L03): for the child and each other child in their household, previous contacts and outcomes, open alerts, significant events of the last 12 months, current involvements and legal status.")
            .WithTags("Front door");
        api.MapPost("/contacts/{id:guid}/decision", async (Guid id, TriageCommand command, TriageHandler handler, CancellationToken ct) =>
                (await handler.DecideAsync(new ContactId(id), command, ct)).ToChangeResult(Conflict))
            .WithName("DecideContact")
            .WithSummary("The front door's decision: threshold level, outcome, reasons and the indicators seen (codes from the current threshold document). It then waits for a manager's sign-off.")
            .WithTags("Front door");
        api.MapPost("/contacts/{id:guid}/sign-off", async (Guid id, SignOffCommand command, TriageHandler handler, CancellationToken ct) =>
                (await handler.SignOffAsync(new ContactId(id), command, ct)).ToChangeResult(Conflict))
            .WithName("SignOffContact")
            .WithSummary("A front door manager, not the decision maker, signs the decision off (L20). This may raise the child's legal status and, for s47 outcomes, creates the strategy discussion to hold.")
            .WithTags("Front door");
        api.MapPost("/contacts/{id:guid}/return", async (Guid id, SignOffCommand command, TriageHandler handler, CancellationToken ct) =>
                (await handler.ReturnAsync(new ContactId(id), command, ct)).ToChangeResult(Conflict))
            .WithName("ReturnContactDecision")
            .WithSummary("A front door manager sends the decision back with a reason; it stays in the history.")
            .WithTags("Front door");
    }

    private static async Task<Results<Ok<ContactView>, NotFound>> ViewAsync(Guid id, TriageHandler handler, CancellationToken cancellationToken) =>
        await handler.ViewAsync(new ContactId(id), cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<ChildPicture>>, NotFound>> PictureAsync(Guid id, TriageHandler handler, CancellationToken cancellationToken) =>
        await handler.PictureAsync(new ContactId(id), cancellationToken) is { } picture ? TypedResults.Ok(picture) : TypedResults.NotFound();
}
