using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.FrontDoor.Triage;

public sealed class TriageEndpoints : IEndpoints
{
    private const string ContactSummary = "A contact at the front door, its decision and history. The referrer's details are shown only to "
        + "the front door, safeguarding leads and whoever made the contact.";

    private const string PictureSummary = "The whole picture before a decision (L03): for the child and each other child in their household, "
        + "previous contacts and outcomes, open alerts, significant events of the last 12 months, current involvements and legal status.";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/contacts/{id:guid}", ViewAsync)
            .WithName("GetContact")
            .WithSummary(ContactSummary)
            .WithTags("Front door");
        api.MapGet("/contacts/{id:guid}/picture", PictureAsync)
            .WithName("GetContactPicture")
            .WithSummary(PictureSummary)
            .WithTags("Front door");
    }

    private static async Task<Results<Ok<ContactView>, NotFound>> ViewAsync(Guid id, TriageHandler handler, CancellationToken cancellationToken) =>
        await handler.ViewAsync(new ContactId(id), cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<ChildPicture>>, NotFound>> PictureAsync(Guid id, TriageHandler handler,
        CancellationToken cancellationToken) =>
        await handler.PictureAsync(new ContactId(id), cancellationToken) is { } picture ? TypedResults.Ok(picture) : TypedResults.NotFound();
}
