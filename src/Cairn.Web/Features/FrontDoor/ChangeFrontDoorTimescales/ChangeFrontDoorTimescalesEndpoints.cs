namespace Cairn.Web.Features.FrontDoor.ChangeFrontDoorTimescales;

public sealed class ChangeFrontDoorTimescalesEndpoints : IEndpoints
{
    private const string Summary = "Sets the working days (1 to 5) within which a strategy discussion must be held in the area, with the "
        + "version read: 400 when out of range, 409 when changed meanwhile. Strategy discussions already required keep their due time. "
        + "Safeguarding leads and administrators only.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/front-door/timescales", async (ChangeFrontDoorTimescalesCommand command, ChangeFrontDoorTimescalesHandler handler,
                CancellationToken ct) => (await handler.ChangeAsync(command, ct)).ToApiResult())
            .WithName("PutFrontDoorTimescales")
            .WithSummary(Summary)
            .WithTags("Front door");
}
