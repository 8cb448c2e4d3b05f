using Cairn.Domain;
using Cairn.Domain.Placements.Register;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Placements.Register.RecordProvider;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Register.ChangeProvider;

/// <summary>
/// Changes a provider's details with the version read (stale: 409); the details as they were stay in its revisions (L44).
/// Children's social care managers and administrators only.
/// </summary>
public sealed class ChangeProviderHandler(CairnDbContext db, RegisterAccessHandler register, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string Action = "placement.provider.change";

    public async Task<Handled<ProviderView>> HandleAsync(ProviderId id, ProviderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await register.MayViewAsync(cancellationToken))
        {
            return await register.RefusedAsync(Action, RegisterAccessHandler.ProviderRecord, id.Value, RegisterAccessHandler.NotForYou,
                cancellationToken);
        }

        var area = user.AreaId;
        var provider = await db.PlacementProviders.SingleOrDefaultAsync(p => p.Id == id && p.AreaId == area, cancellationToken);
        if (provider is null)
        {
            return Handled.NotFound;
        }

        var refusal = !await register.MayChangeAsync(cancellationToken) ? RegisterAccessHandler.NotTheirs
            : command.Version is null ? Refusal.Of(Refusal.VersionField, "Send the version of the provider you read")
            : null;
        var changed = refusal is null ? provider.Change(command.ToDraft(), command.Version, user.ProfessionalId, clock.GetUtcNow()) : default;
        if ((refusal ?? changed.Refusal) is { } refused)
        {
            return await register.RefusedAsync(Action, RegisterAccessHandler.ProviderRecord, id.Value, refused, cancellationToken);
        }

        if (changed.Value is { } revision)
        {
            db.ProviderRevisions.Add(revision);
            audit.Record(Action, null, RegisterAccessHandler.ProviderRecord, id.Value, detail: string.Join(", ", revision.Changed));
            if (await db.SaveOrConflictAsync(PlacementProvider.Stale, cancellationToken) is { } conflict)
            {
                return await register.RefusedAsync(Action, RegisterAccessHandler.ProviderRecord, id.Value, conflict, cancellationToken);
            }
        }

        return (await register.ProvidersAsync(id, cancellationToken)).Single();
    }
}

public sealed class ChangeProviderEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/placements/providers/{id:guid}", async (Guid id, ProviderCommand command, ChangeProviderHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(new ProviderId(id), command, ct)).ToApiResult())
            .WithName("ChangePlacementProvider")
            .WithSummary("Changes a provider's details with the version read: 400 when invalid, 403 unless a children's social care manager "
                         + "or administrator, 404 when not on your register, 409 when changed meanwhile.")
            .WithTags("Placements");
}
