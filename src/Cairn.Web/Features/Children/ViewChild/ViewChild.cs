using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Alerts;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Domain.Health;
using Cairn.Domain.People;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Children.ViewChild;

/// <summary>Filters on the integrated chronology. Household events are the significant or critical ones only.</summary>
public sealed record ChronologyFilter(
    AgencyId? Agency = null,
    ChronologyCategory? Category = null,
    Significance? MinimumSignificance = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool IncludeHousehold = false,
    int Page = 1)
{
    public const int PageSize = 25;
}

public sealed record ChildPage(
    PersonSummary Person,
    IReadOnlyList<AlertView> Alerts,
    IReadOnlyList<TeamMemberView> Team,
    LegalStatusView? LegalStatus,
    IReadOnlyList<LegalStatusView> LegalHistory,
    IReadOnlyList<DiagnosisView> Diagnoses,
    IReadOnlyList<RelationshipView> Relationships,
    IReadOnlyList<AddressView> Addresses,
    ChronologyPage Chronology,
    IReadOnlyList<AgencyOption> Agencies,
    bool GpMissing,
    IReadOnlyList<OpenShareView> OpenShares);

/// <summary>A share about the child that is not yet actioned, declined or closed (L01).</summary>
public sealed record OpenShareView(ShareId Id, ShareKind Kind, string Subject, ShareStatus Status, string FromAgency, DateTimeOffset DueAt, bool Overdue);

public sealed record PersonSummary(PersonId Id, PersonKind Kind, string GivenName, string FamilyName, DateOnly? DateOfBirth,
    DateOnly? ExpectedDateOfBirth, int? Age, Sex Sex, string Ethnicity, string? NhsNumber, string? Upn, string? FirstLanguage,
    bool InterpreterNeeded, IReadOnlyList<PersonName> OtherNames, int Version);

public sealed record AlertView(AlertId Id, AlertCategory Category, string Risk, string AtRisk, string FromWhom, string Source,
    DateOnly RaisedOn, DateOnly ReviewBy, string Description, string Owner, bool ReviewOverdue, int Version);

public sealed record TeamMemberView(InvolvementId Id, ProfessionalId ProfessionalId, string Name, string JobTitle, string Agency,
    AgencyKind AgencyKind, InvolvementRole Role, bool IsLeadProfessional, string Email, string? Phone, DateOnly StartedOn, int Version);

public sealed record LegalStatusView(LegalStatusKind Kind, ChildProtectionCategory? Category, DateOnly From, DateOnly? To, string Reason);

public sealed record DiagnosisView(DiagnosisId Id, string Condition, DateOnly DiagnosedOn, string Source, DiagnosisStatus Status, string? Notes, int Version);

public sealed record RelationshipView(RelationshipId Id, PersonId OtherId, string OtherName, PersonKind OtherKind, string Description,
    DateOnly? StartedOn, DateOnly? EndedOn, bool PosesRisk);

public sealed record AddressView(AddressId Id, string Line1, string? Line2, string? Town, string Postcode, string? LocalAuthority, DateOnly From, DateOnly? To);

public sealed record ChronologyPage(IReadOnlyList<ChronologyItem> Items, int Total, int Page, int PageCount);

public sealed record ChronologyItem(ChronologyEntryId Id, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string RecordedBy,
    string Agency, ChronologyCategory Category, Significance Significance, ContactMode? ContactMode, AppointmentOutcome? AppointmentOutcome,
    string Summary, string? Detail, VoiceOfChild? Voice, bool Amended, bool AboutSomeoneElse, string? AboutName,
    Domain.Concerns.ConcernTheme Concerns = Domain.Concerns.ConcernTheme.None);

public sealed record AgencyOption(AgencyId Id, string Name);

/// <summary>
/// The whole picture of one child (L03): alerts, key facts, the team around the child and one chronology
/// across every agency. Returns null both for a child who does not exist and one the viewer may not see.
/// </summary>
public sealed class ViewChildHandler(CairnDbContext db, RecordAccessService access, AuditLog audit, TimeProvider clock)
{
    public async Task<ChildPage?> HandleAsync(PersonId id, ChronologyFilter filter, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(id, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("person.view", id, decision.Reason.ToString(), cancellationToken);

        var today = clock.Today();
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
        var summary = new PersonSummary(person.Id, person.Kind, person.GivenName, person.FamilyName, person.DateOfBirth,
            person.ExpectedDateOfBirth, person.AgeOn(today), person.Sex, Ethnicity.Describe(person.EthnicityCode), person.NhsNumber,
            person.Upn, person.FirstLanguage, person.InterpreterNeeded, person.OtherNames, person.Version);

        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => a.ChildId == id && a.Status == AlertStatus.Active)
            .Join(db.Professionals, a => a.OwnerId, p => p.Id, (a, p) => new { a, Owner = p.Name })
            .OrderBy(x => x.a.RaisedOn)
            .ToListAsync(cancellationToken);

        var team = await CurrentTeamAsync(id, today, cancellationToken);
        var legal = await db.LegalStatuses.AsNoTracking().Where(s => s.ChildId == id).OrderByDescending(s => s.From)
            .Select(s => new LegalStatusView(s.Kind, s.Category, s.From, s.To, s.Reason)).ToListAsync(cancellationToken);
        var diagnoses = await db.Diagnoses.AsNoTracking().Where(d => d.PersonId == id).OrderByDescending(d => d.DiagnosedOn)
            .Select(d => new DiagnosisView(d.Id, d.Condition, d.DiagnosedOn, d.Source, d.Status, d.Notes, d.Version)).ToListAsync(cancellationToken);
        var addresses = await db.Addresses.AsNoTracking().Where(a => a.PersonId == id).OrderByDescending(a => a.From)
            .GroupJoin(db.LocalAuthorities, a => a.LocalAuthorityCode, la => la.Code, (a, las) => new { a, las })
            .SelectMany(x => x.las.DefaultIfEmpty(), (x, la) => new AddressView(x.a.Id, x.a.Line1, x.a.Line2, x.a.Town, x.a.Postcode,
                la == null ? null : la.UpperTierName, x.a.From, x.a.To))
            .ToListAsync(cancellationToken);
        var relationships = await RelationshipsAsync(id, cancellationToken);
        var chronology = await ChronologyAsync(id, filter, today, cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.AreaId == person.AreaId).OrderBy(a => a.Name)
            .Select(a => new AgencyOption(a.Id, a.Name)).ToListAsync(cancellationToken);

        return new ChildPage(
            summary,
            alerts.Select(x => new AlertView(x.a.Id, x.a.Category, x.a.Risk, x.a.AtRisk, x.a.FromWhom, x.a.Source, x.a.RaisedOn,
                x.a.ReviewBy, x.a.Description, x.Owner, x.a.IsReviewOverdue(today), x.a.Version)).ToList(),
            team,
            legal.FirstOrDefault(s => s.To is null),
            legal,
            diagnoses,
            relationships,
            addresses,
            chronology,
            agencies,
            // L26: health must be part of the picture; an open child with no GP involved is flagged.
            GpMissing: person.Kind == PersonKind.Child && team.Count > 0 && team.All(t => t.Role != InvolvementRole.GeneralPractitioner),
            await OpenSharesAsync(id, cancellationToken));
    }

    /// <summary>Just a page of the chronology, for the API and for paging without reloading the whole record.</summary>
    public async Task<ChronologyPage?> HandleChronologyAsync(PersonId id, ChronologyFilter filter, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(id, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("chronology.view", id, decision.Reason.ToString(), cancellationToken);
        return await ChronologyAsync(id, filter, clock.Today(), cancellationToken);
    }

    private async Task<List<OpenShareView>> OpenSharesAsync(PersonId id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.ShareChildren.AsNoTracking().Where(c => c.ChildId == id)
            .Join(db.Shares.Where(s => s.Status == ShareStatus.WithEmergencyDuty || s.Status == ShareStatus.Delivered || s.Status == ShareStatus.Received),
                c => c.ShareId, s => s.Id, (c, s) => s)
            .Join(db.Agencies, s => s.SentByAgency, a => a.Id, (s, a) => new { s.Id, s.Kind, s.Subject, s.Status, Agency = a.Name, s.ReceiptDueAt, s.ActionDueAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
            {
                var due = r.Status == ShareStatus.Received ? r.ActionDueAt : r.ReceiptDueAt;
                return new OpenShareView(r.Id, r.Kind, r.Subject, r.Status, r.Agency, due, now >= due);
            })
            .OrderBy(r => r.DueAt).ToList();
    }

    internal async Task<List<TeamMemberView>> CurrentTeamAsync(PersonId id, DateOnly today, CancellationToken cancellationToken) =>
        (await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == id && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Join(db.Professionals, i => i.ProfessionalId, p => p.Id, (i, p) => new { i, p })
            .Join(db.Agencies, x => x.i.AgencyId, a => a.Id, (x, a) => new TeamMemberView(x.i.Id, x.p.Id, x.p.Name, x.p.JobTitle, a.Name, a.Kind,
                x.i.Role, x.i.IsLeadProfessional, x.p.Email, x.p.Phone, x.i.StartedOn, x.i.Version))
            .ToListAsync(cancellationToken))
            .OrderByDescending(t => t.IsLeadProfessional).ThenBy(t => t.Role)
            .ToList();

    private async Task<List<RelationshipView>> RelationshipsAsync(PersonId id, CancellationToken cancellationToken)
    {
        var outgoing = await db.Relationships.AsNoTracking().Where(r => r.FromPersonId == id)
            .Join(db.People, r => r.ToPersonId, p => p.Id, (r, p) => new { r, p.Id, p.GivenName, p.FamilyName, p.Kind, Outgoing = true })
            .ToListAsync(cancellationToken);
        var incoming = await db.Relationships.AsNoTracking().Where(r => r.ToPersonId == id)
            .Join(db.People, r => r.FromPersonId, p => p.Id, (r, p) => new { r, p.Id, p.GivenName, p.FamilyName, p.Kind, Outgoing = false })
            .ToListAsync(cancellationToken);
        return outgoing.Concat(incoming)
            .OrderBy(x => x.r.EndedOn is not null).ThenBy(x => x.r.Type)
            .Select(x => new RelationshipView(x.r.Id, x.Id, $"{x.GivenName} {x.FamilyName}", x.Kind,
                Describe(x.r.Type, x.Outgoing), x.r.StartedOn, x.r.EndedOn, x.r.Type == RelationshipType.PersonPosingRisk))
            .ToList();
    }

    /// <summary>How the other person stands to this one, read from the relationship's direction.</summary>
    private static string Describe(RelationshipType type, bool thisPersonIsFrom) => (type, thisPersonIsFrom) switch
    {
        (RelationshipType.Parent, true) => "Child",
        (RelationshipType.Parent, false) => "Parent",
        (RelationshipType.StepParent, true) => "Step-child",
        (RelationshipType.StepParent, false) => "Step-parent",
        (RelationshipType.PartnerOfParent, true) => "Partner's child",
        (RelationshipType.PartnerOfParent, false) => "Partner of parent",
        (RelationshipType.Sibling, _) => "Sibling",
        (RelationshipType.HouseholdMember, _) => "Household member",
        (RelationshipType.SignificantAdult, true) => "Significant to",
        (RelationshipType.SignificantAdult, false) => "Significant adult",
        (RelationshipType.PersonPosingRisk, true) => "Poses a risk to",
        (RelationshipType.PersonPosingRisk, false) => "Person posing a risk",
        _ => type.ToString(),
    };

    internal async Task<ChronologyPage> ChronologyAsync(PersonId id, ChronologyFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var household = filter.IncludeHousehold ? await HouseholdMembersAsync(id, today, cancellationToken) : [];
        var own = Filtered(db.ChronologySubjects.AsNoTracking().Where(s => s.PersonId == id), filter)
            .Select(s => new { s.EntryId, s.OccurredAt })
            .OrderByDescending(s => s.OccurredAt).ThenByDescending(s => s.EntryId);
        List<ChronologyEntryId> ids;
        int total, page, pageCount;
        if (household.Count == 0)
        {
            total = await own.CountAsync(cancellationToken);
            (page, pageCount) = PageOf(total, filter.Page);
            ids = await own.Skip((page - 1) * ChronologyFilter.PageSize).Take(ChronologyFilter.PageSize)
                .Select(s => s.EntryId).ToListAsync(cancellationToken);
        }
        else
        {
            // An entry about the child and a sibling appears once: the household's rows leave out entries the child is
            // a subject of, which the child's own rows already hold whenever they pass the filters (every subject row
            // carries the same copies of the filtered fields). The household's significant entries are few beside the
            // child's own, so they are read whole; the child's are read in order from the index only as far as this
            // page, and the two are merged here. One query over both made SQLite de-duplicate and sort the child's
            // whole chronology on every page.
            var householdRows = await Filtered(db.ChronologySubjects.AsNoTracking()
                    .Where(s => household.Contains(s.PersonId) && s.Significance >= Significance.Significant
                                && !db.ChronologySubjects.Any(o => o.PersonId == id && o.EntryId == s.EntryId)), filter)
                .Select(s => new { s.EntryId, s.OccurredAt })
                .Distinct()
                .ToListAsync(cancellationToken);
            total = await own.CountAsync(cancellationToken) + householdRows.Count;
            (page, pageCount) = PageOf(total, filter.Page);
            var newest = await own.Take(page * ChronologyFilter.PageSize).ToListAsync(cancellationToken);
            ids = newest.Concat(householdRows).OrderByDescending(s => s.OccurredAt).ThenByDescending(s => s.EntryId.Value)
                .Skip((page - 1) * ChronologyFilter.PageSize).Take(ChronologyFilter.PageSize)
                .Select(s => s.EntryId).ToList();
        }

        var rows = await db.ChronologyEntries.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Join(db.Professionals, e => e.RecordedBy, p => p.Id, (e, p) => new { e, RecordedBy = p.Name })
            .Join(db.Agencies, x => x.e.AgencyId, a => a.Id, (x, a) => new
            {
                x.e.Id,
                x.e.Content,
                x.e.RecordedAt,
                x.RecordedBy,
                Agency = a.Name,
                x.e.Version,
                AboutChild = db.ChronologySubjects.Any(s => s.EntryId == x.e.Id && s.PersonId == id),
            })
            .ToListAsync(cancellationToken);

        var others = household.Count == 0 ? [] : await OtherSubjectNamesAsync(rows.Where(r => !r.AboutChild).Select(r => r.Id).ToList(), household, cancellationToken);
        var items = rows
            .OrderByDescending(r => r.Content.OccurredAt).ThenByDescending(r => r.Id.Value)
            .Select(r => new ChronologyItem(r.Id, r.Content.OccurredAt, r.RecordedAt, r.RecordedBy, r.Agency, r.Content.Category,
                r.Content.Significance, r.Content.ContactMode, r.Content.AppointmentOutcome, r.Content.Summary, r.Content.Detail,
                r.Content.Voice, r.Version > 1, !r.AboutChild, others.GetValueOrDefault(r.Id), r.Content.Concerns))
            .ToList();
        return new ChronologyPage(items, total, page, pageCount);
    }

    private static (int Page, int PageCount) PageOf(int total, int requested)
    {
        var pageCount = Math.Max(1, (total + ChronologyFilter.PageSize - 1) / ChronologyFilter.PageSize);
        return (Math.Clamp(requested, 1, pageCount), pageCount);
    }

    private static IQueryable<ChronologySubject> Filtered(IQueryable<ChronologySubject> subjects, ChronologyFilter filter)
    {
        if (filter.Agency is { } agency)
        {
            subjects = subjects.Where(s => s.AgencyId == agency);
        }

        if (filter.Category is { } category)
        {
            subjects = subjects.Where(s => s.Category == category);
        }

        if (filter.MinimumSignificance is { } significance)
        {
            subjects = subjects.Where(s => s.Significance >= significance);
        }

        if (filter.From is { } from)
        {
            var start = Clock.FromLondon(from.ToDateTime(TimeOnly.MinValue));
            subjects = subjects.Where(s => s.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = Clock.FromLondon(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            subjects = subjects.Where(s => s.OccurredAt < end);
        }

        return subjects;
    }

    private async Task<Dictionary<ChronologyEntryId, string>> OtherSubjectNamesAsync(List<ChronologyEntryId> entryIds, List<PersonId> household,
        CancellationToken cancellationToken)
    {
        var names = await db.ChronologySubjects.AsNoTracking()
            .Where(s => entryIds.Contains(s.EntryId) && household.Contains(s.PersonId))
            .Join(db.People, s => s.PersonId, p => p.Id, (s, p) => new { s.EntryId, Name = p.GivenName + " " + p.FamilyName })
            .ToListAsync(cancellationToken);
        return names.GroupBy(n => n.EntryId).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(n => n.Name)));
    }

    /// <summary>The other current members of every household the child is in now.</summary>
    internal async Task<List<PersonId>> HouseholdMembersAsync(PersonId id, DateOnly today, CancellationToken cancellationToken)
    {
        // Found from the member's side, through the index on the person: "households with such a member" (EXISTS)
        // made SQLite visit every household in the database.
        var current = db.Households
            .SelectMany(h => h.Members, (h, m) => new { HouseholdId = h.Id, m.PersonId, m.LeftOn })
            .Where(x => x.PersonId == id && x.LeftOn == null)
            .Select(x => x.HouseholdId);
        var households = await db.Households.AsNoTracking()
            .Where(h => current.Contains(h.Id))
            .ToListAsync(cancellationToken);
        return households.SelectMany(h => h.MembersOn(today)).Where(p => p != id).Distinct().ToList();
    }
}
