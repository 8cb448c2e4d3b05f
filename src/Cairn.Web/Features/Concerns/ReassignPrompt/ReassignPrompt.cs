using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Concerns;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Notifications;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Concerns.ReassignPrompt;

public sealed record ReassignPromptCommand
{
    /// <summary>A professional in the team around the child; or leave empty and set <see cref="ToFrontDoorTeam"/>.</summary>
    public Guid? ToProfessional { get; init; }

    public bool ToFrontDoorTeam { get; init; }

    [StringLength(ConcernPrompt.MaxReasonLength)]
    public string? Reason { get; init; }

    [Required]
    public int? Version { get; init; }
}

public sealed record ReassignedPrompt(ConcernPromptId Id, ProfessionalId? AssignedProfessional, TeamId? AssignedTeam, int Version);

/// <summary>
/// Passes an open prompt on to a professional in the team around the child, or to the front door team, with a reason:
/// by whoever it is for, a front door manager or a safeguarding lead. The new assignee is told through the
/// notification outbox in the same transaction; the audit holds ids only.
/// </summary>
public sealed class ReassignPromptHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, PromptAccessHandler prompts)
{
    /// <returns>Not found when the prompt does not exist or the caller may not see it.</returns>
    public async Task<Handled<ReassignedPrompt>> ReassignAsync(ConcernPromptId id, ReassignPromptCommand command, CancellationToken cancellationToken)
    {
        var prompt = await db.ConcernPrompts.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (prompt is null || await prompts.StandingAsync(prompt, cancellationToken) is not { } standing)
        {
            return Handled.NotFound;
        }

        return await ReassignPromptAsync(prompt, standing, command, cancellationToken).AuditRefusalAsync(audit, "concern.reassign", prompt.Child,
            "concern-prompt", id.Value, cancellationToken);
    }

    private async Task<Handled<ReassignedPrompt>> ReassignPromptAsync(ConcernPrompt prompt, PromptStanding standing, ReassignPromptCommand command,
        CancellationToken cancellationToken)
    {
        if (prompt.IsOpen && command.Version == prompt.Version && !standing.IsFor && !prompts.Oversees)
        {
            return ConcernPrompt.MayNotReassign;
        }

        ProfessionalId? toProfessional = null;
        TeamId? toTeam = null;
        if (command.ToFrontDoorTeam && command.ToProfessional is null)
        {
            toTeam = await prompts.FrontDoorTeamAsync(cancellationToken);
            if (toTeam is null)
            {
                return Refusal.Of("AssignTo", "This area has no front door team to pass the prompt to");
            }
        }
        else if (command.ToProfessional is { } chosen)
        {
            var choices = await prompts.ChoicesAsync(prompt, cancellationToken);
            if (command.ToFrontDoorTeam || !choices.Any(c => !c.IsTeam && c.Id == chosen))
            {
                return Refusal.Of("AssignTo", "Select a professional in the team around the child, or the front door team");
            }

            toProfessional = new ProfessionalId(chosen);
        }

        var now = clock.GetUtcNow();
        if (prompt.Reassign(toProfessional, toTeam, user.ProfessionalId, standing.Team, prompts.Oversees, command.Reason,
                command.Version ?? -1, now) is { } refusal)
        {
            return refusal;
        }

        audit.Record("concern.reassign", prompt.Child, "concern-prompt", prompt.Id.Value,
            detail: toProfessional is { } p ? $"professional:{p.Value}" : $"team:{toTeam!.Value.Value}");
        var notify = toProfessional is { } one ? [one] : await TeamManagersAsync(toTeam!.Value, cancellationToken);
        var text = $"Concerns that add up, passed to you: {PromptAccessHandler.ConcernWords(prompt.Rule)}";
        db.Notifications.AddRange(notify.Select(to => Notification.To(to, "concern.reassigned", text, $"/concerns/{prompt.Id.Value}", now)));
        if (await db.SaveOrConflictAsync(ConcernPrompt.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new ReassignedPrompt(prompt.Id, prompt.AssignedProfessional, prompt.AssignedTeam, prompt.Version);
    }

    /// <summary>Who hears that a prompt was passed to a team: its manager and any team managers in it.</summary>
    private async Task<List<ProfessionalId>> TeamManagersAsync(TeamId team, CancellationToken cancellationToken)
    {
        var manager = await db.Teams.WithActiveManager(db)
            .Where(t => t.Id == team)
            .Select(t => t.ManagerId)
            .SingleOrDefaultAsync(cancellationToken);
        var inTeam = await db.Professionals.Where(p => p.TeamId == team && p.IsActive && ((int)p.Roles & (int)Role.TeamManager) != 0)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        return [.. inTeam.Concat(manager is { } m ? [m] : []).Distinct()];
    }
}
