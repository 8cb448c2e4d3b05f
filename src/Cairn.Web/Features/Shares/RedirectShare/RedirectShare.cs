using Cairn.Domain;
using Cairn.Domain.Shares;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Shares.RedirectShare;

/// <summary>Redirecting a share to the right agency, team or person, with why.</summary>
public sealed record RedirectShareCommand
{
    public int? Version { get; init; }
    public AgencyId? RecipientAgencyId { get; init; }
    public TeamId? RecipientTeamId { get; init; }
    public ProfessionalId? RecipientProfessionalId { get; init; }
    public string? Reason { get; init; }
}

/// <summary>
/// A recipient passes a share on to where it belongs (L01), with a reason; the clocks carry on, the sender is told and a
/// newly named recipient is notified. The new recipient follows the same rule as sending (<see cref="ShareRecipients"/>).
/// </summary>
public sealed class RedirectShareHandler(CairnDbContext db, ShareStepRunner runner, ShareSteps steps, TimeProvider clock)
{
    public async Task<Handled<ShareStepDone>> HandleAsync(ShareId id, RedirectShareCommand command, CancellationToken cancellationToken)
    {
        if (command.RecipientAgencyId is not { } agency)
        {
            return await runner.InvalidAsync(id, "RecipientAgencyId", "Select the agency the share should go to", cancellationToken);
        }

        if (await ShareRecipients.CheckAsync(db, agency, command.RecipientTeamId, command.RecipientProfessionalId, cancellationToken) is { } bad)
        {
            return await runner.InvalidAsync(id, bad.Errors[0].Field, bad.Errors[0].Message, cancellationToken);
        }

        var to = new ShareRecipient(agency, command.RecipientTeamId, command.RecipientProfessionalId);
        var description = await steps.DescribeAsync(to, cancellationToken);
        var handled = await runner.RunAsync(id, "share.redirect",
            (share, viewer, now) => share.Redirect(viewer.Id, viewer.Agency, viewer.Team, to, command.Reason, command.Version ?? 0, now),
            (share, by) => $"Redirected by {by} to {description}",
            notifySender: "Your share has been redirected", cancellationToken);
        if (handled.IsDone && command.RecipientProfessionalId is { } named)
        {
            steps.Notify(named, "share.redirected", "A share has been redirected to you", id, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return handled;
    }
}

public sealed class RedirectShareEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/shares/{id:guid}/redirect", HandleAsync)
            .WithName("RedirectShare")
            .WithSummary("A recipient passes the share to the right agency, team or person with a reason. The clocks carry on.")
            .WithTags("Shares");

    private static async Task<Results<Ok<ShareStepDone>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, RedirectShareCommand command, RedirectShareHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new ShareId(id), command, cancellationToken)).ToApiResult();
}
