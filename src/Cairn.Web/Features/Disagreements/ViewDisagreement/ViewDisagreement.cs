using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Disagreements;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Disagreements.ViewDisagreement;

/// <summary>The current stage is resolved: what was agreed (at stage 3, the final decision). Version is the one the owner saw.</summary>
public sealed record ResolveDisagreementCommand
{
    [StringLength(Disagreement.MaxNoteLength)]
    public string? Agreed { get; init; }

    [Required(ErrorMessage = "Send the version of the disagreement you read")]
    public int? Version { get; init; }
}

/// <summary>The current stage could not resolve it: why, and who owns the next stage. Version is the one the owner saw.</summary>
public sealed record EscalateDisagreementCommand
{
    [StringLength(Disagreement.MaxNoteLength)]
    public string? Reason { get; init; }

    public ProfessionalId? NextOwnerId { get; init; }

    [Required(ErrorMessage = "Send the version of the disagreement you read")]
    public int? Version { get; init; }
}

/// <summary>The professional who raised it takes it back, with why. Version is the one they saw.</summary>
public sealed record WithdrawDisagreementCommand
{
    [StringLength(Disagreement.MaxNoteLength)]
    public string? Reason { get; init; }

    [Required(ErrorMessage = "Send the version of the disagreement you read")]
    public int? Version { get; init; }
}

public sealed record StageView(DisagreementStage Stage, ProfessionalId OwnerId, string Owner, DateTimeOffset StartedAt, DateTimeOffset DueAt,
    StageOutcome? Outcome, DateTimeOffset? EndedAt, string? EndedBy, string? Note);

public sealed record DisagreementHistoryItem(DisagreementEventKind Kind, DateTimeOffset At, string By, DisagreementStage Stage, string Owner,
    DateTimeOffset? DueAt, string? Note);

public sealed record DisagreementDetails(
    DisagreementId Id,
    PersonId ChildId,
    string ChildName,
    bool MayOpenChildRecord,
    ProfessionalId RaisedById,
    string RaisedBy,
    string RaisedByAgency,
    DateTimeOffset RaisedAt,
    string Decision,
    ChronologyEntryId? DecisionEntryId,
    string Concern,
    string OutcomeSought,
    DisagreementStatus Status,
    DisagreementStage Stage,
    ProfessionalId OwnerId,
    string Owner,
    DateTimeOffset DueAt,
    bool Overdue,
    string? Resolution,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? PartnershipFlaggedAt,
    int Version,
    bool MayResolveOrEscalate,
    bool MayWithdraw,
    ProfessionalId? SuggestedNextOwnerId,
    IReadOnlyList<StageView> Stages,
    IReadOnlyList<DisagreementHistoryItem> History);

public sealed record ChangedDisagreement(DisagreementId Id, PersonId ChildId, DisagreementStatus Status, DisagreementStage Stage, ProfessionalId OwnerId,
    DateTimeOffset DueAt, int Version);

/// <summary>
/// Reads one disagreement and takes its steps. Who may see it: the professional who raised it, anyone who has owned
/// a stage, and anyone who may open the child's record; to everyone else it does not exist (404). Who may take a
/// step is the domain's rule (<see cref="Disagreement"/>): the current owner resolves or escalates, the raiser withdraws.
/// </summary>
public sealed class ViewDisagreementHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    IConfiguration configuration)
{
    /// <returns>Null when the disagreement does not exist or the professional may not see it.</returns>
    public async Task<DisagreementDetails?> HandleAsync(DisagreementId id, CancellationToken cancellationToken)
    {
        var d = await db.Disagreements.AsNoTracking().Include(x => x.Stages).Include(x => x.History).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null || await SeeAsync(d, cancellationToken) is not { } seen)
        {
            return null;
        }

        audit.Record("disagreement.view", d.ChildId, "disagreement", d.Id.Value, "allowed", seen.Reason);
        await db.SaveChangesAsync(cancellationToken);

        var me = user.ProfessionalId;
        var people = d.Stages.SelectMany(s => new[] { (ProfessionalId?)s.OwnerId, s.EndedBy }).Concat(d.History.Select(h => h.By))
            .OfType<ProfessionalId>().Append(d.RaisedBy).Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        string Name(ProfessionalId? p) => p is { } known ? names.GetValueOrDefault(known) ?? "Unknown" : "Cairn (automatic)";
        var child = await db.People.AsNoTracking().Where(p => p.Id == d.ChildId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(cancellationToken);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == d.RaisedByAgency).Select(a => a.Name).SingleAsync(cancellationToken);
        var mayEscalate = d.MayResolveOrEscalate(me) && d.Stage != Disagreement.LastStage;

        return new DisagreementDetails(d.Id, d.ChildId, child, seen.MayOpenChildRecord, d.RaisedBy, Name(d.RaisedBy), agency, d.RaisedAt,
            d.Decision, d.DecisionEntryId, d.Concern, d.OutcomeSought, d.Status, d.Stage, d.OwnerId, Name(d.OwnerId), d.DueAt,
            d.IsOverdue(clock.GetUtcNow()), d.Resolution, d.ClosedAt, d.PartnershipFlaggedAt, d.Version, d.MayResolveOrEscalate(me),
            d.MayWithdraw(me), mayEscalate ? await StageOwners.SuggestedNextOwnerAsync(db, d, cancellationToken) : null,
            d.Stages.OrderBy(s => s.Stage)
                .Select(s => new StageView(s.Stage, s.OwnerId, Name(s.OwnerId), s.StartedAt, s.DueAt, s.Outcome, s.EndedAt,
                    s.Outcome is null ? null : Name(s.EndedBy), s.Note))
                .ToList(),
            d.History.OrderBy(h => h.At).ThenBy(h => h.Id)
                .Select(h => new DisagreementHistoryItem(h.Kind, h.At, Name(h.By), h.Stage, Name(h.OwnerId), h.DueAt, h.Note))
                .ToList());
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

    /// <returns>Null when the disagreement does not exist or the professional may not see it.</returns>
    public Task<Outcome<ChangedDisagreement>?> ResolveAsync(DisagreementId id, ResolveDisagreementCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(id, "disagreement.resolve", (d, me, now) => Task.FromResult(d.Resolve(command.Agreed, command.Version ?? 0, me, now)), cancellationToken);

    /// <returns>Null when the disagreement does not exist or the professional may not see it.</returns>
    public Task<Outcome<ChangedDisagreement>?> EscalateAsync(DisagreementId id, EscalateDisagreementCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(id, "disagreement.escalate", async (d, me, now) =>
        {
            // The owner must work in the child's area and be senior enough for the stage; asked only when the step
            // itself would be allowed, so that a stale version or a person who may not escalate gets that answer first.
            if (command.NextOwnerId is { } next && d.MayResolveOrEscalate(me) && d.Version == command.Version && d.Stage != Disagreement.LastStage
                && await StageOwners.RefuseOwnerAsync(db, next, await StageOwners.AreaOfChildAsync(db, d.ChildId, cancellationToken), d.Stage + 1,
                    cancellationToken) is { } refused)
            {
                return Refusal.Of(nameof(command.NextOwnerId), refused);
            }

            return d.EscalateToNextStage(command.Reason, command.NextOwnerId, command.Version ?? 0, me, DisagreementSettings.RulesFrom(configuration), now);
        }, cancellationToken);

    /// <returns>Null when the disagreement does not exist or the professional may not see it.</returns>
    public Task<Outcome<ChangedDisagreement>?> WithdrawAsync(DisagreementId id, WithdrawDisagreementCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(id, "disagreement.withdraw", (d, me, now) => Task.FromResult(d.Withdraw(command.Reason, command.Version ?? 0, me, now)), cancellationToken);

    /// <summary>A refusal because the person may not take this step at all, rather than because of what they entered.</summary>
    public static bool IsNotYours(Refusal refusal) => refusal.Errors.Any(e => e.Field == Disagreement.ActorField);

    private async Task<Outcome<ChangedDisagreement>?> ChangeAsync(DisagreementId id, string action,
        Func<Disagreement, ProfessionalId, DateTimeOffset, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        var d = await db.Disagreements.Include(x => x.Stages).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null || await SeeAsync(d, cancellationToken) is null)
        {
            return null;
        }

        var from = d.Stage;
        if (await change(d, user.ProfessionalId, clock.GetUtcNow()) is { } refusal)
        {
            if (IsNotYours(refusal))
            {
                audit.Record(action, d.ChildId, "disagreement", d.Id.Value, "refused");
                await db.SaveChangesAsync(cancellationToken);
            }

            return refusal;
        }

        audit.Record(action, d.ChildId, "disagreement", d.Id.Value, detail: d.Stage == from ? $"stage {(int)from}" : $"stage {(int)from} to {(int)d.Stage}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write (another owner, or the escalation sweep): nothing is kept.
            db.ChangeTracker.Clear();
            return Disagreement.Stale;
        }

        return Outcome<ChangedDisagreement>.Success(new ChangedDisagreement(d.Id, d.ChildId, d.Status, d.Stage, d.OwnerId, d.DueAt, d.Version));
    }

    /// <summary>
    /// Whether the professional may see the disagreement, and why: a party to it always may; anyone else only if they
    /// may open the child's record (a refusal is audited by <see cref="RecordAccessService"/>).
    /// </summary>
    private async Task<Seen?> SeeAsync(Disagreement d, CancellationToken cancellationToken)
    {
        if (d.IsParty(user.ProfessionalId))
        {
            return new Seen("Party", (await access.DecideAsync(d.ChildId, cancellationToken)).Allowed);
        }

        var decision = await access.OpenAsync(d.ChildId, cancellationToken);
        return decision.Allowed ? new Seen(decision.Reason.ToString(), true) : null;
    }

    private sealed record Seen(string Reason, bool MayOpenChildRecord);
}
