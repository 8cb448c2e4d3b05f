using Cairn.Domain;

namespace Cairn.Web.Features.Placements.Register.ListProviders;

public sealed record ProviderList(IReadOnlyList<ProviderView> Providers);

/// <summary>The providers on the viewer's area's register: anyone in children's social care (403 for anyone else).</summary>
public sealed class ListProvidersHandler(RegisterAccessHandler register)
{
    public async Task<Handled<ProviderList>> ListAsync(CancellationToken cancellationToken) =>
        await register.MayViewAsync(cancellationToken)
            ? new ProviderList(await register.ProvidersAsync(null, cancellationToken))
            : RegisterAccessHandler.NotForYou;

    public async Task<Handled<ProviderView>> OneAsync(ProviderId id, CancellationToken cancellationToken)
    {
        if (!await register.MayViewAsync(cancellationToken))
        {
            return RegisterAccessHandler.NotForYou;
        }

        return (await register.ProvidersAsync(id, cancellationToken)).SingleOrDefault() is { } provider ? provider : Handled.NotFound;
    }
}

public sealed class ListProvidersEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/placements/providers", async (ListProvidersHandler handler, CancellationToken ct) => (await handler.ListAsync(ct)).ToApiResult())
            .WithName("ListPlacementProviders")
            .WithSummary("The providers on your area's placement register (L33), by name: children's social care only (403 otherwise).")
            .WithTags("Placements");
        api.MapGet("/placements/providers/{id:guid}", async (Guid id, ListProvidersHandler handler, CancellationToken ct) =>
                (await handler.OneAsync(new ProviderId(id), ct)).ToApiResult())
            .WithName("GetPlacementProvider")
            .WithSummary("One provider on your area's placement register: 404 when not on it, 403 outside children's social care.")
            .WithTags("Placements");
    }
}
