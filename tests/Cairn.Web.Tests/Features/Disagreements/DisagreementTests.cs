using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Disagreements;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Disagreements;

/// <summary>
/// The social worker (Sam Okoro, Assessment Team, managed by Priya Shah) disagrees with the front door (Jordan Lee)
/// about a child he is allocated to; it may go up to Priya (stage 2) and the safeguarding lead, Morgan Blake (stage 3).
/// </summary>
public sealed class DisagreementTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private async Task<object> ARequestAsync(string ownerEmail, Guid? entry = null) => new
    {
        decision = "No further action on the contact of 3 November",
        decisionEntryId = entry,
        concern = "The school has seen new bruising twice since the contact, which the front door did not know about.",
        outcomeSought = "A strategy discussion this week",
        ownerId = await factory.ProfessionalIdAsync(ownerEmail),
    };

    private async Task<(HttpClient Raiser, Guid Child, Guid Id)> RaisedAsync(string ownerEmail = Accounts.FrontDoor)
    {
        var raiser = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await raiser.CreateChildAsync();
        var response = await raiser.PostAsJsonAsync($"/api/v1/people/{child}/disagreements", await ARequestAsync(ownerEmail));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (raiser, child, (await response.JsonAsync()).GetProperty("id").GetGuid());
    }

    private Task<Disagreement> StoredAsync(Guid id) =>
        factory.WithDbAsync(db => db.Disagreements.AsNoTracking().Include(d => d.Stages).Include(d => d.History).SingleAsync(d => d.Id == new DisagreementId(id)));

    private Task<int> CountForAsync(Guid child) => factory.WithDbAsync(db => db.Disagreements.CountAsync(d => d.ChildId == new PersonId(child)));

    private Task<bool> AuditedAsync(string action, Guid id, string outcome = "succeeded") =>
        factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.RecordId == id && a.Outcome == outcome));

    private static Task<HttpResponseMessage> PostAsync(HttpClient api, Guid id, string step, object body) =>
        api.PostAsJsonAsync($"/api/v1/disagreements/{id}/{step}", body);

    [Fact]
    public async Task Raised_through_the_api_it_is_owned_at_stage_1_due_in_five_working_days_and_audited()
    {
        var raiser = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await raiser.CreateChildAsync();
        var before = DateTimeOffset.UtcNow;

        var response = await raiser.PostAsJsonAsync($"/api/v1/people/{child}/disagreements", await ARequestAsync(Accounts.FrontDoor));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/disagreements/{id}", response.Headers.Location?.ToString());
        Assert.Equal("Practitioners", body.GetProperty("stage").GetString());
        Assert.Equal(await factory.ProfessionalIdAsync(Accounts.FrontDoor), body.GetProperty("ownerId").GetGuid());
        Assert.Equal(DisagreementRules.Default.DueAt(DisagreementStage.Practitioners, before).Date,
            body.GetProperty("dueAt").GetDateTimeOffset().Date);
        var stored = await StoredAsync(id);
        Assert.Equal((new PersonId(child), await factory.ProfessionalIdAsync(Accounts.SocialWorker)), (stored.ChildId, stored.RaisedBy.Value));
        Assert.Equal(stored.DueAt, stored.NextEscalationAt);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "disagreement.raise" && a.RecordId == id));
        Assert.Equal((child, "disagreement", "stage 1"), (audit.PersonId, audit.RecordType, audit.Detail));
    }

    [Fact]
    public async Task It_goes_up_three_stages_each_owner_acting_in_turn_and_the_stage_3_decision_closes_it()
    {
        var (raiser, _, id) = await RaisedAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        var priya = await factory.ProfessionalIdAsync(Accounts.TeamManager);

        // Stage 2 is suggested to the stage 1 owner as the raiser's team manager.
        var seen = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/disagreements/{id}");
        Assert.Equal(priya, seen.GetProperty("suggestedNextOwnerId").GetGuid());
        Assert.True(seen.GetProperty("mayResolveOrEscalate").GetBoolean());
        Assert.False((await raiser.GetFromJsonAsync<JsonElement>($"/api/v1/disagreements/{id}")).GetProperty("mayResolveOrEscalate").GetBoolean());

        var toStage2 = await PostAsync(frontDoor, id, "escalate", new { reason = "We could not agree", nextOwnerId = priya, version = 1 });
        Assert.Equal(HttpStatusCode.OK, toStage2.StatusCode);
        Assert.Equal("Managers", (await toStage2.JsonAsync()).GetProperty("stage").GetString());
        var toStage3 = await PostAsync(manager, id, "escalate",
            new { reason = "Managers could not agree", nextOwnerId = await factory.ProfessionalIdAsync(Accounts.SafeguardingLead), version = 2 });
        Assert.Equal(HttpStatusCode.OK, toStage3.StatusCode);

        var further = await PostAsync(lead, id, "escalate", new { reason = "Still no agreement", nextOwnerId = priya, version = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, further.StatusCode);
        Assert.True((await further.JsonAsync()).GetProperty("errors").TryGetProperty("stage", out _));

        var resolved = await PostAsync(lead, id, "resolve", new { agreed = "Final decision: a strategy discussion by Friday", version = 3 });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var details = await raiser.GetFromJsonAsync<JsonElement>($"/api/v1/disagreements/{id}");
        Assert.Equal("Resolved", details.GetProperty("status").GetString());
        Assert.Equal("Final decision: a strategy discussion by Friday", details.GetProperty("resolution").GetString());
        Assert.Equal(["Raised", "Escalated", "Escalated", "Resolved"], details.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal(["Escalated", "Escalated", "Resolved"], details.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("outcome").GetString()));
        Assert.True(await AuditedAsync("disagreement.escalate", id));
        Assert.True(await AuditedAsync("disagreement.resolve", id));
        Assert.True(await AuditedAsync("disagreement.view", id, "allowed"));
        Assert.Null((await StoredAsync(id)).NextEscalationAt);
    }

    [Fact]
    public async Task The_raiser_withdraws_with_a_reason_and_the_owner_cannot()
    {
        var (raiser, _, id) = await RaisedAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);

        var byOwner = await PostAsync(frontDoor, id, "withdraw", new { reason = "Not mine to withdraw", version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.Equal("application/problem+json", byOwner.Content.Headers.ContentType?.MediaType);
        Assert.True(await AuditedAsync("disagreement.withdraw", id, "refused"));

        var withdrawn = await PostAsync(raiser, id, "withdraw", new { reason = "The police shared information that answers the concern", version = 1 });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var stored = await StoredAsync(id);
        Assert.Equal((DisagreementStatus.Withdrawn, (DateTimeOffset?)null), (stored.Status, stored.NextEscalationAt));
        Assert.True(await AuditedAsync("disagreement.withdraw", id));
    }

    public static TheoryData<string, string[]> BadRaises => new()
    {
        { "{}", ["decision", "concern", "outcomeSought", "ownerId"] },
        { """{"decision":" ","concern":"Bruising seen twice","outcomeSought":"A strategy discussion","ownerId":"00000000-0000-0000-0000-000000000001"}""", ["decision", "ownerId"] },
        { """{"decision":"NFA","concern":"Bruising seen twice","outcomeSought":"A strategy discussion","ownerId":"OWNER","decisionEntryId":"00000000-0000-0000-0000-000000000002"}""", ["decisionEntryId"] },
        { """{"decision":"NFA","concern":"Bruising seen twice","outcomeSought":"A strategy discussion","ownerId":"SELF"}""", ["ownerId"] },
        { """{"decision":"NFA","concern":"Bruising seen twice","outcomeSought":"","ownerId":"OWNER"}""", ["outcomeSought"] },
        // An administrator has no reach into children's records, so cannot own a stage.
        { """{"decision":"NFA","concern":"Bruising seen twice","outcomeSought":"A strategy discussion","ownerId":"ADMIN"}""", ["ownerId"] },
    };

    [Theory]
    [MemberData(nameof(BadRaises))]
    public async Task Bad_input_to_raise_is_a_validation_problem_naming_each_field_and_nothing_is_saved(string json, string[] fields)
    {
        var raiser = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await raiser.CreateChildAsync();
        json = json.Replace("OWNER", (await factory.ProfessionalIdAsync(Accounts.FrontDoor)).ToString(), StringComparison.Ordinal)
            .Replace("SELF", (await factory.ProfessionalIdAsync(Accounts.SocialWorker)).ToString(), StringComparison.Ordinal)
            .Replace("ADMIN", (await factory.ProfessionalIdAsync(Accounts.Administrator)).ToString(), StringComparison.Ordinal);

        var response = await raiser.PostAsync($"/api/v1/people/{child}/disagreements", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(fields.Order(), errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(0, await CountForAsync(child));
    }

    // Skipped until the host answers a body it cannot read with 400: in Development (as these tests run) minimal APIs
    // throw BadHttpRequestException and CairnApp's exception handler turns it into a 500. Every endpoint does the same.
    [Theory]
    [InlineData("""{"decision":"NFA","concern":"c","outcomeSought":"o","ownerId":"not-a-guid"}""")]
    [InlineData("""{"decision":42,"concern":"c","outcomeSought":"o"}""")]
    [InlineData("""{"decision":"NFA""")]
    public async Task Malformed_json_to_raise_is_a_400_not_a_500(string json)
    {
        var raiser = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await raiser.CreateChildAsync();

        var response = await raiser.PostAsync($"/api/v1/people/{child}/disagreements", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountForAsync(child));
    }

    [Fact]
    public async Task Text_longer_than_the_limits_is_refused()
    {
        var raiser = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await raiser.CreateChildAsync();

        var response = await raiser.PostAsJsonAsync($"/api/v1/people/{child}/disagreements", new
        {
            decision = new string('d', DisagreementDraft.MaxDecisionLength + 1),
            concern = "Bruising seen twice",
            outcomeSought = "A strategy discussion",
            ownerId = await factory.ProfessionalIdAsync(Accounts.FrontDoor),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountForAsync(child));
    }

    [Fact]
    public async Task A_chronology_entry_about_the_child_can_name_the_decision()
    {
        var raiser = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await raiser.CreateChildAsync();
        var entry = await (await raiser.PostAsJsonAsync($"/api/v1/people/{child}/chronology", new
        {
            occurredAt = DateTimeOffset.UtcNow.AddHours(-2),
            category = "Decision",
            significance = "Significant",
            summary = "Front door decision: no further action",
        })).JsonAsync();
        var entryId = entry.GetProperty("id").GetGuid();

        var response = await raiser.PostAsJsonAsync($"/api/v1/people/{child}/disagreements", await ARequestAsync(Accounts.FrontDoor, entryId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new ChronologyEntryId(entryId), (await StoredAsync((await response.JsonAsync()).GetProperty("id").GetGuid())).DecisionEntryId);
    }

    public static TheoryData<string, string, string> BadSteps => new()
    {
        { "resolve", """{"agreed":" ","version":1}""", "agreed" },
        { "resolve", """{"agreed":"Agreed"}""", "Version" },
        { "escalate", """{"version":1}""", "reason|nextOwnerId" },
        { "escalate", """{"reason":"No","nextOwnerId":"RAISER","version":1}""", "nextOwnerId" },
        { "escalate", """{"reason":"No","nextOwnerId":"OWNER","version":1}""", "nextOwnerId" },
        { "escalate", """{"reason":"No","nextOwnerId":"00000000-0000-0000-0000-000000000003","version":1}""", "nextOwnerId" },
    };

    [Theory]
    [MemberData(nameof(BadSteps))]
    public async Task Bad_input_to_a_step_is_a_validation_problem_and_nothing_changes(string step, string json, string fields)
    {
        var (_, _, id) = await RaisedAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        json = json.Replace("RAISER", (await factory.ProfessionalIdAsync(Accounts.SocialWorker)).ToString(), StringComparison.Ordinal)
            .Replace("OWNER", (await factory.ProfessionalIdAsync(Accounts.FrontDoor)).ToString(), StringComparison.Ordinal);

        var response = await frontDoor.PostAsync($"/api/v1/disagreements/{id}/{step}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(fields.Split('|').Order(StringComparer.OrdinalIgnoreCase),
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        var stored = await StoredAsync(id);
        Assert.Equal((DisagreementStatus.Open, DisagreementStage.Practitioners, 1, 1), (stored.Status, stored.Stage, stored.Version, stored.History.Count));
    }

    [Fact]
    public async Task Stage_2_is_owned_by_a_manager_and_stage_3_by_a_senior_lead_and_anyone_else_is_refused()
    {
        var (_, _, id) = await RaisedAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var healthVisitor = await factory.ProfessionalIdAsync(Accounts.HealthVisitor);

        // A practitioner is not a manager: refused, and nothing changes.
        var toPractitioner = await PostAsync(frontDoor, id, "escalate", new { reason = "We could not agree", nextOwnerId = healthVisitor, version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, toPractitioner.StatusCode);
        Assert.Contains("stage 2 is between managers", (await toPractitioner.JsonAsync()).GetProperty("errors").GetProperty("nextOwnerId")[0].GetString(),
            StringComparison.Ordinal);
        Assert.Equal((DisagreementStage.Practitioners, 1), ((await StoredAsync(id)).Stage, (await StoredAsync(id)).Version));
        // The escalate form offers managers only.
        var page = await (await factory.SignedInAsAsync(Accounts.FrontDoor)).GetStringAsync($"/disagreements/{id}");
        Assert.Contains($"<option value=\"{await factory.ProfessionalIdAsync(Accounts.TeamManager)}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{healthVisitor}\"", page, StringComparison.Ordinal);

        // A team manager may own stage 2, but not stage 3.
        var priya = await factory.ProfessionalIdAsync(Accounts.TeamManager);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(frontDoor, id, "escalate", new { reason = "We could not agree", nextOwnerId = priya, version = 1 })).StatusCode);
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var ellis = await factory.WithDbAsync(db => db.Professionals.Where(p => p.Name == "Ellis Ward").Select(p => p.Id.Value).SingleAsync());
        var toManager = await PostAsync(manager, id, "escalate", new { reason = "Managers could not agree", nextOwnerId = ellis, version = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, toManager.StatusCode);
        Assert.Contains("stage 3 is between senior leads", (await toManager.JsonAsync()).GetProperty("errors").GetProperty("nextOwnerId")[0].GetString(),
            StringComparison.Ordinal);
        Assert.Equal(DisagreementStage.Managers, (await StoredAsync(id)).Stage);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(manager, id, "escalate",
            new { reason = "Managers could not agree", nextOwnerId = await factory.ProfessionalIdAsync(Accounts.SafeguardingLead), version = 2 })).StatusCode);
        Assert.Equal(DisagreementStage.SeniorLeads, (await StoredAsync(id)).Stage);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var (_, _, id) = await RaisedAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var escalated = await PostAsync(frontDoor, id, "escalate",
            new { reason = "We could not agree", nextOwnerId = await factory.ProfessionalIdAsync(Accounts.TeamManager), version = 1 });
        Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);

        var response = await PostAsync(manager, id, "resolve", new { agreed = "Agreed on an old copy", version = 1 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var stored = await StoredAsync(id);
        Assert.Equal((DisagreementStatus.Open, 2, (string?)null), (stored.Status, stored.Version, stored.Resolution));
    }

    [Fact]
    public async Task An_uninvolved_professional_gets_404_for_everything_and_nothing_changes()
    {
        var (_, child, id) = await RaisedAsync();
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);
        var outsiderId = await factory.ProfessionalIdAsync(Accounts.Uninvolved);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/disagreements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(outsider, id, "resolve", new { agreed = "Agreed", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(outsider, id, "escalate", new { reason = "No", nextOwnerId = outsiderId, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(outsider, id, "withdraw", new { reason = "No", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await outsider.PostAsJsonAsync($"/api/v1/people/{child}/disagreements", await ARequestAsync(Accounts.FrontDoor))).StatusCode);
        // Exactly the answer for a disagreement or a child that does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/disagreements/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await outsider.PostAsJsonAsync($"/api/v1/people/{Guid.NewGuid()}/disagreements", await ARequestAsync(Accounts.FrontDoor))).StatusCode);

        var stored = await StoredAsync(id);
        Assert.Equal((DisagreementStatus.Open, 1, 1), (stored.Status, stored.Version, stored.History.Count));
        Assert.Equal(1, await CountForAsync(child));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action.StartsWith("disagreement.") && a.ActorId == outsiderId)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "record.open" && a.PersonId == child && a.ActorId == outsiderId && a.Outcome == "refused")));
        var browser = await factory.SignedInAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/disagreements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/people/{child}/disagreements/new")).StatusCode);
        var list = await outsider.GetFromJsonAsync<JsonElement>("/api/v1/disagreements");
        Assert.DoesNotContain(list.GetProperty("raised").EnumerateArray().Concat(list.GetProperty("toActOn").EnumerateArray()), d => d.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_stage_owner_who_cannot_open_the_childs_record_can_still_see_and_resolve_the_disagreement()
    {
        var (_, child, id) = await RaisedAsync(Accounts.HealthVisitor);
        var visitor = await factory.ApiAsAsync(Accounts.HealthVisitor);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/v1/people/{child}")).StatusCode);

        var details = await visitor.GetFromJsonAsync<JsonElement>($"/api/v1/disagreements/{id}");

        Assert.False(details.GetProperty("mayOpenChildRecord").GetBoolean());
        Assert.True(details.GetProperty("mayResolveOrEscalate").GetBoolean());
        var audit = await factory.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Sequence).LastAsync(a => a.Action == "disagreement.view" && a.RecordId == id));
        Assert.Equal("Party", audit.Detail);
        var page = await (await factory.SignedInAsAsync(Accounts.HealthVisitor)).GetStringAsync($"/disagreements/{id}");
        Assert.DoesNotContain($"href=\"/people/{child}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(visitor, id, "resolve", new { agreed = "Health visitor will share the growth chart today", version = 1 })).StatusCode);
    }

    [Fact]
    public async Task Someone_who_may_open_the_record_sees_it_but_only_the_owner_may_act()
    {
        var (_, _, id) = await RaisedAsync();
        // The raiser's team manager reaches the child through the team, but owns no stage yet.
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);

        var details = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/disagreements/{id}");
        Assert.True(details.GetProperty("mayOpenChildRecord").GetBoolean());
        Assert.False(details.GetProperty("mayResolveOrEscalate").GetBoolean());

        var resolve = await PostAsync(manager, id, "resolve", new { agreed = "Agreed", version = 1 });
        var escalate = await PostAsync(manager, id, "escalate",
            new { reason = "No", nextOwnerId = await factory.ProfessionalIdAsync(Accounts.SafeguardingLead), version = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, resolve.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, escalate.StatusCode);
        Assert.True(await AuditedAsync("disagreement.resolve", id, "refused"));
        Assert.True(await AuditedAsync("disagreement.escalate", id, "refused"));
        var stored = await StoredAsync(id);
        Assert.Equal((DisagreementStatus.Open, DisagreementStage.Practitioners, 1), (stored.Status, stored.Stage, stored.Version));
    }

    [Fact]
    public async Task The_list_shows_what_you_own_and_what_you_raised()
    {
        var (raiser, _, id) = await RaisedAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);

        var mine = await raiser.GetFromJsonAsync<JsonElement>("/api/v1/disagreements");
        var owned = await frontDoor.GetFromJsonAsync<JsonElement>("/api/v1/disagreements");

        Assert.Contains(mine.GetProperty("raised").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(mine.GetProperty("toActOn").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        var item = Assert.Single(owned.GetProperty("toActOn").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        Assert.Equal("Practitioners", item.GetProperty("stage").GetString());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "disagreements.list.view")));
        var page = await (await factory.SignedInAsAsync(Accounts.FrontDoor)).GetStringAsync("/disagreements");
        Assert.Contains($"/disagreements/{id}", page, StringComparison.Ordinal);
        Assert.Contains("For you to act on", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raised_and_escalated_through_the_pages_with_dates_in_london_time()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var form = await browser.GetStringAsync($"/people/{child}/disagreements/new");
        Assert.Contains("Raise a disagreement about a decision on", form, StringComparison.Ordinal);

        var raise = await browser.PostAsync($"/people/{child}/disagreements/new", await Clients.FormAsync(browser, $"/people/{child}/disagreements/new", new()
        {
            ["Input.Decision"] = "No further action on the contact of 3 November",
            ["Input.DecisionEntryId"] = "",
            ["Input.Concern"] = "The school has seen new bruising twice since the contact.",
            ["Input.OutcomeSought"] = "A strategy discussion",
            ["Input.OwnerId"] = (await factory.ProfessionalIdAsync(Accounts.FrontDoor)).ToString(),
        }));

        Assert.Equal(HttpStatusCode.Redirect, raise.StatusCode);
        var location = raise.Headers.Location!.ToString();
        Assert.StartsWith("/disagreements/", location, StringComparison.Ordinal);
        var id = Guid.Parse(location["/disagreements/".Length..]);
        var page = await browser.GetStringAsync(location);
        Assert.Contains("Stage 1: practitioners", page, StringComparison.Ordinal);
        // Due at the close of a working day, 17:00 in London whatever the season.
        Assert.Contains("at 5:00pm", page, StringComparison.Ordinal);
        Assert.Contains("Withdraw the disagreement", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Record outcome", page, StringComparison.Ordinal);

        var frontDoor = await factory.SignedInAsAsync(Accounts.FrontDoor);
        var ownerPage = await frontDoor.GetStringAsync(location);
        var priya = (await factory.ProfessionalIdAsync(Accounts.TeamManager)).ToString();
        // The raiser's team manager is suggested for stage 2.
        Assert.Contains($"<option value=\"{priya}\" selected>", ownerPage, StringComparison.Ordinal);
        var escalate = await frontDoor.PostAsync($"{location}?handler=Escalate", await Clients.FormAsync(frontDoor, location, new()
        {
            ["Escalate.NextOwnerId"] = priya,
            ["Escalate.Reason"] = "We could not agree",
            ["Escalate.Version"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, escalate.StatusCode);
        Assert.Equal(DisagreementStage.Managers, (await StoredAsync(id)).Stage);

        // The front door's form was read at version 1: it is stale now, and no longer theirs.
        var stale = await frontDoor.PostAsync($"{location}?handler=Resolve", await Clients.FormAsync(frontDoor, location, new()
        {
            ["Resolve.Agreed"] = "Agreed after all",
            ["Resolve.Version"] = "1",
        }));
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("govuk-error-summary", staleHtml, StringComparison.Ordinal);
        Assert.Contains("Someone else changed this disagreement", staleHtml, StringComparison.Ordinal);
        Assert.Equal(DisagreementStatus.Open, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task An_incomplete_page_form_gets_an_error_summary_and_nothing_is_saved()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);

        var response = await browser.PostAsync($"/people/{child}/disagreements/new", await Clients.FormAsync(browser, $"/people/{child}/disagreements/new", new()
        {
            ["Input.Decision"] = "",
            ["Input.OwnerId"] = "not-a-guid",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountForAsync(child));

        var empty = await browser.PostAsync($"/people/{child}/disagreements/new", await Clients.FormAsync(browser, $"/people/{child}/disagreements/new", new()));
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Enter the decision you disagree with", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("Enter why you disagree with the decision", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("Select the professional to resolve this with at stage 1", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_OwnerId\"", emptyHtml, StringComparison.Ordinal);
        Assert.Equal(0, await CountForAsync(child));
    }

    [Fact]
    public async Task A_page_step_with_bad_input_or_by_the_wrong_person_shows_the_error_and_changes_nothing()
    {
        var (_, _, id) = await RaisedAsync();
        var location = $"/disagreements/{id}";
        var frontDoor = await factory.SignedInAsAsync(Accounts.FrontDoor);
        var noReason = await frontDoor.PostAsync($"{location}?handler=Escalate", await Clients.FormAsync(frontDoor, location, new()
        {
            ["Escalate.NextOwnerId"] = "",
            ["Escalate.Reason"] = "",
            ["Escalate.Version"] = "1",
        }));
        var html = await noReason.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Enter why it could not be resolved at this stage", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Escalate_NextOwnerId\"", html, StringComparison.Ordinal);

        var raiser = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var notTheirs = await raiser.PostAsync($"{location}?handler=Resolve", await Clients.FormAsync(raiser, location, new()
        {
            ["Resolve.Agreed"] = "I agree with myself",
            ["Resolve.Version"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Contains(Disagreement.OnlyOwnerMessage, await notTheirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stored = await StoredAsync(id);
        Assert.Equal((DisagreementStatus.Open, DisagreementStage.Practitioners, 1), (stored.Status, stored.Stage, stored.Version));
    }
}
