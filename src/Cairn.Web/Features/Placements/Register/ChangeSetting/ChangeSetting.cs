using Cairn.Domain;
using Cairn.Domain.Placements.Register;
using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Placements.Register.ChangeSetting;

/// <summary>
/// Changes a setting's details with the version read (stale: 409). The details as they were stay in a revision naming the fields
/// changed (L44); a capacity below the vacancies recorded is refused. Children's social care managers and administrators only.
/// </summary>
public sealed class ChangeSettingHandler(CairnDbContext db, RegisterAccessHandler register, CurrentUser user, TimeProvider clock)
{
    public const string Action = "placement.setting.change";

    public Task<Handled<SettingView>> HandleAsync(SettingId id, SettingForm command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return register.ChangeSettingAsync(id, Action, async (setting, now) =>
        {
            if (command.Version is null)
            {
                return Refusal.Of(Refusal.VersionField, "Send the version of the setting you read");
            }

            var details = SettingDetails.From(command.ToDraft(), await register.LocateAsync(command.Postcode, cancellationToken), clock.Today());
            if (details.Refusal is { } refusal)
            {
                return refusal;
            }

            var changed = setting.Change(details.Value!, command.Version, user.ProfessionalId, now);
            if (changed.Refusal is { } refused)
            {
                return refused;
            }

            if (changed.Value is not { } revision)
            {
                return Outcome<string?>.Success(null);
            }

            db.SettingRevisions.Add(revision);
            return string.Join(", ", revision.Changed);
        }, cancellationToken);
    }
}

public sealed class ChangeSettingEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/placements/settings/{id:guid}", async (Guid id, SettingForm command, ChangeSettingHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(new SettingId(id), command, ct)).ToApiResult())
            .WithName("ChangePlacementSetting")
            .WithSummary("Changes a setting's details with the version read: 400 when invalid, 403 unless a children's social care manager "
                         + "or administrator, 404 when not on your register, 409 when changed meanwhile. Earlier versions are kept.")
            .WithTags("Placements");
}
