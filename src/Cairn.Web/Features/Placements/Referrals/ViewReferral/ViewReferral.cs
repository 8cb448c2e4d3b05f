using Cairn.Domain;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Referrals.ViewReferral;

/// <summary>A child's placement referrals, newest first, and whether the viewer may write them.</summary>
public sealed record ChildReferralsPage(PersonId ChildId, IReadOnlyList<ReferralView> Referrals, bool MayChange, bool IsManager);

/// <summary>Reads one referral, or a child's referrals, for anyone who may open the child's record (404 otherwise); every read is audited.</summary>
public sealed class ViewReferralHandler(CairnDbContext db, ReferralAccessHandler referrals, AuditLog audit)
{
    public async Task<ReferralView?> HandleAsync(PlacementReferralId id, CancellationToken cancellationToken)
    {
        if (await referrals.ChildOfAsync(id, cancellationToken) is not { } child || !await referrals.OpenAsync(child, cancellationToken))
        {
            return null;
        }

        await audit.RecordReadAsync("placement.referral.view", child, null, cancellationToken);
        return await referrals.ViewAsync(id, cancellationToken);
    }

    public async Task<ChildReferralsPage?> ListAsync(PersonId child, CancellationToken cancellationToken)
    {
        if (!await referrals.OpenAsync(child, cancellationToken))
        {
            return null;
        }

        await audit.RecordReadAsync("placement.referral.list", child, null, cancellationToken);
        var ids = await db.PlacementReferrals.AsNoTracking().Where(r => r.ChildId == child).OrderByDescending(r => r.StartedAt)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var views = new List<ReferralView>();
        foreach (var id in ids)
        {
            views.Add((await referrals.ViewAsync(id, cancellationToken))!);
        }

        return new ChildReferralsPage(child, views, await referrals.MayChangeAsync(cancellationToken),
            await referrals.IsManagerAsync(cancellationToken));
    }
}

public sealed class ViewReferralEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/placement-referrals/{id:guid}", ViewAsync)
            .WithName("GetPlacementReferral")
            .WithSummary("A placement referral with the assessments it rests on (each with its currency today), its quality score line by "
                         + "line (L40), any manager's override and its version. 404 unless the viewer may open the child's record.")
            .WithTags("Placements");
        api.MapGet("/people/{id:guid}/placement-referrals", ListAsync)
            .WithName("GetChildPlacementReferrals")
            .WithSummary("A child's placement referrals, newest first. 404 unless the viewer may open the child's record.")
            .WithTags("Placements");
    }

    private static async Task<Results<Ok<ReferralView>, NotFound>> ViewAsync(Guid id, ViewReferralHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PlacementReferralId(id), cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Ok<ChildReferralsPage>, NotFound>> ListAsync(Guid id, ViewReferralHandler handler,
        CancellationToken cancellationToken) =>
        await handler.ListAsync(new PersonId(id), cancellationToken) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();
}
