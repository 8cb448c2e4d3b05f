using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Data;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cairn.Web.Tests.Features.EarlyHelp;

/// <summary>An early help episode's plan is an early help plan (outcomes, actions with owners and due dates, views), not free text.</summary>
public sealed class EarlyHelpPlanTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static object AnEpisode(ProfessionalId lead, string? planSummary = null) => new
    {
        startedOn = Today.AddDays(-20),
        leadProfessionalId = lead.Value,
        consentGivenBy = "Mother",
        consentGivenOn = Today.AddDays(-21),
        consentMethod = "Written",
        planSummary,
    };

    private async Task<(HttpClient Api, Guid Child, Guid Episode)> OpenEpisodeAsync()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var started = await api.PostAsJsonAsync($"/api/v1/people/{child}/early-help", AnEpisode(await factory.ProfessionalOfAsync(Accounts.SocialWorker)));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (api, child, (await started.JsonAsync()).GetProperty("id").GetGuid());
    }

    private async Task<HttpResponseMessage> StartPlanAsync(HttpClient api, Guid child, Guid? episodeId, string type = "EarlyHelp")
    {
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        return await api.PostAsJsonAsync($"/api/v1/people/{child}/plans", new
        {
            type,
            leadId = sam.Value,
            episodeId,
            sections = new object[]
            {
                new
                {
                    kind = "Outcome", title = "Mornings are calm and Sam gets to school on time", text = "Late most days this term.",
                    actions = new object[] { new { what = "Parenting course, mornings module", owner = sam.Value, dueOn = Today.AddDays(30) } },
                },
                new { kind = "ChildsView", text = "I want to get to school before the bell." },
                new { kind = "FamilysView", text = "Mum wants help with the morning routine." },
            },
        });
    }

    [Fact]
    public async Task A_plan_summary_is_refused_with_a_pointer_to_the_plan_and_nothing_is_saved()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/early-help",
            AnEpisode(await factory.ProfessionalOfAsync(Accounts.SocialWorker), "Support with routines"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("planSummary")[0].GetString();
        Assert.Contains("early help plan from the episode page", message, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.EarlyHelpEpisodes.AnyAsync(e => e.ChildId == new PersonId(child))));
    }

    [Fact]
    public async Task The_episodes_plan_is_started_from_it_and_shown_on_the_episode_the_plan_and_the_map_and_only_one_is_in_force()
    {
        var (api, child, episode) = await OpenEpisodeAsync();
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var before = await browser.GetStringAsync($"/early-help/{episode}");
        var form = await browser.GetStringAsync($"/people/{child}/plans/new?episode={episode}");

        var started = await StartPlanAsync(api, child, episode);
        var second = await StartPlanAsync(api, child, null);

        Assert.Contains($"/people/{child}/plans/new?episode={episode}", before, StringComparison.Ordinal);
        Assert.Contains($"value=\"{episode}\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var plan = (await started.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("already has a plan", (await second.JsonAsync()).GetProperty("errors").GetProperty("episodeId")[0].GetString(),
            StringComparison.Ordinal);
        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/early-help/{episode}");
        Assert.Equal(plan, Assert.Single(details.GetProperty("plans").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.False(details.GetProperty("mayStartPlan").GetBoolean());
        Assert.Equal(episode, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{plan}")).GetProperty("episodeId").GetGuid());
        var map = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child}/plans-and-assessments");
        Assert.Equal(episode, map.GetProperty("plans").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == plan)
            .GetProperty("episodeId").GetGuid());
        var after = await browser.GetStringAsync($"/early-help/{episode}");
        Assert.Contains($"/plans/{plan}", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Start the early help plan", after, StringComparison.Ordinal);
        Assert.Contains($"/early-help/{episode}", await browser.GetStringAsync($"/people/{child}/plans-and-assessments"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_early_help_plan_needs_an_open_episode_of_the_child_and_no_other_plan_belongs_to_one()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var alone = await api.CreateChildAsync();
        var (_, child, episode) = await OpenEpisodeAsync();
        var (_, otherChild, otherEpisode) = await OpenEpisodeAsync();
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);

        var noEpisode = await StartPlanAsync(api, alone, null);
        var inNeed = await StartPlanAsync(api, child, episode, "ChildInNeed");
        var anotherChilds = await StartPlanAsync(api, child, otherEpisode);
        var notTheirs = await StartPlanAsync(outsider, child, episode);
        var closed = await api.PostAsJsonAsync($"/api/v1/early-help/{episode}/close", new { reason = "OutcomesMet", closedOn = Today, version = 1 });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var afterClosing = await StartPlanAsync(api, child, episode);

        async Task<string> EpisodeError(HttpResponseMessage r)
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            return (await r.JsonAsync()).GetProperty("errors").GetProperty("episodeId")[0].GetString()!;
        }

        Assert.Contains("Start an early help episode first", await EpisodeError(noEpisode), StringComparison.Ordinal);
        Assert.Contains("Only an early help plan", await EpisodeError(inNeed), StringComparison.Ordinal);
        Assert.Contains("of this child", await EpisodeError(anotherChilds), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Contains("closed", await EpisodeError(afterClosing), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Plans.AnyAsync(p => p.ChildId == new PersonId(child) || p.ChildId == new PersonId(alone)
                                                                            || p.ChildId == new PersonId(otherChild))));
    }

    /// <summary>
    /// The migration itself, on the database under test: a fresh database migrated to just before <c>EarlyHelpPlans</c>, episodes
    /// inserted the old way (with and without a summary), then migrated to the end. Each summary becomes a draft early help plan of
    /// the episode whose one section holds the text exactly, marked not reviewed, so the plan cannot be agreed until someone looks.
    /// </summary>
    [Fact]
    public async Task A_plan_summary_recorded_before_the_change_becomes_a_draft_early_help_plan_holding_it_not_reviewed()
    {
        var name = "cairn_ehplans_" + Guid.NewGuid().ToString("N")[..12];
        var builder = new DbContextOptionsBuilder<CairnDbContext>();
        new DatabaseOptions(CairnFactory.UsePostgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite, TestDatabase.ConnectionString(name))
            .Configure(builder);
        await using var db = new CairnDbContext(builder.Options);
        try
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_EarlyHelpPlans", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[index - 1]);
            const string Summary = "Mum's \"plan\": café mornings – school by 8:45.\nSecond line kept.";
            var (withSummary, blank, closedOne) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
            var lead = Guid.CreateVersion7();
            await InsertOldEpisodeAsync(db, withSummary, lead, Summary, closed: false);
            await InsertOldEpisodeAsync(db, blank, lead, "  ", closed: false);
            await InsertOldEpisodeAsync(db, closedOne, lead, "Closed episode's plan", closed: true);

            await migrator.MigrateAsync();

            var plans = await db.Plans.AsNoTracking().Include(p => p.Versions).Where(p => p.EpisodeId != null).ToListAsync();
            Assert.Equal(2, plans.Count);
            Assert.DoesNotContain(plans, p => p.EpisodeId == new EarlyHelpEpisodeId(blank));
            var plan = plans.Single(p => p.EpisodeId == new EarlyHelpEpisodeId(withSummary));
            Assert.Equal((PlanType.EarlyHelp, PlanStatus.Draft, new ProfessionalId(lead)), (plan.Type, plan.Status, plan.LeadId));
            var section = Assert.Single(plan.Draft!.Sections);
            Assert.Equal((Summary, Plan.EpisodeSummaryTitle, SectionReview.NotReviewed, Plan.EpisodeSummaryOrigin),
                (section.Text, section.Title, section.Review, section.CarriedFrom));
            Assert.Equal("Closed episode's plan", plans.Single(p => p.EpisodeId == new EarlyHelpEpisodeId(closedOne)).Draft!.Sections[0].Text);

            // The plan it became is an ordinary plan: it cannot be agreed until the section is reviewed, and confirming it is kept.
            var tracked = await db.Plans.Include(p => p.Versions).SingleAsync(p => p.Id == plan.Id);
            var refusal = tracked.Agree(Today, "Team around the family meeting", tracked.LeadId, tracked.Version, DateTimeOffset.UtcNow);
            Assert.Contains(refusal!.Errors, e => e.Field == $"Section-{section.Key}");
            Assert.Null(tracked.ConfirmSection(section.Key, tracked.LeadId, tracked.Version, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            var confirmed = (await db.Plans.Include(p => p.Versions).SingleAsync(p => p.Id == plan.Id)).Draft!.Sections[0];
            Assert.Equal((SectionReview.ConfirmedUnchanged, Summary), (confirmed.Review, confirmed.Text));
        }
        finally
        {
            await db.Database.EnsureDeletedAsync();
        }
    }

    /// <summary>An episode row as the model before <c>EarlyHelpPlans</c> wrote it, with its plan summary column.</summary>
    private static Task<int> InsertOldEpisodeAsync(CairnDbContext db, Guid id, Guid lead, string summary, bool closed)
    {
        var startedAt = DateTimeOffset.UtcNow.AddDays(-40);
        object at = db.IsSqlite ? startedAt.UtcTicks : startedAt;
        return db.Database.ExecuteSqlRawAsync(closed ? InsertClosed : InsertOpen, id, Guid.CreateVersion7(), Today.AddDays(-40), lead, summary, at,
            Today.AddDays(-2));
    }

    private const string InsertOpen =
        """
        INSERT INTO "EarlyHelpEpisodes" ("Id", "ChildId", "StartedOn", "LeadProfessionalId", "Consent_GivenBy", "Consent_GivenOn",
            "Consent_Method", "PlanSummary", "Status", "ClosureReason", "ClosedOn", "FrontDoorContactId", "StartedBy", "StartedAt", "Version")
        VALUES ({0}, {1}, {2}, {3}, 'Mother', {2}, 1, {4}, 1, NULL, NULL, NULL, {3}, {5}, 1)
        """;

    private const string InsertClosed =
        """
        INSERT INTO "EarlyHelpEpisodes" ("Id", "ChildId", "StartedOn", "LeadProfessionalId", "Consent_GivenBy", "Consent_GivenOn",
            "Consent_Method", "PlanSummary", "Status", "ClosureReason", "ClosedOn", "FrontDoorContactId", "StartedBy", "StartedAt", "Version")
        VALUES ({0}, {1}, {2}, {3}, 'Mother', {2}, 1, {4}, 3, 1, {6}, NULL, {3}, {5}, 1)
        """;
}
