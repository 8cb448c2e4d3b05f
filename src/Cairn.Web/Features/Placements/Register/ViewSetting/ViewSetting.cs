using Cairn.Domain;

namespace Cairn.Web.Features.Placements.Register.ViewSetting;

/// <summary>One setting on the viewer's area's register: anyone in children's social care (403 for anyone else; 404 when not on it).</summary>
public sealed class ViewSettingHandler(RegisterAccessHandler register)
{
    public async Task<Handled<SettingView>> HandleAsync(SettingId id, CancellationToken cancellationToken)
    {
        if (!await register.MayViewAsync(cancellationToken))
        {
            return RegisterAccessHandler.NotForYou;
        }

        return await register.SettingAsync(id, cancellationToken) is { } setting ? setting : Handled.NotFound;
    }
}

public sealed class ViewSettingEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/placements/settings/{id:guid}", async (Guid id, ViewSettingHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(new SettingId(id), ct)).ToApiResult())
            .WithName("GetPlacementSetting")
            .WithSummary("One setting on your area's register with its vacancies over time and its versions: 404 when not on it, 403 outside "
                         + "children's social care.")
            .WithTags("Placements");
}
