using Cairn.Domain;
using Cairn.Domain.Concerns;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Concerns.Prompts;

public sealed record PromptListItem(
    ConcernPromptId Id,
    PersonId ChildId,
    string ChildName,
    ConcernRule Rule,
    string RuleText,
    string Summary,
    ConcernPromptStatus Status,
    DateTimeOffset RaisedAt,
    DateTimeOffset DueAt,
    bool Overdue,
    int EscalationLevel,
    bool ForMe);

public sealed record PromptList(int Open, int Overdue, int Answered, IReadOnlyList<PromptListItem> Prompts);

public sealed record PromptEvidence(string Kind, Guid Id, string Link, DateTimeOffset AddedAt);

public sealed record PromptHistoryItem(ConcernPromptEventKind Kind, string? By, DateTimeOffset At, string? Note, int? Level);

public sealed record PromptDetails
{
    public required ConcernPromptId Id { get; init; }
    public required PersonId ChildId { get; init; }
    public required string ChildName { get; init; }
    public required ConcernRule Rule { get; init; }
    public required string RuleText { get; init; }
    public required string Summary { get; init; }
    public required ConcernPromptStatus Status { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required bool Overdue { get; init; }
    public required int EscalationLevel { get; init; }
    public required string? AssignedTo { get; init; }
    public required string? AssignedTeam { get; init; }
    public required PromptResponse? Response { get; init; }
    public required string? Reason { get; init; }
    public required string? AnsweredBy { get; init; }
    public required DateTimeOffset? AnsweredAt { get; init; }
    public required ContactId? SteppedUpContact { get; init; }
    public required IReadOnlyList<PromptEvidence> Evidence { get; init; }
    public required IReadOnlyList<PromptHistoryItem> History { get; init; }
    public required int Version { get; init; }
    public required bool MayAnswer { get; init; }
    public required bool AnswersAsManager { get; init; }
    public required bool MayReassign { get; init; }
    public required IReadOnlyList<ReassignChoice> ReassignTo { get; init; }
}

/// <summary>
/// Concern prompts as their readers see them: the list of prompts for the caller and the teams they manage, and one
/// prompt with its evidence and history (who may see which: <see cref="PromptAccessHandler"/>). Answering and passing
/// on are their own slices (<c>AnswerPrompt</c>, <c>ReassignPrompt</c>).
/// </summary>
public sealed class ConcernPromptsHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    PromptAccessHandler prompts)
{
    /// <summary>Prompts for me, my team, or the teams I manage and their workers, open first.</summary>
    public async Task<PromptList> ListAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var team = await prompts.MyTeamAsync(cancellationToken);
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
            .Select(r => new PromptListItem(r.Id, r.Child, r.Name, r.Rule, PromptAccessHandler.ConcernWords(r.Rule), r.Summary, r.Status,
                r.RaisedAt, r.DueAt, r.Status == ConcernPromptStatus.Open && now >= r.DueAt, r.EscalationLevel, r.AssignedProfessional == me))
            .ToList();
        return new PromptList(items.Count(i => i.Status == ConcernPromptStatus.Open), items.Count(i => i.Overdue),
            items.Count(i => i.Status == ConcernPromptStatus.Answered), items);
    }

    /// <returns>Null when the prompt does not exist or the viewer may not see it.</returns>
    public async Task<PromptDetails?> ViewAsync(ConcernPromptId id, CancellationToken cancellationToken)
    {
        var prompt = await db.ConcernPrompts.AsNoTracking()
            .Include(p => p.Evidence)
            .Include(p => p.Events)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (prompt is null || await prompts.StandingAsync(prompt, cancellationToken) is not { } standing)
        {
            return null;
        }

        audit.Record("concern.view", prompt.Child, "concern-prompt", id.Value);
        await db.SaveChangesAsync(cancellationToken);
        var contact = await db.ConcernPrompts.Where(p => p.Id == id)
            .Select(p => EF.Property<ContactId?>(p, ConcernPromptConfiguration.SteppedUpContact)).SingleAsync(cancellationToken);
        var people = prompt.Events.Select(e => e.By).Append(prompt.AssignedProfessional).Append(prompt.AnsweredBy)
            .OfType<ProfessionalId>().Distinct().ToList();
        var names = await db.Professionals.AsNoTracking()
            .Where(p => people.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var teamName = prompt.AssignedTeam is { } t
            ? await db.Teams.Where(x => x.Id == t).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var child = await db.People.Where(p => p.Id == prompt.Child).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(cancellationToken);
        string? Name(ProfessionalId? p) => p is { } x ? names.GetValueOrDefault(x) : null;
        var evidence = prompt.Evidence.OrderBy(e => e.AddedAt)
            .Select(e => e.EntryId is { } entry
                ? new PromptEvidence("chronology-entry", entry.Value, $"/chronology/{entry.Value}", e.AddedAt)
                : new PromptEvidence("contact", e.ContactId!.Value.Value, $"/contacts/{e.ContactId!.Value.Value}", e.AddedAt))
            .ToList();
        var history = prompt.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new PromptHistoryItem(e.Kind, Name(e.By), e.At, e.Note, e.Level)).ToList();
        var mayReassign = prompt.IsOpen && (standing.IsFor || prompts.Oversees);
        return new PromptDetails
        {
            Id = prompt.Id,
            ChildId = prompt.Child,
            ChildName = child,
            Rule = prompt.Rule,
            RuleText = PromptAccessHandler.ConcernWords(prompt.Rule),
            Summary = prompt.Summary,
            Status = prompt.Status,
            RaisedAt = prompt.RaisedAt,
            DueAt = prompt.DueAt,
            Overdue = prompt.IsOverdue(clock.GetUtcNow()),
            EscalationLevel = prompt.EscalationLevel,
            AssignedTo = Name(prompt.AssignedProfessional),
            AssignedTeam = teamName,
            Response = prompt.Response,
            Reason = prompt.Reason,
            AnsweredBy = Name(prompt.AnsweredBy),
            AnsweredAt = prompt.AnsweredAt,
            SteppedUpContact = contact,
            Evidence = evidence,
            History = history,
            Version = prompt.Version,
            MayAnswer = prompt.IsOpen && (standing.IsFor || standing.Manages),
            AnswersAsManager = prompt.IsOpen && !standing.IsFor && standing.Manages,
            MayReassign = mayReassign,
            ReassignTo = mayReassign ? await prompts.ChoicesAsync(prompt, cancellationToken) : [],
        };
    }
}
