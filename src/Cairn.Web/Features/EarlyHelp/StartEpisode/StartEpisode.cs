using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Access;
using Cairn.Domain.Children;
using Cairn.Domain.EarlyHelp;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.EarlyHelp.StartEpisode;

public sealed record StartEpisodeCommand
{
    public DateOnly? StartedOn { get; init; }

    /// <summary>A professional currently in the team around the child (L19).</summary>
    public ProfessionalId? LeadProfessionalId { get; init; }

    /// <summary>Who gave consent: the parent or carer's name or role.</summary>
    [StringLength(EarlyHelpDraft.MaxConsentGivenByLength)]
    public string? ConsentGivenBy { get; init; }

    public DateOnly? ConsentGivenOn { get; init; }

    public ConsentMethod? ConsentMethod { get; init; }

    /// <summary>
    /// No longer accepted: refused with a message pointing to the episode's early help plan, which is started from the episode once
    /// the episode has started (outcomes with actions, owners and due dates, and the child's and the family's views).
    /// </summary>
    public string? PlanSummary { get; init; }
}

/// <summary>
/// Starts an early help episode (L18, L19) with consent and a lead professional from the team around the child.
/// Its plan is an early help plan started from the episode afterwards. Started by whoever <see cref="EarlyHelpAccess"/> allows;
/// records the legal status Early help when the child has none.
/// </summary>
public sealed class StartEpisodeHandler(CairnDbContext db, RecordAccessService access, EarlyHelpAccessHandler earlyHelp, CurrentUser user,
    AuditLog audit, TimeProvider clock)
{
    public async Task<Handled<ChangedEpisode>> HandleAsync(PersonId childId, StartEpisodeCommand command, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return Handled.NotFound;
        }

        return await StartAsync(childId, decision, command, cancellationToken).AuditRefusalAsync(audit, "early-help.start", childId,
            "early-help", null, cancellationToken);
    }

    private async Task<Handled<ChangedEpisode>> StartAsync(PersonId childId, AccessDecision decision, StartEpisodeCommand command,
        CancellationToken cancellationToken)
    {
        if (!await earlyHelp.MayManageAsync(childId, decision, null, cancellationToken))
        {
            return EarlyHelpAccessHandler.NotTheirs("LeadProfessionalId");
        }

        if (await db.People.Where(p => p.Id == childId).Select(p => p.Kind).SingleAsync(cancellationToken) != PersonKind.Child)
        {
            return Refusal.Of("StartedOn", "Early help is recorded on a child's record");
        }

        var now = clock.GetUtcNow();
        var draft = new EarlyHelpDraft(command.StartedOn, command.LeadProfessionalId, command.ConsentGivenBy, command.ConsentGivenOn,
            command.ConsentMethod, command.PlanSummary);
        var hasOpen = await db.EarlyHelpEpisodes.AnyAsync(e => e.ChildId == childId && e.Status != EarlyHelpStatus.Closed, cancellationToken);
        var inTeam = await earlyHelp.IsInTeamAsync(childId, command.LeadProfessionalId, cancellationToken);
        var outcome = EarlyHelpEpisode.Start(childId, draft, inTeam, hasOpen, user.ProfessionalId, now);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var episode = outcome.Value!;
        db.EarlyHelpEpisodes.Add(episode);
        audit.Record("early-help.start", childId, "early-help", episode.Id.Value);
        await RecordEarlyHelpStatusAsync(childId, episode.StartedOn, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The "one episode not closed per child" index, or the "one current legal status" index: someone else acted at once.
            db.ChangeTracker.Clear();
            return EarlyHelpEpisode.Stale;
        }

        return ChangedEpisode.Of(episode);
    }

    /// <summary>
    /// Starting early help records the legal status Early help when the child has none; a status already recorded
    /// (child in need, a plan, looked after) is never replaced by a lower one.
    /// </summary>
    private async Task RecordEarlyHelpStatusAsync(PersonId childId, DateOnly startedOn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await db.LegalStatuses.Where(s => s.ChildId == childId && s.To == null).FirstOrDefaultAsync(cancellationToken);
        if (current is not null && (current.Kind != LegalStatusKind.None || startedOn <= current.From))
        {
            return;
        }

        var changed = LegalStatus.Change(current, childId, LegalStatusKind.EarlyHelp, null, startedOn, "Early help episode started",
            user.ProfessionalId, now);
        if (changed.Value is { } status)
        {
            db.LegalStatuses.Add(status);
            audit.Record("legal-status.change", childId, "legal-status", status.Id.Value, detail: "early-help.start");
        }
    }
}
