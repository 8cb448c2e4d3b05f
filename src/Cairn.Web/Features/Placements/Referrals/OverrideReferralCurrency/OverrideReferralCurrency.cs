using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Placements.Referrals.OverrideReferralCurrency;

public sealed record OverrideReferralCurrencyCommand
{
    /// <summary>Why the referral can rest on an out-of-date assessment (20 to 2,000 characters).</summary>
    public string? Reason { get; init; }

    /// <summary>The version read.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// A team manager of children's social care lets a referral rest on an out-of-date assessment, with the reason (L25): kept on the
/// referral, shown beside its quality and in the referral audit. Anyone else is refused (403).
/// </summary>
public sealed class OverrideReferralCurrencyHandler(ReferralAccessHandler referrals, CurrentUser user)
{
    public async Task<Handled<ReferralView>> HandleAsync(PlacementReferralId id, OverrideReferralCurrencyCommand command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var manager = await referrals.IsManagerAsync(cancellationToken);
        return await referrals.ChangeAsync(id, "placement.referral.override", (referral, now) => Task.FromResult(command.Version is { } version
            ? referral.OverrideCurrency(command.Reason, manager, user.ProfessionalId, version, now)
            : Refusal.Of(Refusal.VersionField, "Send the version you read")), cancellationToken);
    }
}

public sealed class OverrideReferralCurrencyEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placement-referrals/{id:guid}/currency-override", HandleAsync)
            .WithName("OverrideReferralCurrency")
            .WithSummary("A team manager of children's social care lets an open referral rest on an out-of-date assessment, with a reason of "
                         + "20 to 2,000 characters (L25). Anyone else: 403. Send the version you read (409 if stale).")
            .WithTags("Placements");

    private static async Task<Results<Ok<ReferralView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        OverrideReferralCurrencyCommand command, OverrideReferralCurrencyHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlacementReferralId(id), command, cancellationToken)).ToApiResult();
}
