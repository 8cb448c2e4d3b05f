using Cairn.Domain.Placements.Register;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Placements.Register.RecordProvider;

public sealed record ProviderCommand
{
    public string? Name { get; init; }
    public ProviderKind? Kind { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    /// <summary>The version read: required to change a provider, ignored when recording one.</summary>
    public int? Version { get; init; }

    public ProviderDraft ToDraft() => new(Name, Kind, Phone, Email);
}

/// <summary>Records a provider on the viewer's area's register (L33): children's social care managers and administrators only.</summary>
public sealed class RecordProviderHandler(CairnDbContext db, RegisterAccessHandler register, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string Action = "placement.provider.record";

    public async Task<Handled<ProviderView>> HandleAsync(ProviderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await register.MayChangeAsync(cancellationToken))
        {
            var why = await register.MayViewAsync(cancellationToken) ? RegisterAccessHandler.NotTheirs : RegisterAccessHandler.NotForYou;
            return await register.RefusedAsync(Action, RegisterAccessHandler.ProviderRecord, null, why, cancellationToken);
        }

        var recorded = PlacementProvider.Record(user.AreaId, command.ToDraft(), user.ProfessionalId, clock.GetUtcNow());
        if (recorded.Refusal is { } refusal)
        {
            return await register.RefusedAsync(Action, RegisterAccessHandler.ProviderRecord, null, refusal, cancellationToken);
        }

        var (provider, revision) = recorded.Value;
        db.PlacementProviders.Add(provider);
        db.ProviderRevisions.Add(revision);
        audit.Record(Action, null, RegisterAccessHandler.ProviderRecord, provider.Id.Value, detail: ProviderKinds.Code(provider.Kind));
        await db.SaveChangesAsync(cancellationToken);
        return (await register.ProvidersAsync(provider.Id, cancellationToken)).Single();
    }
}

public sealed class RecordProviderEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/providers", HandleAsync)
            .WithName("RecordPlacementProvider")
            .WithSummary("Records a placement provider on your area's register (L33): name, kind (SSDA903 PR0-PR5), phone and email. "
                         + "Children's social care managers and administrators only (403 otherwise); 400 when invalid.")
            .WithTags("Placements");

    private static async Task<Results<Created<ProviderView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(ProviderCommand command,
        RecordProviderHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(command, cancellationToken)).ToCreatedResult(p => $"/api/v1/placements/providers/{p.Id}");
}
