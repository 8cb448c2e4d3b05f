using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Meetings;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Plans.ViewPlan;

/// <summary>One action as the plan shows it: the live row's status and overdue flag where the action is in force (L23).</summary>
public sealed record ActionView(Guid Key, PlanActionId? ActionId, string What, ProfessionalId OwnerId, string Owner, string Agency, DateOnly DueOn,
    PlanActionStatus Status, bool Overdue, string? Note, int? ActionVersion);

/// <summary>One section and where it stands in its version (L24): "Not reviewed — carried over from …" and the like.</summary>
public sealed record SectionView(Guid Key, PlanSectionKind Kind, string Title, string Text, SectionReview Review, string ReviewState,
    IReadOnlyList<ActionView> Actions)
{
    public bool NeedsReview => Review == SectionReview.NotReviewed;
}

public sealed record VersionView(int Number, PlanVersionStatus Status, string? MadeFrom, string CreatedBy, DateTimeOffset CreatedAt,
    DateOnly? AgreedOn, string? AgreedAt, string? AgreedBy, IReadOnlyList<SectionView> Sections)
{
    public int NotReviewed => Sections.Count(s => s.NeedsReview);
}

public sealed record VersionSummary(int Number, PlanVersionStatus Status, string? MadeFrom, DateTimeOffset CreatedAt, DateOnly? AgreedOn,
    string? AgreedAt);

/// <summary>An assessment the plan rests on (L25, L27), with its currency today; an out-of-date one is flagged.</summary>
public sealed record CitedAssessmentView(AssessmentId AssessmentId, string Assessment, DateOnly? CompletedOn, DateOnly? CurrentUntil,
    AssessmentCurrencyState Currency, bool OutOfDateWhenCited, string? Note, string CitedBy, DateTimeOffset CitedAt)
{
    public bool OutOfDate => Currency == AssessmentCurrencyState.OutOfDate;
}

/// <summary>A plan: the version in force, the draft, every version, what it rests on and whether the viewer may change it.</summary>
public sealed record PlanDetails
{
    public required PlanId Id { get; init; }
    public required PersonId ChildId { get; init; }
    public required PlanType Type { get; init; }
    public required string TypeName { get; init; }
    public ChildProtectionCategory? Category { get; init; }
    public required PlanStatus Status { get; init; }
    public required ProfessionalOption Lead { get; init; }
    public DateOnly? StartedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public string? EndReason { get; init; }
    public PlanId? MadeFromPlanId { get; init; }
    /// <summary>For an early help plan: the early help episode it belongs to.</summary>
    public EarlyHelpEpisodeId? EpisodeId { get; init; }
    public required int Version { get; init; }
    public required bool MayWrite { get; init; }
    public VersionView? Current { get; init; }
    public VersionView? Draft { get; init; }
    public required IReadOnlyList<VersionSummary> Versions { get; init; }
    public required IReadOnlyList<CitedAssessmentView> Evidence { get; init; }
    public required PlanHealth Health { get; init; }

    /// <summary>
    /// The outcomes of this plan's version in force that the child's last two minuted meetings did not review (L22): the long
    /// view kept while crises crowd the meetings. Empty when there is none, or the plan is not the one those meetings review.
    /// </summary>
    public IReadOnlyList<UnreviewedOutcome> UnreviewedOutcomes { get; init; } = [];
}

/// <summary>
/// Health in the plan (L26): the child's GP and other health professionals in the team around the child today, and whether any
/// action in the version shown is owned by someone in a health agency. A missing GP, or a plan with no health-owned action, is flagged.
/// </summary>
public sealed record PlanHealth(IReadOnlyList<string> Gps, IReadOnlyList<string> OtherHealth, bool HealthOwnsAnAction)
{
    public static readonly AgencyKind[] HealthAgencies =
        [AgencyKind.GeneralPractice, AgencyKind.HealthVisiting, AgencyKind.Midwifery, AgencyKind.Hospital, AgencyKind.Camhs];

    public bool NoGp => Gps.Count == 0;
}

/// <summary>Reads one plan (L22, L23, L24, L25) for anyone who may open the child's record; every read is audited.</summary>
public sealed class ViewPlanHandler(CairnDbContext db, RecordAccessService access, PlanAccessHandler plans, AuditLog audit, TimeProvider clock,
    MeetingAccessHandler meetings)
{
    /// <returns>Null when the plan does not exist or the viewer may not see the child's record.</returns>
    public async Task<PlanDetails?> HandleAsync(PlanId id, CancellationToken cancellationToken)
    {
        if (await plans.ChildOfAsync(id, cancellationToken) is not { } child)
        {
            return null;
        }

        var decision = await access.OpenAsync(child, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("plan.view", child, decision.Reason.ToString(), cancellationToken);
        var plan = await db.Plans.AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.Id == id, cancellationToken);
        var live = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == id).ToDictionaryAsync(a => a.Key, cancellationToken);
        var citations = await db.AssessmentCitations.AsNoTracking()
            .Where(c => c.CitedByKind == CitedByKind.Plan && c.CitedById == id.Value)
            .Join(db.Assessments, c => c.AssessmentId, a => a.Id, (c, a) => new { Citation = c, Assessment = a })
            .ToListAsync(cancellationToken);
        var people = plan.Versions.SelectMany(v => v.Sections.SelectMany(s => s.Actions.Select(a => (ProfessionalId?)a.Owner)
                .Append(s.ReviewedBy)).Append(v.CreatedBy).Append(v.AgreedBy))
            .Append(plan.LeadId).Concat(citations.Select(c => (ProfessionalId?)c.Citation.CitedBy))
            .OfType<ProfessionalId>().Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id))
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new ProfessionalOption(p.Id, p.Name, p.JobTitle, a.Name))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var today = clock.Today();
        var currency = await AreaAssessmentCurrency.ForChildAsync(db, child, cancellationToken);
        var health = await HealthAsync(child, (plan.Draft ?? plan.Current)?.Actions.Select(a => a.OwnerAgency).ToList() ?? [], today,
            cancellationToken);

        return new PlanDetails
        {
            Id = plan.Id,
            ChildId = plan.ChildId,
            Type = plan.Type,
            TypeName = plan.TypeName,
            Category = plan.Category,
            Status = plan.Status,
            Lead = names[plan.LeadId],
            StartedOn = plan.StartedOn,
            EndedOn = plan.EndedOn,
            EndReason = plan.EndReason,
            MadeFromPlanId = plan.MadeFromPlanId,
            EpisodeId = plan.EpisodeId,
            Version = plan.Version,
            MayWrite = plan.Status != PlanStatus.Ended && await plans.MayWriteAsync(child, decision, plan.Type, cancellationToken),
            Current = plan.Current is { } current ? View(current, live, names, today) : null,
            Draft = plan.Draft is { } draft ? View(draft, live, names, today) : null,
            Versions = plan.Versions.OrderByDescending(v => v.Number)
                .Select(v => new VersionSummary(v.Number, v.Status, v.MadeFrom, v.CreatedAt, v.AgreedOn, v.AgreedAt)).ToList(),
            Evidence = citations.OrderByDescending(c => c.Citation.CitedAt).Select(c => new CitedAssessmentView(c.Assessment.Id,
                c.Assessment.TypeName, c.Assessment.CompletedOn, c.Assessment.CurrentUntil(currency), c.Assessment.CurrencyOn(today, currency),
                c.Citation.OutOfDateWhenCited, c.Citation.Note, names[c.Citation.CitedBy].Name, c.Citation.CitedAt)).ToList(),
            Health = health,
            UnreviewedOutcomes = await UnreviewedOutcomesAsync(plan, cancellationToken),
        };
    }

    /// <summary>The child's outcomes not reviewed at two meetings in a row (L22) that are outcomes of this plan's version in force.</summary>
    private async Task<IReadOnlyList<UnreviewedOutcome>> UnreviewedOutcomesAsync(Plan plan, CancellationToken cancellationToken)
    {
        var outcomes = MeetingAccessHandler.OutcomesOf(plan).Select(o => o.Key).ToHashSet();
        if (plan.Status == PlanStatus.Ended || outcomes.Count == 0)
        {
            return [];
        }

        return (await meetings.UnreviewedOutcomesAsync(plan.ChildId, cancellationToken)).Where(o => outcomes.Contains(o.SectionKey)).ToList();
    }

    private async Task<PlanHealth> HealthAsync(PersonId child, List<AgencyId> owners, DateOnly today, CancellationToken cancellationToken)
    {
        var team = await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == child && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Join(db.Agencies, i => i.AgencyId, a => a.Id, (i, a) => new { i.ProfessionalId, i.Role, a.Kind })
            .Where(x => x.Role == InvolvementRole.GeneralPractitioner || PlanHealth.HealthAgencies.Contains(x.Kind))
            .Join(db.Professionals, x => x.ProfessionalId, p => p.Id, (x, p) => new { x.Role, x.Kind, p.Name })
            .ToListAsync(cancellationToken);
        var healthOwner = owners.Count > 0 && await db.Agencies.AnyAsync(a => owners.Contains(a.Id) && PlanHealth.HealthAgencies.Contains(a.Kind),
            cancellationToken);
        static bool IsGp(InvolvementRole role, AgencyKind kind) => role == InvolvementRole.GeneralPractitioner || kind == AgencyKind.GeneralPractice;
        return new PlanHealth(team.Where(t => IsGp(t.Role, t.Kind)).Select(t => t.Name).Distinct().Order(StringComparer.Ordinal).ToList(),
            team.Where(t => !IsGp(t.Role, t.Kind)).Select(t => t.Name).Distinct().Order(StringComparer.Ordinal).ToList(), healthOwner);
    }

    private static VersionView View(PlanVersion v, Dictionary<Guid, PlanAction> live, Dictionary<ProfessionalId, ProfessionalOption> names,
        DateOnly today)
    {
        string Name(ProfessionalId? p) => p is { } x && names.TryGetValue(x, out var n) ? n.Name : "someone";
        var isLive = v.Status == PlanVersionStatus.Agreed;
        return new VersionView(v.Number, v.Status, v.MadeFrom, Name(v.CreatedBy), v.CreatedAt, v.AgreedOn, v.AgreedAt,
            v.AgreedBy is null ? null : Name(v.AgreedBy),
            v.Sections.Select(s => new SectionView(s.Key, s.Kind, s.Title, s.Text, s.Review, ReviewState(s, Name), s.Actions.Select(a =>
            {
                var row = isLive && live.TryGetValue(a.Key, out var r) && r.InForce ? r : null;
                var owner = names.GetValueOrDefault(a.Owner);
                return new ActionView(a.Key, row?.Id, a.What, a.Owner, owner?.Name ?? "someone", owner?.Agency ?? "", a.DueOn,
                    row?.Status ?? a.Status, row?.IsOverdue(today) ?? false, row?.Note, row?.Version);
            }).ToList())).ToList());
    }

    /// <summary>Where a section stands, in words (L24).</summary>
    public static string ReviewState(PlanSection s, Func<ProfessionalId?, string> name) => s.Review switch
    {
        SectionReview.NotReviewed => $"Not reviewed — carried over from {s.CarriedFrom}",
        SectionReview.ConfirmedUnchanged =>
            $"Confirmed unchanged by {name(s.ReviewedBy)} on {(s.ReviewedAt is { } at ? Display.Date(at) : "")}",
        SectionReview.Changed => $"Changed since {s.CarriedFrom}",
        _ => "Written in this version",
    };
}
