using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Casework.ViewMap;

/// <summary>One assessment on the map: its dates, who leads it, where it stands and whether it can be relied on today (L25).</summary>
public sealed record MapAssessment
{
    public required AssessmentId Id { get; init; }
    public required string Type { get; init; }
    public required AssessmentType Kind { get; init; }
    public required string Lead { get; init; }
    public required string Agency { get; init; }
    public required DateOnly StartedOn { get; init; }
    public DateOnly? DueOn { get; init; }
    public required AssessmentStatus Status { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public DateOnly? CurrentUntil { get; init; }
    public required AssessmentCurrencyState Currency { get; init; }
    public required bool Overdue { get; init; }
    public required bool NoGpInvolvement { get; init; }
    /// <summary>For a parenting capacity assessment: the parent or carer assessed; null when the viewer may not open their record.</summary>
    public string? Subject { get; init; }
    public Section47EnquiryId? EnquiryId { get; init; }
}

/// <summary>One plan on the map: its type, where it stands, the version in force and any revision being drafted.</summary>
public sealed record MapPlan
{
    public required PlanId Id { get; init; }
    public required string Type { get; init; }
    public required PlanStatus Status { get; init; }
    public required string Lead { get; init; }
    public DateOnly? StartedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public int? CurrentVersion { get; init; }
    public DateOnly? AgreedOn { get; init; }
    public int? DraftVersion { get; init; }
    /// <summary>Sections of the draft carried over and not yet reviewed (L24).</summary>
    public required int SectionsNotReviewed { get; init; }
    public required int OverdueActions { get; init; }
    public PlanId? MadeFromPlanId { get; init; }
    /// <summary>For an early help plan: the early help episode it belongs to.</summary>
    public EarlyHelpEpisodeId? EpisodeId { get; init; }
}

/// <summary>A section 47 enquiry on the map.</summary>
public sealed record MapEnquiry(Section47EnquiryId Id, DateOnly StartedOn, Section47Status Status, Section47Outcome? Outcome, string Lead);

/// <summary>
/// What rests on what (L27): a plan, a referral or an assessment citing an assessment, and whether it was out of date then and
/// is now.
/// </summary>
public sealed record MapDependency(CitedByKind Kind, Guid CitedById, AssessmentId AssessmentId, bool OutOfDateWhenCited, bool OutOfDateNow,
    string? Note, DateTimeOffset CitedAt);

/// <summary>The plans-and-assessments map of one child (L27): everything by every agency, and what stands out.</summary>
public sealed record CaseworkMap
{
    public required PersonId ChildId { get; init; }
    public required DateOnly Today { get; init; }
    public required IReadOnlyList<MapAssessment> Assessments { get; init; }
    public required IReadOnlyList<MapPlan> Plans { get; init; }
    public required IReadOnlyList<MapEnquiry> Enquiries { get; init; }
    public required IReadOnlyList<MapDependency> Dependencies { get; init; }
    public required IReadOnlyList<MissingParentingAssessment> MissingParentingAssessments { get; init; }

    /// <summary>Out-of-date assessments that something in force still rests on.</summary>
    public IEnumerable<MapDependency> ReliedOnOutOfDate => Dependencies.Where(d => d.OutOfDateNow);
}

/// <summary>
/// Reads the plans-and-assessments map of a child (L25, L27, L32) for anyone who may open the child's record; the read is
/// audited. Built from a fixed handful of indexed queries by child, whatever the number of plans and assessments.
/// </summary>
public sealed class ViewMapHandler(CairnDbContext db, RecordAccessService access, CaseworkFlagsHandler flags, AuditLog audit, TimeProvider clock)
{
    /// <returns>Null when the person does not exist or the viewer may not open their record.</returns>
    public async Task<CaseworkMap?> HandleAsync(PersonId childId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("casework.map.view", childId, decision.Reason.ToString(), cancellationToken);
        var today = clock.Today();
        var currency = await AreaAssessmentCurrency.ForChildAsync(db, childId, cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.ChildId == childId).ToListAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().Where(p => p.ChildId == childId).ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var versions = await db.PlanVersions.AsNoTracking().Where(v => planIds.Contains(v.PlanId))
            .Select(v => new { v.PlanId, v.Number, v.Status, v.AgreedOn }).ToListAsync(cancellationToken);
        var drafts = await db.PlanVersions.AsNoTracking().Where(v => planIds.Contains(v.PlanId) && v.Status == PlanVersionStatus.Draft)
            .ToListAsync(cancellationToken);
        var overdueActions = await db.PlanActions.AsNoTracking()
            .Where(a => a.ChildId == childId && a.InForce && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress)
                        && a.DueOn < today)
            .GroupBy(a => a.PlanId).Select(g => new { PlanId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.PlanId, x => x.Count, cancellationToken);
        var enquiries = await db.Section47Enquiries.AsNoTracking().Where(e => e.ChildId == childId).ToListAsync(cancellationToken);
        var citations = await db.AssessmentCitations.AsNoTracking().Where(c => c.ChildId == childId).ToListAsync(cancellationToken);

        var leads = assessments.Select(a => a.LeadId).Concat(plans.Select(p => p.LeadId)).Concat(enquiries.Select(e => e.LeadSocialWorkerId))
            .Distinct().ToList();
        var people = await db.Professionals.AsNoTracking().Where(p => leads.Contains(p.Id))
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.Name, Agency = a.Name })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var agencies = assessments.Select(a => a.LeadAgencyId).Distinct().ToList();
        var agencyNames = await db.Agencies.AsNoTracking().Where(a => agencies.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name,
            cancellationToken);
        var visible = await access.VisiblePeopleAsync(cancellationToken);
        var subjects = assessments.Where(a => a.SubjectId is not null).Select(a => a.SubjectId!.Value).Distinct().ToList();
        var subjectNames = await db.People.AsNoTracking().Where(p => subjects.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var byId = assessments.ToDictionary(a => a.Id);

        return new CaseworkMap
        {
            ChildId = childId,
            Today = today,
            Assessments = assessments.OrderByDescending(a => a.StartedOn).Select(a => new MapAssessment
            {
                Id = a.Id,
                Type = a.TypeName,
                Kind = a.Type,
                Lead = people.GetValueOrDefault(a.LeadId)?.Name ?? "",
                Agency = agencyNames.GetValueOrDefault(a.LeadAgencyId) ?? "",
                StartedOn = a.StartedOn,
                DueOn = a.DueOn,
                Status = a.Status,
                CompletedOn = a.CompletedOn,
                CurrentUntil = a.CurrentUntil(currency),
                Currency = a.CurrencyOn(today, currency),
                Overdue = a.IsOverdue(today),
                NoGpInvolvement = a.NoGpInvolvement,
                Subject = a.SubjectId is { } s && (visible is null || visible.Contains(s)) ? subjectNames.GetValueOrDefault(s) : null,
                EnquiryId = a.EnquiryId,
            }).ToList(),
            Plans = plans.OrderBy(p => p.Status == PlanStatus.Ended).ThenByDescending(p => p.CreatedAt).Select(p =>
            {
                var current = versions.Where(v => v.PlanId == p.Id && v.Status == PlanVersionStatus.Agreed).MaxBy(v => v.Number);
                var draft = drafts.FirstOrDefault(d => d.PlanId == p.Id);
                return new MapPlan
                {
                    Id = p.Id,
                    Type = p.TypeName,
                    Status = p.Status,
                    Lead = people.GetValueOrDefault(p.LeadId)?.Name ?? "",
                    StartedOn = p.StartedOn,
                    EndedOn = p.EndedOn,
                    CurrentVersion = current?.Number,
                    AgreedOn = current?.AgreedOn,
                    DraftVersion = draft?.Number,
                    SectionsNotReviewed = draft?.Sections.Count(s => s.NeedsReview) ?? 0,
                    OverdueActions = overdueActions.GetValueOrDefault(p.Id),
                    MadeFromPlanId = p.MadeFromPlanId,
                    EpisodeId = p.EpisodeId,
                };
            }).ToList(),
            Enquiries = enquiries.OrderByDescending(e => e.StartedOn)
                .Select(e => new MapEnquiry(e.Id, e.StartedOn, e.Status, e.Outcome, people.GetValueOrDefault(e.LeadSocialWorkerId)?.Name ?? ""))
                .ToList(),
            Dependencies = citations.Where(c => byId.ContainsKey(c.AssessmentId)).OrderBy(c => c.CitedAt)
                .Select(c => new MapDependency(c.CitedByKind, c.CitedById, c.AssessmentId, c.OutOfDateWhenCited,
                    byId[c.AssessmentId].CurrencyOn(today, currency) == AssessmentCurrencyState.OutOfDate, c.Note, c.CitedAt))
                .ToList(),
            MissingParentingAssessments = await flags.MissingParentingAssessmentsAsync(childId, currency, visible, cancellationToken),
        };
    }
}
