using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Access;
using Cairn.Domain.Alerts;
using Cairn.Domain.Children;
using Cairn.Domain.Concerns;
using Cairn.Domain.EarlyHelp;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.EarlyHelp.Episodes;

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

    [StringLength(EarlyHelpDraft.MaxPlanLength)]
    public string? PlanSummary { get; init; }
}

/// <summary>A new lead professional and why. Version is the one the person saw.</summary>
public sealed record ChangeLeadProfessionalCommand
{
    public ProfessionalId? LeadProfessionalId { get; init; }

    [StringLength(2000)]
    public string? Reason { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>Closing an episode. Version is the one the person saw.</summary>
public sealed record CloseEpisodeCommand
{
    public ClosureReason? Reason { get; init; }

    public DateOnly? ClosedOn { get; init; }

    [StringLength(EarlyHelpDraft.MaxPlanLength)]
    public string? Note { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>Completing a closure that waited for the front door check (L18). Version is the one the person saw.</summary>
public sealed record CompleteClosureCommand
{
    [Required]
    public int? Version { get; init; }
}

public sealed record LeadProfessionalView(ProfessionalId Id, string Name, string JobTitle, string Agency, string Email, string? Phone);

public sealed record EpisodeEventView(EarlyHelpEventKind Kind, string By, DateTimeOffset At, string? FromLead, string? ToLead, ClosureReason? Reason,
    string? Note);

/// <summary>One early help episode: lead professional, consent, plan, where it stands and its history.</summary>
public sealed record EpisodeDetails(EarlyHelpEpisodeId Id, PersonId ChildId, DateOnly StartedOn, LeadProfessionalView Lead, Consent Consent,
    string PlanSummary, EarlyHelpStatus Status, ClosureReason? ClosureReason, DateOnly? ClosedOn, ContactId? FrontDoorContactId,
    ContactStatus? FrontDoorContactStatus, int Version, bool MayManage, IReadOnlyList<EpisodeEventView> History);

public sealed record EpisodeSummary(EarlyHelpEpisodeId Id, DateOnly StartedOn, string Lead, EarlyHelpStatus Status, ClosureReason? ClosureReason,
    DateOnly? ClosedOn);

/// <summary>A child's early help episodes, newest first, and whether the viewer may start one.</summary>
public sealed record ChildEpisodes(PersonId ChildId, IReadOnlyList<EpisodeSummary> Episodes, bool MayStart);

public sealed record ChangedEpisode(EarlyHelpEpisodeId Id, PersonId ChildId, EarlyHelpStatus Status, ProfessionalId LeadProfessionalId,
    ContactId? FrontDoorContactId, int Version);

public sealed record TeamMemberOption(ProfessionalId Id, string Name, string JobTitle, string Agency);

/// <summary>
/// Early help episodes (L18, L19). Reading needs access to the child's record; starting, changing the lead and closing
/// follow <see cref="EarlyHelpAccess"/>. Closing because the family disengaged or withdrew consent while concerns remain
/// makes a contact at the front door and waits: the episode closes when that contact is decided and signed off, by the
/// explicit "complete closure" step or by asking to close again.
/// </summary>
public sealed class EarlyHelpHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    WorkingCalendarSource calendars)
{
    /// <returns>Null when the child does not exist or the viewer may not see them.</returns>
    public async Task<ChildEpisodes?> ListAsync(PersonId childId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("early-help.list", childId, decision.Reason.ToString(), cancellationToken);
        var episodes = await db.EarlyHelpEpisodes.AsNoTracking().Where(e => e.ChildId == childId)
            .Join(db.Professionals, e => e.LeadProfessionalId, p => p.Id, (e, p) => new { e.Id, e.StartedOn, p.Name, e.Status, e.ClosureReason, e.ClosedOn })
            .ToListAsync(cancellationToken);
        return new ChildEpisodes(childId,
            episodes.OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id.Value)
                .Select(e => new EpisodeSummary(e.Id, e.StartedOn, e.Name, e.Status, e.ClosureReason, e.ClosedOn)).ToList(),
            await MayManageAsync(childId, decision, null, cancellationToken));
    }

    /// <returns>Null when the episode does not exist or the viewer may not see the child's record.</returns>
    public async Task<EpisodeDetails?> HandleAsync(EarlyHelpEpisodeId id, CancellationToken cancellationToken)
    {
        var child = await ChildOfAsync(id, cancellationToken);
        if (child is null)
        {
            return null;
        }

        var decision = await access.OpenAsync(child.Value, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("early-help.view", child.Value, decision.Reason.ToString(), cancellationToken);
        var e = await db.EarlyHelpEpisodes.AsNoTracking().Include(x => x.Events).SingleAsync(x => x.Id == id, cancellationToken);
        var people = e.Events.SelectMany(v => new[] { (ProfessionalId?)v.By, v.FromLead, v.ToLead }).Append(e.LeadProfessionalId)
            .OfType<ProfessionalId>().Distinct().ToList();
        var professionals = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id))
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new LeadProfessionalView(p.Id, p.Name, p.JobTitle, a.Name, p.Email, p.Phone))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        string? Name(ProfessionalId? p) => p is { } x ? professionals[x].Name : null;

        ContactStatus? contactStatus = e.FrontDoorContactId is { } contact
            ? await db.Contacts.Where(c => c.Id == contact).Select(c => (ContactStatus?)c.Status).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new EpisodeDetails(e.Id, e.ChildId, e.StartedOn, professionals[e.LeadProfessionalId], e.Consent, e.PlanSummary, e.Status, e.ClosureReason,
            e.ClosedOn, e.FrontDoorContactId, contactStatus, e.Version, await MayManageAsync(e.ChildId, decision, e.LeadProfessionalId, cancellationToken),
            e.Events.OrderBy(v => v.At).ThenBy(v => v.Id)
                .Select(v => new EpisodeEventView(v.Kind, Name(v.By)!, v.At, Name(v.FromLead), Name(v.ToLead), v.Reason, v.Note)).ToList());
    }

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

    public async Task<PersonId?> ChildOfAsync(EarlyHelpEpisodeId id, CancellationToken cancellationToken) =>
        await db.EarlyHelpEpisodes.AsNoTracking().Where(e => e.Id == id).Select(e => (PersonId?)e.ChildId).FirstOrDefaultAsync(cancellationToken);

    public async Task<Outcome<ChangedEpisode>?> StartAsync(PersonId childId, StartEpisodeCommand command, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        if (!await MayManageAsync(childId, decision, null, cancellationToken))
        {
            return await RefuseAsync("early-help.start", childId, null, "LeadProfessionalId", cancellationToken);
        }

        if (await db.People.Where(p => p.Id == childId).Select(p => p.Kind).SingleAsync(cancellationToken) != PersonKind.Child)
        {
            return Refusal.Of("StartedOn", "Early help is recorded on a child's record");
        }

        var now = clock.GetUtcNow();
        var draft = new EarlyHelpDraft(command.StartedOn, command.LeadProfessionalId, command.ConsentGivenBy, command.ConsentGivenOn, command.ConsentMethod,
            command.PlanSummary);
        var hasOpen = await db.EarlyHelpEpisodes.AnyAsync(e => e.ChildId == childId && e.Status != EarlyHelpStatus.Closed, cancellationToken);
        var outcome = EarlyHelpEpisode.Start(childId, draft, await IsInTeamAsync(childId, command.LeadProfessionalId, cancellationToken), hasOpen,
            user.ProfessionalId, now);
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

        return Outcome<ChangedEpisode>.Success(Changed(episode));
    }

    public Task<Outcome<ChangedEpisode>?> ChangeLeadAsync(EarlyHelpEpisodeId id, ChangeLeadProfessionalCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(id, "early-help.change-lead", "LeadProfessionalId", async (episode, now) =>
        {
            var involved = await IsInTeamAsync(episode.ChildId, command.LeadProfessionalId, cancellationToken);
            return episode.ChangeLead(command.LeadProfessionalId, involved, command.Reason, command.Version ?? 0, user.ProfessionalId, now) is { } refusal
                ? refusal
                : Outcome<string>.Success("early-help.change-lead");
        }, cancellationToken);

    public Task<Outcome<ChangedEpisode>?> CloseAsync(EarlyHelpEpisodeId id, CloseEpisodeCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(id, "early-help.close", "Reason", async (episode, now) =>
        {
            var concernsRemain = await ConcernsRemainAsync(episode.ChildId, now, cancellationToken);
            var decided = await FrontDoorCheckDecidedAsync(episode, cancellationToken);
            var step = episode.Close(command.Reason, command.ClosedOn, command.Note, concernsRemain, decided, command.Version ?? 0, user.ProfessionalId, now);
            if (step.Refusal is { } refusal)
            {
                return refusal;
            }

            if (step.Value == ClosureStep.Closed)
            {
                return Outcome<string>.Success("early-help.close");
            }

            await AskFrontDoorAsync(episode, now, cancellationToken);
            return Outcome<string>.Success("early-help.request-front-door-check");
        }, cancellationToken);

    public Task<Outcome<ChangedEpisode>?> CompleteClosureAsync(EarlyHelpEpisodeId id, CompleteClosureCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(id, "early-help.complete-closure", "Reason", async (episode, now) =>
        {
            var decided = await FrontDoorCheckDecidedAsync(episode, cancellationToken);
            var step = episode.CompleteClosure(decided, command.Version ?? 0, user.ProfessionalId, now);
            return step.Refusal is { } refusal ? refusal : Outcome<string>.Success("early-help.complete-closure");
        }, cancellationToken);

    /// <param name="change">Changes the episode and returns the audit action that describes what happened.</param>
    private async Task<Outcome<ChangedEpisode>?> ChangeAsync(EarlyHelpEpisodeId id, string action, string refusalField,
        Func<EarlyHelpEpisode, DateTimeOffset, Task<Outcome<string>>> change, CancellationToken cancellationToken)
    {
        var child = await ChildOfAsync(id, cancellationToken);
        if (child is null)
        {
            return null;
        }

        var decision = await access.OpenAsync(child.Value, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        var episode = await db.EarlyHelpEpisodes.Include(e => e.Events).SingleAsync(e => e.Id == id, cancellationToken);
        if (!await MayManageAsync(episode.ChildId, decision, episode.LeadProfessionalId, cancellationToken))
        {
            return await RefuseAsync(action, episode.ChildId, id, refusalField, cancellationToken);
        }

        var outcome = await change(episode, clock.GetUtcNow());
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        audit.Record(outcome.Value!, episode.ChildId, "early-help", id.Value, detail: episode.Status.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return EarlyHelpEpisode.Stale;
        }

        return Outcome<ChangedEpisode>.Success(Changed(episode));
    }

    private async Task<Refusal> RefuseAsync(string action, PersonId childId, EarlyHelpEpisodeId? id, string field, CancellationToken cancellationToken)
    {
        audit.Record(action, childId, "early-help", id?.Value, "refused");
        await db.SaveChangesAsync(cancellationToken);
        return Refusal.Of(field, EarlyHelpAccess.Refused) with { Title = "You cannot do this" };
    }

    private async Task<bool> MayManageAsync(PersonId childId, AccessDecision decision, ProfessionalId? episodeLead, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var team = await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == childId && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .ToListAsync(cancellationToken);
        var agency = user.AgencyId;
        var kind = await db.Agencies.Where(a => a.Id == agency).Select(a => a.Kind).SingleAsync(cancellationToken);
        return EarlyHelpAccess.MayManage(await access.ViewerAsync(cancellationToken), decision, kind, team, episodeLead);
    }

    private async Task<bool> IsInTeamAsync(PersonId childId, ProfessionalId? professional, CancellationToken cancellationToken)
    {
        if (professional is not { } p)
        {
            return false;
        }

        var today = clock.Today();
        return await db.Involvements.AnyAsync(i => i.ChildId == childId && i.ProfessionalId == p && i.StartedOn <= today
                                                   && (i.EndedOn == null || i.EndedOn > today), cancellationToken);
    }

    /// <summary>The facts the L18 rule needs, read from the alert and chronology indexes, then decided in the domain.</summary>
    private async Task<bool> ConcernsRemainAsync(PersonId childId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hasActiveAlert = await db.Alerts.AnyAsync(a => a.ChildId == childId && a.Status == AlertStatus.Active, cancellationToken);
        var from = EarlyHelpEpisode.ConcernWindowStart(now);
        var entries = await db.ChronologySubjects.AsNoTracking()
            .Where(s => s.PersonId == childId && s.OccurredAt >= from && s.Concerns != ConcernTheme.None)
            .Select(s => new RecentConcern(s.OccurredAt, s.Concerns))
            .ToListAsync(cancellationToken);
        return EarlyHelpEpisode.ConcernsRemain(hasActiveAlert, entries, now);
    }

    private async Task<bool> FrontDoorCheckDecidedAsync(EarlyHelpEpisode episode, CancellationToken cancellationToken) =>
        episode.FrontDoorContactId is { } contact
        && await db.Contacts.AnyAsync(c => c.Id == contact && c.Status == ContactStatus.Decided, cancellationToken);

    /// <summary>
    /// Makes the front door contact for the L18 check, from the lead professional so the front door can call them back.
    /// The concerns text says why, with no names: the front door reads the child's record for the rest.
    /// </summary>
    private async Task AskFrontDoorAsync(EarlyHelpEpisode episode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lead = await db.Professionals.AsNoTracking().Where(p => p.Id == episode.LeadProfessionalId)
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.Name, p.Phone, p.Email, Agency = a.Name })
            .SingleAsync(cancellationToken);
        var area = await db.People.Where(p => p.Id == episode.ChildId).Select(p => p.AreaId).SingleAsync(cancellationToken);
        var from = EarlyHelpEpisode.ConcernWindowStart(now);
        var themes = (await db.ChronologySubjects.AsNoTracking()
                .Where(s => s.PersonId == episode.ChildId && s.OccurredAt >= from && s.Concerns != ConcernTheme.None)
                .Select(s => s.Concerns).ToListAsync(cancellationToken))
            .Aggregate(ConcernTheme.None, (all, t) => all | t);
        var why = episode.ClosureReason == ClosureReason.ConsentWithdrawn ? "the family has withdrawn consent" : "the family has disengaged";
        var concerns = $"An early help episode is closing because {why}, and concerns remain (an active alert, or chronology entries with causes "
                       + $"for concern in the last {EarlyHelpEpisode.ConcernWindowDays} days). The episode will not close until the front door has "
                       + "checked and decided this contact. The referrer is the episode's lead professional.";
        var draft = new ContactDraft(ContactSource.EarlyHelpClosure, new Referrer(lead.Name, lead.Agency, "Early help lead professional", lead.Phone, lead.Email, false),
            concerns, themes, now);
        var received = Contact.Receive(draft, episode.ChildId, area, Guid.CreateVersion7(), user.ProfessionalId, lead.Id, null, now,
            await calendars.GetAsync(cancellationToken));
        var contact = received.Value ?? throw new InvalidOperationException($"The early help closure contact was refused: {received.Refusal!.Errors[0].Message}");
        db.Contacts.Add(contact);
        episode.AwaitFrontDoorCheck(contact.Id);
        audit.Record("contact.receive", episode.ChildId, "contact", contact.Id.Value, detail: ContactSource.EarlyHelpClosure.ToString());
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

        var changed = LegalStatus.Change(current, childId, LegalStatusKind.EarlyHelp, null, startedOn, "Early help episode started", user.ProfessionalId, now);
        if (changed.Value is { } status)
        {
            db.LegalStatuses.Add(status);
            audit.Record("legal-status.change", childId, "legal-status", status.Id.Value, detail: "early-help.start");
        }
    }

    private static ChangedEpisode Changed(EarlyHelpEpisode e) => new(e.Id, e.ChildId, e.Status, e.LeadProfessionalId, e.FrontDoorContactId, e.Version);
}
