using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.FrontDoor.Triage;

public sealed class TriageEndpoints : IEndpoints
{
    private const string ContactSummary = "A contact at the front door, its decision and history. The referrer's details are shown only to "
        + "the front door, safeguarding leads and whoever made the contact.";

    private const string PictureSummary = "The whole picture before a decision (L03, L04, L05), for the front door only (403 for anyone else who "
        + "may open the child's record): for the child and each other child in their household, previous contacts and outcomes, open "
        + "alerts, significant events and every entry with a cause for concern in the look-back window, open and recent concern prompts "
        + "with their evidence, current involvements and legal status; the connected adults' own significant history and causes for "
        + "concern with their relationship to each child; and the interpreter and language needs of the children and their carers. "
        + "Long lists are capped, with a count of how many more.";

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

    private static async Task<Results<Ok<WholePicture>, ValidationProblem, ProblemHttpResult, NotFound>> PictureAsync(Guid id,
        TriageHandler handler, CancellationToken cancellationToken) =>
        (await handler.PictureAsync(new ContactId(id), cancellationToken)).ToApiResult();
}
