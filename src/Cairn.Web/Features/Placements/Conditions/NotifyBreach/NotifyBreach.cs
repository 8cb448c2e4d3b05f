using Cairn.Domain;
using Cairn.Domain.Placements.Conditions;
using Cairn.Domain.Shares;
using Cairn.Web.Data;
using Cairn.Web.Features.Shares;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Conditions.NotifyBreach;

public sealed record NotifyBreachCommand
{
    public BreachAuthority? To { get; init; }

    /// <summary>The named contact: the regulator's inspector or contact for the area, or the Designated Officer.</summary>
    public ProfessionalId? ProfessionalId { get; init; }

    /// <summary>The version of the condition read.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Tells the regulator or the Designated Officer of an open breach of a placement's commissioned condition (L38), as a
/// followed-through share to a named contact: they must confirm they received it within one working day, and it escalates like
/// every share if they do not. Once each per breach; children's social care only.
/// </summary>
public sealed class NotifyBreachHandler(CairnDbContext db, ConditionAccessHandler conditions, ShareSteps steps, CurrentUser user)
{
    public const string Action = "commissioned-condition.notify";

    /// <summary>Working days the regulator or Designated Officer has to confirm receipt.</summary>
    public const int NoticeWorkingDays = 1;

    public Task<Handled<ConditionView>> HandleAsync(CommissionedConditionId id, NotifyBreachCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return conditions.ChangeAsync(id, Action, conditions.MayManageAsync, async (c, now) =>
        {
            if (command.To is not { } to || !Enum.IsDefined(to))
            {
                return Refusal.Of("To", "Select who to tell: the regulator or the Designated Officer");
            }

            var contact = command.ProfessionalId is { } p
                ? await db.Professionals.AsNoTracking().Where(x => x.Id == p && x.IsActive).Select(x => new { x.Id, x.AgencyId })
                    .FirstOrDefaultAsync(cancellationToken)
                : null;
            if (contact is null)
            {
                return Refusal.Of("ProfessionalId", "Select the person to tell");
            }

            if (c.NoticeRefusal(to, command.Version) is { } refused)
            {
                return refused;
            }

            var setting = await db.Placements.AsNoTracking().Where(x => x.Id == c.PlacementId).Select(x => x.Where.SettingName)
                .SingleAsync(cancellationToken);
            var who = to == BreachAuthority.Regulator ? "the regulator" : "the Designated Officer";
            var message = $"A condition the placement at {setting ?? "the child's placement"} was commissioned to deliver was not delivered "
                          + $"(observed {c.BreachObservedOn:d MMMM yyyy}): {c.Description}. You are told as {who}. Confirm you have received "
                          + "this and record what you will do.";
            var share = await steps.SendRoutineAsync(new RoutineShare(ShareKind.ConditionBreachNotice, c.ChildId, contact.Id, contact.AgencyId,
                NoticeWorkingDays, $"Commissioned condition not delivered at {setting ?? "a placement"}", message, "Breach notice"),
                user.ProfessionalId, now, cancellationToken);
            if (share is null)
            {
                return Refusal.Of("ProfessionalId", "The notice could not be sent to this person");
            }

            return c.RecordNotice(to, share.Id, command.Version);
        }, cancellationToken);
    }
}

public sealed class NotifyBreachEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/commissioned-conditions/{id:guid}/notices", HandleAsync)
            .WithName("NotifyConditionBreach")
            .WithSummary("Tells the regulator or the Designated Officer of an open breach of a commissioned condition (L38) by a "
                         + "followed-through share to a named contact (to: Regulator or DesignatedOfficer; professionalId). Once each per "
                         + "breach (409 the second time). Children's social care only (403); send the version you read (409 if stale).")
            .WithTags("Placements");

    private static async Task<Results<Ok<ConditionView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        NotifyBreachCommand command, NotifyBreachHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new CommissionedConditionId(id), command, cancellationToken)).ToApiResult();
}
