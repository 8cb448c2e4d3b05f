using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Placements.Referrals.SubmitReferral;

public sealed record SubmitReferralCommand
{
    /// <summary>The version read.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Sends a draft referral for a placement (L33, L40). Refused while the risk section is unanswered, the date needed is missing, or
/// it rests on an out-of-date (or unauthorised) assessment without a manager's override (L25). Its quality score is kept.
/// </summary>
public sealed class SubmitReferralHandler(ReferralAccessHandler referrals, CurrentUser user)
{
    public Task<Handled<ReferralView>> HandleAsync(PlacementReferralId id, SubmitReferralCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return referrals.ChangeAsync(id, "placement.referral.submit", async (referral, now) => command.Version is { } version
            ? referral.Submit(await referrals.CitedAsync(id, referral.ChildId, cancellationToken), user.ProfessionalId, version, now)
            : Refusal.Of(Refusal.VersionField, "Send the version you read"), cancellationToken);
    }
}

public sealed class SubmitReferralEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placement-referrals/{id:guid}/submit", HandleAsync)
            .WithName("SubmitPlacementReferral")
            .WithSummary("Sends a draft referral for a placement. 400 while the risk section is unanswered, the date needed is missing, or it "
                         + "rests on an out-of-date assessment without a manager's override (L25); its quality score is kept (L40). "
                         + "Children's social care only (403). Send the version you read (409 if stale).")
            .WithTags("Placements");

    private static async Task<Results<Ok<ReferralView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        SubmitReferralCommand command, SubmitReferralHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlacementReferralId(id), command, cancellationToken)).ToApiResult();
}
