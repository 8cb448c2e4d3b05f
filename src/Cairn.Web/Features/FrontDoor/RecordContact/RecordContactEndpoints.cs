namespace Cairn.Web.Features.FrontDoor.RecordContact;

public sealed class RecordContactEndpoints : IEndpoints
{
    private const string Summary = "Records a contact at the front door about a child (and optionally every other child in their household): "
        + "one contact per child, each with a decision due within one working day. Front door only.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/contacts", async (RecordContactCommand command, RecordContactHandler handler, CancellationToken ct) =>
                (await handler.RecordAsync(command, ct)).ToCreatedResult(recorded => $"/api/v1/contacts/{recorded.Contacts[0].Id.Value}"))
            .WithName("RecordContact")
            .WithSummary(Summary)
            .WithTags("Front door");
}
