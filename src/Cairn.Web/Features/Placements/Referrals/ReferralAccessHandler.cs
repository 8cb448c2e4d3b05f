using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Placements.Referrals;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Referrals;

/// <summary>A placement referral as the pages and the API show it: what it says, what it rests on, and its quality (L40).</summary>
public sealed record ReferralView
{
    public required PlacementReferralId Id { get; init; }
    public required PersonId ChildId { get; init; }
    public required ReferralStatus Status { get; init; }
    public required ReferralDetails Details { get; init; }
    public required string ReferredBy { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public int? QualityAtSubmission { get; init; }
    public required IReadOnlyList<CitedAssessment> Assessments { get; init; }
    public required QualityReport Quality { get; init; }
    public string? OverriddenBy { get; init; }
    public string? OverrideReason { get; init; }
    public string? WithdrawnReason { get; init; }
    public PlacementId? PlacementId { get; init; }
    public required int Version { get; init; }

    public bool IsOpen => Status is ReferralStatus.Draft or ReferralStatus.Submitted;

    /// <summary>Cited assessments that are not current: submitting needs a manager's override while there are any (L25).</summary>
    public bool NeedsOverride => Assessments.Any(a => a.State != AssessmentCurrencyState.Current) && OverriddenBy is null;
}

/// <summary>
/// What the referral slices share (L33, L40): who may write and decide on referrals, how a referral is shown with its quality, and
/// the one path every change takes (read, check the child's record may be opened, check the change is the viewer's, change,
/// audit, save or conflict). Children's social care writes referrals; a team manager of children's social care may let one rest on
/// an out-of-date assessment; anyone else who may open the child's record reads them; anyone who may not gets 404.
/// </summary>
public sealed class ReferralAccessHandler(CairnDbContext db, PlacementAccessHandler placements, AuditLog audit, TimeProvider clock)
{
    public const string RecordType = "placement-referral";

    public const string SocialCareOnly = "Only children's social care can write or send a placement referral. Tell the child's social worker.";

    /// <summary>A change that is not the viewer's (403), audited as every refusal is.</summary>
    public static Refusal NotTheirs => Refusal.NotAllowed("NeededBy", SocialCareOnly);

    public Task<bool> OpenAsync(PersonId child, CancellationToken cancellationToken) => placements.OpenAsync(child, cancellationToken);

    /// <summary>Whether the viewer, who may open the child's record, may write referrals: someone in children's social care.</summary>
    public Task<bool> MayChangeAsync(CancellationToken cancellationToken) => placements.MayManageAsync(cancellationToken);

    /// <summary>Whether the viewer may let a referral rest on an out-of-date assessment: a team manager of children's social care.</summary>
    public Task<bool> IsManagerAsync(CancellationToken cancellationToken) => placements.IsManagerAsync(cancellationToken);

    public async Task<PersonId?> ChildOfAsync(PlacementReferralId id, CancellationToken cancellationToken) =>
        await db.PlacementReferrals.AsNoTracking().Where(r => r.Id == id).Select(r => (PersonId?)r.ChildId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The assessments a referral rests on, each with its currency today.</summary>
    public async Task<IReadOnlyList<CitedAssessment>> CitedAsync(PlacementReferralId id, PersonId child, CancellationToken cancellationToken)
    {
        var ids = await db.AssessmentCitations.AsNoTracking()
            .Where(c => c.CitedByKind == CitedByKind.PlacementReferral && c.CitedById == id.Value)
            .Select(c => c.AssessmentId).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var currency = await AreaAssessmentCurrency.ForChildAsync(db, child, cancellationToken);
        var today = clock.GetUtcNow().InLondon();
        return (await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken))
            .OrderBy(a => a.CompletedOn).ThenBy(a => a.TypeName, StringComparer.Ordinal)
            .Select(a => new CitedAssessment(a.Id, a.Type, a.TypeName, a.CompletedOn, a.CurrencyOn(today, currency)))
            .ToList();
    }

    /// <summary>The referral as shown; null when there is none.</summary>
    public async Task<ReferralView?> ViewAsync(PlacementReferralId id, CancellationToken cancellationToken)
    {
        var referral = await db.PlacementReferrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return null;
        }

        var cited = await CitedAsync(id, referral.ChildId, cancellationToken);
        var people = new[] { referral.ReferredBy, referral.OverriddenBy ?? referral.ReferredBy };
        var names = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name,
            cancellationToken);
        return new ReferralView
        {
            Id = referral.Id,
            ChildId = referral.ChildId,
            Status = referral.Status,
            Details = referral.Details,
            ReferredBy = names.GetValueOrDefault(referral.ReferredBy, "Unknown"),
            StartedAt = referral.StartedAt,
            SubmittedAt = referral.SubmittedAt,
            QualityAtSubmission = referral.QualityAtSubmission,
            Assessments = cited,
            Quality = ReferralQuality.Of(referral.Details, cited, referral.OverriddenBy is not null),
            OverriddenBy = referral.OverriddenBy is { } by ? names.GetValueOrDefault(by, "Unknown") : null,
            OverrideReason = referral.OverrideReason,
            WithdrawnReason = referral.WithdrawnReason,
            PlacementId = referral.PlacementId,
            Version = referral.Version,
        };
    }

    /// <summary>
    /// Changes a referral: not found when it does not exist or the viewer may not open the child's record; refused (403) when the
    /// change is not theirs; otherwise <paramref name="change"/> changes it, the change is audited under <paramref name="action"/>
    /// and saved, or answered with a conflict. Every refusal is audited under <paramref name="action"/>.
    /// </summary>
    public async Task<Handled<ReferralView>> ChangeAsync(PlacementReferralId id, string action,
        Func<PlacementReferral, DateTimeOffset, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        if (await ChildOfAsync(id, cancellationToken) is not { } child || !await OpenAsync(child, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await ChangeReferralAsync(id, action, change, cancellationToken)
            .AuditRefusalAsync(audit, action, child, RecordType, id.Value, cancellationToken);
    }

    private async Task<Handled<ReferralView>> ChangeReferralAsync(PlacementReferralId id, string action,
        Func<PlacementReferral, DateTimeOffset, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        if (!await MayChangeAsync(cancellationToken))
        {
            return NotTheirs;
        }

        var referral = await db.PlacementReferrals.SingleAsync(r => r.Id == id, cancellationToken);
        if (await change(referral, clock.GetUtcNow()) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return refusal;
        }

        audit.Record(action, referral.ChildId, RecordType, id.Value, detail: referral.Status.ToString());
        if (await db.SaveOrConflictAsync(PlacementReferral.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return (await ViewAsync(id, cancellationToken))!;
    }
}
