using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
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
    public required int Version { get; init; }
    public required bool MayWrite { get; init; }
    public VersionView? Current { get; init; }
    public VersionView? Draft { get; init; }
    public required IReadOnlyList<VersionSummary> Versions { get; init; }
    public required IReadOnlyList<CitedAssessmentView> Evidence { get; init; }
}

/// <summary>Reads one plan (L22, L23, L24, L25) for anyone who may open the child's record; every read is audited.</summary>
public sealed class ViewPlanHandler(CairnDbContext db, RecordAccessService access, PlanAccessHandler plans, AuditLog audit, TimeProvider clock)
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
            Version = plan.Version,
            MayWrite = plan.Status != PlanStatus.Ended && await plans.MayWriteAsync(child, decision, plan.Type, cancellationToken),
            Current = plan.Current is { } current ? View(current, live, names, today) : null,
            Draft = plan.Draft is { } draft ? View(draft, live, names, today) : null,
            Versions = plan.Versions.OrderByDescending(v => v.Number)
                .Select(v => new VersionSummary(v.Number, v.Status, v.MadeFrom, v.CreatedAt, v.AgreedOn, v.AgreedAt)).ToList(),
            Evidence = citations.OrderByDescending(c => c.Citation.CitedAt).Select(c => new CitedAssessmentView(c.Assessment.Id,
                c.Assessment.TypeName, c.Assessment.CompletedOn, c.Assessment.CurrentUntil(currency), c.Assessment.CurrencyOn(today, currency),
                c.Citation.OutOfDateWhenCited, c.Citation.Note, names[c.Citation.CitedBy].Name, c.Citation.CitedAt)).ToList(),
        };
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
