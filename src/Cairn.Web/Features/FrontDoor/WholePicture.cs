using Cairn.Domain;
using Cairn.Domain.Access;
using Cairn.Domain.Agencies;
using Cairn.Domain.Alerts;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Background.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Features.Concerns;
using Cairn.Web.Features.Family;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;
using RuleWindows = Cairn.Domain.Concerns.ConcernRules;

namespace Cairn.Web.Features.FrontDoor;

/// <summary>What the whole picture is read for, as the audit log records each person read: the action and the record.</summary>
public sealed record PictureRead(string Action, string RecordType, Guid RecordId);

/// <summary>
/// The whole picture around a child (L03, L04, L05), for the child and every other child in their household and the
/// adults connected to them. Lists are capped; each <c>More…</c> count says how many more there are, so nothing is
/// left out silently.
/// </summary>
public sealed record WholePicture
{
    public required PersonId SubjectId { get; init; }

    /// <summary>The start of the look-back window (see <see cref="WholePictureHandler.WindowStart"/>).</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>Interpreter and language needs of the children and of the adults caring for them, shown first.</summary>
    public required IReadOnlyList<LanguageNeed> LanguageNeeds { get; init; }

    /// <summary>The child first, then the other children in the household whose records the viewer may open, eldest first.</summary>
    public required IReadOnlyList<ChildPicture> Children { get; init; }

    /// <summary>Household children whose records the viewer may not open: counted, not shown.</summary>
    public required int ChildrenNotShown { get; init; }

    /// <summary>Adults who pose a risk first, then those caring for the children, then the others.</summary>
    public required IReadOnlyList<AdultPicture> Adults { get; init; }

    /// <summary>Connected adults whose records the viewer may not open: counted, not shown.</summary>
    public required int AdultsNotShown { get; init; }
}

/// <summary>One child's part of the whole picture.</summary>
public sealed record ChildPicture
{
    public required PersonId ChildId { get; init; }
    public required string Name { get; init; }
    public required DateOnly? DateOfBirth { get; init; }
    public required bool IsSubject { get; init; }
    public required LegalStatusKind CurrentLegalStatus { get; init; }
    public required string? FirstLanguage { get; init; }
    public required bool InterpreterNeeded { get; init; }

    /// <summary>Previous contacts at the front door and what came of them, newest first.</summary>
    public required IReadOnlyList<PastContact> Contacts { get; init; }
    public required int MoreContacts { get; init; }
    public required IReadOnlyList<PictureAlert> Alerts { get; init; }

    /// <summary>
    /// Every chronology entry about the child in the window that is significant or critical, or carries a cause for
    /// concern whatever its significance (L04: the low-level ones are the ones that add up), newest first.
    /// </summary>
    public required IReadOnlyList<PictureEvent> Events { get; init; }
    public required int MoreEvents { get; init; }

    /// <summary>How many entries in the window carry a cause for concern, and from how many agencies.</summary>
    public required int ConcernEntries { get; init; }
    public required int ConcernAgencies { get; init; }

    /// <summary>Open concern prompts, and those answered within the window, open first.</summary>
    public required IReadOnlyList<PicturePrompt> Prompts { get; init; }
    public required int MorePrompts { get; init; }
    public required IReadOnlyList<PictureInvolvement> Involvements { get; init; }
}

public sealed record PictureAlert(AlertId Id, AlertCategory Category, string Risk, DateOnly ReviewBy);

public sealed record PictureEvent(
    ChronologyEntryId Id,
    DateTimeOffset OccurredAt,
    string Agency,
    ChronologyCategory Category,
    Significance Significance,
    ConcernTheme Concerns,
    string Summary);

public sealed record PictureInvolvement(string Professional, string Agency, InvolvementRole Role, bool IsLead, string? Phone, string? Email);

/// <summary>A concern prompt about a child (L04, L05), with what it was raised on.</summary>
public sealed record PicturePrompt
{
    public required ConcernPromptId Id { get; init; }
    public required ConcernRule Rule { get; init; }
    public required string RuleText { get; init; }
    public required string Summary { get; init; }
    public required ConcernPromptStatus Status { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required bool Overdue { get; init; }
    public required int EscalationLevel { get; init; }
    public required DateTimeOffset? AnsweredAt { get; init; }
    public required PromptResponse? Response { get; init; }

    /// <summary>The entries and contacts the prompt cites, newest evidence first.</summary>
    public required IReadOnlyList<PictureEvidence> Evidence { get; init; }
    public required int MoreEvidence { get; init; }
}

/// <summary>
/// One piece of a prompt's evidence: a chronology entry or a front door contact. Its date, agency, significance, causes
/// for concern and summary are given only when it is about someone in the picture; otherwise only the link, which opens
/// it under the chronology's own access rules.
/// </summary>
/// <param name="About">The people in the picture the entry or contact is about, by name.</param>
public sealed record PictureEvidence(
    string Kind,
    Guid Id,
    string Link,
    DateTimeOffset? At,
    string? Agency,
    Significance? Significance,
    ConcernTheme Concerns,
    string? Summary,
    string? About);

/// <summary>An adult connected to the children (L03, L05), with how they stand to each and their own recorded history.</summary>
public sealed record AdultPicture
{
    public required PersonId PersonId { get; init; }
    public required string Name { get; init; }
    public required DateOnly? DateOfBirth { get; init; }
    public required string? FirstLanguage { get; init; }
    public required bool InterpreterNeeded { get; init; }
    public required bool PosesRisk { get; init; }
    public required bool IsCarer { get; init; }

    /// <summary>What the adult is to each child in the picture.</summary>
    public required IReadOnlyList<AdultToChild> Children { get; init; }

    /// <summary>Entries about the adult in the window that are significant or critical or carry a cause for concern, newest first.</summary>
    public required IReadOnlyList<PictureEvent> History { get; init; }
    public required int MoreHistory { get; init; }
}

/// <param name="Relationship">What the adult is to the child, in words: "Parent, lives with them", "Person posing a risk".</param>
public sealed record AdultToChild(PersonId ChildId, string ChildName, string Relationship, bool LivesWithChild, bool PosesRisk, bool IsCarer);

/// <summary>
/// Loads the whole picture around a child (L03, L04, L05): for the child and each other child in their current
/// households, previous front door contacts, open alerts, significant events and every entry with a cause for
/// concern, open and recent concern prompts with their evidence, who is involved now and the legal status; for the
/// adults connected to them (parents, partners of a parent, household members, significant adults and people recorded
/// as posing a risk), their own significant history and causes for concern; and the interpreter and language needs of
/// the children and of the adults caring for them. Triage reads it (<c>FrontDoor/Triage</c>); it sits at the front
/// door's root so that another slice, such as the Emergency Duty Team's out of hours, can read the same picture.
/// <para>
/// Need-to-know: the caller has already decided that the viewer may open the subject's record and may see the whole
/// picture. Every other child and adult is shown only if the viewer may open their record (the same answer as
/// <see cref="RecordAccessService.DecideAsync"/>), and each one shown is audited by id with the caller's
/// <see cref="PictureRead"/>; never a name or a narrative. Chronology entries have no visibility of their own beyond the
/// people they are about: an entry is read here only through a person whose record the viewer may open. Concern prompts
/// are shown as <see cref="PromptAccessHandler"/> shows them: to the front door and safeguarding leads all of them,
/// to anyone else only those for them or their team.
/// </para>
/// <para>
/// A fixed number of queries whatever the size of the household or the length of the chronologies (ids go as one
/// collection parameter), plus one access decision per person for a viewer whose role does not reach the whole area.
/// </para>
/// </summary>
public sealed class WholePictureHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    ChildFactsLoader households, ConnectedAdultsHandler connectedAdults)
{
    /// <summary>The triage history window: at least this far back.</summary>
    public const int HistoryMonths = 12;

    public const int MaxContacts = 20;
    public const int MaxEvents = 30;
    public const int MaxPrompts = 10;
    public const int MaxEvidence = 10;
    public const int MaxAdultHistory = 20;

    /// <summary>
    /// The look-back window: the triage history window (<see cref="HistoryMonths"/>), or the longest window of the area's
    /// concern rules when the area has set one longer (<see cref="RuleWindows.LongestWindowDays"/>), so that every entry
    /// a prompt could have been raised on, including a household's under-2 risks, is inside it. With the default rules
    /// both are a year; the cumulative concern rule itself adds up the last 90 days.
    /// </summary>
    public static DateTimeOffset WindowStart(DateTimeOffset now, ConcernRuleSettings settings)
    {
        var rules = RuleWindows.WindowStart(now, RuleWindows.LongestWindowDays(settings));
        var history = now.AddMonths(-HistoryMonths);
        return rules < history ? rules : history;
    }

    /// <summary>
    /// The whole picture around <paramref name="subject"/>. The caller has checked that the viewer may open the subject's
    /// record and may see the whole picture. <paramref name="current"/> is a contact to leave out of previous contacts.
    /// </summary>
    public async Task<WholePicture> LoadAsync(PersonId subject, PictureRead read, ContactId? current, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var members = (await households.CurrentHouseholdsAsync([subject], today, cancellationToken)).GetValueOrDefault(subject) ?? [];
        var household = await PeopleAsync(members.Append(subject).Distinct().ToList(), cancellationToken);
        var candidates = household.Values.Where(p => p.Id == subject || p.Kind == PersonKind.Child).ToList();
        var openable = await OpenableAsync(candidates, cancellationToken);
        openable.Add(subject);
        var children = candidates.Where(c => openable.Contains(c.Id))
            .OrderByDescending(c => c.Id == subject).ThenBy(c => c.DateOfBirth ?? DateOnly.MaxValue).ThenBy(c => c.Id.Value)
            .ToList();
        var childIds = children.Select(c => c.Id).ToList();

        var connections = await connectedAdults.OfChildrenAsync(childIds, today, null, cancellationToken);
        var adultPeople = await PeopleAsync(connections.Select(c => c.AdultId).Distinct().ToList(), cancellationToken);
        var openableAdults = await OpenableAsync(adultPeople.Values, cancellationToken);
        var adults = adultPeople.Values.Where(a => openableAdults.Contains(a.Id)).ToList();
        var shown = childIds.Concat(adults.Select(a => a.Id)).ToList();

        var settings = (await db.ConcernRulesOfAsync(household[subject].AreaId, cancellationToken)).Settings;
        var since = WindowStart(now, settings);
        var rows = await db.ChronologySubjects.AsNoTracking()
            .Where(s => EF.Parameter(shown).Contains(s.PersonId) && s.OccurredAt >= since
                        && (s.Significance >= Significance.Significant || s.Concerns != ConcernTheme.None))
            .Select(s => new Row(s.PersonId, s.EntryId, s.OccurredAt, s.AgencyId, s.Category, s.Significance, s.Concerns))
            .ToListAsync(cancellationToken);
        var byPerson = rows.ToLookup(r => r.PersonId);
        var events = shown.ToDictionary(p => p, p => Capped(byPerson[p], childIds.Contains(p) ? MaxEvents : MaxAdultHistory));

        var prompts = await PromptsAsync(childIds, since, cancellationToken);
        var entryIds = events.Values.SelectMany(e => e.Items).Select(r => r.EntryId)
            .Concat(prompts.Evidence.Values.SelectMany(e => e).Select(e => e.EntryId).OfType<ChronologyEntryId>())
            .Distinct().ToList();
        var entries = await db.ChronologyEntries.AsNoTracking()
            .Where(e => EF.Parameter(entryIds).Contains(e.Id))
            .Select(e => new
            {
                e.Id,
                e.AgencyId,
                e.Content.OccurredAt,
                e.Content.Category,
                e.Content.Significance,
                e.Content.Concerns,
                e.Content.Summary,
            })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var agencyIds = entries.Values.Select(e => e.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => EF.Parameter(agencyIds).Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var names = household.Values.Concat(adultPeople.Values).DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.Name);

        PictureEvent Event(ChronologyEntryId id)
        {
            var e = entries[id];
            var agency = agencies.GetValueOrDefault(e.AgencyId) ?? "";
            return new PictureEvent(id, e.OccurredAt, agency, e.Category, e.Significance, e.Concerns, e.Summary);
        }

        var evidence = await EvidenceAsync(prompts, shown.ToHashSet(), names, Event, cancellationToken);
        var facts = await ChildFactsAsync(childIds, current, today, cancellationToken);
        var pictures = children.Select(c =>
        {
            var concernRows = byPerson[c.Id].Where(r => r.Concerns != ConcernTheme.None).ToList();
            var childPrompts = prompts.Rows.Where(p => p.Child == c.Id).ToList();
            return new ChildPicture
            {
                ChildId = c.Id,
                Name = c.Name,
                DateOfBirth = c.DateOfBirth,
                IsSubject = c.Id == subject,
                CurrentLegalStatus = facts.Statuses.GetValueOrDefault(c.Id, LegalStatusKind.None),
                FirstLanguage = c.FirstLanguage,
                InterpreterNeeded = c.InterpreterNeeded,
                Contacts = facts.Contacts[c.Id].Take(MaxContacts).ToList(),
                MoreContacts = Math.Max(0, facts.Contacts[c.Id].Count() - MaxContacts),
                Alerts = facts.Alerts[c.Id].ToList(),
                Events = events[c.Id].Items.Select(r => Event(r.EntryId)).ToList(),
                MoreEvents = events[c.Id].More,
                ConcernEntries = concernRows.Count,
                ConcernAgencies = concernRows.Select(r => r.AgencyId).Distinct().Count(),
                Prompts = childPrompts.Take(MaxPrompts).Select(p => evidence[p.Id]).ToList(),
                MorePrompts = Math.Max(0, childPrompts.Count - MaxPrompts),
                Involvements = facts.Involvements[c.Id].OrderByDescending(i => i.IsLead).ThenBy(i => i.Agency, StringComparer.Ordinal).ToList(),
            };
        }).ToList();

        var byAdult = connections.Where(c => openableAdults.Contains(c.AdultId)).ToLookup(c => c.AdultId);
        var adultPictures = adults.Select(a =>
            {
                var links = byAdult[a.Id]
                    .Select(c => new AdultToChild(c.ChildId, names[c.ChildId], c.Words, c.LivesWithChild, c.PosesRisk, c.IsCarer))
                    .OrderBy(l => childIds.IndexOf(l.ChildId)).ToList();
                return new AdultPicture
                {
                    PersonId = a.Id,
                    Name = a.Name,
                    DateOfBirth = a.DateOfBirth,
                    FirstLanguage = a.FirstLanguage,
                    InterpreterNeeded = a.InterpreterNeeded,
                    PosesRisk = links.Any(l => l.PosesRisk),
                    IsCarer = links.Any(l => l.IsCarer),
                    Children = links,
                    History = events[a.Id].Items.Select(r => Event(r.EntryId)).ToList(),
                    MoreHistory = events[a.Id].More,
                };
            })
            .OrderByDescending(a => a.PosesRisk).ThenByDescending(a => a.IsCarer).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        foreach (var child in childIds)
        {
            audit.Record(read.Action, child, read.RecordType, read.RecordId);
        }

        foreach (var adult in adults)
        {
            audit.Record(read.Action, adult.Id, read.RecordType, read.RecordId, detail: "adult");
        }

        await db.SaveChangesAsync(cancellationToken);
        return new WholePicture
        {
            SubjectId = subject,
            Since = since,
            LanguageNeeds = LanguageNeeds(children, subject, adultPeople, openableAdults, connections, names, childIds),
            Children = pictures,
            ChildrenNotShown = candidates.Count - children.Count,
            Adults = adultPictures,
            AdultsNotShown = adultPeople.Count - adults.Count,
        };
    }

    /// <summary>The children's own needs, then those of the adults caring for them (named only if the viewer may open their record).</summary>
    private static List<LanguageNeed> LanguageNeeds(List<PersonRow> children, PersonId subject, Dictionary<PersonId, PersonRow> adults,
        HashSet<PersonId> openableAdults, IReadOnlyList<AdultConnection> connections, Dictionary<PersonId, string> names, List<PersonId> childIds)
    {
        var needs = children.Where(c => ConnectedAdultsHandler.IsLanguageNeed(c.FirstLanguage, c.InterpreterNeeded))
            .Select(c => new LanguageNeed(c.Id, c.Name, PersonKind.Child, c.Id == subject ? "The child" : "Child in the household", c.FirstLanguage,
                c.InterpreterNeeded))
            .ToList();
        foreach (var carer in connections.Where(c => c.IsCarer).GroupBy(c => c.AdultId))
        {
            var adult = adults[carer.Key];
            if (!ConnectedAdultsHandler.IsLanguageNeed(adult.FirstLanguage, adult.InterpreterNeeded))
            {
                continue;
            }

            // "Parent, lives with them" when it is the same to every child; otherwise each child's relationship, by name.
            var words = carer.Where(c => c.IsCarer).OrderBy(c => childIds.IndexOf(c.ChildId)).GroupBy(c => c.Words)
                .Select(g => childIds.Count == 1 || g.Count() == childIds.Count
                    ? g.Key
                    : $"{g.Key} ({string.Join(", ", g.Select(c => names[c.ChildId]))})");
            needs.Add(new LanguageNeed(adult.Id, openableAdults.Contains(adult.Id) ? adult.Name : null, PersonKind.Adult, string.Join("; ", words),
                adult.FirstLanguage, adult.InterpreterNeeded));
        }

        return needs.OrderByDescending(n => n.InterpreterNeeded).ToList();
    }

    private sealed record PersonRow(PersonId Id, AreaId AreaId, PersonKind Kind, string Name, DateOnly? DateOfBirth, string? FirstLanguage,
        bool InterpreterNeeded);

    private sealed record Row(PersonId PersonId, ChronologyEntryId EntryId, DateTimeOffset OccurredAt, AgencyId AgencyId, ChronologyCategory Category,
        Significance Significance, ConcernTheme Concerns);

    private sealed record CappedRows(IReadOnlyList<Row> Items, int More);

    private static CappedRows Capped(IEnumerable<Row> rows, int max)
    {
        var all = rows.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.EntryId.Value).ToList();
        return new CappedRows(all.Take(max).ToList(), Math.Max(0, all.Count - max));
    }

    private async Task<Dictionary<PersonId, PersonRow>> PeopleAsync(List<PersonId> ids, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking()
            .Where(p => EF.Parameter(ids).Contains(p.Id))
            .Select(p => new PersonRow(p.Id, p.AreaId, p.Kind, p.GivenName + " " + p.FamilyName, p.DateOfBirth, p.FirstLanguage, p.InterpreterNeeded))
            .ToDictionaryAsync(p => p.Id, cancellationToken);

    /// <summary>
    /// Which of these people the viewer may open: the answer <see cref="RecordAccess.Decide"/> gives. A viewer whose role
    /// reaches the whole area may open everyone in it, so only people elsewhere are asked about one by one.
    /// </summary>
    private async Task<HashSet<PersonId>> OpenableAsync(IEnumerable<PersonRow> people, CancellationToken cancellationToken)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        var areaWide = RecordAccess.HasAreaWideReach(viewer);
        var openable = new HashSet<PersonId>();
        foreach (var person in people)
        {
            if ((areaWide && person.AreaId == viewer.Area) || (await access.DecideAsync(person.Id, cancellationToken)).Allowed)
            {
                openable.Add(person.Id);
            }
        }

        return openable;
    }

    private sealed record PromptRow(ConcernPromptId Id, PersonId Child, ConcernRule Rule, string Summary, ConcernPromptStatus Status,
        DateTimeOffset RaisedAt, DateTimeOffset DueAt, int EscalationLevel, DateTimeOffset? AnsweredAt, PromptResponse? Response);

    private sealed record Prompts(List<PromptRow> Rows, Dictionary<ConcernPromptId, List<ConcernPromptEvidence>> Evidence,
        Dictionary<ConcernPromptId, int> MoreEvidence);

    /// <summary>
    /// The children's open prompts and those answered since the window began, open first then newest, each with its
    /// newest evidence (ids only: the entries are read with the rest).
    /// </summary>
    private async Task<Prompts> PromptsAsync(List<PersonId> children, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var query = db.ConcernPrompts.AsNoTracking()
            .Where(p => EF.Parameter(children).Contains(p.Child) && (p.Status == ConcernPromptStatus.Open || p.AnsweredAt >= since));
        // As PromptAccessHandler decides: the front door and safeguarding leads see every prompt, anyone else only theirs.
        if (!user.Has(Role.FrontDoor) && !user.Has(Role.SafeguardingLead))
        {
            var me = user.ProfessionalId;
            var team = await db.Professionals.Where(p => p.Id == me).Select(p => p.TeamId).SingleOrDefaultAsync(cancellationToken);
            query = query.Where(p => p.AssignedProfessional == me || (team != null && p.AssignedTeam == team));
        }

        var rows = (await query
                .Select(p => new PromptRow(p.Id, p.Child, p.Rule, p.Summary, p.Status, p.RaisedAt, p.DueAt, p.EscalationLevel, p.AnsweredAt,
                    p.Response))
                .ToListAsync(cancellationToken))
            .OrderBy(p => p.Status).ThenByDescending(p => p.AnsweredAt ?? p.RaisedAt)
            .ToList();
        var kept = rows.GroupBy(p => p.Child).SelectMany(g => g.Take(MaxPrompts)).Select(p => p.Id).ToList();
        var evidence = await db.ConcernPromptEvidence.AsNoTracking()
            .Where(e => EF.Parameter(kept).Contains(e.PromptId))
            .ToListAsync(cancellationToken);
        var byPrompt = evidence.GroupBy(e => e.PromptId).ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.AddedAt).ToList());
        return new Prompts(rows, byPrompt.ToDictionary(p => p.Key, p => p.Value.Take(MaxEvidence).ToList()),
            byPrompt.ToDictionary(p => p.Key, p => Math.Max(0, p.Value.Count - MaxEvidence)));
    }

    /// <summary>Each kept prompt with its evidence: in full when it is about someone in the picture, otherwise only its link.</summary>
    private async Task<Dictionary<ConcernPromptId, PicturePrompt>> EvidenceAsync(Prompts prompts, HashSet<PersonId> shown,
        Dictionary<PersonId, string> names, Func<ChronologyEntryId, PictureEvent> entry, CancellationToken cancellationToken)
    {
        var all = prompts.Evidence.Values.SelectMany(e => e).ToList();
        var entryIds = all.Select(e => e.EntryId).OfType<ChronologyEntryId>().Distinct().ToList();
        var contactIds = all.Select(e => e.ContactId).OfType<ContactId>().Distinct().ToList();
        var subjects = (await db.ChronologySubjects.AsNoTracking()
                .Where(s => EF.Parameter(entryIds).Contains(s.EntryId))
                .Select(s => new { s.EntryId, s.PersonId })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.EntryId, s => s.PersonId);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => EF.Parameter(contactIds).Contains(c.Id))
            .Select(c => new { c.Id, c.ChildId, c.ReceivedAt, c.Source })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var now = clock.GetUtcNow();

        PictureEvidence Evidence(ConcernPromptEvidence e)
        {
            if (e.EntryId is { } id)
            {
                var about = subjects[id].Where(shown.Contains).Select(p => names[p]).ToList();
                var link = $"/chronology/{id.Value}";
                if (about.Count == 0)
                {
                    return new PictureEvidence("chronology-entry", id.Value, link, null, null, null, ConcernTheme.None, null, null);
                }

                var x = entry(id);
                return new PictureEvidence("chronology-entry", id.Value, link, x.OccurredAt, x.Agency, x.Significance, x.Concerns, x.Summary,
                    string.Join(", ", about));
            }

            var contactId = e.ContactId!.Value;
            var contactLink = $"/contacts/{contactId.Value}";
            return contacts.TryGetValue(contactId, out var c) && shown.Contains(c.ChildId)
                ? new PictureEvidence("contact", contactId.Value, contactLink, c.ReceivedAt, null, null, ConcernTheme.None,
                    $"Front door contact from {TriageWords.Source(c.Source).ToLowerInvariant()}", names[c.ChildId])
                : new PictureEvidence("contact", contactId.Value, contactLink, null, null, null, ConcernTheme.None, null, null);
        }

        return prompts.Rows.ToDictionary(p => p.Id, p => new PicturePrompt
        {
            Id = p.Id,
            Rule = p.Rule,
            RuleText = ConcernWords.Rule(p.Rule),
            Summary = p.Summary,
            Status = p.Status,
            RaisedAt = p.RaisedAt,
            DueAt = p.DueAt,
            Overdue = p.Status == ConcernPromptStatus.Open && now >= p.DueAt,
            EscalationLevel = p.EscalationLevel,
            AnsweredAt = p.AnsweredAt,
            Response = p.Response,
            Evidence = prompts.Evidence.GetValueOrDefault(p.Id)?.Select(Evidence).OrderByDescending(e => e.At).ToList() ?? [],
            MoreEvidence = prompts.MoreEvidence.GetValueOrDefault(p.Id),
        });
    }

    private sealed record ChildFacts(ILookup<PersonId, PastContact> Contacts, ILookup<PersonId, PictureAlert> Alerts,
        ILookup<PersonId, PictureInvolvement> Involvements, Dictionary<PersonId, LegalStatusKind> Statuses);

    /// <summary>Each child's previous contacts, open alerts, current involvements and legal status, a query each for all the children.</summary>
    private async Task<ChildFacts> ChildFactsAsync(List<PersonId> children, ContactId? current, DateOnly today, CancellationToken cancellationToken)
    {
        var leaveOut = current ?? default;
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => EF.Parameter(children).Contains(c.ChildId) && c.Id != leaveOut)
            .Select(c => new { c.ChildId, Contact = new PastContact(c.Id, c.ReceivedAt, c.Source, c.Status, c.Level, c.Outcome) })
            .ToListAsync(cancellationToken);
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => EF.Parameter(children).Contains(a.ChildId) && a.Status == AlertStatus.Active)
            .Select(a => new { a.ChildId, Alert = new PictureAlert(a.Id, a.Category, a.Risk, a.ReviewBy) })
            .ToListAsync(cancellationToken);
        var involvements = await db.Involvements.AsNoTracking()
            .Where(i => EF.Parameter(children).Contains(i.ChildId) && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Join(db.Professionals, i => i.ProfessionalId, p => p.Id, (i, p) => new { i, p })
            .Join(db.Agencies, x => x.i.AgencyId, a => a.Id, (x, a) => new
            {
                x.i.ChildId,
                Involvement = new PictureInvolvement(x.p.Name, a.Name, x.i.Role, x.i.IsLeadProfessional, x.p.Phone, x.p.Email),
            })
            .ToListAsync(cancellationToken);
        var statuses = await db.LegalStatuses.AsNoTracking()
            .Where(l => EF.Parameter(children).Contains(l.ChildId) && l.To == null)
            .Select(l => new { l.ChildId, l.Kind })
            .ToListAsync(cancellationToken);
        return new ChildFacts(
            contacts.OrderByDescending(c => c.Contact.ReceivedAt).ToLookup(c => c.ChildId, c => c.Contact),
            alerts.ToLookup(a => a.ChildId, a => a.Alert),
            involvements.ToLookup(i => i.ChildId, i => i.Involvement),
            statuses.GroupBy(s => s.ChildId).ToDictionary(g => g.Key, g => g.First().Kind));
    }
}
