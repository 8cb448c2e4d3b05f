using Cairn.Domain;
using Cairn.Domain.Placements.Register;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Register.RecordSetting;

/// <summary>
/// Records a setting under a provider on the viewer's area's register (L33): its postcode is found in the postcode directory for its
/// local authority and grid reference (an unknown one is refused), which says whether it is in the area (L41). Children's social care
/// managers and administrators only.
/// </summary>
public sealed class RecordSettingHandler(CairnDbContext db, RegisterAccessHandler register, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string Action = "placement.setting.record";

    public async Task<Handled<SettingView>> HandleAsync(SettingForm command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var refusal = await RecordAsync(command, cancellationToken);
        return refusal.Refusal is { } refused
            ? await register.RefusedAsync(Action, RegisterAccessHandler.SettingRecord, null, refused, cancellationToken)
            : (await register.SettingAsync(refusal.Value, cancellationToken))!;
    }

    private async Task<Outcome<SettingId>> RecordAsync(SettingForm command, CancellationToken cancellationToken)
    {
        if (!await register.MayChangeAsync(cancellationToken))
        {
            return await register.MayViewAsync(cancellationToken) ? RegisterAccessHandler.NotTheirs : RegisterAccessHandler.NotForYou;
        }

        var area = user.AreaId;
        var providerId = new ProviderId(command.ProviderId ?? Guid.Empty);
        var provider = await db.PlacementProviders.SingleOrDefaultAsync(p => p.Id == providerId && p.AreaId == area, cancellationToken);
        var details = SettingDetails.From(command.ToDraft(), await register.LocateAsync(command.Postcode, cancellationToken), clock.Today());
        if (provider is null)
        {
            return new Refusal("Check what you entered",
                [new FieldError("ProviderId", "Select the provider from your register"), .. details.Refusal?.Errors ?? []]);
        }

        if (details.Refusal is { } refusal)
        {
            return refusal;
        }

        var (setting, revision) = PlacementSetting.Record(provider, details.Value!, user.ProfessionalId, clock.GetUtcNow()).Value;
        db.PlacementSettings.Add(setting);
        db.SettingRevisions.Add(revision);
        audit.Record(Action, null, RegisterAccessHandler.SettingRecord, setting.Id.Value, detail: setting.Type.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return setting.Id;
    }
}

public sealed class RecordSettingEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/settings", HandleAsync)
            .WithName("RecordPlacementSetting")
            .WithSummary("Records a setting under a provider on your area's register (L33). The postcode must be in the postcode directory; "
                         + "ages 0-17 (supported accommodation 16-17); capacity 1-100; secure accommodation only in a secure children's home. "
                         + "400 when invalid, 403 unless a children's social care manager or administrator.")
            .WithTags("Placements");

    private static async Task<Results<Created<SettingView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(SettingForm command,
        RecordSettingHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(command, cancellationToken)).ToCreatedResult(s => $"/api/v1/placements/settings/{s.Id}");
}
