using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Plans.CompareVersions;

public sealed record ActionText(string What, string Owner, DateOnly DueOn, PlanActionStatus Status);

public sealed record SectionText(string Title, string Text, IReadOnlyList<ActionText> Actions);

public sealed record SectionChangeView(Guid Key, PlanSectionKind Kind, string Title, SectionChange Change, SectionText? Before, SectionText? After);

/// <summary>One version of a plan against the version before it (L24): each section added, changed, removed or unchanged.</summary>
public sealed record VersionComparison(PlanId PlanId, PersonId ChildId, string TypeName, int Number, int? PreviousNumber, PlanVersionStatus Status,
    IReadOnlyList<SectionChangeView> Sections);

/// <summary>Shows how a version differs from the one before, for anyone who may open the child's record; the read is audited.</summary>
public sealed class CompareVersionsHandler(CairnDbContext db, RecordAccessService access, PlanAccessHandler plans, AuditLog audit)
{
    public async Task<VersionComparison?> HandleAsync(PlanId id, int number, CancellationToken cancellationToken)
    {
        if (await plans.ChildOfAsync(id, cancellationToken) is not { } child)
        {
            return null;
        }

        var decision = await access.OpenAsync(child, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.Id == id, cancellationToken);
        if (plan.Versions.FirstOrDefault(v => v.Number == number) is not { } after)
        {
            return null;
        }

        await audit.RecordReadAsync("plan.version.view", child, decision.Reason.ToString(), cancellationToken);
        var before = plan.Versions.Where(v => v.Number < number).MaxBy(v => v.Number);
        var owners = plan.Versions.SelectMany(v => v.Actions).Select(a => a.Owner).Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => owners.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        SectionText? Text(PlanSection? s) => s is null
            ? null
            : new SectionText(s.Title, s.Text, s.Actions.Select(a => new ActionText(a.What, names.GetValueOrDefault(a.Owner, ""), a.DueOn, a.Status))
                .ToList());
        return new VersionComparison(plan.Id, plan.ChildId, plan.TypeName, number, before?.Number, after.Status,
            Plan.Compare(before, after).Select(d => new SectionChangeView(d.Key, d.Kind, d.Title, d.Change, Text(d.Before), Text(d.After)))
                .ToList());
    }
}

public sealed class CompareVersionsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/plans/{id:guid}/versions/{number:int}", GetAsync)
            .WithName("ComparePlanVersions")
            .WithSummary("One version of a plan against the version before it: each section added, changed, removed or unchanged, with "
                         + "its text before and after (L24).")
            .WithTags("Plans");

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<VersionComparison>,
        Microsoft.AspNetCore.Http.HttpResults.NotFound>> GetAsync(Guid id, int number, CompareVersionsHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PlanId(id), number, cancellationToken) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound();
}
