using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Disagreements;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Background;

/// <summary>
/// Escalates every disagreement whose stage is overdue (L16), for a background sweep to call with the time now:
/// each goes up a stage to the next owner on the ladder (<see cref="StageOwners.LadderAsync"/>), or at stage 3 is
/// flagged for the safeguarding partnership. Due times are read from the database (<c>NextEscalationAt</c>), so a
/// restart loses nothing. Each disagreement is saved on its own with its Version as a concurrency token: if an owner
/// acted, or another sweep got there first, that save fails, nothing of it is kept, and it is left alone, so no stage
/// is escalated twice.
/// </summary>
public sealed class DisagreementSweep(CairnDbContext db, AuditLog audit, IConfiguration configuration, ILogger<DisagreementSweep> logger)
{
    /// <returns>What was escalated, for the caller to notify: the new owner, the previous one and the raiser, or the partnership.</returns>
    public async Task<IReadOnlyList<DisagreementEscalation>> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rules = DisagreementSettings.RulesFrom(configuration);
        var due = await db.Disagreements.AsNoTracking()
            .Where(d => d.NextEscalationAt != null && d.NextEscalationAt <= now)
            .OrderBy(d => d.NextEscalationAt)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);

        var escalated = new List<DisagreementEscalation>();
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var disagreement = await db.Disagreements.Include(d => d.Stages).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
            if (disagreement is null)
            {
                continue;
            }

            var candidates = await StageOwners.LadderAsync(db, disagreement, cancellationToken);
            var outcome = disagreement.EscalateOverdue(candidates, rules, now);
            if (outcome.Value is not { } escalation)
            {
                // Resolved, escalated or already swept since the list was read.
                continue;
            }

            var moved = escalation.Kind == EscalationKind.MovedToNextStage;
            audit.Record(moved ? "disagreement.escalate-overdue" : "disagreement.flag-partnership", disagreement.ChildId, "disagreement",
                disagreement.Id.Value,
                detail: moved ? $"stage {(int)escalation.FromStage} to {(int)escalation.Stage}" : $"stage {(int)escalation.Stage}");
            // Told in the same transaction as the escalation, through the outbox: nobody misses it if the process dies.
            var kind = moved ? "disagreement.escalated" : "disagreement.partnership";
            var text = moved
                ? $"A professional disagreement was overdue at stage {(int)escalation.FromStage} and has moved to stage {(int)escalation.Stage}"
                : $"A professional disagreement is overdue at stage {(int)escalation.Stage} and needs the safeguarding partnership";
            foreach (var to in await AudienceAsync(escalation, cancellationToken))
            {
                db.Notifications.Add(Notification.To(to, kind, text, $"/disagreements/{disagreement.Id.Value}", now));
            }

            if (await db.TrySaveAsync(cancellationToken))
            {
                escalated.Add(escalation);
                logger.LogInformation("Disagreement {DisagreementId} overdue at stage {Stage}: {Kind}",
                    id.Value, (int)escalation.FromStage, escalation.Kind);
            }
            else
            {
                logger.LogInformation("Disagreement {DisagreementId} changed while being escalated; left for the next sweep", id.Value);
            }
        }

        db.ChangeTracker.Clear();
        return escalated;
    }

    /// <summary>The new owner, the previous owner and the raiser; for the partnership, the area's safeguarding leads too.</summary>
    private async Task<IReadOnlyList<ProfessionalId>> AudienceAsync(DisagreementEscalation escalation, CancellationToken cancellationToken)
    {
        var people = new List<ProfessionalId> { escalation.PreviousOwner, escalation.RaisedBy };
        if (escalation.NewOwner is { } owner)
        {
            people.Add(owner);
        }

        if (escalation.Kind != EscalationKind.MovedToNextStage)
        {
            var area = await db.People.Where(p => p.Id == escalation.ChildId).Select(p => p.AreaId).SingleAsync(cancellationToken);
            var leads = await db.Professionals.Where(p => p.IsActive)
                .Join(db.Agencies.Where(a => a.AreaId == area), p => p.AgencyId, a => a.Id, (p, _) => new { p.Id, p.Roles })
                .ToListAsync(cancellationToken);
            people.AddRange(leads.Where(l => (l.Roles & Role.SafeguardingLead) == Role.SafeguardingLead).Select(l => l.Id));
        }

        return people.Distinct().ToList();
    }
}
