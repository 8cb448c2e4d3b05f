using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Plans.CiteAssessment;

public sealed record CiteAssessmentCommand
{
    public AssessmentId? AssessmentId { get; init; }

    /// <summary>Why an out-of-date assessment is still relied on; required for one (L25).</summary>
    public string? Note { get; init; }
}

/// <summary>
/// Records that the plan rests on one of the child's assessments (L25, L27). An assessment past its currency period is refused
/// without a note saying why it is still relied on, and is flagged on the plan; one not yet authorised cannot be cited.
/// </summary>
public sealed class CiteAssessmentHandler(CairnDbContext db, PlanAccessHandler plans, CurrentUser user)
{
    public Task<Handled<ChangedPlan>> HandleAsync(PlanId id, CiteAssessmentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return plans.ChangeAsync(id, "plan.evidence.cite", async (plan, now) =>
        {
            if (plan.Status == PlanStatus.Ended)
            {
                return Refusal.Of("AssessmentId", "This plan has ended");
            }

            var assessment = command.AssessmentId is { } a
                ? await db.Assessments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == a && x.ChildId == plan.ChildId, cancellationToken)
                : null;
            if (assessment is null)
            {
                return Refusal.Of("AssessmentId", "Select one of the child's assessments");
            }

            if (await db.AssessmentCitations.AnyAsync(c => c.CitedByKind == CitedByKind.Plan && c.CitedById == id.Value
                                                           && c.AssessmentId == assessment.Id, cancellationToken))
            {
                return Refusal.Of("AssessmentId", $"The plan already rests on this {assessment.TypeName.ToLowerInvariant()}");
            }

            var currency = await AreaAssessmentCurrency.ForChildAsync(db, plan.ChildId, cancellationToken);
            var cited = AssessmentCitation.Cite(assessment, currency, CitedByKind.Plan, id.Value, command.Note, user.ProfessionalId, now,
                "AssessmentId");
            if (cited.Refusal is { } refusal)
            {
                return refusal;
            }

            db.AssessmentCitations.Add(cited.Value!);
            return null;
        }, cancellationToken);
    }
}
