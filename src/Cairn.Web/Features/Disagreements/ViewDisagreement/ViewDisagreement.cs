using Cairn.Domain;
using Cairn.Domain.Disagreements;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Disagreements.ViewDisagreement;

public sealed record StageView
{
    public required DisagreementStage Stage { get; init; }
    public required ProfessionalId OwnerId { get; init; }
    public required string Owner { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public StageOutcome? Outcome { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public string? EndedBy { get; init; }
    public string? Note { get; init; }
}

public sealed record DisagreementHistoryItem(DisagreementEventKind Kind, DateTimeOffset At, string By, DisagreementStage Stage, string Owner,
    DateTimeOffset? DueAt, string? Note);

public sealed record DisagreementDetails
{
    public required DisagreementId Id { get; init; }
    public required PersonId ChildId { get; init; }
    public required string ChildName { get; init; }
    public required bool MayOpenChildRecord { get; init; }
    public required ProfessionalId RaisedById { get; init; }
    public required string RaisedBy { get; init; }
    public required string RaisedByAgency { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
    public required string Decision { get; init; }
    public ChronologyEntryId? DecisionEntryId { get; init; }
    public required string Concern { get; init; }
    public required string OutcomeSought { get; init; }
    public required DisagreementStatus Status { get; init; }
    public required DisagreementStage Stage { get; init; }
    public required ProfessionalId OwnerId { get; init; }
    public required string Owner { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required bool Overdue { get; init; }
    public string? Resolution { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? PartnershipFlaggedAt { get; init; }
    public required int Version { get; init; }
    public required bool MayResolveOrEscalate { get; init; }
    public required bool MayWithdraw { get; init; }
    public ProfessionalId? SuggestedNextOwnerId { get; init; }
    public required IReadOnlyList<StageView> Stages { get; init; }
    public required IReadOnlyList<DisagreementHistoryItem> History { get; init; }
}

/// <summary>
/// Reads one disagreement. Who may see it: the professional who raised it, anyone who has owned a stage, and anyone
/// who may open the child's record; to everyone else it does not exist (404). See <see cref="DisagreementAccessHandler"/>.
/// </summary>
public sealed class ViewDisagreementHandler(CairnDbContext db, DisagreementAccessHandler disagreements, CurrentUser user, AuditLog audit,
    TimeProvider clock)
{
    /// <returns>Null when the disagreement does not exist or the professional may not see it.</returns>
    public async Task<DisagreementDetails?> HandleAsync(DisagreementId id, CancellationToken cancellationToken)
    {
        var d = await db.Disagreements.AsNoTracking().Include(x => x.Stages).Include(x => x.History).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null || await disagreements.SeeAsync(d, cancellationToken) is not { } seen)
        {
            return null;
        }

        audit.Record("disagreement.view", d.ChildId, "disagreement", d.Id.Value, "allowed", seen.Reason);
        await db.SaveChangesAsync(cancellationToken);

        var me = user.ProfessionalId;
        var people = d.Stages.SelectMany(s => new[] { (ProfessionalId?)s.OwnerId, s.EndedBy }).Concat(d.History.Select(h => h.By))
            .OfType<ProfessionalId>().Append(d.RaisedBy).Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        string Name(ProfessionalId? p) => p is { } known ? names.GetValueOrDefault(known) ?? "Unknown" : "Cairn (automatic)";
        var child = await db.People.AsNoTracking().Where(p => p.Id == d.ChildId).Select(p => p.GivenName + " " + p.FamilyName)
            .SingleAsync(cancellationToken);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == d.RaisedByAgency).Select(a => a.Name).SingleAsync(cancellationToken);
        var mayEscalate = d.MayResolveOrEscalate(me) && d.Stage != Disagreement.LastStage;

        return new DisagreementDetails
        {
            Id = d.Id,
            ChildId = d.ChildId,
            ChildName = child,
            MayOpenChildRecord = seen.MayOpenChildRecord,
            RaisedById = d.RaisedBy,
            RaisedBy = Name(d.RaisedBy),
            RaisedByAgency = agency,
            RaisedAt = d.RaisedAt,
            Decision = d.Decision,
            DecisionEntryId = d.DecisionEntryId,
            Concern = d.Concern,
            OutcomeSought = d.OutcomeSought,
            Status = d.Status,
            Stage = d.Stage,
            OwnerId = d.OwnerId,
            Owner = Name(d.OwnerId),
            DueAt = d.DueAt,
            Overdue = d.IsOverdue(clock.GetUtcNow()),
            Resolution = d.Resolution,
            ClosedAt = d.ClosedAt,
            PartnershipFlaggedAt = d.PartnershipFlaggedAt,
            Version = d.Version,
            MayResolveOrEscalate = d.MayResolveOrEscalate(me),
            MayWithdraw = d.MayWithdraw(me),
            SuggestedNextOwnerId = mayEscalate ? await StageOwners.SuggestedNextOwnerAsync(db, d, cancellationToken) : null,
            Stages = d.Stages.OrderBy(s => s.Stage)
                .Select(s => new StageView
                {
                    Stage = s.Stage,
                    OwnerId = s.OwnerId,
                    Owner = Name(s.OwnerId),
                    StartedAt = s.StartedAt,
                    DueAt = s.DueAt,
                    Outcome = s.Outcome,
                    EndedAt = s.EndedAt,
                    EndedBy = s.Outcome is null ? null : Name(s.EndedBy),
                    Note = s.Note,
                })
                .ToList(),
            History = d.History.OrderBy(h => h.At).ThenBy(h => h.Id)
                .Select(h => new DisagreementHistoryItem(h.Kind, h.At, Name(h.By), h.Stage, Name(h.OwnerId), h.DueAt, h.Note))
                .ToList(),
        };
    }

    /// <summary>Professionals who may own the next stage of this disagreement, for the escalate form. Callers must have checked access.</summary>
    public async Task<IReadOnlyList<OwnerOption>> NextOwnerOptionsAsync(DisagreementId id, CancellationToken cancellationToken)
    {
        var d = await db.Disagreements.AsNoTracking().Include(x => x.Stages).SingleAsync(x => x.Id == id, cancellationToken);
        var area = await StageOwners.AreaOfChildAsync(db, d.ChildId, cancellationToken);
        return d.Stage == Disagreement.LastStage
            ? []
            : (await StageOwners.InAreaAsync(db, area, cancellationToken, d.Stage + 1)).Where(o => d.MayOwnNextStage(o.Id)).ToList();
    }
}
