using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Casework.FamilySummary;

/// <summary>A professional working with the child, as the family sees them: who, what they do, how to reach them.</summary>
public sealed record FamilyContact(string Name, string Role, string Agency, string? Phone, string Email, bool IsLead);

/// <summary>One thing a plan says someone will do, in plain words.</summary>
public sealed record FamilyAction(string What, string Who, string Agency, DateOnly By, string Status);

public sealed record FamilyOutcome(string Title, string Text, IReadOnlyList<FamilyAction> Actions);

/// <summary>A plan in force, as the family sees it: what it is for, who will do what by when, and what the child and family said.</summary>
public sealed record FamilyPlan(string Type, string? Category, DateOnly AgreedOn, string AgreedAt, IReadOnlyList<FamilyOutcome> Outcomes,
    string? ChildsView, string? FamilysView, string? Contingency);

/// <summary>A decision about the child the family should know: what was decided and when.</summary>
public sealed record FamilyDecision(DateOnly On, string What);

/// <summary>
/// The family's view of the child's plans (L54): plain English, printable, only about this child — who is involved, what each
/// plan says each person will do and by when, and what was decided. Nothing restricted and nothing about anyone else: no
/// chronology, no concerns, no other child, no adult's record, no assessment of a parent.
/// </summary>
public sealed record FamilySummaryView(PersonId ChildId, string ChildName, DateOnly Today, IReadOnlyList<FamilyContact> People,
    IReadOnlyList<FamilyPlan> Plans, IReadOnlyList<FamilyDecision> Decisions);

/// <summary>Reads the family's summary for anyone who may open the child's record; every read is audited.</summary>
public sealed class FamilySummaryHandler(CairnDbContext db, RecordAccessService access, AuditLog audit, TimeProvider clock)
{
    public async Task<FamilySummaryView?> HandleAsync(PersonId childId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        var child = await db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => new { p.GivenName, p.FamilyName })
            .SingleAsync(cancellationToken);
        await audit.RecordReadAsync("casework.family-summary.view", childId, decision.Reason.ToString(), cancellationToken);
        var today = clock.Today();
        var team = await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == childId && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Join(db.Professionals.Where(p => p.IsActive), i => i.ProfessionalId, p => p.Id, (i, p) => new { i, p })
            .Join(db.Agencies, x => x.p.AgencyId, a => a.Id, (x, a) => new
            {
                x.i.Role,
                x.i.IsLeadProfessional,
                x.p.Name,
                x.p.JobTitle,
                x.p.Phone,
                x.p.Email,
                Agency = a.Name
            })
            .ToListAsync(cancellationToken);

        var plans = await db.Plans.AsNoTracking().Include(p => p.Versions)
            .Where(p => p.ChildId == childId && p.Status == PlanStatus.Agreed).ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var live = await db.PlanActions.AsNoTracking().Where(a => planIds.Contains(a.PlanId) && a.InForce)
            .ToDictionaryAsync(a => (a.PlanId, a.Key), cancellationToken);
        var owners = plans.SelectMany(p => p.Current?.Actions ?? []).Select(a => a.Owner).Distinct().ToList();
        var ownerNames = await db.Professionals.AsNoTracking().Where(p => owners.Contains(p.Id))
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.Name, Agency = a.Name })
            .ToDictionaryAsync(p => p.Id, cancellationToken);

        var enquiries = await db.Section47Enquiries.AsNoTracking()
            .Where(e => e.ChildId == childId && e.Status == Section47Status.Completed).ToListAsync(cancellationToken);
        var decisions = enquiries.Where(e => e.OutcomeOn is not null)
            .Select(e => new FamilyDecision(e.OutcomeOn!.Value, Plain(e.Outcome!.Value)))
            .Concat(plans.Where(p => p.StartedOn is not null)
                .Select(p => new FamilyDecision(p.StartedOn!.Value, $"A {p.TypeName.ToLowerInvariant()} was agreed.")))
            .OrderByDescending(d => d.On).ToList();

        return new FamilySummaryView(childId, child.GivenName, today,
            team.OrderByDescending(t => t.IsLeadProfessional).ThenBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => new FamilyContact(t.Name, t.JobTitle, t.Agency, t.Phone, t.Email, t.IsLeadProfessional)).ToList(),
            plans.Where(p => p.Current is not null).Select(p => ToFamily(p, p.Current!, live, ownerNames.ToDictionary(o => o.Key,
                o => (o.Value.Name, o.Value.Agency)), today)).ToList(),
            decisions);
    }

    private static FamilyPlan ToFamily(Plan plan, PlanVersion version, Dictionary<(PlanId, Guid), PlanAction> live,
        Dictionary<ProfessionalId, (string Name, string Agency)> owners, DateOnly today)
    {
        string? Text(PlanSectionKind kind) => version.Sections.FirstOrDefault(s => s.Kind == kind)?.Text;
        return new FamilyPlan(plan.TypeName, plan.Category is { } c ? Display.Text(c) : null, version.AgreedOn!.Value, version.AgreedAt ?? "",
            version.Sections.Where(s => s.Kind == PlanSectionKind.Outcome).Select(s => new FamilyOutcome(s.Title, s.Text,
                s.Actions.Select(a =>
                {
                    var now = live.GetValueOrDefault((plan.Id, a.Key));
                    var owner = owners.GetValueOrDefault(a.Owner);
                    return new FamilyAction(now?.What ?? a.What, owner.Name ?? "", owner.Agency ?? "", now?.DueOn ?? a.DueOn,
                        Plain(now?.Status ?? a.Status, now?.DueOn ?? a.DueOn, today));
                }).ToList())).ToList(),
            Text(PlanSectionKind.ChildsView), Text(PlanSectionKind.FamilysView), Text(PlanSectionKind.Contingency));
    }

    private static string Plain(PlanActionStatus status, DateOnly due, DateOnly today) => status switch
    {
        PlanActionStatus.Done => "Done",
        PlanActionStatus.NoLongerNeeded => "No longer needed",
        _ when due < today => "Late",
        PlanActionStatus.InProgress => "Started",
        _ => "Not started yet",
    };

    private static string Plain(Section47Outcome outcome) => outcome switch
    {
        Section47Outcome.NotSubstantiated => "Social care looked into the worries about your child and found they were not borne out.",
        Section47Outcome.SubstantiatedNotAtContinuingRisk =>
            "Social care looked into the worries about your child, found they were borne out, and agreed your child is not at continuing risk.",
        _ => "Social care looked into the worries about your child and decided a child protection conference is needed to plan together.",
    };
}
