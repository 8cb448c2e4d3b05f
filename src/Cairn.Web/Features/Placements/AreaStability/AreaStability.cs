using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.AreaStability;

/// <summary>
/// One bar of a chart: its label, how many, and their share of the whole (0 to 1). A count that could identify a child is withheld
/// (<see cref="SmallNumbers"/>): <c>Suppressed</c> is true and the count and share are null.
/// </summary>
public sealed record StabilityBar(string Label, int? Count, double? Share, bool Suppressed);

/// <summary>
/// The area's placement stability on a day (L41, L44), as numbers only: children in a current placement in and out of the area, the
/// moves each of them made in the last 12 months (0, 1, 2, 3 or more) and how long their current placement has lasted. Counts from
/// 1 to 4 are withheld, with a second count in the same chart when one alone could be worked out from the total; the total itself is
/// null when it is from 1 to 4.
/// </summary>
public sealed record AreaStabilityView(DateOnly On, int? Children, IReadOnlyList<StabilityBar> Location, IReadOnlyList<StabilityBar> Moves,
    IReadOnlyList<StabilityBar> Length);

/// <summary>
/// The area's placement stability in pictures and tables (L41, L44): for team managers, safeguarding leads and heads of service,
/// counted over every child of the area with a current placement. Aggregates only — no child is named or linked, so it shows no one's
/// record to a manager without reach to it. Reading it is audited once, naming no child.
/// </summary>
public sealed class AreaStabilityHandler(CairnDbContext db, CurrentUser user, PlacementAccessHandler placements, AuditLog audit,
    TimeProvider clock)
{
    public const string Action = "placement.area-stability";

    public static Refusal NotTheirs => Refusal.NotAllowed("Area",
        "The area's placement stability is for children's social care managers, heads of service and safeguarding leads.");

    public async Task<Handled<AreaStabilityView>> HandleAsync(CancellationToken cancellationToken)
    {
        if (!await placements.MaySeeStabilityAsync(cancellationToken))
        {
            audit.Record(Action, null, outcome: "refused");
            await db.SaveChangesAsync(cancellationToken);
            return NotTheirs;
        }

        var today = clock.GetUtcNow().InLondon();
        var since = today.AddYears(-1);
        var area = user.AreaId;
        var placed = db.Placements.AsNoTracking().Where(p => p.EndedOn == null && p.StartedOn <= today).Select(p => p.ChildId);
        var rows = await db.Placements.AsNoTracking()
            .Where(p => placed.Contains(p.ChildId) && (p.EndedOn == null || p.EndedOn > since))
            .Join(db.People.Where(c => c.AreaId == area), p => p.ChildId, c => c.Id,
                (p, _) => new { p.ChildId, p.StartedOn, p.EndedOn, p.Where.InArea })
            .ToListAsync(cancellationToken);

        var children = rows.GroupBy(r => r.ChildId).Select(g =>
        {
            var current = g.Where(r => r.EndedOn is null).MaxBy(r => r.StartedOn)!;
            var stability = PlacementStability.Of(g.Select(r => (r.StartedOn, r.EndedOn, r.InArea)), today);
            return (current.InArea, stability.MovesInLast12Months, Days: stability.DaysInCurrentPlacement ?? 0);
        }).ToList();
        var total = children.Count;
        IReadOnlyList<StabilityBar> Chart(params (string Label, int Count)[] bars)
        {
            var withheld = SmallNumbers.Suppress(bars.Select(b => b.Count).ToList());
            return bars.Select((b, i) => withheld[i]
                ? new StabilityBar(b.Label, null, null, true)
                : new StabilityBar(b.Label, b.Count, total == 0 ? 0 : Math.Round((double)b.Count / total, 3), false)).ToList();
        }

        var view = new AreaStabilityView(today, SmallNumbers.Withheld(total) ? null : total,
            Chart(("In the area", children.Count(c => c.InArea)), ("Out of the area", children.Count(c => !c.InArea))),
            Chart(("No moves", children.Count(c => c.MovesInLast12Months == 0)), ("1 move", children.Count(c => c.MovesInLast12Months == 1)),
                ("2 moves", children.Count(c => c.MovesInLast12Months == 2)), ("3 or more", children.Count(c => c.MovesInLast12Months >= 3))),
            Chart(("Under 3 months", children.Count(c => c.Days < 91)), ("3 to 12 months", children.Count(c => c.Days is >= 91 and < 365)),
                ("1 to 2 years", children.Count(c => c.Days is >= 365 and < 730)), ("2 years or more", children.Count(c => c.Days >= 730))));
        audit.Record(Action, null, detail: $"children={total}");
        await db.SaveChangesAsync(cancellationToken);
        return view;
    }
}

public sealed class AreaStabilityEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/placements/stability", HandleAsync)
            .WithName("PlacementAreaStability")
            .WithSummary("The area's placement stability today (L41, L44), numbers only: children in a current placement in and out of the "
                         + "area, their moves in the last 12 months (0, 1, 2, 3 or more) and the length of their current placement, each as "
                         + "a count and a share. A count from 1 to 4 is withheld (count and share null, suppressed true), with a second count in the "
                         + "same chart when one alone could be worked out; children is null when from 1 to 4. Children's social care team "
                         + "managers and heads of service, and safeguarding leads, only (403).")
            .WithTags("Placements");

    private static async Task<Results<Ok<AreaStabilityView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        AreaStabilityHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(cancellationToken)).ToApiResult();
}
