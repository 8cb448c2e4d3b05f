namespace Cairn.Web.Features.FrontDoor.RecordPoliceNotification;

public sealed class RecordPoliceNotificationEndpoints : IEndpoints
{
    private const string Summary = "Records a police notification (L06): a contact for every child in the households of the people named, "
        + "linked to each child's chronology. For domestic abuse, each child's school designated safeguarding lead is sent a share "
        + "due before the next school day (Operation Encompass).";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/police-notifications", async (PoliceNotificationCommand command, RecordPoliceNotificationHandler handler,
                CancellationToken ct) =>
                (await handler.RecordAsync(command, ct)).ToCreatedResult(recorded => $"/api/v1/contacts/{recorded.Contacts[0].Id.Value}"))
            .WithName("RecordPoliceNotification")
            .WithSummary(Summary)
            .WithTags("Front door");
}
