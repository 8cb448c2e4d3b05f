using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Referrals;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Tracking;

/// <summary>Why a child is on the tracking panel.</summary>
public enum TrackedBecause
{
    /// <summary>A referral was submitted and no placement has been made from it yet.</summary>
    Waiting = 1,
    Interim = 2,
    Unsuitable = 3,
}

/// <summary>The panel's latest decision for a child: what, who owns it, when it is reviewed, and whether that date has passed.</summary>
public sealed record TrackedDecision(PanelDecisionId Id, string Decision, ProfessionalId OwnerId, string OwnerName, DateOnly ReviewOn,
    bool ReviewOverdue, int Version);

/// <summary>One child on the panel: why, since when and for how many days, the placement's reason if interim or unsuitable.</summary>
public sealed record TrackedChild(PersonId ChildId, string ChildName, TrackedBecause Because, DateOnly WaitingSince, int DaysWaiting,
    PlacementId? PlacementId, string? SettingName, string? Reason, TrackedDecision? Decision);

/// <summary>The tracking panel: its children, longest wait first, and how many have a review date that has passed.</summary>
public sealed record TrackingPanel(IReadOnlyList<TrackedChild> Children, int ReviewsOverdue, bool MayDecide);

/// <summary>
/// The placement tracking panel (L39): children of the viewer's area waiting for a placement (a submitted referral not yet placed) or
/// living in an interim or unsuitable one, longest wait first, with the panel's latest decision, its owner and review date, an
/// overdue review flagged. For children's social care and the partnership's safeguarding leads
/// (<see cref="PlacementAccessHandler.MayUseTrackingAsync"/>; anyone else is refused, 403). Need-to-know: only children whose record
/// the viewer may open appear, so a team manager sees their teams' children and area-wide roles the area. Reading it is audited
/// once, naming no child.
/// </summary>
public sealed class TrackingHandler(CairnDbContext db, RecordAccessService access, PlacementAccessHandler placements, AuditLog audit,
    TimeProvider clock)
{
    public const string Action = "placement.tracking";

    public static Refusal NotTheirs => Refusal.NotAllowed("Tracking",
        "The placement tracking panel is for children's social care and the partnership's safeguarding leads.");

    public async Task<Handled<TrackingPanel>> HandleAsync(CancellationToken cancellationToken)
    {
        if (!await placements.MayUseTrackingAsync(cancellationToken))
        {
            audit.Record(Action, null, outcome: "refused");
            await db.SaveChangesAsync(cancellationToken);
            return NotTheirs;
        }

        var viewer = await access.ViewerAsync(cancellationToken);
        var visible = await access.VisiblePeopleAsync(cancellationToken);
        var today = clock.GetUtcNow().InLondon();
        var inArea = db.People.Where(p => p.AreaId == viewer.Area);

        var waiting = await db.PlacementReferrals.AsNoTracking().Where(r => r.Status == ReferralStatus.Submitted && r.SubmittedAt != null)
            .Join(inArea, r => r.ChildId, p => p.Id, (r, p) => new { r.ChildId, SubmittedAt = r.SubmittedAt!.Value, p.GivenName, p.FamilyName })
            .ToListAsync(cancellationToken);
        var unsettled = await db.Placements.AsNoTracking().Where(p => p.EndedOn == null && p.Suitability != PlacementSuitability.Suitable)
            .Join(inArea, x => x.ChildId, p => p.Id, (x, p) => new
            {
                x.Id,
                x.ChildId,
                x.StartedOn,
                x.Suitability,
                x.SuitabilityReason,
                x.Where.SettingName,
                p.GivenName,
                p.FamilyName,
            })
            .ToListAsync(cancellationToken);

        var rows = new Dictionary<PersonId, TrackedChild>();
        foreach (var u in unsettled.Where(u => visible is null || visible.Contains(u.ChildId)))
        {
            rows[u.ChildId] = new TrackedChild(u.ChildId, $"{u.GivenName} {u.FamilyName}",
                u.Suitability == PlacementSuitability.Interim ? TrackedBecause.Interim : TrackedBecause.Unsuitable, u.StartedOn,
                Math.Max(0, today.DayNumber - u.StartedOn.DayNumber), u.Id, u.SettingName, u.SuitabilityReason, null);
        }

        foreach (var w in waiting.Where(w => visible is null || visible.Contains(w.ChildId)))
        {
            var since = w.SubmittedAt.InLondon();
            if (!rows.TryGetValue(w.ChildId, out var row) || since < row.WaitingSince)
            {
                // Waiting for a placement while in an interim one counts from the earlier of the two.
                var days = Math.Max(0, today.DayNumber - since.DayNumber);
                rows[w.ChildId] = row is null
                    ? new TrackedChild(w.ChildId, $"{w.GivenName} {w.FamilyName}", TrackedBecause.Waiting, since, days, null, null, null, null)
                    : row with { WaitingSince = since, DaysWaiting = days };
            }
        }

        var children = rows.Keys.ToList();
        var decisions = (await db.PanelDecisions.AsNoTracking().Where(d => children.Contains(d.ChildId)).ToListAsync(cancellationToken))
            .GroupBy(d => d.ChildId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.RecordedAt)!);
        var owners = decisions.Values.Select(d => d.OwnerId).Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => owners.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var tracked = rows.Values
            .Select(r => decisions.TryGetValue(r.ChildId, out var d)
                ? r with
                {
                    Decision = new TrackedDecision(d.Id, d.Decision, d.OwnerId, names.GetValueOrDefault(d.OwnerId, ""), d.ReviewOn,
                        d.OverdueOn(today), d.Version),
                }
                : r)
            .OrderBy(r => r.WaitingSince).ThenBy(r => r.ChildName, StringComparer.Ordinal).ToList();

        audit.Record(Action, null, detail: $"results={tracked.Count}");
        await db.SaveChangesAsync(cancellationToken);
        return new TrackingPanel(tracked, tracked.Count(t => t.Decision?.ReviewOverdue == true), await placements.IsManagerAsync(cancellationToken));
    }
}

public sealed class TrackingEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/placements/tracking", HandleAsync)
            .WithName("PlacementTrackingPanel")
            .WithSummary("The placement tracking panel (L39): children waiting for a placement (a submitted referral not yet placed) or in "
                         + "an interim or unsuitable placement, longest wait first, with the panel's latest decision, owner and review date "
                         + "(reviewOverdue when it has passed). Children's social care and safeguarding leads only (403); only children whose "
                         + "record the viewer may open appear.")
            .WithTags("Placements");

    private static async Task<Results<Ok<TrackingPanel>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(TrackingHandler handler,
        CancellationToken cancellationToken) =>
        (await handler.HandleAsync(cancellationToken)).ToApiResult();
}
