using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Alerts;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.People;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor.Triage;

/// <summary>A contact as a viewer may see it. <c>Referrer</c> is null unless the viewer is the front door, a safeguarding lead, or the person who made or recorded the contact.</summary>
public sealed record ContactView(
    ContactId Id,
    PersonId ChildId,
    string ChildName,
    Guid GroupId,
    ContactSource Source,
    Referrer? Referrer,
    string Concerns,
    Domain.Concerns.ConcernTheme Themes,
    PoliceIncident? Incident,
    ChronologyEntryId? EntryId,
    DateTimeOffset ReceivedAt,
    string RecordedBy,
    DateTimeOffset DecisionDueAt,
    bool Overdue,
    ContactStatus Status,
    ThresholdLevel? Level,
    TriageOutcome? Outcome,
    string? Reasons,
    IReadOnlyList<IndicatorSeen> Indicators,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? SignedOffBy,
    DateTimeOffset? SignedOffAt,
    int EscalationLevel,
    int Version,
    IReadOnlyList<ContactEventView> History,
    IReadOnlyList<SiblingContact> OtherChildren,
    StrategyDiscussionId? StrategyDiscussionId,
    bool MayDecide,
    bool MaySignOff);

public sealed record ContactEventView(ContactEventKind Kind, string? By, DateTimeOffset At, string? Note, int? Level);

public sealed record SiblingContact(ContactId Id, string ChildName);

/// <summary>The whole picture of one child before a decision (L03): across agencies, not one agency's slice.</summary>
public sealed record ChildPicture(
    PersonId ChildId,
    string Name,
    DateOnly? DateOfBirth,
    bool IsSubject,
    LegalStatusKind CurrentLegalStatus,
    IReadOnlyList<PastContact> Contacts,
    IReadOnlyList<PictureAlert> Alerts,
    IReadOnlyList<PictureEvent> SignificantEvents,
    IReadOnlyList<PictureInvolvement> Involvements);

public sealed record PastContact(ContactId Id, DateTimeOffset ReceivedAt, ContactSource Source, ContactStatus Status, ThresholdLevel? Level, TriageOutcome? Outcome);

public sealed record PictureAlert(AlertId Id, AlertCategory Category, string Risk, DateOnly ReviewBy);

public sealed record PictureEvent(ChronologyEntryId Id, DateTimeOffset OccurredAt, string Agency, ChronologyCategory Category, Significance Significance, string Summary);

public sealed record PictureInvolvement(string Professional, string Agency, InvolvementRole Role, bool IsLead, string? Phone, string? Email);

public sealed record TriageCommand
{
    [Required]
    public ThresholdLevel? Level { get; init; }

    [Required]
    public TriageOutcome? Outcome { get; init; }

    [StringLength(ContactDraft.MaxConcernsLength)]
    public string? Reasons { get; init; }

    /// <summary>Codes of the threshold document's indicators seen, from the current edition.</summary>
    public IReadOnlyList<string> Indicators { get; init; } = [];

    [Required]
    public int? Version { get; init; }
}

public sealed record SignOffCommand
{
    [StringLength(4000)]
    public string? Note { get; init; }

    [Required]
    public int? Version { get; init; }
}

public sealed record TriageResult(ContactId Id, ContactStatus Status, int Version, StrategyDiscussionId? StrategyDiscussionId, string? LegalStatusNote);

/// <summary>
/// Triage at the front door: the contact, the whole picture of the child and their siblings (L03), the decision against
/// the threshold document (L15) and a manager's sign-off (L20). Sign-off records what follows: the child's legal status
/// (never lowered, never over a plan or care), and for a strategy-discussion or immediate-protection outcome, a strategy
/// discussion to hold (L17).
/// </summary>
public sealed class TriageHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    ThresholdDocuments thresholds, WorkingCalendarSource calendars, Cairn.Web.Background.Concerns.ChildFactsLoader households, Cairn.Web.Background.Concerns.ConcernEvaluator concerns)
{
    public const int PictureMonths = 12;

    public bool MayDecide => user.Has(Role.FrontDoor);
    public bool MaySignOff => user.Has(Role.FrontDoor | Role.TeamManager);

    /// <returns>Null when the contact does not exist or the viewer may not open the child's record.</returns>
    public async Task<ContactView?> ViewAsync(ContactId id, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null || !(await access.OpenAsync(contact.ChildId, cancellationToken)).Allowed)
        {
            return null;
        }

        audit.Record("contact.view", contact.ChildId, "contact", id.Value);
        await db.SaveChangesAsync(cancellationToken);

        var who = contact.Events.Select(e => e.By).Append(contact.RecordedBy).Append(contact.DecidedBy).Append(contact.SignedOffBy)
            .OfType<ProfessionalId>().Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => who.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var child = await db.People.AsNoTracking().Where(p => p.Id == contact.ChildId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(cancellationToken);
        var group = await db.Contacts.AsNoTracking().Where(c => c.GroupId == contact.GroupId && c.Id != id)
            .Join(db.People, c => c.ChildId, p => p.Id, (c, p) => new { c.Id, c.ChildId, Name = p.GivenName + " " + p.FamilyName })
            .ToListAsync(cancellationToken);
        var siblings = new List<SiblingContact>();
        foreach (var other in group)
        {
            if ((await access.DecideAsync(other.ChildId, cancellationToken)).Allowed)
            {
                siblings.Add(new SiblingContact(other.Id, other.Name));
            }
        }

        var discussion = await db.StrategyDiscussions.AsNoTracking().Where(d => d.ContactId == id).Select(d => (StrategyDiscussionId?)d.Id).FirstOrDefaultAsync(cancellationToken);
        var seesReferrer = user.Has(Role.FrontDoor) || user.Has(Role.SafeguardingLead) || contact.ReferredBy == user.ProfessionalId || contact.RecordedBy == user.ProfessionalId;
        string? Name(ProfessionalId? p) => p is { } x ? names.GetValueOrDefault(x) : null;
        return new ContactView(contact.Id, contact.ChildId, child, contact.GroupId, contact.Source, seesReferrer ? contact.Referrer : null, contact.Concerns,
            contact.Themes, contact.Incident, contact.EntryId, contact.ReceivedAt, Name(contact.RecordedBy) ?? "", contact.DecisionDueAt,
            contact.IsOverdue(clock.GetUtcNow()), contact.Status, contact.Level, contact.Outcome, contact.Reasons, contact.Indicators,
            Name(contact.DecidedBy), contact.DecidedAt, Name(contact.SignedOffBy), contact.SignedOffAt, contact.EscalationLevel, contact.Version,
            contact.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new ContactEventView(e.Kind, Name(e.By), e.At, e.Note, e.Level)).ToList(),
            siblings, discussion, MayDecide && contact.Status == ContactStatus.AwaitingDecision,
            MaySignOff && contact.Status == ContactStatus.AwaitingSignOff && contact.DecidedBy != user.ProfessionalId);
    }

    /// <summary>
    /// The whole picture for the contact's child and every other child in their households, each read only if the
    /// viewer may open that child's record, and each read audited.
    /// </summary>
    public async Task<IReadOnlyList<ChildPicture>?> PictureAsync(ContactId id, CancellationToken cancellationToken)
    {
        var childId = await db.Contacts.AsNoTracking().Where(c => c.Id == id).Select(c => (PersonId?)c.ChildId).FirstOrDefaultAsync(cancellationToken);
        if (childId is not { } subject || !(await access.DecideAsync(subject, cancellationToken)).Allowed)
        {
            return null;
        }

        var today = clock.Today();
        var members = (await households.CurrentHouseholdsAsync([subject], today, cancellationToken)).GetValueOrDefault(subject) ?? [];
        var siblings = await db.People.AsNoTracking().Where(p => members.Contains(p.Id) && p.Kind == PersonKind.Child).Select(p => p.Id).ToListAsync(cancellationToken);
        var pictures = new List<ChildPicture>();
        foreach (var child in siblings.Prepend(subject))
        {
            if (child != subject && !(await access.DecideAsync(child, cancellationToken)).Allowed)
            {
                continue;
            }

            pictures.Add(await PictureOfAsync(child, child == subject, id, today, cancellationToken));
            audit.Record("contact.picture", child, "contact", id.Value);
        }

        await db.SaveChangesAsync(cancellationToken);
        return pictures;
    }

    private async Task<ChildPicture> PictureOfAsync(PersonId child, bool isSubject, ContactId current, DateOnly today, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == child).Select(p => new { p.GivenName, p.FamilyName, p.DateOfBirth }).SingleAsync(cancellationToken);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.ChildId == child && c.Id != current).OrderByDescending(c => c.ReceivedAt)
            .Select(c => new PastContact(c.Id, c.ReceivedAt, c.Source, c.Status, c.Level, c.Outcome)).Take(20).ToListAsync(cancellationToken);
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.ChildId == child && a.Status == AlertStatus.Active)
            .Select(a => new PictureAlert(a.Id, a.Category, a.Risk, a.ReviewBy)).ToListAsync(cancellationToken);
        var since = clock.GetUtcNow().AddMonths(-PictureMonths);
        var events = await db.ChronologySubjects.AsNoTracking()
            .Where(s => s.PersonId == child && s.OccurredAt >= since && s.Significance >= Significance.Significant)
            .OrderByDescending(s => s.OccurredAt).Take(30)
            .Join(db.ChronologyEntries, s => s.EntryId, e => e.Id, (s, e) => new { e.Id, e.Content.OccurredAt, e.AgencyId, e.Content.Category, e.Content.Significance, e.Content.Summary })
            .Join(db.Agencies, x => x.AgencyId, a => a.Id, (x, a) => new PictureEvent(x.Id, x.OccurredAt, a.Name, x.Category, x.Significance, x.Summary))
            .ToListAsync(cancellationToken);
        var involvements = await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == child && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Join(db.Professionals, i => i.ProfessionalId, p => p.Id, (i, p) => new { i, p })
            .Join(db.Agencies, x => x.i.AgencyId, a => a.Id, (x, a) => new PictureInvolvement(x.p.Name, a.Name, x.i.Role, x.i.IsLeadProfessional, x.p.Phone, x.p.Email))
            .ToListAsync(cancellationToken);
        var status = await db.LegalStatuses.AsNoTracking().Where(l => l.ChildId == child && l.To == null).Select(l => (LegalStatusKind?)l.Kind).FirstOrDefaultAsync(cancellationToken);
        return new ChildPicture(child, $"{person.GivenName} {person.FamilyName}", person.DateOfBirth, isSubject, status ?? LegalStatusKind.None,
            contacts, alerts, events.OrderByDescending(e => e.OccurredAt).ToList(),
            involvements.OrderByDescending(i => i.IsLead).ThenBy(i => i.Agency, StringComparer.Ordinal).ToList());
    }

    /// <returns>Null when the contact does not exist or the caller may not open the child's record.</returns>
    public async Task<Outcome<TriageResult>?> DecideAsync(ContactId id, TriageCommand command, CancellationToken cancellationToken)
    {
        var contact = await LoadAsync(id, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        if (!MayDecide)
        {
            return Refusal.Of("Outcome", "Only the front door can make a triage decision");
        }

        var document = await thresholds.CurrentAsync(contact.AreaId, cancellationToken);
        var seen = new List<IndicatorSeen>();
        foreach (var code in command.Indicators.Distinct())
        {
            if (document.Indicator(code) is not { } indicator)
            {
                return Refusal.Of("Indicators", $"\"{code}\" is not an indicator in the current threshold document (edition {document.Edition})");
            }

            seen.Add(new IndicatorSeen(indicator.Code, indicator.Text));
        }

        var refusal = contact.Decide(new TriageDraft(command.Level, command.Outcome, command.Reasons, seen), user.ProfessionalId,
            command.Version ?? -1, clock.GetUtcNow());
        if (refusal is not null)
        {
            return refusal;
        }

        audit.Record("contact.decide", contact.ChildId, "contact", id.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<TriageResult>.Success(new TriageResult(contact.Id, contact.Status, contact.Version, null, null));
    }

    public async Task<Outcome<TriageResult>?> SignOffAsync(ContactId id, SignOffCommand command, CancellationToken cancellationToken)
    {
        var contact = await LoadAsync(id, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (contact.SignOff(user.ProfessionalId, MaySignOff, command.Note, command.Version ?? -1, now) is { } refusal)
        {
            return refusal;
        }

        audit.Record("contact.sign-off", contact.ChildId, "contact", id.Value);
        StrategyDiscussionId? discussion = null;
        if (contact.Outcome is TriageOutcome.StrategyDiscussion or TriageOutcome.ImmediateProtection)
        {
            var area = await db.People.Where(p => p.Id == contact.ChildId).Select(p => p.AreaId).SingleAsync(cancellationToken);
            var required = StrategyDiscussion.Require(contact.ChildId, contact.Id, now, await calendars.GetAsync(cancellationToken),
                await Timescales.FrontDoorTimescalesHandler.StrategyDiscussionWorkingDaysAsync(db, area, cancellationToken));
            db.StrategyDiscussions.Add(required);
            discussion = required.Id;
            audit.Record("strategy-discussion.require", contact.ChildId, "strategy-discussion", required.Id.Value);
        }

        var note = await FeedLegalStatusAsync(contact, now, cancellationToken);
        await RecordDecisionInChronologyAsync(contact, now, cancellationToken);
        await concerns.SaveAndEvaluateAsync([contact.ChildId], cancellationToken);
        return Outcome<TriageResult>.Success(new TriageResult(contact.Id, contact.Status, contact.Version, discussion, note));
    }

    public async Task<Outcome<TriageResult>?> ReturnAsync(ContactId id, SignOffCommand command, CancellationToken cancellationToken)
    {
        var contact = await LoadAsync(id, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        if (contact.Return(user.ProfessionalId, MaySignOff, command.Note, command.Version ?? -1, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        audit.Record("contact.return", contact.ChildId, "contact", id.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<TriageResult>.Success(new TriageResult(contact.Id, contact.Status, contact.Version, null, null));
    }

    /// <summary>
    /// What a signed-off decision means for the child's legal status. It only ever moves up from none, early help or child
    /// in need; a child already subject to an enquiry, a plan or care keeps their status (the decision is in the history).
    /// A strategy discussion outcome changes nothing yet: the discussion decides on section 47 (L17).
    /// </summary>
    private async Task<string?> FeedLegalStatusAsync(Contact contact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        LegalStatusKind? target = contact.Outcome switch
        {
            TriageOutcome.EarlyHelp => LegalStatusKind.EarlyHelp,
            TriageOutcome.Assessment => LegalStatusKind.ChildInNeed,
            TriageOutcome.ImmediateProtection => LegalStatusKind.PoliceProtection,
            _ => null,
        };
        if (target is not { } kind)
        {
            return null;
        }

        var current = await db.LegalStatuses.Where(l => l.ChildId == contact.ChildId && l.To == null).FirstOrDefaultAsync(cancellationToken);
        var rank = Rank(current?.Kind ?? LegalStatusKind.None);
        if (rank is null || rank >= Rank(kind))
        {
            return $"Legal status stays {Shared.Display.Text(current!.Kind)}";
        }

        var change = LegalStatus.Change(current, contact.ChildId, kind, null, now.InLondon(), $"Front door decision signed off: {Shared.Display.Text(contact.Outcome)}",
            user.ProfessionalId, now);
        if (change.Value is not { } status)
        {
            return $"Legal status not changed: {change.Refusal!.Errors[0].Message}";
        }

        db.LegalStatuses.Add(status);
        audit.Record("legal-status.change", contact.ChildId, "legal-status", status.Id.Value);
        return $"Legal status is now {Shared.Display.Text(kind)}";
    }

    private static int? Rank(LegalStatusKind kind) => kind switch
    {
        LegalStatusKind.None => 0,
        LegalStatusKind.EarlyHelp => 1,
        LegalStatusKind.ChildInNeed => 2,
        LegalStatusKind.PoliceProtection => 3,
        _ => null,
    };

    private async Task RecordDecisionInChronologyAsync(Contact contact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => new { a.Id, a.Kind }).SingleAsync(cancellationToken);
        var content = new ChronologyContent(now, ChronologyCategory.Decision,
            contact.Outcome is TriageOutcome.NoFurtherAction or TriageOutcome.EarlyHelp ? Significance.Routine : Significance.Significant,
            null, null, $"Front door decision: {TriageWords.Outcome(contact.Outcome)} ({Shared.Display.Text(contact.Level).ToLowerInvariant()} level)",
            $"{contact.Reasons}\n\nContact: /contacts/{contact.Id.Value}", null);
        if (ChronologyEntry.Record(content, [(contact.ChildId, true)], agency.Id, agency.Kind, user.ProfessionalId, now).Value is { } entry)
        {
            db.ChronologyEntries.Add(entry);
        }
    }

    private async Task<Contact?> LoadAsync(ContactId id, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return contact is not null && (await access.OpenAsync(contact.ChildId, cancellationToken)).Allowed ? contact : null;
    }
}

/// <summary>The words the front door uses for its outcomes.</summary>
public static class TriageWords
{
    public static string Outcome(TriageOutcome? outcome) => outcome switch
    {
        TriageOutcome.NoFurtherAction => "information and advice / no further action",
        TriageOutcome.EarlyHelp => "early help",
        TriageOutcome.Assessment => "child and family assessment (s17)",
        TriageOutcome.StrategyDiscussion => "strategy discussion (s47)",
        TriageOutcome.ImmediateProtection => "immediate protection",
        _ => "",
    };

    public static string Source(ContactSource source) => Shared.Display.Text(source);
}
