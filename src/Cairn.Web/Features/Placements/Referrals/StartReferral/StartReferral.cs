using Cairn.Domain;
using Cairn.Domain.Placements.Referrals;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Referrals.StartReferral;

/// <summary>
/// Starts a draft placement referral for a child (L33, L40): children's social care only. One open referral per child: a second,
/// or one that loses a race with another, is refused and nothing is kept.
/// </summary>
public sealed class StartReferralHandler(CairnDbContext db, ReferralAccessHandler referrals, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string Action = "placement.referral.start";

    public async Task<Handled<ReferralView>> HandleAsync(PersonId child, ReferralDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!await referrals.OpenAsync(child, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await StartAsync(child, details, cancellationToken)
            .AuditRefusalAsync(audit, Action, child, ReferralAccessHandler.RecordType, null, cancellationToken);
    }

    private async Task<Handled<ReferralView>> StartAsync(PersonId child, ReferralDetails details, CancellationToken cancellationToken)
    {
        if (!await referrals.MayChangeAsync(cancellationToken))
        {
            return ReferralAccessHandler.NotTheirs;
        }

        var open = await db.PlacementReferrals.AnyAsync(r => r.ChildId == child
                                                             && (r.Status == ReferralStatus.Draft || r.Status == ReferralStatus.Submitted),
            cancellationToken);
        var outcome = PlacementReferral.Start(child, details, open, user.ProfessionalId, clock.GetUtcNow());
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var referral = outcome.Value!;
        db.PlacementReferrals.Add(referral);
        audit.Record(Action, child, ReferralAccessHandler.RecordType, referral.Id.Value, detail: referral.Status.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The one-open-referral index: another referral for this child was started at the same moment. Nothing of this one is kept.
            db.ChangeTracker.Clear();
            return Refusal.Conflict("this child's placement referrals",
                "Someone else started a placement referral for this child at the same time. Reload the page to see it.");
        }

        return (await referrals.ViewAsync(referral.Id, cancellationToken))!;
    }
}

public sealed class StartReferralEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/placement-referrals", HandleAsync)
            .WithName("StartPlacementReferral")
            .WithSummary("Starts a draft placement referral for a child (L33, L40): needs, staffing, restrictions, the risks the child poses and "
                         + "faces, where they need to be, their views and the family's. Children's social care only (403 otherwise); one open "
                         + "referral per child (400 for a second). Answers the referral with its quality score, line by line.")
            .WithTags("Placements");

    private static async Task<Results<Created<ReferralView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        ReferralDetails details, StartReferralHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), details, cancellationToken)).ToCreatedResult(r => $"/api/v1/placement-referrals/{r.Id}");
}
