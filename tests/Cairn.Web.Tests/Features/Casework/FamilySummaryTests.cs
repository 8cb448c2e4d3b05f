using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.People;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Casework;

/// <summary>The family's summary (L54): who is involved and what the plan says each will do, and nothing else.</summary>
public sealed class FamilySummaryTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Shows_who_will_do_what_by_when_and_leaks_no_other_persons_information_and_nothing_restricted()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = new PersonId(await api.CreateChildAsync());
        var sibling = new PersonId(await api.CreateChildAsync());
        var motherFamily = "Quarrie" + Guid.NewGuid().ToString("N")[..6];
        var mother = await factory.PersonAsync("Rowan", motherFamily, Today.AddYears(-31), PersonKind.Adult);
        var admin = await factory.ProfessionalOfAsync(Accounts.Administrator);
        await factory.WithDbAsync(db =>
        {
            db.Relationships.Add(Relationship.Record(mother, child, RelationshipType.Parent, null, null, null, admin, DateTimeOffset.UtcNow, Today)
                .Value!);
            db.Relationships.Add(Relationship.Record(mother, sibling, RelationshipType.Parent, null, null, null, admin, DateTimeOffset.UtcNow, Today)
                .Value!);
            return db.SaveChangesAsync();
        });
        await factory.PlanAsync(child, PlanType.ChildInNeed, "Goes to nursery every day", "Arrange a nursery place", Accounts.HealthVisitor,
            Today.AddDays(10), childsView: "I like the sand pit.", familysView: "We want help with mornings.");
        await factory.PlanAsync(child, PlanType.EarlyHelp, "Draft outcome never agreed", "Draft-only action", Accounts.SocialWorker,
            Today.AddDays(10), agree: false);
        await factory.PlanAsync(sibling, PlanType.ChildInNeed, "Sibling outcome about anger", "Sibling counselling referral",
            Accounts.SocialWorker, Today.AddDays(10));
        await factory.AuthorisedAssessmentAsync(child, AssessmentType.ParentingCapacity, DateTimeOffset.UtcNow.AddDays(-5), mother);
        await factory.AlertAsync(child, Accounts.SocialWorker, "Restricted risk detail about a visitor");

        var summary = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/family-summary");
        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child.Value}/family-summary");

        var plan = Assert.Single(summary.GetProperty("plans").EnumerateArray());
        var outcome = Assert.Single(plan.GetProperty("outcomes").EnumerateArray());
        Assert.Equal("Goes to nursery every day", outcome.GetProperty("title").GetString());
        var action = Assert.Single(outcome.GetProperty("actions").EnumerateArray());
        Assert.Equal("Arrange a nursery place", action.GetProperty("what").GetString());
        Assert.Equal("Nadia Hussain", action.GetProperty("who").GetString());
        Assert.Equal(Today.AddDays(10), DateOnly.Parse(action.GetProperty("by").GetString()!));
        Assert.Contains(summary.GetProperty("people").EnumerateArray(), p => p.GetProperty("name").GetString() == "Sam Okoro");
        foreach (var text in new[] { "Arrange a nursery place", "I like the sand pit.", "We want help with mornings.", "Nadia Hussain" })
        {
            Assert.Contains(text, page);
        }

        var json = summary.GetRawText();
        foreach (var leak in new[] { "Sibling outcome about anger", "Sibling counselling referral", motherFamily, "Rowan", "Parenting capacity",
                     "Draft outcome never agreed", "Draft-only action", "Restricted risk detail about a visitor" })
        {
            Assert.DoesNotContain(leak, json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(leak, page, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Is_read_only_by_those_who_may_open_the_record_and_each_read_is_audited()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();

        Assert.Equal(HttpStatusCode.NotFound,
            (await (await factory.ApiAsAsync(Accounts.Uninvolved)).GetAsync($"/api/v1/people/{child}/family-summary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await (await factory.SignedInAsAsync(Accounts.Uninvolved)).GetAsync($"/people/{child}/family-summary")).StatusCode);
        var empty = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child}/family-summary");

        Assert.Empty(empty.GetProperty("plans").EnumerateArray());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.PersonId == child && a.Action == "casework.family-summary.view")));
    }
}
