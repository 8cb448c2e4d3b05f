using Cairn.Domain;
using Cairn.Domain.Access;
using Cairn.Domain.EarlyHelp;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.EarlyHelp;

/// <summary>What a change to an episode left: where it stands now and the version to send next.</summary>
public sealed record ChangedEpisode(EarlyHelpEpisodeId Id, PersonId ChildId, EarlyHelpStatus Status, ProfessionalId LeadProfessionalId,
    ContactId? FrontDoorContactId, int Version)
{
    public static ChangedEpisode Of(EarlyHelpEpisode e) => new(e.Id, e.ChildId, e.Status, e.LeadProfessionalId, e.FrontDoorContactId, e.Version);
}

public sealed record TeamMemberOption(ProfessionalId Id, string Name, string JobTitle, string Agency);

/// <summary>
/// What the early help slices share (L18, L19): who may manage a child's early help (<see cref="EarlyHelpAccess"/>),
/// who in the team around the child may lead it, and the one path every change to an existing episode takes (read,
/// check access, change, audit, save or conflict).
/// </summary>
public sealed class EarlyHelpAccessHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <summary>The child an episode is about; null when there is no such episode.</summary>
    public async Task<PersonId?> ChildOfAsync(EarlyHelpEpisodeId id, CancellationToken cancellationToken) =>
        await db.EarlyHelpEpisodes.AsNoTracking().Where(e => e.Id == id).Select(e => (PersonId?)e.ChildId)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The professionals currently in the team around the child: who can be the lead professional.</summary>
    public async Task<IReadOnlyList<TeamMemberOption>> LeadOptionsAsync(PersonId childId, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        return (await db.Involvements.AsNoTracking()
                .Where(i => i.ChildId == childId && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
                .Join(db.Professionals.Where(p => p.IsActive), i => i.ProfessionalId, p => p.Id, (i, p) => p)
                .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.Name, p.JobTitle, Agency = a.Name })
                .ToListAsync(cancellationToken))
            .DistinctBy(x => x.Id)
            .OrderBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new TeamMemberOption(x.Id, x.Name, x.JobTitle, x.Agency)).ToList();
    }

    /// <summary>Whether the viewer may start, change the lead of or close the child's early help.</summary>
    public async Task<bool> MayManageAsync(PersonId childId, AccessDecision decision, ProfessionalId? episodeLead,
        CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var team = await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == childId && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .ToListAsync(cancellationToken);
        var agency = user.AgencyId;
        var kind = await db.Agencies.Where(a => a.Id == agency).Select(a => a.Kind).SingleAsync(cancellationToken);
        return EarlyHelpAccess.MayManage(await access.ViewerAsync(cancellationToken), decision, kind, team, episodeLead);
    }

    /// <summary>Whether the professional is in the team around the child today (a lead must be).</summary>
    public async Task<bool> IsInTeamAsync(PersonId childId, ProfessionalId? professional, CancellationToken cancellationToken)
    {
        if (professional is not { } p)
        {
            return false;
        }

        var today = clock.Today();
        return await db.Involvements.AnyAsync(i => i.ChildId == childId && i.ProfessionalId == p && i.StartedOn <= today
                                                   && (i.EndedOn == null || i.EndedOn > today), cancellationToken);
    }

    /// <summary>Whether the front door has decided the contact an awaited closure made (L18).</summary>
    public async Task<bool> FrontDoorCheckDecidedAsync(EarlyHelpEpisode episode, CancellationToken cancellationToken) =>
        episode.FrontDoorContactId is { } contact
        && await db.Contacts.AnyAsync(c => c.Id == contact && c.Status == ContactStatus.Decided, cancellationToken);

    /// <summary>A step that is not the viewer's to take, and why (400 with the reason on the field named); audited as every refusal is.</summary>
    public static Refusal NotTheirs(string field) => Refusal.Of(field, EarlyHelpAccess.Refused) with { Title = "You cannot do this" };

    /// <summary>
    /// Changes an existing episode: not found when the episode does not exist or the viewer may not open the child's
    /// record; refused when the step is not theirs; otherwise <paramref name="change"/> changes the episode and returns
    /// the audit action that describes what happened, and the change is saved or answered with a conflict. Every refusal
    /// is audited under <paramref name="action"/> (<see cref="RefusedChanges"/>).
    /// </summary>
    public async Task<Handled<ChangedEpisode>> ChangeAsync(EarlyHelpEpisodeId id, string action, string refusalField,
        Func<EarlyHelpEpisode, DateTimeOffset, Task<Outcome<string>>> change, CancellationToken cancellationToken)
    {
        if (await ChildOfAsync(id, cancellationToken) is not { } child)
        {
            return Handled.NotFound;
        }

        var decision = await access.OpenAsync(child, cancellationToken);
        if (!decision.Allowed)
        {
            return Handled.NotFound;
        }

        return await ChangeEpisodeAsync(id, decision, refusalField, change, cancellationToken)
            .AuditRefusalAsync(audit, action, child, "early-help", id.Value, cancellationToken);
    }

    private async Task<Handled<ChangedEpisode>> ChangeEpisodeAsync(EarlyHelpEpisodeId id, AccessDecision decision, string refusalField,
        Func<EarlyHelpEpisode, DateTimeOffset, Task<Outcome<string>>> change, CancellationToken cancellationToken)
    {
        var episode = await db.EarlyHelpEpisodes.Include(e => e.Events).SingleAsync(e => e.Id == id, cancellationToken);
        if (!await MayManageAsync(episode.ChildId, decision, episode.LeadProfessionalId, cancellationToken))
        {
            return NotTheirs(refusalField);
        }

        var outcome = await change(episode, clock.GetUtcNow());
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        audit.Record(outcome.Value!, episode.ChildId, "early-help", id.Value, detail: episode.Status.ToString());
        return await db.SaveOrConflictAsync(EarlyHelpEpisode.Stale, cancellationToken) is { } conflict
            ? conflict
            : ChangedEpisode.Of(episode);
    }
}
