using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.FrontDoor.RecordContact;

public sealed class RecordContactEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/contacts", RecordAsync)
            .WithName("RecordContact")
            .WithSummary("Records a contact at the front door about a child (and optionally every other child in their household): one contact per child, each with a decision due within one working day. Front door only.")
            .WithTags("Front door");
        api.MapPost("/police-notifications", PoliceNotificationAsync)
            .WithName("RecordPoliceNotification")
            .WithSummary("Records a police notification (L06): a contact for every child in the households of the people named, linked to each child's chronology. For domestic abuse, each child's school designated safeguarding lead is sent a share due before the next school day (Operation Encompass).")
            .WithTags("Front door");
    }

    private static async Task<Results<Created<RecordedContacts>, ValidationProblem, NotFound>> RecordAsync(
        RecordContactCommand command, RecordContactHandler handler, CancellationToken cancellationToken) =>
        Created(await handler.RecordAsync(command, cancellationToken));

    private static async Task<Results<Created<RecordedContacts>, ValidationProblem, NotFound>> PoliceNotificationAsync(
        PoliceNotificationCommand command, RecordContactHandler handler, CancellationToken cancellationToken) =>
        Created(await handler.RecordPoliceNotificationAsync(command, cancellationToken));

    private static Results<Created<RecordedContacts>, ValidationProblem, NotFound> Created(Domain.Outcome<RecordedContacts>? outcome)
    {
        if (outcome is not { } result)
        {
            return TypedResults.NotFound();
        }

        return result.Refusal is { } refusal
            ? refusal.ToProblem()
            : TypedResults.Created($"/api/v1/contacts/{result.Value!.Contacts[0].Id.Value}", result.Value);
    }
}
