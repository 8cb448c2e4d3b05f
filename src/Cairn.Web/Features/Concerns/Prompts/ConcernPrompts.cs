using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.FrontDoor;
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
    IReadOnlyList<PromptEvidence> Evidence, IReadOnlyList<PromptHistoryItem> History, int Version, bool MayAnswer);

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
/// Concern prompts (L04, L05, L09, L31, L50). A prompt is seen by the professional or team it is for, and by the area's
/// safeguarding leads and front door; only the professional or team it is for answers it. Either way the viewer must be
/// able to open the child's record, and a prompt they may not see is "not found", like the record itself.
/// </summary>
public sealed class ConcernPromptsHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    ContactIntake intake)
{
    public const string NotYours = "Only the professional or team the prompt is for can answer it";

    public static bool IsNotYours(Refusal refusal) => refusal.Errors.Any(e => e.Field == "Prompt" && e.Message == NotYours);

    private bool SeesAll => user.Has(Role.SafeguardingLead) || user.Has(Role.FrontDoor);

    /// <summary>Prompts for me or my team, open first; safeguarding leads and the front door also see the area's prompts for the front door team.</summary>
    public async Task<PromptList> ListAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var team = await MyTeamAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = await db.ConcernPrompts.AsNoTracking()
            .Where(p => p.AssignedProfessional == me || (team != null && p.AssignedTeam == team))
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
        var team = await MyTeamAsync(cancellationToken);
        if (prompt is null || !(prompt.IsFor(user.ProfessionalId, team) || SeesAll) || !(await access.OpenAsync(prompt.Child, cancellationToken)).Allowed)
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
            prompt.IsOpen && prompt.IsFor(user.ProfessionalId, team));
    }

    /// <summary>
    /// The professional or team the prompt is for answers it. Stepping up makes a contact to the front door, from the
    /// answering professional, with the prompt's summary as the concerns; the prompt links to it.
    /// </summary>
    /// <returns>Null when the prompt does not exist or the caller may not see it.</returns>
    public async Task<Outcome<AnsweredPrompt>?> AnswerAsync(ConcernPromptId id, AnswerPromptCommand command, CancellationToken cancellationToken)
    {
        var prompt = await db.ConcernPrompts.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        var team = await MyTeamAsync(cancellationToken);
        if (prompt is null || !(prompt.IsFor(user.ProfessionalId, team) || SeesAll) || !(await access.OpenAsync(prompt.Child, cancellationToken)).Allowed)
        {
            return null;
        }

        if (prompt.IsOpen && command.Version == prompt.Version && !prompt.IsFor(user.ProfessionalId, team))
        {
            return Refusal.Of("Prompt", NotYours);
        }

        var now = clock.GetUtcNow();
        if (prompt.Answer(user.ProfessionalId, team, command.Response, command.Reason, command.Version ?? -1, now) is { } refusal)
        {
            return refusal;
        }

        audit.Record("concern.answer", prompt.Child, "concern-prompt", id.Value, detail: command.Response.ToString());
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
            return Refusal.Of("Version", ConcernPrompt.StaleMessage);
        }

        return Outcome<AnsweredPrompt>.Success(new AnsweredPrompt(prompt.Id, prompt.Status, prompt.Response, prompt.Version, contact));
    }

    private async Task<TeamId?> MyTeamAsync(CancellationToken cancellationToken) =>
        await db.Professionals.Where(p => p.Id == user.ProfessionalId).Select(p => p.TeamId).SingleOrDefaultAsync(cancellationToken);

    private static string ConcernWords(ConcernRule rule) => Cairn.Web.Concerns.ConcernWords.Rule(rule);
}
