using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Alerts;
using Cairn.Domain.Children;
using Cairn.Domain.Health;
using Cairn.Domain.People;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Casework;
using Cairn.Web.Features.Chronology;
using Cairn.Web.Features.Family;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Children.ViewChild;

public sealed record ChildPage
{
    public required PersonSummary Person { get; init; }
    public required IReadOnlyList<AlertView> Alerts { get; init; }
    public required IReadOnlyList<TeamMemberView> Team { get; init; }
    public LegalStatusView? LegalStatus { get; init; }
    public required IReadOnlyList<LegalStatusView> LegalHistory { get; init; }
    public required IReadOnlyList<DiagnosisView> Diagnoses { get; init; }
    public required IReadOnlyList<RelationshipView> Relationships { get; init; }
    public required IReadOnlyList<AddressView> Addresses { get; init; }
    public required ChronologyPage Chronology { get; init; }
    public required IReadOnlyList<AgencyOption> Agencies { get; init; }
    public required bool GpMissing { get; init; }
    public required IReadOnlyList<OpenShareView> OpenShares { get; init; }

    /// <summary>
    /// A child's own interpreter and language needs, then those of the adults caring for them (parents, step-parents,
    /// partners of a parent, adults in the household): whoever speaks with the family needs to know before they call.
    /// Empty for an adult's record.
    /// </summary>
    public required IReadOnlyList<LanguageNeed> LanguageNeeds { get; init; }

    /// <summary>
    /// Parents and carers in the household with no current parenting capacity assessment, while the child has a child protection
    /// plan or is in care proceedings (L32). Empty otherwise, and for an adult's record.
    /// </summary>
    public required IReadOnlyList<MissingParentingAssessment> MissingParentingAssessments { get; init; }
}

/// <summary>A share about the child that is not yet actioned, declined or closed (L01).</summary>
public sealed record OpenShareView(ShareId Id, ShareKind Kind, string Subject, ShareStatus Status, string FromAgency, DateTimeOffset DueAt,
    bool Overdue);

public sealed record PersonSummary
{
    public required PersonId Id { get; init; }
    public required PersonKind Kind { get; init; }
    public required string GivenName { get; init; }
    public required string FamilyName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public DateOnly? ExpectedDateOfBirth { get; init; }
    public int? Age { get; init; }
    public required Sex Sex { get; init; }
    public required string Ethnicity { get; init; }
    public string? NhsNumber { get; init; }
    public string? Upn { get; init; }
    public string? FirstLanguage { get; init; }
    public required bool InterpreterNeeded { get; init; }
    public required IReadOnlyList<PersonName> OtherNames { get; init; }
    public required int Version { get; init; }
}

public sealed record AlertView
{
    public required AlertId Id { get; init; }
    public required AlertCategory Category { get; init; }
    public required string Risk { get; init; }
    public required string AtRisk { get; init; }
    public required string FromWhom { get; init; }
    public required string Source { get; init; }
    public required DateOnly RaisedOn { get; init; }
    public required DateOnly ReviewBy { get; init; }
    public required string Description { get; init; }
    public required string Owner { get; init; }
    public required bool ReviewOverdue { get; init; }
    public required int Version { get; init; }
}

public sealed record TeamMemberView
{
    public required InvolvementId Id { get; init; }
    public required ProfessionalId ProfessionalId { get; init; }
    public required string Name { get; init; }
    public required string JobTitle { get; init; }
    public required string Agency { get; init; }
    public required AgencyKind AgencyKind { get; init; }
    public required InvolvementRole Role { get; init; }
    public required bool IsLeadProfessional { get; init; }
    public required string Email { get; init; }
    public string? Phone { get; init; }
    public required DateOnly StartedOn { get; init; }
    public required int Version { get; init; }
}

public sealed record LegalStatusView(LegalStatusKind Kind, ChildProtectionCategory? Category, DateOnly From, DateOnly? To, string Reason);

public sealed record DiagnosisView(DiagnosisId Id, string Condition, DateOnly DiagnosedOn, string Source, DiagnosisStatus Status, string? Notes,
    int Version);

public sealed record RelationshipView(RelationshipId Id, PersonId OtherId, string OtherName, PersonKind OtherKind, string Description,
    DateOnly? StartedOn, DateOnly? EndedOn, bool PosesRisk);

public sealed record AddressView(AddressId Id, string Line1, string? Line2, string? Town, string Postcode, string? LocalAuthority, DateOnly From,
    DateOnly? To);

public sealed record AgencyOption(AgencyId Id, string Name);

/// <summary>
/// The whole picture of one child (L03): alerts, key facts, the team around the child and one chronology
/// across every agency. Returns null both for a child who does not exist and one the viewer may not see.
/// </summary>
public sealed class ViewChildHandler(CairnDbContext db, RecordAccessService access, ChildChronologyHandler chronologies, AuditLog audit,
    TimeProvider clock, ConnectedAdultsHandler connectedAdults, FamilyAccessHandler family, CaseworkFlagsHandler casework)
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
        var summary = new PersonSummary
        {
            Id = person.Id,
            Kind = person.Kind,
            GivenName = person.GivenName,
            FamilyName = person.FamilyName,
            DateOfBirth = person.DateOfBirth,
            ExpectedDateOfBirth = person.ExpectedDateOfBirth,
            Age = person.AgeOn(today),
            Sex = person.Sex,
            Ethnicity = Ethnicity.Describe(person.EthnicityCode),
            NhsNumber = person.NhsNumber,
            Upn = person.Upn,
            FirstLanguage = person.FirstLanguage,
            InterpreterNeeded = person.InterpreterNeeded,
            OtherNames = person.OtherNames,
            Version = person.Version,
        };

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
        var chronology = await chronologies.ReadAsync(id, filter, today, cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.AreaId == person.AreaId).OrderBy(a => a.Name)
            .Select(a => new AgencyOption(a.Id, a.Name)).ToListAsync(cancellationToken);

        return new ChildPage
        {
            Person = summary,
            Alerts = alerts.Select(x => new AlertView
            {
                Id = x.a.Id,
                Category = x.a.Category,
                Risk = x.a.Risk,
                AtRisk = x.a.AtRisk,
                FromWhom = x.a.FromWhom,
                Source = x.a.Source,
                RaisedOn = x.a.RaisedOn,
                ReviewBy = x.a.ReviewBy,
                Description = x.a.Description,
                Owner = x.Owner,
                ReviewOverdue = x.a.IsReviewOverdue(today),
                Version = x.a.Version,
            }).ToList(),
            Team = team,
            LegalStatus = legal.FirstOrDefault(s => s.To is null),
            LegalHistory = legal,
            Diagnoses = diagnoses,
            Relationships = relationships,
            Addresses = addresses,
            Chronology = chronology,
            Agencies = agencies,
            // L26: health must be part of the picture; an open child with no GP involved is flagged.
            GpMissing = person.Kind == PersonKind.Child && team.Count > 0 && team.All(t => t.Role != InvolvementRole.GeneralPractitioner),
            OpenShares = await OpenSharesAsync(id, cancellationToken),
            LanguageNeeds = person.Kind == PersonKind.Child ? await LanguageNeedsAsync(person, today, cancellationToken) : [],
            MissingParentingAssessments = person.Kind == PersonKind.Child
                ? await casework.MissingParentingAssessmentsAsync(id, await AreaAssessmentCurrency.ForChildAsync(db, id, cancellationToken),
                    await access.VisiblePeopleAsync(cancellationToken), cancellationToken)
                : [],
        };
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
        return await chronologies.ReadAsync(id, filter, clock.Today(), cancellationToken);
    }

    /// <summary>
    /// The child's language needs and their carers' (<see cref="ConnectedAdultsHandler"/>). A carer whose record the viewer
    /// may not open is shown without their name, as the family page shows them: the need is there without identifying them.
    /// </summary>
    private async Task<List<LanguageNeed>> LanguageNeedsAsync(Person child, DateOnly today, CancellationToken cancellationToken)
    {
        var needs = new List<LanguageNeed>();
        if (ConnectedAdultsHandler.IsLanguageNeed(child.FirstLanguage, child.InterpreterNeeded))
        {
            needs.Add(new LanguageNeed(child.Id, child.FullName, PersonKind.Child, "The child", child.FirstLanguage, child.InterpreterNeeded));
        }

        // One query first: the adults related to the child or living with them today, with their language. Most children's
        // carers have no need to show, and then the page reads nothing more (the child page's p95 target is 10 ms).
        var id = child.Id;
        var households = db.Households.SelectMany(h => h.Members, (h, m) => new { h.Id, m.PersonId, m.JoinedOn, m.LeftOn })
            .Where(m => m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn >= today));
        var around = db.Relationships.Where(r => r.ToPersonId == id && (r.StartedOn == null || r.StartedOn <= today)
                && (r.EndedOn == null || r.EndedOn >= today)).Select(r => r.FromPersonId)
            .Union(db.Relationships.Where(r => r.FromPersonId == id && (r.StartedOn == null || r.StartedOn <= today)
                && (r.EndedOn == null || r.EndedOn >= today)).Select(r => r.ToPersonId))
            .Union(households.Where(m => households.Where(c => c.PersonId == id).Select(c => c.Id).Contains(m.Id)).Select(m => m.PersonId));
        var languages = await db.People.AsNoTracking()
            .Where(p => around.Contains(p.Id) && p.Kind == PersonKind.Adult)
            .Select(p => new { p.FirstLanguage, p.InterpreterNeeded })
            .ToListAsync(cancellationToken);
        if (!languages.Any(l => ConnectedAdultsHandler.IsLanguageNeed(l.FirstLanguage, l.InterpreterNeeded)))
        {
            return needs;
        }

        var carers = (await connectedAdults.OfChildrenAsync([child.Id], today, null, cancellationToken)).Where(c => c.IsCarer).ToList();
        var ids = carers.Select(c => c.AdultId).ToList();
        var adults = await db.People.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName, p.FirstLanguage, p.InterpreterNeeded })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var visible = await family.VisibleAmongAsync(ids, cancellationToken);
        foreach (var carer in carers)
        {
            var adult = adults[carer.AdultId];
            if (ConnectedAdultsHandler.IsLanguageNeed(adult.FirstLanguage, adult.InterpreterNeeded))
            {
                needs.Add(new LanguageNeed(adult.Id, visible.Contains(adult.Id) ? adult.Name : null, PersonKind.Adult, carer.Words,
                    adult.FirstLanguage, adult.InterpreterNeeded));
            }
        }

        return needs.OrderByDescending(n => n.InterpreterNeeded).ToList();
    }

    private async Task<List<OpenShareView>> OpenSharesAsync(PersonId id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.ShareChildren.AsNoTracking().Where(c => c.ChildId == id)
            .Join(db.Shares.Where(s => s.Status == ShareStatus.WithEmergencyDuty || s.Status == ShareStatus.Delivered
                                       || s.Status == ShareStatus.Received),
                c => c.ShareId, s => s.Id, (c, s) => s)
            .Join(db.Agencies, s => s.SentByAgency, a => a.Id,
                (s, a) => new { s.Id, s.Kind, s.Subject, s.Status, Agency = a.Name, s.ReceiptDueAt, s.ActionDueAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
            {
                var due = r.Status == ShareStatus.Received ? r.ActionDueAt : r.ReceiptDueAt;
                return new OpenShareView(r.Id, r.Kind, r.Subject, r.Status, r.Agency, due, now >= due);
            })
            .OrderBy(r => r.DueAt).ToList();
    }

    private async Task<List<TeamMemberView>> CurrentTeamAsync(PersonId id, DateOnly today, CancellationToken cancellationToken) =>
        (await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == id && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Join(db.Professionals, i => i.ProfessionalId, p => p.Id, (i, p) => new { i, p })
            .Join(db.Agencies, x => x.i.AgencyId, a => a.Id, (x, a) => new TeamMemberView
            {
                Id = x.i.Id,
                ProfessionalId = x.p.Id,
                Name = x.p.Name,
                JobTitle = x.p.JobTitle,
                Agency = a.Name,
                AgencyKind = a.Kind,
                Role = x.i.Role,
                IsLeadProfessional = x.i.IsLeadProfessional,
                Email = x.p.Email,
                Phone = x.p.Phone,
                StartedOn = x.i.StartedOn,
                Version = x.i.Version,
            })
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
}
