using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Infrastructure;

/// <summary>Assessments and plans written straight through the domain, for the pages and steps that read them (the map, the family's
/// summary, a placement referral's cited assessments, the placement planning meeting).</summary>
internal static class CaseworkTestData
{
    private static readonly WorkingCalendar Calendar = new(EnglandAndWales.BankHolidays);

    /// <summary>An authorised assessment completed at <paramref name="completedAt"/>, led by the social worker and authorised by the manager.</summary>
    public static async Task<AssessmentId> AuthorisedAssessmentAsync(this CairnFactory factory, PersonId child, AssessmentType type,
        DateTimeOffset completedAt, PersonId? subject = null, bool gpInvolved = true)
    {
        var worker = await factory.WithDbAsync(db => db.Professionals.SingleAsync(p => p.Email == Accounts.SocialWorker));
        var manager = await factory.ProfessionalOfAsync(Accounts.TeamManager);
        var start = new AssessmentStart
        {
            Type = type,
            Basis = type == AssessmentType.ChildAndFamily ? AssessmentBasis.Section17 : null,
            SubjectId = subject,
            SubjectIsParent = subject is not null,
            StartedOn = completedAt.InLondon().AddDays(-20),
            Lead = worker.Id,
            LeadAgency = worker.AgencyId,
        };
        var assessment = Assessment.Start(child, start, true, Calendar, worker.Id, completedAt.AddDays(-20)).Value!;
        Assert.Null(assessment.Update(new AssessmentSections
        {
            VoiceOfChild = "Said she likes school and misses her dad at weekends.",
            Health = "Up to date with immunisations; the GP has no concerns.",
            GpInvolved = gpInvolved,
            Findings = "Home conditions adequate; routines improving.",
            Analysis = "Needs are being met with support.",
            Recommendations = "Child in need plan for three months.",
        }, worker.Id, assessment.Version, completedAt.AddDays(-2)));
        Assert.Null(assessment.Submit(null, worker.Id, assessment.Version, completedAt.AddDays(-1)));
        Assert.Null(assessment.Authorise(null, manager, assessment.Version, completedAt));
        await factory.WithDbAsync(db =>
        {
            db.Assessments.Add(assessment);
            return db.SaveChangesAsync();
        });
        return assessment.Id;
    }

    /// <summary>A plan with one outcome and action (owned by <paramref name="ownerEmail"/>, due <paramref name="due"/>) and both views; agreed unless told not to.</summary>
    public static async Task<Plan> PlanAsync(this CairnFactory factory, PersonId child, PlanType type, string outcome, string action,
        string ownerEmail, DateOnly due, bool agree = true, ChildProtectionCategory? category = null, string childsView = "I want to stay at my school.",
        string familysView = "We agree with the plan.")
    {
        var owner = await factory.WithDbAsync(db => db.Professionals.SingleAsync(p => p.Email == ownerEmail));
        var lead = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var now = DateTimeOffset.UtcNow;
        var plan = Plan.Start(child, type, category, lead,
        [
            new PlanSectionDraft
            {
                Kind = PlanSectionKind.Outcome, Title = outcome, Text = "Why this matters for the child.",
                Actions = [new PlannedActionDraft { What = action, Owner = owner.Id, DueOn = due }],
            },
            new PlanSectionDraft { Kind = PlanSectionKind.ChildsView, Text = childsView },
            new PlanSectionDraft { Kind = PlanSectionKind.FamilysView, Text = familysView },
        ], p => p == owner.Id ? owner.AgencyId : null, lead, now.AddDays(-30)).Value!;
        if (agree)
        {
            Assert.Null(plan.Agree(now.InLondon().AddDays(-30), "Child in need meeting", lead, plan.Version, now));
        }

        await factory.WithDbAsync(async db =>
        {
            db.Plans.Add(plan);
            if (agree)
            {
                db.PlanActions.AddRange(PlanAction.Sync(plan, plan.Current!, [], Calendar, now));
            }

            return await db.SaveChangesAsync();
        });
        return plan;
    }

    /// <summary>Records that a plan rests on an assessment (with a note, which an out-of-date one needs).</summary>
    public static Task<int> CiteAsync(this CairnFactory factory, Plan plan, AssessmentId assessment, string? note) =>
        factory.WithDbAsync(async db =>
        {
            var cited = await db.Assessments.SingleAsync(a => a.Id == assessment);
            var citation = AssessmentCitation.Cite(cited, AssessmentCurrency.Default, CitedByKind.Plan, plan.Id.Value, note,
                plan.LeadId, DateTimeOffset.UtcNow);
            Assert.Null(citation.Refusal);
            db.AssessmentCitations.Add(citation.Value!);
            return await db.SaveChangesAsync();
        });
}
