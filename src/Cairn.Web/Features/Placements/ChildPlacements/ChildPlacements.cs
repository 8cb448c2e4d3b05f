using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.ChildPlacements;

/// <summary>One of the child's placements as the page and the API show it, with the missing episodes that started during it (L43).</summary>
public sealed record PlacementView
{
    public required PlacementId Id { get; init; }
    public required PlacementWhere Where { get; init; }
    public required string TypeWords { get; init; }
    public required DateOnly StartedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public string? ReasonForChange { get; init; }
    public string? ReasonForChangeWords { get; init; }
    public required bool Emergency { get; init; }
    public required FamilyInformed FamilyInformed { get; init; }
    public required bool FamilyConsulted { get; init; }
    public string? FamilyNote { get; init; }
    /// <summary>Why a manager let the child be placed despite a danger or conflict the match showed (L34, L35).</summary>
    public string? OverrideReason { get; init; }
    public required int MissingEpisodes { get; init; }
    /// <summary>Intended to last until the child is 18: after its first year, visits are three-monthly (T14).</summary>
    public required bool LongTerm { get; init; }
    public DateOnly? LastVisitOn { get; init; }
    /// <summary>When the next statutory visit is due by (T12–T14).</summary>
    public DateOnly? NextVisitDueOn { get; init; }
    public required bool VisitLate { get; init; }
    /// <summary>The placement plan is due within five working days of the start (T16).</summary>
    public DateOnly? PlacementPlanDueOn { get; init; }
    public DateOnly? PlacementPlanAgreedOn { get; init; }
    public required bool PlacementPlanLate { get; init; }
    public required IReadOnlyList<VisitView> Visits { get; init; }
    /// <summary>Suitable, or interim or unsuitable with the reason: the child stays on the tracking panel until it is suitable (L39).</summary>
    public required PlacementSuitability Suitability { get; init; }
    public string? SuitabilityReason { get; init; }
    public required int Version { get; init; }
}

/// <summary>One statutory visit: when, whether the child was seen alone (and why not) and what they said (L54).</summary>
public sealed record VisitView(DateOnly VisitedOn, bool SeenAlone, string? NotSeenAloneReason, string ChildsViews);

/// <summary>A child's placements, newest first, with their stability (L41, L44) and whether the viewer may end the current one.</summary>
public sealed record ChildPlacementsView(PersonId ChildId, IReadOnlyList<PlacementView> Placements, PlacementStability Stability, bool MayManage)
{
    public PlacementView? Current => Placements.FirstOrDefault(p => p.EndedOn is null);
}

/// <summary>
/// A child's placement history (L41, L44): every placement, never deleted, with the return's codes, how the family were told, any
/// manager's override, the missing episodes during each, and the stability measures. Anyone who may open the child's record; the
/// read is audited.
/// </summary>
public sealed class ChildPlacementsHandler(CairnDbContext db, PlacementAccessHandler access, AuditLog audit, TimeProvider clock)
{
    public async Task<ChildPlacementsView?> HandleAsync(PersonId child, CancellationToken cancellationToken)
    {
        if (!await db.People.AnyAsync(p => p.Id == child, cancellationToken) || !await access.OpenAsync(child, cancellationToken))
        {
            return null;
        }

        var placements = await db.Placements.AsNoTracking().Where(p => p.ChildId == child).OrderByDescending(p => p.StartedOn)
            .ToListAsync(cancellationToken);
        var missing = await MissingEpisodeCounts.DuringAsync(db, placements.Select(p => new PlacedPeriod(child, p.StartedOn, p.EndedOn)).ToList(),
            cancellationToken);
        var visits = (await db.StatutoryVisits.AsNoTracking().Where(v => v.ChildId == child).ToListAsync(cancellationToken))
            .ToLookup(v => v.PlacementId);
        var today = clock.Today();
        await audit.RecordReadAsync("placement.list", child, null, cancellationToken);
        var views = placements.Select((p, i) => new PlacementView
        {
            Id = p.Id,
            Where = p.Where,
            TypeWords = PlacementCodes.PlacementTypes.FirstOrDefault(c => c.Code == p.Where.PlacementType)?.Words ?? p.Where.PlacementType ?? "",
            StartedOn = p.StartedOn,
            EndedOn = p.EndedOn,
            ReasonForChange = p.ReasonForChange,
            ReasonForChangeWords = PlacementCodes.ReasonsForChange.FirstOrDefault(c => c.Code == p.ReasonForChange)?.Words,
            Emergency = p.Emergency,
            FamilyInformed = p.FamilyInformed,
            FamilyConsulted = p.FamilyConsulted,
            FamilyNote = p.FamilyNote,
            OverrideReason = p.OverrideReason,
            MissingEpisodes = missing[i],
            LongTerm = p.LongTerm,
            LastVisitOn = p.LastVisitOn,
            NextVisitDueOn = p.NextVisitDueOn,
            VisitLate = p.VisitLateOn(today),
            PlacementPlanDueOn = p.PlacementPlanDueOn,
            PlacementPlanAgreedOn = p.PlacementPlanAgreedOn,
            PlacementPlanLate = p.PlanLateOn(today),
            Visits = visits[p.Id].OrderByDescending(v => v.VisitedOn)
                .Select(v => new VisitView(v.VisitedOn, v.SeenAlone, v.NotSeenAloneReason, v.ChildsViews)).ToList(),
            Suitability = p.Suitability,
            SuitabilityReason = p.SuitabilityReason,
            Version = p.Version,
        }).ToList();
        var stability = PlacementStability.Of(placements.Select(p => (p.StartedOn, p.EndedOn, p.Where.InArea)), today);
        return new ChildPlacementsView(child, views, stability, await access.MayManageAsync(cancellationToken));
    }
}

public sealed class ChildPlacementsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}/placements", HandleAsync)
            .WithName("ListChildPlacements")
            .WithSummary("A child's placements, newest first, never deleted (L41, L44): the return's codes, how the family were told, any "
                         + "manager's override, the missing episodes during each, and stability (moves in the last 12 months, days in the "
                         + "current placement, share of the last 12 months out of area). 404 unless the viewer may open the child's record.")
            .WithTags("Placements");

    private static async Task<Results<Ok<ChildPlacementsView>, NotFound>> HandleAsync(Guid id, ChildPlacementsHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
