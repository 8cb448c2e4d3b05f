using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.FrontDoor;
using Cairn.Web.Notifications;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Concerns.Prompts;

public sealed record PromptListItem(ConcernPromptId Id, PersonId ChildId, string ChildName, ConcernRule Rule, string RuleText, string Summary,
    ConcernPromptStatus Status, DateTimeOffset RaisedAt, DateTimeOffset DueAt, bool Overdue, int EscalationLevel, bool ForMe);

public sealed record PromptList(int Open, int Overdue, int Answered, IReadOnlyList<PromptListItem> Prompts);

public sealed record PromptEvidence(string Kind, Guid Id, string Link, DateTimeOffset AddedAt);

public sealed record PromptHistoryItem(ConcernPromptEventKind Kind, string? By, DateTimeOffset At, string? Note, int? Level);

public sealed record PromptDetails(ConcernPromptId Id, PersonId ChildId, string ChildName, ConcernRule Rule, string RuleText, string Summary,
    ConcernPromptStatus Status, DateTimeOffset RaisedAt, DateTimeOffset DueAt, bool Overdue, int EscalationLevel, string? AssignedTo, string? AssignedTeam,
    PromptResponse? Response, string? Reason, string? AnsweredBy, DateTimeOffset? AnsweredAt, ContactId? SteppedUpContact,
    IReadOnlyList<PromptEvidence> Evidence, IReadOnlyList<PromptHistoryItem> History, int Version, bool MayAnswer, bool AnswersAsManager,
    bool MayReassign, IReadOnlyList<ReassignChoice> ReassignTo);

/// <summary>Someone an open prompt can be passed to: a professional in the team around the child, or the front door team.</summary>
public sealed record ReassignChoice(Guid Id, string Name, bool IsTeam);

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

public sealed record AnswerPromptCommand
{
    [Required]
    public PromptResponse? Response { get; init; }

    [StringLength(ConcernPrompt.MaxReasonLength)]
    public string? Reason { get; init; }

    [Required]
    public int? Version { get; init; }
}

public sealed record AnsweredPrompt(ConcernPromptId Id, ConcernPromptStatus Status, PromptResponse? Response, int Version, ContactId? ContactId);

/// <summary>
/// Concern prompts (L04, L05, L09, L31, L50). A prompt is seen by the professional or team it is for, the manager of
/// that professional's team (or of that team), and the area's safeguarding leads and front door. It is answered by the
/// professional or team it is for, or by that manager in their place (the history says so). It is passed on, with a
/// reason, by whoever it is for, a front door manager or a safeguarding lead, to someone in the team around the child
/// or to the front door team. Always the viewer must be able to open the child's record, and a prompt they may not see
/// is "not found", like the record itself. See Security/README.md.
/// </summary>
public sealed class ConcernPromptsHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    ContactIntake intake, IConfiguration configuration)
{
    public static bool IsNotYours(Refusal refusal) =>
        refusal.Errors.Any(e => e.Field == "Prompt" && e.Message is ConcernPrompt.NotYoursToAnswer or ConcernPrompt.NotYoursToReassign);

    private bool SeesAll => user.Has(Role.SafeguardingLead) || user.Has(Role.FrontDoor);

    /// <summary>Front door managers and safeguarding leads pass on prompts that are not theirs.</summary>
    private bool Oversees => user.Has(Role.SafeguardingLead) || user.Has(Role.FrontDoor | Role.TeamManager);

    /// <summary>Prompts for me, my team, or the teams I manage and their workers, open first.</summary>
    public async Task<PromptList> ListAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var team = await MyTeamAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var managed = await db.Teams.Where(t => t.ManagerId == me).Select(t => (TeamId?)t.Id).ToListAsync(cancellationToken);
        var workers = db.Professionals.Where(p => managed.Contains(p.TeamId)).Select(p => (ProfessionalId?)p.Id);
        var rows = await db.ConcernPrompts.AsNoTracking()
            .Where(p => p.AssignedProfessional == me || (team != null && p.AssignedTeam == team) || managed.Contains(p.AssignedTeam)
                || workers.Contains(p.AssignedProfessional))
            .OrderBy(p => p.Status).ThenBy(p => p.DueAt).Take(500)
            .Join(db.People, p => p.Child, c => c.Id, (p, c) => new
            {
                p.Id,
                p.Child,
                Name = c.GivenName + " " + c.FamilyName,
                p.Rule,
                p.Summary,
                p.Status,
                p.RaisedAt,
                p.DueAt,
                p.EscalationLevel,
                p.AssignedProfessional,
            })
            .ToListAsync(cancellationToken);
        var visible = await access.VisiblePeopleAsync(cancellationToken);
        var items = rows.Where(r => visible is null || visible.Contains(r.Child))
            .Select(r => new PromptListItem(r.Id, r.Child, r.Name, r.Rule, ConcernWords(r.Rule), r.Summary, r.Status, r.RaisedAt, r.DueAt,
                r.Status == ConcernPromptStatus.Open && now >= r.DueAt, r.EscalationLevel, r.AssignedProfessional == me))
            .ToList();
        return new PromptList(items.Count(i => i.Status == ConcernPromptStatus.Open), items.Count(i => i.Overdue),
            items.Count(i => i.Status == ConcernPromptStatus.Answered), items);
    }

    /// <returns>Null when the prompt does not exist or the viewer may not see it.</returns>
    public async Task<PromptDetails?> ViewAsync(ConcernPromptId id, CancellationToken cancellationToken)
    {
        var prompt = await db.ConcernPrompts.AsNoTracking().Include(p => p.Evidence).Include(p => p.Events).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (prompt is null || await StandingAsync(prompt, cancellationToken) is not { } standing)
        {
            return null;
        }

        audit.Record("concern.view", prompt.Child, "concern-prompt", id.Value);
        await db.SaveChangesAsync(cancellationToken);
        var contact = await db.ConcernPrompts.Where(p => p.Id == id)
            .Select(p => EF.Property<ContactId?>(p, ConcernPromptConfiguration.SteppedUpContact)).SingleAsync(cancellationToken);
        var people = prompt.Events.Select(e => e.By).Append(prompt.AssignedProfessional).Append(prompt.AnsweredBy).OfType<ProfessionalId>().Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var teamName = prompt.AssignedTeam is { } t ? await db.Teams.Where(x => x.Id == t).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var child = await db.People.Where(p => p.Id == prompt.Child).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(cancellationToken);
        string? Name(ProfessionalId? p) => p is { } x ? names.GetValueOrDefault(x) : null;
        var evidence = prompt.Evidence.OrderBy(e => e.AddedAt)
            .Select(e => e.EntryId is { } entry
                ? new PromptEvidence("chronology-entry", entry.Value, $"/chronology/{entry.Value}", e.AddedAt)
                : new PromptEvidence("contact", e.ContactId!.Value.Value, $"/contacts/{e.ContactId!.Value.Value}", e.AddedAt))
            .ToList();
        var history = prompt.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new PromptHistoryItem(e.Kind, Name(e.By), e.At, e.Note, e.Level)).ToList();
        return new PromptDetails(prompt.Id, prompt.Child, child, prompt.Rule, ConcernWords(prompt.Rule), prompt.Summary, prompt.Status, prompt.RaisedAt,
            prompt.DueAt, prompt.IsOverdue(clock.GetUtcNow()), prompt.EscalationLevel, Name(prompt.AssignedProfessional), teamName, prompt.Response,
            prompt.Reason, Name(prompt.AnsweredBy), prompt.AnsweredAt, contact, evidence, history, prompt.Version,
            prompt.IsOpen && (standing.IsFor || standing.Manages), prompt.IsOpen && !standing.IsFor && standing.Manages,
            prompt.IsOpen && (standing.IsFor || Oversees),
            prompt.IsOpen && (standing.IsFor || Oversees) ? await ChoicesAsync(prompt, cancellationToken) : []);
    }

    /// <summary>
    /// The professional or team the prompt is for answers it. Stepping up makes a contact to the front door, from the
    /// answering professional, with the prompt's summary as the concerns; the prompt links to it.
    /// </summary>
    /// <returns>Null when the prompt does not exist or the caller may not see it.</returns>
    public async Task<Outcome<AnsweredPrompt>?> AnswerAsync(ConcernPromptId id, AnswerPromptCommand command, CancellationToken cancellationToken)
    {
        var prompt = await db.ConcernPrompts.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (prompt is null || await StandingAsync(prompt, cancellationToken) is not { } standing)
        {
            return null;
        }

        // Refused for who they are before what they typed: someone who may not answer learns nothing from validation.
        if (prompt.IsOpen && command.Version == prompt.Version && !standing.IsFor && !standing.Manages)
        {
            return Refusal.Of("Prompt", ConcernPrompt.NotYoursToAnswer);
        }

        var now = clock.GetUtcNow();
        if (prompt.Answer(user.ProfessionalId, standing.Team, command.Response, command.Reason, command.Version ?? -1, now, standing.Manages) is { } refusal)
        {
            return refusal;
        }

        audit.Record("concern.answer", prompt.Child, "concern-prompt", id.Value,
            detail: standing.IsFor ? command.Response.ToString() : $"{command.Response} as-manager");
        ContactId? contact = null;
        if (command.Response == PromptResponse.StepUpToFrontDoor)
        {
            var me = await db.Professionals.Where(p => p.Id == user.ProfessionalId)
                .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Name, p.JobTitle, p.Phone, p.Email, Agency = a.Name })
                .SingleAsync(cancellationToken);
            var draft = new ContactDraft(ContactSource.ConcernPrompt, new Referrer(me.Name, me.Agency, me.JobTitle, me.Phone, me.Email, false),
                $"Concerns that add up ({ConcernWords(prompt.Rule)}): {prompt.Summary}. {prompt.Reason}", ConcernTheme.None, null);
            var received = await intake.ReceiveAsync(draft, [prompt.Child], [], null, cancellationToken);
            if (received.Refusal is { } notReceived)
            {
                return notReceived;
            }

            contact = received.Value!.Contacts[0].Id;
            db.Entry(prompt).Property(ConcernPromptConfiguration.SteppedUpContact).CurrentValue = contact;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ConcernPrompt.Stale;
        }

        return Outcome<AnsweredPrompt>.Success(new AnsweredPrompt(prompt.Id, prompt.Status, prompt.Response, prompt.Version, contact));
    }

    /// <summary>
    /// Passes an open prompt on to a professional in the team around the child, or to the front door team, with a reason.
    /// The new assignee is told through the notification outbox in the same transaction; the audit holds ids only.
    /// </summary>
    /// <returns>Null when the prompt does not exist or the caller may not see it.</returns>
    public async Task<Outcome<ReassignedPrompt>?> ReassignAsync(ConcernPromptId id, ReassignPromptCommand command, CancellationToken cancellationToken)
    {
        var prompt = await db.ConcernPrompts.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (prompt is null || await StandingAsync(prompt, cancellationToken) is not { } standing)
        {
            return null;
        }

        if (prompt.IsOpen && command.Version == prompt.Version && !standing.IsFor && !Oversees)
        {
            return Refusal.Of("Prompt", ConcernPrompt.NotYoursToReassign);
        }

        ProfessionalId? toProfessional = null;
        TeamId? toTeam = null;
        if (command.ToFrontDoorTeam && command.ToProfessional is null)
        {
            toTeam = await FrontDoorTeamAsync(cancellationToken);
            if (toTeam is null)
            {
                return Refusal.Of("AssignTo", "This area has no front door team to pass the prompt to");
            }
        }
        else if (command.ToProfessional is { } chosen)
        {
            var choices = await ChoicesAsync(prompt, cancellationToken);
            if (command.ToFrontDoorTeam || !choices.Any(c => !c.IsTeam && c.Id == chosen))
            {
                return Refusal.Of("AssignTo", "Select a professional in the team around the child, or the front door team");
            }

            toProfessional = new ProfessionalId(chosen);
        }

        var now = clock.GetUtcNow();
        if (prompt.Reassign(toProfessional, toTeam, user.ProfessionalId, standing.Team, Oversees, command.Reason, command.Version ?? -1, now) is { } refusal)
        {
            return refusal;
        }

        audit.Record("concern.reassign", prompt.Child, "concern-prompt", id.Value,
            detail: toProfessional is { } p ? $"professional:{p.Value}" : $"team:{toTeam!.Value.Value}");
        var notify = toProfessional is { } one ? [one] : await TeamManagersAsync(toTeam!.Value, cancellationToken);
        var text = $"Concerns that add up, passed to you: {ConcernWords(prompt.Rule)}";
        db.Notifications.AddRange(notify.Select(to =>
            new Notification { ProfessionalId = to, Kind = "concern.reassigned", Text = text, Link = $"/concerns/{prompt.Id.Value}", CreatedAt = now }));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ConcernPrompt.Stale;
        }

        return Outcome<ReassignedPrompt>.Success(new ReassignedPrompt(prompt.Id, prompt.AssignedProfessional, prompt.AssignedTeam, prompt.Version));
    }

    private sealed record Standing(TeamId? Team, bool IsFor, bool Manages);

    /// <summary>
    /// Where the caller stands with a prompt: whether it is for them (or their team) and whether they manage the team of
    /// whoever it is for. Null when they may not see it at all: neither of those, nor a safeguarding lead or the front
    /// door, or they cannot open the child's record.
    /// </summary>
    private async Task<Standing?> StandingAsync(ConcernPrompt prompt, CancellationToken cancellationToken)
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

        return new Standing(team, isFor, manages);
    }

    /// <summary>The active professionals in the team around the child (who can open the record) other than the assignee, then the front door team.</summary>
    private async Task<IReadOnlyList<ReassignChoice>> ChoicesAsync(ConcernPrompt prompt, CancellationToken cancellationToken)
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
    private async Task<TeamId?> FrontDoorTeamAsync(CancellationToken cancellationToken) =>
        (await Cairn.Web.Background.Concerns.FrontDoorTeam.OfAreaAsync(db, configuration, user.AreaId, cancellationToken)).Team;

    /// <summary>Who hears that a prompt was passed to a team: its manager and any team managers in it.</summary>
    private async Task<List<ProfessionalId>> TeamManagersAsync(TeamId team, CancellationToken cancellationToken)
    {
        var manager = await db.Teams.WithActiveManager(db).Where(t => t.Id == team).Select(t => t.ManagerId).SingleOrDefaultAsync(cancellationToken);
        var inTeam = await db.Professionals.Where(p => p.TeamId == team && p.IsActive && ((int)p.Roles & (int)Role.TeamManager) != 0)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        return [.. inTeam.Concat(manager is { } m ? [m] : []).Distinct()];
    }

    private async Task<TeamId?> MyTeamAsync(CancellationToken cancellationToken) =>
        await db.Professionals.Where(p => p.Id == user.ProfessionalId).Select(p => p.TeamId).SingleOrDefaultAsync(cancellationToken);

    private static string ConcernWords(ConcernRule rule) => Cairn.Web.Background.Concerns.ConcernWords.Rule(rule);
}
