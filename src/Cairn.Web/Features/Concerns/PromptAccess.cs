using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Concerns;
using Cairn.Domain.Time;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Concerns;

/// <summary>Someone an open prompt can be passed to: a professional in the team around the child, or the front door team.</summary>
public sealed record ReassignChoice(Guid Id, string Name, bool IsTeam);

/// <summary>
/// Where the caller stands with a prompt: whether it is for them or their team (<see cref="IsFor"/>), and whether they
/// manage the team of whoever it is for (<see cref="Manages"/>).
/// </summary>
public sealed record PromptStanding(TeamId? Team, bool IsFor, bool Manages);

/// <summary>
/// Who may see, answer and pass on a concern prompt (L04, L05, L09, L31, L50). A prompt is seen by the professional or
/// team it is for, the manager of that professional's team (or of that team), and the area's safeguarding leads and
/// front door. It is answered by the professional or team it is for, or by that manager in their place. It is passed
/// on by whoever it is for, a front door manager or a safeguarding lead, to someone in the team around the child or to
/// the front door team. Always the viewer must be able to open the child's record, and a prompt they may not see is
/// "not found", like the record itself. See Security/README.md.
/// </summary>
public sealed class PromptAccessHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, TimeProvider clock,
    IConfiguration configuration)
{
    /// <summary>Front door managers and safeguarding leads pass on prompts that are not theirs.</summary>
    public bool Oversees => user.Has(Role.SafeguardingLead) || user.Has(Role.FrontDoor | Role.TeamManager);

    private bool SeesAll => user.Has(Role.SafeguardingLead) || user.Has(Role.FrontDoor);

    /// <summary>
    /// Where the caller stands with a prompt. Null when they may not see it at all: it is neither for them nor for a team
    /// they manage, and they are not a safeguarding lead or the front door; or they cannot open the child's record.
    /// </summary>
    public async Task<PromptStanding?> StandingAsync(ConcernPrompt prompt, CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var team = await MyTeamAsync(cancellationToken);
        var isFor = prompt.IsFor(me, team);
        var assigneeTeam = prompt.AssignedProfessional is { } assignee
            ? await db.Professionals.Where(p => p.Id == assignee).Select(p => p.TeamId).SingleOrDefaultAsync(cancellationToken)
            : null;
        var manages = await db.Teams.AnyAsync(t => t.ManagerId == me && (t.Id == prompt.AssignedTeam || t.Id == assigneeTeam), cancellationToken);
        if (!(isFor || manages || SeesAll) || !(await access.OpenAsync(prompt.Child, cancellationToken)).Allowed)
        {
            return null;
        }

        return new PromptStanding(team, isFor, manages);
    }

    /// <summary>
    /// The active professionals in the team around the child (who can open the record) other than the assignee, then the
    /// front door team.
    /// </summary>
    public async Task<IReadOnlyList<ReassignChoice>> ChoicesAsync(ConcernPrompt prompt, CancellationToken cancellationToken)
    {
        var today = clock.GetUtcNow().InLondon();
        var people = await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == prompt.Child && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Join(db.Professionals.Where(p => p.IsActive), i => i.ProfessionalId, p => p.Id, (i, p) => new { p.Id, p.Name })
            .Distinct().ToListAsync(cancellationToken);
        var choices = people.Where(p => p.Id != prompt.AssignedProfessional).OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ReassignChoice(p.Id.Value, p.Name, false)).ToList();
        if (await FrontDoorTeamAsync(cancellationToken) is { } frontDoor && frontDoor != prompt.AssignedTeam)
        {
            var name = await db.Teams.Where(t => t.Id == frontDoor).Select(t => t.Name).SingleAsync(cancellationToken);
            choices.Add(new ReassignChoice(frontDoor.Value, name, true));
        }

        return choices;
    }

    /// <summary>The caller's area's front door team, found as the concern evaluator finds it.</summary>
    public async Task<TeamId?> FrontDoorTeamAsync(CancellationToken cancellationToken) =>
        (await Background.Concerns.FrontDoorTeam.OfAreaAsync(db, configuration, user.AreaId, cancellationToken)).Team;

    public async Task<TeamId?> MyTeamAsync(CancellationToken cancellationToken) =>
        await db.Professionals.Where(p => p.Id == user.ProfessionalId).Select(p => p.TeamId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>What a rule means, in the words people read.</summary>
    public static string ConcernWords(ConcernRule rule) => Background.Concerns.ConcernWords.Rule(rule);
}
