using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Placements.Referrals;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Referrals.CiteReferralAssessment;

public sealed record CiteReferralAssessmentCommand
{
    public AssessmentId? AssessmentId { get; init; }

    /// <summary>The version of the referral read.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Records that a referral rests on one of the child's authorised assessments (L25, L27), or, while it is a draft, takes one
/// off. An out-of-date assessment may be cited, and is flagged: the referral then cannot be submitted without a manager's
/// override. Once submitted, what it rested on is history and stays.
/// </summary>
public sealed class CiteReferralAssessmentHandler(CairnDbContext db, ReferralAccessHandler referrals, CurrentUser user)
{
    public Task<Handled<ReferralView>> CiteAsync(PlacementReferralId id, CiteReferralAssessmentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return referrals.ChangeAsync(id, "placement.referral.cite", async (referral, now) =>
        {
            if (Checked(referral, command.Version) is { } refusal)
            {
                return refusal;
            }

            var assessment = command.AssessmentId is { } a
                ? await db.Assessments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == a && x.ChildId == referral.ChildId, cancellationToken)
                : null;
            if (assessment is null)
            {
                return Refusal.Of("AssessmentId", "Select one of the child's assessments");
            }

            if (await db.AssessmentCitations.AnyAsync(c => c.CitedByKind == CitedByKind.PlacementReferral && c.CitedById == id.Value
                                                           && c.AssessmentId == assessment.Id, cancellationToken))
            {
                return Refusal.Of("AssessmentId", $"The referral already rests on this {assessment.TypeName.ToLowerInvariant()}");
            }

            var currency = await AreaAssessmentCurrency.ForChildAsync(db, referral.ChildId, cancellationToken);
            var cited = AssessmentCitation.Cite(assessment, currency, CitedByKind.PlacementReferral, id.Value, null, user.ProfessionalId, now,
                "AssessmentId");
            if (cited.Refusal is { } notCited)
            {
                return notCited;
            }

            db.AssessmentCitations.Add(cited.Value!);
            return referral.Touch(now);
        }, cancellationToken);
    }

    public Task<Handled<ReferralView>> RemoveAsync(PlacementReferralId id, AssessmentId assessment, int? version,
        CancellationToken cancellationToken) =>
        referrals.ChangeAsync(id, "placement.referral.uncite", async (referral, now) =>
        {
            if (Checked(referral, version) is { } refusal)
            {
                return refusal;
            }

            if (referral.Status != ReferralStatus.Draft)
            {
                return Refusal.Of("AssessmentId", "Once a referral is submitted, the assessments it rested on stay on it");
            }

            var citation = await db.AssessmentCitations.FirstOrDefaultAsync(c => c.CitedByKind == CitedByKind.PlacementReferral
                                                                                 && c.CitedById == id.Value && c.AssessmentId == assessment,
                cancellationToken);
            if (citation is null)
            {
                return Refusal.Of("AssessmentId", "The referral does not rest on that assessment");
            }

            db.AssessmentCitations.Remove(citation);
            return referral.Touch(now);
        }, cancellationToken);

    private static Refusal? Checked(PlacementReferral referral, int? version) => version is not { } v
        ? Refusal.Of(Refusal.VersionField, "Send the version you read")
        : v != referral.Version
            ? PlacementReferral.Stale
            : !referral.IsOpen
                ? Refusal.Conflict("this placement referral", "This referral is closed: start a new one if a placement is needed.")
                : null;
}

public sealed class CiteReferralAssessmentEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/placement-referrals/{id:guid}/assessments", CiteAsync)
            .WithName("CiteReferralAssessment")
            .WithSummary("Records that an open referral rests on one of the child's authorised assessments (L25). An out-of-date one is "
                         + "flagged and the referral then needs a manager's override to be submitted. Send the referral's version (409 if stale).")
            .WithTags("Placements");
        api.MapDelete("/placement-referrals/{id:guid}/assessments/{assessmentId:guid}", RemoveAsync)
            .WithName("RemoveReferralAssessment")
            .WithSummary("Takes an assessment off a draft referral (400 once submitted: what it rested on stays). Send ?version= (409 if stale).")
            .WithTags("Placements");
    }

    private static async Task<Results<Ok<ReferralView>, ValidationProblem, ProblemHttpResult, NotFound>> CiteAsync(Guid id,
        CiteReferralAssessmentCommand command, CiteReferralAssessmentHandler handler, CancellationToken cancellationToken) =>
        (await handler.CiteAsync(new PlacementReferralId(id), command, cancellationToken)).ToApiResult();

    private static async Task<Results<Ok<ReferralView>, ValidationProblem, ProblemHttpResult, NotFound>> RemoveAsync(Guid id, Guid assessmentId,
        int? version, CiteReferralAssessmentHandler handler, CancellationToken cancellationToken) =>
        (await handler.RemoveAsync(new PlacementReferralId(id), new AssessmentId(assessmentId), version, cancellationToken)).ToApiResult();
}
