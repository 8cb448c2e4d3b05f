using Cairn.Domain;
using Cairn.Domain.Placements.Referrals;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Referrals.ReferralAudit;

/// <summary>One referral in the audit: whose, when, its quality now and as submitted, and the parts that made it.</summary>
public sealed record AuditedReferral(PlacementReferralId Id, PersonId ChildId, string ChildName, ReferralStatus Status, DateTimeOffset StartedAt,
    DateTimeOffset? SubmittedAt, int Score, string Band, int? ScoreAtSubmission, int Completeness, int Currency, int Risk, bool Overridden);

/// <summary>The referral audit (L40): referrals the viewer may see, poorest first, with how many fall in each band.</summary>
public sealed record ReferralAuditPage(IReadOnlyList<AuditedReferral> Referrals, int Good, int Fair, int Poor);

/// <summary>
/// The referral audit report (L40): every placement referral started in the period whose child the viewer may open, ordered by
/// quality, poorest first, so a manager can see which referrals asked for placements on too little. Managers and area-wide roles
/// use it; a practitioner sees only their own children's. Reading it is audited once, without naming any child.
/// </summary>
public sealed class ReferralAuditHandler(CairnDbContext db, ReferralAccessHandler referrals, RecordAccessService access, AuditLog audit)
{
    public const int MaxDays = 731;

    public async Task<Handled<ReferralAuditPage>> HandleAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (from is { } f && to is { } t && (t < f || t.DayNumber - f.DayNumber > MaxDays))
        {
            return Refusal.Of("To", "The end of the period must be on or after its start, and the period two years or less");
        }

        var visible = await access.VisiblePeopleAsync(cancellationToken);
        var viewer = await access.ViewerAsync(cancellationToken);
        var query = db.PlacementReferrals.AsNoTracking()
            .Join(db.People.Where(p => p.AreaId == viewer.Area), r => r.ChildId, p => p.Id, (r, p) => new { r, p.GivenName, p.FamilyName });
        if (from is { } start)
        {
            var since = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(x => x.r.StartedAt >= since);
        }

        if (to is { } end)
        {
            var until = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(x => x.r.StartedAt < until);
        }

        var rows = await query.ToListAsync(cancellationToken);
        if (visible is not null)
        {
            rows = rows.Where(x => visible.Contains(x.r.ChildId)).ToList();
        }

        var audited = new List<AuditedReferral>();
        foreach (var row in rows)
        {
            var cited = await referrals.CitedAsync(row.r.Id, row.r.ChildId, cancellationToken);
            var quality = ReferralQuality.Of(row.r.Details, cited, row.r.OverriddenBy is not null);
            audited.Add(new AuditedReferral(row.r.Id, row.r.ChildId, $"{row.GivenName} {row.FamilyName}", row.r.Status, row.r.StartedAt,
                row.r.SubmittedAt, quality.Score, quality.Band, row.r.QualityAtSubmission, quality.PartScore(QualityPart.Completeness),
                quality.PartScore(QualityPart.AssessmentCurrency), quality.PartScore(QualityPart.Risk), row.r.OverriddenBy is not null));
        }

        audit.Record("placement.referral.audit", null, detail: $"results={audited.Count}");
        await db.SaveChangesAsync(cancellationToken);
        var ordered = audited.OrderBy(a => a.ScoreAtSubmission ?? a.Score).ThenBy(a => a.StartedAt).ToList();
        return new ReferralAuditPage(ordered, ordered.Count(a => a.Band == "Good"), ordered.Count(a => a.Band == "Fair"),
            ordered.Count(a => a.Band == "Poor"));
    }
}

public sealed class ReferralAuditEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/placement-referrals", HandleAsync)
            .WithName("PlacementReferralAudit")
            .WithSummary("The referral audit (L40): placement referrals started in the period (from, to: dates, two years at most) whose "
                         + "child the viewer may open, poorest quality first, with the score in parts and as submitted, and the count in "
                         + "each band. Someone who may open no child's record sees an empty report.")
            .WithTags("Placements");

    private static async Task<Results<Ok<ReferralAuditPage>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(DateOnly? from,
        DateOnly? to, ReferralAuditHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(from, to, cancellationToken)).ToApiResult();
}
