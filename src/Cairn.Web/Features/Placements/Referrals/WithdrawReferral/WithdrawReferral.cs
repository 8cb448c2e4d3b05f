using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Placements.Referrals.WithdrawReferral;

public sealed record WithdrawReferralCommand
{
    public string? Reason { get; init; }

    /// <summary>The version read.</summary>
    public int? Version { get; init; }
}

/// <summary>Closes an open referral as no longer needed, with the reason; kept as history.</summary>
public sealed class WithdrawReferralHandler(ReferralAccessHandler referrals)
{
    public Task<Handled<ReferralView>> HandleAsync(PlacementReferralId id, WithdrawReferralCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return referrals.ChangeAsync(id, "placement.referral.withdraw", (referral, now) => Task.FromResult(command.Version is { } version
            ? referral.Withdraw(command.Reason, version, now)
            : Refusal.Of(Refusal.VersionField, "Send the version you read")), cancellationToken);
    }
}

public sealed class WithdrawReferralEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placement-referrals/{id:guid}/withdraw", HandleAsync)
            .WithName("WithdrawPlacementReferral")
            .WithSummary("Closes an open referral as no longer needed, with the reason; kept as history. Children's social care only (403). "
                         + "Send the version you read (409 if stale or already closed).")
            .WithTags("Placements");

    private static async Task<Results<Ok<ReferralView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        WithdrawReferralCommand command, WithdrawReferralHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlacementReferralId(id), command, cancellationToken)).ToApiResult();
}
