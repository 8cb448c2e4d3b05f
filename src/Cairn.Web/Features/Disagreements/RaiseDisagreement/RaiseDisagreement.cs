using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Disagreements;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Disagreements.RaiseDisagreement;

/// <summary>A professional disagreement as the professional raises it, with who owns stage 1.</summary>
public sealed record RaiseDisagreementCommand
{
    [StringLength(DisagreementDraft.MaxDecisionLength)]
    public string? Decision { get; init; }

    /// <summary>The chronology entry recording the decision, if there is one.</summary>
    public ChronologyEntryId? DecisionEntryId { get; init; }

    [StringLength(DisagreementDraft.MaxConcernLength)]
    public string? Concern { get; init; }

    [StringLength(DisagreementDraft.MaxOutcomeSoughtLength)]
    public string? OutcomeSought { get; init; }

    /// <summary>Who owns stage 1: usually the practitioner who made the decision.</summary>
    public ProfessionalId? OwnerId { get; init; }

    public DisagreementDraft ToDraft() => new(Decision, DecisionEntryId, Concern, OutcomeSought);
}

public sealed record RaisedDisagreement(DisagreementId Id, PersonId ChildId, DisagreementStage Stage, ProfessionalId OwnerId, DateTimeOffset DueAt,
    int Version);

public sealed record DecisionEntryOption(ChronologyEntryId Id, DateTimeOffset OccurredAt, string Summary);

/// <summary>
/// Raises a disagreement about a decision on a child (L15). Anyone who may open the child's record may raise
/// one; the record's refusal is the same 404 as a child who does not exist.
/// </summary>
public sealed class RaiseDisagreementHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    IConfiguration configuration)
{
    /// <summary>How many recent chronology entries the form offers as the decision.</summary>
    public const int RecentEntries = 30;

    /// <returns>Not found when the child does not exist, is not a child, or may not be opened by the professional.</returns>
    public async Task<Handled<RaisedDisagreement>> HandleAsync(PersonId childId, RaiseDisagreementCommand command,
        CancellationToken cancellationToken)
    {
        if (!(await access.OpenAsync(childId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        var child = await db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => new { p.AreaId, p.Kind })
            .SingleAsync(cancellationToken);
        if (child.Kind != PersonKind.Child)
        {
            return Handled.NotFound;
        }

        return await RaiseAsync(childId, child.AreaId, command, cancellationToken).AuditRefusalAsync(audit, "disagreement.raise", childId,
            "disagreement", null, cancellationToken);
    }

    private async Task<Handled<RaisedDisagreement>> RaiseAsync(PersonId childId, AreaId area, RaiseDisagreementCommand command,
        CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (command.DecisionEntryId is { } entry
            && !await db.ChronologySubjects.AnyAsync(s => s.EntryId == entry && s.PersonId == childId, cancellationToken))
        {
            errors.Add(new(nameof(command.DecisionEntryId), "Select an entry from this child's chronology, or none"));
        }

        if (command.OwnerId is { } owner && owner != user.ProfessionalId
            && await StageOwners.RefuseOwnerAsync(db, owner, area, DisagreementStage.Practitioners, cancellationToken) is { } refused)
        {
            errors.Add(new(nameof(command.OwnerId), refused));
        }

        var outcome = Disagreement.Raise(childId, command.ToDraft(), user.ProfessionalId, user.AgencyId, command.OwnerId,
            DisagreementSettings.RulesFrom(configuration), clock.GetUtcNow());
        if (outcome.Refusal is { } refusal || errors.Count > 0)
        {
            var all = (outcome.Refusal?.Errors ?? []).Concat(errors).DistinctBy(e => e.Field).ToList();
            return Refusal.FromErrors(all)!;
        }

        var disagreement = outcome.Value!;
        db.Disagreements.Add(disagreement);
        audit.Record("disagreement.raise", childId, "disagreement", disagreement.Id.Value, detail: "stage 1");
        await db.SaveChangesAsync(cancellationToken);
        return new RaisedDisagreement(disagreement.Id, childId, disagreement.Stage, disagreement.OwnerId, disagreement.DueAt,
            disagreement.Version);
    }

    /// <summary>The child's latest chronology entries, newest first, to name the decision. Callers must already have checked access.</summary>
    public async Task<IReadOnlyList<DecisionEntryOption>> RecentEntriesAsync(PersonId childId, CancellationToken cancellationToken) =>
        (await db.ChronologySubjects.AsNoTracking().Where(s => s.PersonId == childId)
            .OrderByDescending(s => s.OccurredAt).Take(RecentEntries)
            .Join(db.ChronologyEntries, s => s.EntryId, e => e.Id, (s, e) => new { e.Id, s.OccurredAt, e.Content.Summary })
            .ToListAsync(cancellationToken))
        .OrderByDescending(x => x.OccurredAt)
        .Select(x => new DecisionEntryOption(x.Id, x.OccurredAt, x.Summary)).ToList();
}
