using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Web.Auditing;
using Cairn.Web.Background;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Plans;

/// <summary>
/// Plans through the API and pages (issue #13 items 3 and 4; L22, L23, L24, L25, L54): every action has an owner and a due date, a
/// carried section must be confirmed before a version is agreed, a plan made from a sibling's carries its sections not reviewed,
/// an out-of-date assessment needs a note and is flagged, the legal status follows a child protection plan, overdue actions are
/// listed for their owners and managers and escalate, and both sides of every access rule.
/// </summary>
public sealed class PlansTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static object Outcome(ProfessionalId owner, DateOnly due, string what = "Walk to school together each morning") => new
    {
        kind = "Outcome",
        title = "Goes to school every day",
        text = "Attendance is 62%; the aim is 95%.",
        actions = new object[] { new { what, owner = owner.Value, dueOn = due } },
    };

    private static readonly object ChildsView = new { kind = "ChildsView", text = "I like school when my friends are there." };
    private static readonly object FamilysView = new { kind = "FamilysView", text = "Mum wants help with mornings." };

    private async Task<(HttpClient Api, Guid Child)> ChildAsync()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        return (api, await api.CreateChildAsync());
    }

    private async Task<HttpResponseMessage> StartAsync(HttpClient api, Guid child, string type = "ChildInNeed", string? category = null,
        DateOnly? due = null, ProfessionalId? owner = null) =>
        await api.PostAsJsonAsync($"/api/v1/people/{child}/plans", new
        {
            type,
            category,
            leadId = (await factory.ProfessionalOfAsync(Accounts.SocialWorker)).Value,
            sections = new[] { Outcome(owner ?? await factory.ProfessionalOfAsync(Accounts.SocialWorker), due ?? Today.AddDays(14)), ChildsView, FamilysView },
        });

    private static async Task<(Guid Id, int Version)> IdAndVersionAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var json = await response.JsonAsync();
        return (json.GetProperty("id").GetGuid(), json.GetProperty("version").GetInt32());
    }

    private static async Task<(Guid Id, int Version)> AgreedAsync(HttpClient api, HttpResponseMessage started)
    {
        var (id, version) = await IdAndVersionAsync(started);
        var agreed = await api.PostAsJsonAsync($"/api/v1/plans/{id}/agree", new { agreedOn = Today, agreedAt = "Child in need meeting", version });
        return await IdAndVersionAsync(agreed);
    }

    private static Task<JsonElement> PlanAsync(HttpClient api, Guid id) => api.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}");

    private Task<bool> AuditedAsync(string action, Guid record, string outcome = "succeeded") =>
        factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.RecordId == record && a.Outcome == outcome));

    private static async Task JoinTeamAsync(HttpClient api, Guid child, ProfessionalId professional, string role)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/team", new { professionalId = professional.Value, role, startedOn = Today.AddDays(-5) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_plan_whose_action_lacks_an_owner_or_a_due_date_is_refused_on_that_actions_fields_and_nothing_is_saved()
    {
        var (api, child) = await ChildAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/plans", new
        {
            type = "ChildInNeed",
            leadId = (await factory.ProfessionalOfAsync(Accounts.SocialWorker)).Value,
            sections = new object[]
            {
                new { kind = "Outcome", title = "Is safe at home", actions = new object[] { new { what = "Fit a stair gate", dueOn = Today.AddDays(7) } } },
                new
                {
                    kind = "Outcome", title = "Sees the dentist",
                    actions = new object[] { new { what = "Book the dentist", owner = (await factory.ProfessionalOfAsync(Accounts.HealthVisitor)).Value } },
                },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("select who owns it", errors.GetProperty("sections[0].actions[0].owner")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("due by", errors.GetProperty("sections[1].actions[0].dueOn")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Plans.CountAsync(p => p.ChildId == new PersonId(child))));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "plan.start" && a.PersonId == child && a.Outcome == "refused")));
    }

    [Fact]
    public async Task The_section_page_shows_a_missing_owner_against_that_actions_field()
    {
        var (api, child) = await ChildAsync();
        var (id, version) = await IdAndVersionAsync(await StartAsync(api, child));
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/plans/{id}/sections/new";

        var response = await browser.PostAsync(path, await Clients.FormAsync(browser, path, new()
        {
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = "Outcome",
            ["Input.Title"] = "Has a health check",
            ["Input.Actions[0].What"] = "Book the health check",
            ["Input.Actions[0].DueOn.Day"] = Today.AddDays(10).Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Actions[0].DueOn.Month"] = Today.AddDays(10).Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Actions[0].DueOn.Year"] = Today.AddDays(10).Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Actions[0].Status"] = "NotStarted",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Actions[0]_OwnerId-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Book the health check", html, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"date\"", html, StringComparison.Ordinal);
        Assert.Equal(3, (await PlanAsync(api, id)).GetProperty("draft").GetProperty("sections").GetArrayLength());
    }

    [Fact]
    public async Task Agreeing_a_child_protection_plan_makes_live_actions_and_the_legal_status_and_ending_it_makes_the_child_in_need()
    {
        var (api, child) = await ChildAsync();
        var visitor = await factory.ProfessionalOfAsync(Accounts.HealthVisitor);

        var (id, version) = await AgreedAsync(api, await StartAsync(api, child, "ChildProtection", "Neglect", owner: visitor));

        var plan = await PlanAsync(api, id);
        var action = plan.GetProperty("current").GetProperty("sections")[0].GetProperty("actions")[0];
        Assert.Equal(("Agreed", "Nadia Hussain", "Cairnmoor Health Visiting Service"),
            (plan.GetProperty("status").GetString(), action.GetProperty("owner").GetString(), action.GetProperty("agency").GetString()));
        Assert.Equal("Written in this version", plan.GetProperty("current").GetProperty("sections")[0].GetProperty("reviewState").GetString());
        var rows = await factory.WithDbAsync(db => db.PlanActions.Where(a => a.PlanId == new PlanId(id)).ToListAsync());
        Assert.Equal((visitor, true), (Assert.Single(rows).OwnerId, rows[0].InForce));
        var status = await factory.WithDbAsync(db => db.LegalStatuses.SingleAsync(s => s.ChildId == new PersonId(child) && s.To == null));
        Assert.Equal((LegalStatusKind.ChildProtectionPlan, ChildProtectionCategory.Neglect), (status.Kind, status.Category));
        Assert.True(await AuditedAsync("plan.agree", id));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "legal-status.change" && a.PersonId == child
                                                                                && a.Detail == "plan.agree")));

        var ended = await api.PostAsJsonAsync($"/api/v1/plans/{id}/end", new { endedOn = Today, reason = "The review conference ended the plan", version });

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.PlanActions.AnyAsync(a => a.PlanId == new PlanId(id) && a.InForce)));
        Assert.Equal(LegalStatusKind.ChildProtectionPlan, await factory.WithDbAsync(db =>
            db.LegalStatuses.Where(s => s.ChildId == new PersonId(child) && s.To == null).Select(s => s.Kind).SingleAsync()));
    }

    [Fact]
    public async Task A_child_protection_plan_never_lowers_a_looked_after_status()
    {
        var (api, child) = await ChildAsync();
        var recorded = await api.PostAsJsonAsync($"/api/v1/people/{child}/legal-status",
            new { kind = "LookedAfterCareOrder", from = Today.AddDays(-60), reason = "Care order made" });
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());

        await AgreedAsync(api, await StartAsync(api, child, "ChildProtection", "Neglect"));

        Assert.Equal(LegalStatusKind.LookedAfterCareOrder, await factory.WithDbAsync(db =>
            db.LegalStatuses.Where(s => s.ChildId == new PersonId(child) && s.To == null).Select(s => s.Kind).SingleAsync()));
    }

    [Fact]
    public async Task A_new_version_cannot_be_agreed_until_every_carried_section_is_confirmed_and_the_difference_is_shown()
    {
        var (api, child) = await ChildAsync();
        var (id, version) = await AgreedAsync(api, await StartAsync(api, child));

        var (_, revised) = await IdAndVersionAsync(await api.PostAsJsonAsync($"/api/v1/plans/{id}/revise", new { version }));
        var draft = (await PlanAsync(api, id)).GetProperty("draft");
        var keys = draft.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("key").GetGuid()).ToList();
        Assert.All(draft.GetProperty("sections").EnumerateArray(), s =>
            Assert.Equal("Not reviewed — carried over from version 1", s.GetProperty("reviewState").GetString()));

        var refused = await api.PostAsJsonAsync($"/api/v1/plans/{id}/agree", new { agreedOn = Today, agreedAt = "Review meeting", version = revised });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(3, (await refused.JsonAsync()).GetProperty("errors").EnumerateObject().Count(e => e.Name.StartsWith("section-", StringComparison.Ordinal)));

        var stale = await api.PostAsJsonAsync($"/api/v1/plans/{id}/sections/{keys[0]}/confirm", new { version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var current = revised;
        foreach (var key in keys)
        {
            (_, current) = await IdAndVersionAsync(await api.PostAsJsonAsync($"/api/v1/plans/{id}/sections/{key}/confirm", new { version = current }));
        }

        var confirmed = (await PlanAsync(api, id)).GetProperty("draft").GetProperty("sections")[0].GetProperty("reviewState").GetString();
        Assert.StartsWith("Confirmed unchanged by Sam Okoro on ", confirmed, StringComparison.Ordinal);
        var agreed = await api.PostAsJsonAsync($"/api/v1/plans/{id}/agree", new { agreedOn = Today, agreedAt = "Review meeting", version = current });
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);

        var plan = await PlanAsync(api, id);
        Assert.Equal(2, plan.GetProperty("current").GetProperty("number").GetInt32());
        Assert.Equal(["Agreed", "Superseded"], plan.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()));
        var comparison = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}/versions/2");
        Assert.All(comparison.GetProperty("sections").EnumerateArray(), s => Assert.Equal("Unchanged", s.GetProperty("change").GetString()));
        Assert.True(await AuditedAsync("plan.section.confirm", id));
        Assert.True(await AuditedAsync("plan.section.confirm", id, "refused"));
    }

    [Fact]
    public async Task A_changed_outcome_shows_before_and_after_and_an_agreed_version_never_changes()
    {
        var (api, child) = await ChildAsync();
        var (id, version) = await AgreedAsync(api, await StartAsync(api, child));
        var outcome = (await PlanAsync(api, id)).GetProperty("current").GetProperty("sections")[0].GetProperty("key").GetGuid();
        var me = await factory.ProfessionalOfAsync(Accounts.SocialWorker);

        var inPlace = await api.PutAsJsonAsync($"/api/v1/plans/{id}/sections/{outcome}", new { kind = "Outcome", title = "Changed", version });
        Assert.Equal(HttpStatusCode.BadRequest, inPlace.StatusCode);

        var (_, revised) = await IdAndVersionAsync(await api.PostAsJsonAsync($"/api/v1/plans/{id}/revise", new { version }));
        var changed = await api.PutAsJsonAsync($"/api/v1/plans/{id}/sections/{outcome}", new
        {
            kind = "Outcome",
            title = "Goes to school every day",
            text = "Attendance is now 80%.",
            actions = new object[] { new { what = "Walk to school together each morning", owner = me.Value, dueOn = Today.AddDays(30) } },
            version = revised,
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var comparison = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}/versions/2");
        var section = comparison.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetGuid() == outcome);
        Assert.Equal("Changed", section.GetProperty("change").GetString());
        Assert.Equal("Attendance is 62%; the aim is 95%.", section.GetProperty("before").GetProperty("text").GetString());
        Assert.Equal("Attendance is now 80%.", section.GetProperty("after").GetProperty("text").GetString());
        var draft = (await PlanAsync(api, id)).GetProperty("draft").GetProperty("sections")[0];
        Assert.Equal("Changed", draft.GetProperty("review").GetString());
        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/plans/{id}/versions/2");
        Assert.Contains("Attendance is now 80%.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_made_from_a_siblings_plan_carries_every_section_not_reviewed_and_an_unrelated_childs_plan_is_refused()
    {
        var (api, child) = await ChildAsync();
        var (source, _) = await AgreedAsync(api, await StartAsync(api, child));
        var sibling = await api.CreateChildAsync();
        var stranger = await api.CreateChildAsync();
        var related = await api.PostAsJsonAsync($"/api/v1/people/{sibling}/relationships", new { otherPersonId = child, type = "Sibling" });
        Assert.True(related.IsSuccessStatusCode, await related.Content.ReadAsStringAsync());
        var lead = (await factory.ProfessionalOfAsync(Accounts.SocialWorker)).Value;

        var made = await api.PostAsJsonAsync($"/api/v1/people/{sibling}/plans", new { type = "ChildInNeed", leadId = lead, sourcePlanId = source });
        var refused = await api.PostAsJsonAsync($"/api/v1/people/{stranger}/plans", new { type = "ChildInNeed", leadId = lead, sourcePlanId = source });

        var (id, version) = await IdAndVersionAsync(made);
        var draft = (await PlanAsync(api, id)).GetProperty("draft");
        Assert.Equal(3, draft.GetProperty("sections").GetArrayLength());
        Assert.All(draft.GetProperty("sections").EnumerateArray(), s =>
        {
            Assert.Equal("NotReviewed", s.GetProperty("review").GetString());
            Assert.StartsWith("Not reviewed — carried over from another child's child in need plan", s.GetProperty("reviewState").GetString(),
                StringComparison.Ordinal);
        });
        var agree = await api.PostAsJsonAsync($"/api/v1/plans/{id}/agree", new { agreedOn = Today, agreedAt = "Meeting", version });
        Assert.Equal(HttpStatusCode.BadRequest, agree.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("sourcePlanId", out _));
        var page = WebUtility.HtmlDecode(await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/plans/{id}"));
        Assert.Contains("Not reviewed — carried over from another child", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_of_date_assessment_cited_needs_a_note_and_is_flagged_on_the_plan()
    {
        var (api, child) = await ChildAsync();
        var (id, _) = await AgreedAsync(api, await StartAsync(api, child));
        var assessment = await factory.AuthorisedAssessmentAsync(new PersonId(child), AssessmentType.Risk, DateTimeOffset.UtcNow.AddMonths(-10));

        var bare = await api.PostAsJsonAsync($"/api/v1/plans/{id}/evidence", new { assessmentId = assessment.Value });
        var noted = await api.PostAsJsonAsync($"/api/v1/plans/{id}/evidence",
            new { assessmentId = assessment.Value, note = "Nothing has changed at home since; a new one is booked for next month." });

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("is out of date", (await bare.JsonAsync()).GetProperty("errors").GetProperty("assessmentId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        var evidence = Assert.Single((await PlanAsync(api, id)).GetProperty("evidence").EnumerateArray());
        Assert.True(evidence.GetProperty("outOfDate").GetBoolean());
        Assert.True(evidence.GetProperty("outOfDateWhenCited").GetBoolean());
        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/plans/{id}");
        Assert.Contains("Out of date", page, StringComparison.Ordinal);
        Assert.True(await AuditedAsync("plan.evidence.cite", id));
    }

    [Fact]
    public async Task An_involved_police_officer_may_read_a_plan_but_not_start_or_change_one_and_someone_uninvolved_sees_nothing()
    {
        var (api, child) = await ChildAsync();
        var (id, version) = await AgreedAsync(api, await StartAsync(api, child));
        await JoinTeamAsync(api, child, await factory.ProfessionalOfAsync(Accounts.Police), "PoliceOfficer");
        var police = await factory.ApiAsAsync(Accounts.Police);
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);

        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync($"/api/v1/plans/{id}")).StatusCode);
        Assert.False((await PlanAsync(police, id)).GetProperty("mayWrite").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await StartAsync(police, child)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync($"/api/v1/plans/{id}/revise", new { version })).StatusCode);
        Assert.True(await AuditedAsync("plan.revise", id, "refused"));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "plan.start" && a.PersonId == child && a.Outcome == "refused"
                                                                                && a.Detail!.StartsWith("not-allowed"))));

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/plans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/people/{child}/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/plans/{id}/revise", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await StartAsync(outsider, child)).StatusCode);
        Assert.Equal(version, (await PlanAsync(api, id)).GetProperty("version").GetInt32());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "plan.view" && a.PersonId == child)));
    }

    [Fact]
    public async Task An_early_help_worker_in_the_team_may_write_an_early_help_plan_but_not_a_child_in_need_plan()
    {
        var (api, child) = await ChildAsync();
        var visitor = await factory.ProfessionalOfAsync(Accounts.HealthVisitor);
        await JoinTeamAsync(api, child, visitor, "EarlyHelpWorker");
        var health = await factory.ApiAsAsync(Accounts.HealthVisitor);
        var episode = await health.PostAsJsonAsync($"/api/v1/people/{child}/early-help", new
        {
            startedOn = Today.AddDays(-2),
            leadProfessionalId = visitor.Value,
            consentGivenBy = "Mother",
            consentGivenOn = Today.AddDays(-2),
            consentMethod = "Written",
        });
        Assert.Equal(HttpStatusCode.Created, episode.StatusCode);

        var earlyHelp = await StartAsync(health, child, "EarlyHelp");
        var inNeed = await StartAsync(health, child, "ChildInNeed");

        Assert.Equal(HttpStatusCode.Created, earlyHelp.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, inNeed.StatusCode);
        var (id, version) = await IdAndVersionAsync(earlyHelp);
        Assert.Equal(HttpStatusCode.OK, (await health.PostAsJsonAsync($"/api/v1/plans/{id}/agree",
            new { agreedOn = Today, agreedAt = "Team around the family meeting", version })).StatusCode);
        var list = await health.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child}/plans");
        Assert.Equal("EarlyHelp", Assert.Single(list.GetProperty("plans").EnumerateArray()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_plan_shows_health_and_flags_a_missing_gp_and_no_health_owned_action()
    {
        var (api, bare) = await ChildAsync();
        var (_, withHealth) = await ChildAsync();
        var visitor = await factory.ProfessionalOfAsync(Accounts.HealthVisitor);
        await JoinTeamAsync(api, withHealth, visitor, "GeneralPractitioner");

        var (flagged, _) = await IdAndVersionAsync(await StartAsync(api, bare));
        var (healthy, _) = await IdAndVersionAsync(await StartAsync(api, withHealth, owner: visitor));

        var none = (await PlanAsync(api, flagged)).GetProperty("health");
        var some = (await PlanAsync(api, healthy)).GetProperty("health");
        Assert.True(none.GetProperty("noGp").GetBoolean());
        Assert.False(none.GetProperty("healthOwnsAnAction").GetBoolean());
        Assert.False(some.GetProperty("noGp").GetBoolean());
        Assert.Equal("Nadia Hussain", Assert.Single(some.GetProperty("gps").EnumerateArray()).GetString());
        Assert.True(some.GetProperty("healthOwnsAnAction").GetBoolean());
        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/plans/{flagged}");
        Assert.Contains("No GP is recorded in the team around the child", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_is_updated_by_its_owner_or_their_manager_and_refused_to_anyone_else_who_can_see_it()
    {
        var (api, child) = await ChildAsync();
        var visitor = await factory.ProfessionalOfAsync(Accounts.HealthVisitor);
        var (id, _) = await AgreedAsync(api, await StartAsync(api, child, owner: visitor));
        var action = await factory.WithDbAsync(db => db.PlanActions.SingleAsync(a => a.PlanId == new PlanId(id)));
        await JoinTeamAsync(api, child, await factory.ProfessionalOfAsync(Accounts.Police), "PoliceOfficer");

        var byPolice = await (await factory.ApiAsAsync(Accounts.Police)).PutAsJsonAsync($"/api/v1/plan-actions/{action.Id.Value}",
            new { status = "Done", version = action.Version });
        var byOwner = await (await factory.ApiAsAsync(Accounts.HealthVisitor)).PutAsJsonAsync($"/api/v1/plan-actions/{action.Id.Value}",
            new { status = "InProgress", note = "First walk done", version = action.Version });
        var stale = await api.PutAsJsonAsync($"/api/v1/plan-actions/{action.Id.Value}", new { status = "Done", version = action.Version });

        Assert.Equal(HttpStatusCode.Forbidden, byPolice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("InProgress", (await PlanAsync(api, id)).GetProperty("current").GetProperty("sections")[0].GetProperty("actions")[0]
            .GetProperty("status").GetString());
        Assert.True(await AuditedAsync("plan-action.update", action.Id.Value));
        Assert.True(await AuditedAsync("plan-action.update", action.Id.Value, "refused"));
    }

    [Fact]
    public async Task Overdue_actions_are_listed_for_their_owner_and_the_owners_team_manager_and_escalate_once_per_rung()
    {
        var (api, child) = await ChildAsync();
        var (id, _) = await AgreedAsync(api, await StartAsync(api, child, due: Today.AddDays(-3), owner: await factory.ProfessionalOfAsync(Accounts.SocialWorker)));
        var action = await factory.WithDbAsync(db => db.PlanActions.SingleAsync(a => a.PlanId == new PlanId(id)));

        var mine = await api.GetFromJsonAsync<JsonElement>("/api/v1/plan-actions/overdue");
        var manager = await (await factory.ApiAsAsync(Accounts.TeamManager)).GetFromJsonAsync<JsonElement>("/api/v1/plan-actions/overdue");
        var police = await (await factory.ApiAsAsync(Accounts.Police)).GetFromJsonAsync<JsonElement>("/api/v1/plan-actions/overdue");

        bool Lists(JsonElement list) => list.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("id").GetGuid() == action.Id.Value);
        Assert.True(Lists(mine));
        Assert.Equal(mine.GetProperty("items").GetArrayLength(), mine.GetProperty("total").GetInt32());
        Assert.True(mine.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == action.Id.Value).GetProperty("mine").GetBoolean());
        Assert.True(Lists(manager));
        Assert.False(Lists(police));
        var page = await (await factory.SignedInAsAsync(Accounts.TeamManager)).GetStringAsync("/actions/overdue");
        Assert.Contains(action.Id.Value.ToString(), page, StringComparison.Ordinal);
        // The list's reads are written in one batch: still one entry per child per read, and the chain still holds.
        var priyaId = (await factory.ProfessionalOfAsync(Accounts.TeamManager)).Value;
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "plan-action.overdue.list"
                                                                                      && a.PersonId == child && a.ActorId == priyaId)));
        Assert.Null((await factory.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None))).FirstBroken);

        var after = action.NextEscalationAt!.Value.AddHours(1);
        await SweepAsync(after);
        await SweepAsync(after);
        var link = $"/plans/{id}";
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var priya = await factory.ProfessionalOfAsync(Accounts.TeamManager);
        var told = await factory.WithDbAsync(db => db.Notifications.Where(n => n.Link == link && n.Kind == "plan-action.escalated").ToListAsync());
        Assert.Equal(1, told.Count(n => n.ProfessionalId == sam));
        Assert.Equal(1, told.Count(n => n.ProfessionalId == priya));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "plan-action.escalate" && a.RecordId == action.Id.Value)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.PlanActions.Where(a => a.Id == action.Id).Select(a => a.EscalationLevel).SingleAsync()));
    }

    private async Task SweepAsync(DateTimeOffset now)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CaseworkSweep>().EscalatePlanActionsAsync(now);
    }

    [Fact]
    public async Task The_plan_pages_answer_and_a_stale_confirm_on_the_page_is_a_conflict()
    {
        var (api, child) = await ChildAsync();
        var (id, version) = await AgreedAsync(api, await StartAsync(api, child));
        await api.PostAsJsonAsync($"/api/v1/plans/{id}/revise", new { version });
        var key = (await PlanAsync(api, id)).GetProperty("draft").GetProperty("sections")[0].GetProperty("key").GetGuid();
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);

        foreach (var path in new[] { $"/people/{child}/plans", $"/people/{child}/plans/new", $"/plans/{id}", $"/plans/{id}/sections/{key}",
                     $"/plans/{id}/sections/new", $"/plans/{id}/end", $"/plans/{id}/evidence", $"/plans/{id}/versions/1", "/actions/overdue" })
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);
        }

        var stale = await browser.PostAsync($"/plans/{id}?handler=Confirm&key={key}",
            await Clients.FormAsync(browser, $"/plans/{id}", new() { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.SignedInAsAsync(Accounts.Uninvolved)).GetAsync($"/plans/{id}")).StatusCode);
    }
}
