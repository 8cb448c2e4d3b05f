using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.People;
using Cairn.Domain.Time;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Casework;

/// <summary>The plans-and-assessments map (L25, L27, L32): everything about a child in one place, and what stands out.</summary>
public sealed class PlansAndAssessmentsMapTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task An_assessment_past_its_currency_is_flagged_on_the_map_and_on_the_plan_that_rests_on_it()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = new PersonId(await api.CreateChildAsync());
        var completedAt = DateTimeOffset.UtcNow.AddMonths(-14);
        var old = await factory.AuthorisedAssessmentAsync(child, AssessmentType.ChildAndFamily, completedAt);
        var fresh = await factory.AuthorisedAssessmentAsync(child, AssessmentType.Risk, DateTimeOffset.UtcNow.AddDays(-10));
        var plan = await factory.PlanAsync(child, PlanType.ChildInNeed, "Goes to school every day", "Walk to school with mum", Accounts.SocialWorker,
            Today.AddDays(20));
        await factory.CiteAsync(plan, old, "Still the best picture of the family's routines; a new assessment is booked.");
        await factory.CiteAsync(plan, fresh, null);

        var map = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/plans-and-assessments");

        var assessments = map.GetProperty("assessments").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetGuid());
        Assert.Equal("OutOfDate", assessments[old.Value].GetProperty("currency").GetString());
        Assert.Equal(completedAt.InLondon().AddMonths(12), DateOnly.Parse(assessments[old.Value].GetProperty("currentUntil").GetString()!));
        Assert.Equal("Current", assessments[fresh.Value].GetProperty("currency").GetString());
        var dependencies = map.GetProperty("dependencies").EnumerateArray().ToList();
        Assert.Equal(2, dependencies.Count);
        var onOld = dependencies.Single(d => d.GetProperty("assessmentId").GetGuid() == old.Value);
        Assert.True(onOld.GetProperty("outOfDateNow").GetBoolean());
        Assert.True(onOld.GetProperty("outOfDateWhenCited").GetBoolean());
        Assert.Equal(plan.Id.Value, onOld.GetProperty("citedById").GetGuid());
        Assert.False(dependencies.Single(d => d.GetProperty("assessmentId").GetGuid() == fresh.Value).GetProperty("outOfDateNow").GetBoolean());
        var onMap = Assert.Single(map.GetProperty("plans").EnumerateArray());
        Assert.Equal("Agreed", onMap.GetProperty("status").GetString());
        Assert.Equal(1, onMap.GetProperty("currentVersion").GetInt32());

        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child.Value}/plans-and-assessments");
        Assert.Contains("1 assessment is out of date", page);
        Assert.Contains("A plan or referral rests on an out-of-date assessment", page);
        Assert.Contains("Out of date now", page);
        Assert.Contains($"/plans/{plan.Id.Value}", page);
    }

    [Fact]
    public async Task An_overdue_action_and_an_unreviewed_revision_stand_out_on_the_plan_row()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = new PersonId(await api.CreateChildAsync());
        var plan = await factory.PlanAsync(child, PlanType.ChildInNeed, "Is seen by the dentist", "Book a dental appointment",
            Accounts.HealthVisitor, Today.AddDays(-3));
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Plans.Include(p => p.Versions).SingleAsync(p => p.Id == plan.Id);
            Assert.Null(stored.Revise(_ => null, stored.LeadId, stored.Version, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

        var row = Assert.Single((await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/plans-and-assessments"))
            .GetProperty("plans").EnumerateArray());

        Assert.Equal(1, row.GetProperty("overdueActions").GetInt32());
        Assert.Equal(2, row.GetProperty("draftVersion").GetInt32());
        Assert.Equal(3, row.GetProperty("sectionsNotReviewed").GetInt32());
    }

    [Fact]
    public async Task A_parent_in_the_household_without_a_current_parenting_capacity_assessment_shows_as_missing_under_a_protection_plan()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = new PersonId(await api.CreateChildAsync());
        var mother = await factory.PersonAsync("Dana", "Marsh" + Guid.NewGuid().ToString("N")[..6], Today.AddYears(-30), PersonKind.Adult);
        var father = await factory.PersonAsync("Lee", "Marsh" + Guid.NewGuid().ToString("N")[..6], Today.AddYears(-33), PersonKind.Adult);
        var admin = await factory.ProfessionalOfAsync(Accounts.Administrator);
        await factory.WithDbAsync(db =>
        {
            foreach (var parent in new[] { mother, father })
            {
                db.Relationships.Add(Relationship.Record(parent, child, RelationshipType.Parent, null, null, null, admin, DateTimeOffset.UtcNow,
                    Today).Value!);
            }

            return db.SaveChangesAsync();
        });
        // The father's parenting capacity was assessed last month; the mother's two years ago (out of date).
        await factory.AuthorisedAssessmentAsync(child, AssessmentType.ParentingCapacity, DateTimeOffset.UtcNow.AddMonths(-1), father);
        await factory.AuthorisedAssessmentAsync(child, AssessmentType.ParentingCapacity, DateTimeOffset.UtcNow.AddMonths(-23), mother);

        var before = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/plans-and-assessments");
        Assert.Empty(before.GetProperty("missingParentingAssessments").EnumerateArray());
        Assert.DoesNotContain("parenting-capacity-missing",
            await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child.Value}"));

        var plan = await factory.PlanAsync(child, PlanType.ChildProtection, "Is safe at home", "Weekly home visits", Accounts.SocialWorker,
            Today.AddDays(14), agree: false, category: ChildProtectionCategory.Neglect);
        var after = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/plans-and-assessments");

        var missing = Assert.Single(after.GetProperty("missingParentingAssessments").EnumerateArray());
        Assert.Equal(mother.Value, missing.GetProperty("adultId").GetGuid());
        Assert.Equal("Parent", missing.GetProperty("relationship").GetString());
        var childPage = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child.Value}");
        Assert.Contains("No current parenting capacity assessment", childPage);
        Assert.Contains("parenting-capacity-missing", childPage);
        var planPage = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/plans/{plan.Id.Value}");
        Assert.Contains("No current parenting capacity assessment of", planPage);
    }

    [Fact]
    public async Task Only_those_who_may_open_the_record_see_the_map_and_every_look_is_audited()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();

        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/people/{child}/plans-and-assessments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await (await factory.SignedInAsAsync(Accounts.Uninvolved)).GetAsync($"/people/{child}/plans-and-assessments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/people/{child}/plans-and-assessments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/people/{Guid.NewGuid()}/plans-and-assessments")).StatusCode);

        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.PersonId == child)
            .Select(a => new { a.Action, a.Outcome }).ToListAsync());
        Assert.Contains(actions, a => a.Action == "casework.map.view" && a.Outcome == "allowed");
        Assert.Contains(actions, a => a.Action == "record.open" && a.Outcome == "refused");
    }
}
