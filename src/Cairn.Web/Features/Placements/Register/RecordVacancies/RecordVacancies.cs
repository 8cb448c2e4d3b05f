using System.Globalization;
using Cairn.Domain;
using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Placements.Register.RecordVacancies;

public sealed record RecordVacanciesCommand
{
    /// <summary>How many vacancies, from 0 to the setting's capacity.</summary>
    public int? Vacancies { get; init; }

    /// <summary>From when: today or in the last year.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The version of the setting read: two people recording at once cannot both win.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Records how many vacancies a setting has from a date: a new row each time, so the history is kept; the latest-dated count is
/// the current one. Children's social care managers and administrators only.
/// </summary>
public sealed class RecordVacanciesHandler(CairnDbContext db, RegisterAccessHandler register, CurrentUser user, TimeProvider clock)
{
    public const string Action = "placement.vacancies.record";

    public Task<Handled<SettingView>> HandleAsync(SettingId id, RecordVacanciesCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return register.ChangeSettingAsync(id, Action, (setting, now) =>
        {
            if (command.Version is null)
            {
                return Task.FromResult<Outcome<string?>>(Refusal.Of(Refusal.VersionField, "Send the version of the setting you read"));
            }

            var recorded = setting.RecordVacancies(command.Vacancies, command.From, command.Version, user.ProfessionalId, now, clock.Today());
            if (recorded.Refusal is { } refusal)
            {
                return Task.FromResult<Outcome<string?>>(refusal);
            }

            db.SettingVacancies.Add(recorded.Value!);
            return Task.FromResult<Outcome<string?>>(recorded.Value!.Vacancies.ToString(CultureInfo.InvariantCulture));
        }, cancellationToken);
    }
}

public sealed class RecordVacanciesEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/settings/{id:guid}/vacancies", async (Guid id, RecordVacanciesCommand command, RecordVacanciesHandler handler,
                CancellationToken ct) => (await handler.HandleAsync(new SettingId(id), command, ct)).ToApiResult())
            .WithName("RecordPlacementVacancies")
            .WithSummary("Records a setting's vacancies from a date (0 to its capacity; today or in the last year) with the version read: "
                         + "400 when invalid, 403 unless a children's social care manager or administrator, 404 when not on your register, "
                         + "409 when changed meanwhile.")
            .WithTags("Placements");
}
