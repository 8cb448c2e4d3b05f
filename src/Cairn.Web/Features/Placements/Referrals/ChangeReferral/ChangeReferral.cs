using Cairn.Domain;
using Cairn.Domain.Placements.Referrals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Placements.Referrals.ChangeReferral;

public sealed record ChangeReferralCommand
{
    public ReferralDetails? Details { get; init; }

    /// <summary>The version read.</summary>
    public int? Version { get; init; }
}

/// <summary>Changes what an open referral says (L40). A submitted referral stays submitted; the score kept at submission is not rewritten.</summary>
public sealed class ChangeReferralHandler(ReferralAccessHandler referrals)
{
    public Task<Handled<ReferralView>> HandleAsync(PlacementReferralId id, ChangeReferralCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return referrals.ChangeAsync(id, "placement.referral.change", (referral, now) => Task.FromResult(command.Version is { } version
            ? referral.Change(command.Details, version, now)
            : Refusal.Of(Refusal.VersionField, "Send the version you read")), cancellationToken);
    }
}

public sealed class ChangeReferralEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/placement-referrals/{id:guid}", HandleAsync)
            .WithName("ChangePlacementReferral")
            .WithSummary("Changes what an open placement referral says (the whole of it). Children's social care only (403 otherwise). Send "
                         + "the version you read; a stale version is 409, a closed referral 409.")
            .WithTags("Placements");

    private static async Task<Results<Ok<ReferralView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        ChangeReferralCommand command, ChangeReferralHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlacementReferralId(id), command, cancellationToken)).ToApiResult();
}
