using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Matching;
using Cairn.Domain.Placements.Referrals;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Referrals.MatchReferral;

/// <summary>One explained line of an option's score.</summary>
public sealed record MatchLineView(MatchCriterion Criterion, int Points, bool IsConcern, string Text);

/// <summary>One setting as a match for the referral: its score, every line that made it, and the dangers and conflicts shown in red.</summary>
public sealed record MatchOptionView(SettingId SettingId, string Name, string Type, int Score, bool InArea, double? KilometresFromHome,
    int Vacancies, IReadOnlyList<MatchLineView> Lines, IReadOnlyList<string> Dangers, IReadOnlyList<string> Conflicts, int ResidentsWithoutRisks)
{
    /// <summary>Placing the child here needs a manager and a reason (L34, L35).</summary>
    public bool NeedsOverride => Dangers.Count > 0 || Conflicts.Count > 0;
}

/// <summary>The register ranked for one referral, best first, and what was excluded or could not be checked.</summary>
public sealed record MatchView(PlacementReferralId ReferralId, PersonId ChildId, IReadOnlyList<MatchOptionView> Options, int OptionsInAll,
    string Excluded, int DangersWithoutLocation);

/// <summary>
/// Ranks every setting on the register for a submitted referral (L33–L35, L41), each score explained line by line, dangers and
/// conflicts with residents in red. Anyone who may open the child's record may look; the read is audited against the child.
/// </summary>
public sealed class MatchReferralHandler(CairnDbContext db, ReferralAccessHandler referrals, ReferralMatchingHandler matching, AuditLog audit)
{
    public const int MaxShown = 200;

    public async Task<Handled<MatchView>> HandleAsync(PlacementReferralId id, int? top, CancellationToken cancellationToken)
    {
        if (await referrals.ChildOfAsync(id, cancellationToken) is not { } child || !await referrals.OpenAsync(child, cancellationToken))
        {
            return Handled.NotFound;
        }

        var referral = await db.PlacementReferrals.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
        if (referral.Status != ReferralStatus.Submitted)
        {
            return Refusal.Of("ReferralId", referral.Status == ReferralStatus.Draft
                ? "Submit the referral before matching: a match is only as good as a complete referral"
                : "This referral is closed");
        }

        var shown = Math.Clamp(top ?? 50, 1, MaxShown);
        var match = await matching.MatchAsync(referral, null, cancellationToken);
        await audit.RecordReadAsync("placement.match", child, null, cancellationToken);
        var options = match.Result.Options.Take(shown).Select(o => new MatchOptionView(o.SettingId, o.Name, PlacementWords.Of(o.Type), o.Score,
                o.InArea, o.MetresFromHome / 1000.0, o.Vacancies,
                o.Lines.Select(l => new MatchLineView(l.Criterion, l.Points, l.IsConcern, l.Text)).ToList(),
                o.DangerFlags.Select(f => f.Text).ToList(), o.Conflicts.Select(c => c.Text).ToList(),
                match.ResidentsWithoutRisks.GetValueOrDefault(o.SettingId)))
            .ToList();
        return new MatchView(id, child, options, match.Result.Options.Count, match.Result.Exclusions.Summary, match.Unlocated);
    }
}

public sealed class MatchReferralEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/placement-referrals/{id:guid}/matches", HandleAsync)
            .WithName("MatchPlacementReferral")
            .WithSummary("Ranks every setting on the area's register for a submitted referral (L33-L35, L41), best first (top: 1 to 200, "
                         + "50 by default): each score explained line by line; dangers within the area's set distance and conflicts with "
                         + "current residents in red (a resident the viewer may not open is never named); what was excluded and why. "
                         + "400 for a draft or closed referral; 404 unless the viewer may open the child's record.")
            .WithTags("Placements");

    private static async Task<Results<Ok<MatchView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id, int? top,
        MatchReferralHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlacementReferralId(id), top, cancellationToken)).ToApiResult();
}
