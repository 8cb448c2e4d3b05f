using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Assessments.ListAssessments;

public sealed record AssessmentSummary(AssessmentId Id, AssessmentType Type, string TypeName, AssessmentStatus Status, DateOnly StartedOn,
    DateOnly? DueOn, bool IsOverdue, bool NoGpInvolvement, string Lead, CurrencyView Currency);

/// <summary>A child's assessments by any agency, newest first, each with its currency (L25, L27), and whether the viewer may start one.</summary>
public sealed record ChildAssessments(PersonId ChildId, IReadOnlyList<AssessmentSummary> Assessments, bool MayStart);

/// <summary>Lists a child's assessments for anyone who may open the child's record; the read is audited.</summary>
public sealed class ListAssessmentsHandler(CairnDbContext db, RecordAccessService access, AssessmentAccessHandler assessments, AuditLog audit)
{
    /// <returns>Null when the child does not exist or the viewer may not open the record.</returns>
    public async Task<ChildAssessments?> HandleAsync(PersonId childId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("assessment.list", childId, decision.Reason.ToString(), cancellationToken);
        var list = await db.Assessments.AsNoTracking().Where(a => a.ChildId == childId).ToListAsync(cancellationToken);
        var leads = list.Select(a => a.LeadId).Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => leads.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var currency = await assessments.CurrencyForChildAsync(childId, cancellationToken);
        var today = assessments.Today;
        var isChild = await db.People.AnyAsync(p => p.Id == childId && p.Kind == Domain.People.PersonKind.Child, cancellationToken);
        return new ChildAssessments(childId,
            list.OrderByDescending(a => a.StartedOn).ThenByDescending(a => a.Id.Value)
                .Select(a => new AssessmentSummary(a.Id, a.Type, a.TypeName, a.Status, a.StartedOn, a.DueOn, a.IsOverdue(today), a.NoGpInvolvement,
                    names.GetValueOrDefault(a.LeadId, ""), CurrencyView.Of(a, currency, today)))
                .ToList(),
            isChild);
    }
}

public sealed class ListAssessmentsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}/assessments", ListAsync)
            .WithName("ListAssessments")
            .WithSummary("The child's assessments by every agency, newest first: type, status, due date and whether overdue, no GP involvement "
                         + "recorded (L26), and currency (current until / out of date, L25).")
            .WithTags("Assessments");

    private static async Task<Results<Ok<ChildAssessments>, NotFound>> ListAsync(Guid id, ListAssessmentsHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();
}
