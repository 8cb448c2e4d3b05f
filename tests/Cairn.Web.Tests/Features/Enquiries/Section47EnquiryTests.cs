using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.Time;
using Cairn.Web.Features.Enquiries;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Enquiries;

/// <summary>
/// The section 47 enquiry through the API and the pages (issue #13, L17, L20): started only from a held strategy discussion
/// that decided on one, by children's social care; outcome recorded and authorised by a different team manager; the child's
/// legal status following without ever being lowered; every read and change audited.
/// </summary>
public sealed class Section47EnquiryTests(EnquiryFactory factory) : IClassFixture<EnquiryFactory>
{
    private const string FrontDoorManager = "ellis.ward@cairnmoor.example";
    private const string Reasons = "Joint visit with the police; the child's account was consistent with the school's concerns.";
    private static readonly DateTimeOffset Now = EnquiryFactory.TuesdayMorning;
    private static readonly string[] Neglect = ["Neglect"];
    private static readonly string[] StatutoryIndicator = ["S03"];

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Start(ProfessionalId lead) => new
    {
        leadSocialWorkerId = lead.Value,
        policeRole = "Joint investigation: DC Chris Barnes visits with the social worker today.",
        healthRole = "Child protection medical at the district hospital; the GP shares records.",
    };

    private static object Outcome(string outcome, DateOnly on, int version, DateOnly? conference = null) => new
    {
        outcome,
        outcomeOn = on,
        outcomeReasons = Reasons,
        conferenceDecidedOn = conference,
        version,
    };

    private async Task<HttpResponseMessage> StartAsync(HttpClient api, Guid discussion, string lead = Accounts.SocialWorker) =>
        await api.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussion}/section-47-enquiry", Start(await factory.ProfessionalOfAsync(lead)));

    /// <summary>An enquiry started by the social worker from a discussion held two days ago (the child's status is set by starting).</summary>
    private async Task<(HttpClient Api, PersonId Child, Guid Enquiry)> OpenEnquiryAsync()
    {
        factory.Clock.Set(Now);
        var child = await factory.ChildAsync();
        var discussion = await factory.DiscussionAsync(child);
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var started = await StartAsync(api, discussion.Value);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (api, child, (await started.JsonAsync()).GetProperty("id").GetGuid());
    }

    private async Task<int> VersionAsync(Guid enquiry) => (await factory.EnquiryAsync(enquiry)).Version;

    private Task<bool> AuditedAsync(string action, Guid? record = null, PersonId? person = null, string outcome = "succeeded") =>
        factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.Outcome == outcome
                                                               && (record == null || a.RecordId == record)
                                                               && (person == null || a.PersonId == person.Value.Value)));

    /// <summary>A contact about the child, decided for a strategy discussion and signed off, then the discussion held: all through the API.</summary>
    private async Task<Guid> DiscussionThroughTheFrontDoorAsync(PersonId child)
    {
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var contact = await frontDoor.PostAsJsonAsync("/api/v1/contacts", new
        {
            childId = child.Value,
            source = "Public",
            anonymous = true,
            concerns = "A neighbour heard the child screaming late at night and saw bruises on the child's arms this morning.",
            themes = Neglect,
        });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        var contactId = (await contact.JsonAsync()).GetProperty("contacts")[0].GetProperty("id").GetGuid();
        var decided = await frontDoor.PostAsJsonAsync($"/api/v1/contacts/{contactId}/decision", new
        {
            level = "Statutory",
            outcome = "StrategyDiscussion",
            reasons = "Bruising on a young child with a history of concerns: reasonable cause to suspect significant harm.",
            indicators = StatutoryIndicator,
            version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var signed = await (await factory.ApiAsAsync(FrontDoorManager)).PostAsJsonAsync($"/api/v1/contacts/{contactId}/sign-off",
            new { version = 2, note = "Agreed." });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var discussion = (await signed.JsonAsync()).GetProperty("strategyDiscussionId").GetGuid();
        var held = await frontDoor.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussion}", new
        {
            heldAt = factory.Clock.GetUtcNow().AddMinutes(-30),
            byPhone = true,
            attendees = new[]
            {
                new { name = "Jordan Lee", agency = "ChildrensSocialCare", role = "Front door social worker" },
                new { name = "DC Chris Barnes", agency = "Police", role = "Detective constable" },
                new { name = "Nadia Hussain", agency = "HealthVisiting", role = "Health visitor" },
            },
            startSection47 = true,
            decision = "Section 47 enquiry to start today; joint visit with the police this afternoon.",
            version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        return discussion;
    }

    // ---- Scenarios through the API ----

    [Fact]
    public async Task A_discussion_deciding_on_s47_starts_an_enquiry_whose_continuing_risk_once_authorised_requires_a_conference_and_keeps_s47()
    {
        factory.Clock.Set(Now);
        var child = await factory.ChildAsync();
        var discussion = await DiscussionThroughTheFrontDoorAsync(child);
        Assert.Equal(LegalStatusKind.Section47Enquiry, await factory.LegalStatusOfAsync(child));
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);

        var started = await StartAsync(worker, discussion);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/section-47-enquiries/{id}", started.Headers.Location?.OriginalString);

        // Four working days later the enquiry finds continuing risk; the conference was decided on the same day.
        factory.Clock.Set(Now.AddDays(6));
        var today = factory.Clock.GetUtcNow().InLondon();
        var recorded = await worker.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/outcome",
            Outcome("SubstantiatedAtContinuingRisk", today, 1, today));
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal("OutcomeRecorded", (await recorded.JsonAsync()).GetProperty("status").GetString());
        var authorised = await (await factory.ApiAsAsync(Accounts.TeamManager)).PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/authorise",
            new { version = 2 });
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);

        var view = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/section-47-enquiries/{id}");
        Assert.Equal(("Completed", "SubstantiatedAtContinuingRisk", true, Iso(today)), (view.GetProperty("status").GetString(),
            view.GetProperty("outcome").GetString(), view.GetProperty("conferenceRequired").GetBoolean(),
            view.GetProperty("conferenceDecidedOn").GetString()));
        Assert.Equal(("Sam Okoro", "Priya Shah", "Sam Okoro"), (view.GetProperty("lead").GetProperty("name").GetString(),
            view.GetProperty("authorisedBy").GetString(), view.GetProperty("outcomeRecordedBy").GetString()));
        Assert.Equal(["Started", "OutcomeRecorded", "OutcomeAuthorised"],
            view.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(discussion, view.GetProperty("strategyDiscussionId").GetGuid());
        Assert.Equal(LegalStatusKind.Section47Enquiry, await factory.LegalStatusOfAsync(child));
        var list = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/section-47-enquiries");
        Assert.Equal(id, Assert.Single(list.GetProperty("enquiries").EnumerateArray()).GetProperty("id").GetGuid());
        foreach (var action in new[] { "s47.start", "s47.outcome", "s47.authorise" })
        {
            Assert.True(await AuditedAsync(action, id), action);
        }

        Assert.True(await AuditedAsync("s47.view", person: child, outcome: "allowed"));
        Assert.True(await AuditedAsync("s47.list", person: child, outcome: "allowed"));
    }

    [Fact]
    public async Task Concerns_not_substantiated_once_authorised_make_the_child_a_child_in_need_from_that_day()
    {
        factory.Clock.Set(Now);
        var child = await factory.ChildAsync();
        var discussion = await DiscussionThroughTheFrontDoorAsync(child);
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);
        var id = (await (await StartAsync(worker, discussion)).JsonAsync()).GetProperty("id").GetGuid();

        factory.Clock.Set(Now.AddDays(7));
        var today = factory.Clock.GetUtcNow().InLondon();
        Assert.Equal(HttpStatusCode.OK,
            (await worker.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/outcome", Outcome("NotSubstantiated", today, 1))).StatusCode);
        // Recorded but not yet authorised: the status stays.
        Assert.Equal(LegalStatusKind.Section47Enquiry, await factory.LegalStatusOfAsync(child));
        var authorised = await (await factory.ApiAsAsync(Accounts.TeamManager)).PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/authorise",
            new { version = 2 });

        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
        var body = await authorised.JsonAsync();
        Assert.Equal((false, "Legal status is now Child in need (s17)"),
            (body.GetProperty("conferenceRequired").GetBoolean(), body.GetProperty("legalStatusNote").GetString()));
        var history = await factory.WithDbAsync(db => db.LegalStatuses.Where(s => s.ChildId == child).OrderBy(s => s.From).ToListAsync());
        Assert.Equal([LegalStatusKind.Section47Enquiry, LegalStatusKind.ChildInNeed], history.Select(s => s.Kind));
        Assert.Equal((today, (DateOnly?)today.AddDays(-1)), (history[1].From, history[0].To));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "legal-status.change" && a.RecordId == history[1].Id.Value
                                                                                 && a.Detail == "s47.authorise")));
    }

    [Fact]
    public async Task A_child_on_a_child_protection_plan_is_never_lowered_by_starting_or_completing_an_enquiry()
    {
        factory.Clock.Set(Now);
        var child = await factory.ChildAsync();
        await factory.LegalStatusAsync(child, LegalStatusKind.ChildProtectionPlan);
        var discussion = await factory.DiscussionAsync(child);
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);

        var started = await StartAsync(worker, discussion.Value);
        var body = await started.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal("Legal status stays Child protection plan", body.GetProperty("legalStatusNote").GetString());
        factory.Clock.Set(Now.AddDays(3));
        var today = factory.Clock.GetUtcNow().InLondon();
        Assert.Equal(HttpStatusCode.OK,
            (await worker.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/outcome", Outcome("NotSubstantiated", today, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ApiAsAsync(Accounts.TeamManager))
            .PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/authorise", new { version = 2 })).StatusCode);

        Assert.Equal(LegalStatusKind.ChildProtectionPlan, await factory.LegalStatusOfAsync(child));
        Assert.Equal(1, await factory.WithDbAsync(db => db.LegalStatuses.CountAsync(s => s.ChildId == child)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(LegalStatusKind.EarlyHelp)]
    [InlineData(LegalStatusKind.ChildInNeed)]
    public async Task Starting_puts_a_child_with_a_lower_status_under_the_enquiry_from_the_day_of_the_discussion(LegalStatusKind? before)
    {
        factory.Clock.Set(Now);
        var child = await factory.ChildAsync();
        if (before is { } kind)
        {
            await factory.LegalStatusAsync(child, kind);
        }

        var discussion = await factory.DiscussionAsync(child, daysAgo: 3);

        var started = await StartAsync(await factory.ApiAsAsync(Accounts.SocialWorker), discussion.Value);

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var current = await factory.WithDbAsync(db => db.LegalStatuses.SingleAsync(s => s.ChildId == child && s.To == null));
        Assert.Equal((LegalStatusKind.Section47Enquiry, Now.AddDays(-3).InLondon()), (current.Kind, current.From));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "legal-status.change" && a.RecordId == current.Id.Value
                                                                                 && a.Detail == "s47.start")));
    }

    // ---- Starting: only from a held decision, once (L17) ----

    [Fact]
    public async Task Starting_is_refused_from_a_discussion_not_held_deciding_against_or_held_too_long_ago_and_nothing_is_kept()
    {
        factory.Clock.Set(Now);
        var child = await factory.ChildAsync();
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var discussions = new[]
        {
            await factory.DiscussionAsync(child, held: false),
            await factory.DiscussionAsync(child, s47: false),
            await factory.DiscussionAsync(child, daysAgo: Section47Enquiry.StartWithinDays + 1),
        };

        foreach (var discussion in discussions)
        {
            var refused = await StartAsync(api, discussion.Value);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("strategyDiscussionId", out _));
            Assert.True(await AuditedAsync("s47.start", discussion.Value, child, "refused"));
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.Section47Enquiries.CountAsync(e => e.ChildId == child)));
        Assert.Null(await factory.LegalStatusOfAsync(child));
    }

    [Fact]
    public async Task A_start_without_a_lead_or_with_a_lead_outside_childrens_social_care_is_refused()
    {
        factory.Clock.Set(Now);
        var child = await factory.ChildAsync();
        var discussion = await factory.DiscussionAsync(child);
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        var noLead = await api.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussion.Value}/section-47-enquiry", new { policeRole = "None" });
        var policeLead = await StartAsync(api, discussion.Value, Accounts.Police);
        var administrator = await StartAsync(api, discussion.Value, Accounts.Administrator);

        foreach (var refused in new[] { noLead, policeLead, administrator })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("leadSocialWorkerId", out _));
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.Section47Enquiries.CountAsync(e => e.ChildId == child)));
    }

    [Fact]
    public async Task A_second_start_from_the_same_discussion_is_a_conflict()
    {
        var (api, child, _) = await OpenEnquiryAsync();
        var discussion = (await factory.WithDbAsync(db => db.Section47Enquiries.SingleAsync(e => e.ChildId == child))).StrategyDiscussionId;

        var again = await StartAsync(await factory.ApiAsAsync(Accounts.FrontDoor), discussion.Value);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Section47Enquiries.CountAsync(e => e.ChildId == child)));
        Assert.NotNull(api);
    }

    [Fact]
    public async Task Two_people_starting_at_once_one_starts_it_and_the_other_gets_a_conflict_from_the_index()
    {
        factory.Clock.Set(Now);
        var child = await factory.ChildAsync();
        var discussion = await factory.DiscussionAsync(child);
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        HttpResponseMessage? first = null;
        // The social worker's start has checked there is no enquiry yet; the front door's start lands before it saves.
        factory.Interleave.BeforeNextStart(async () => first = await StartAsync(frontDoor, discussion.Value, Accounts.FrontDoor));

        var second = await StartAsync(worker, discussion.Value);

        Assert.Equal(HttpStatusCode.Created, first!.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("already been started", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var enquiry = await factory.WithDbAsync(db => db.Section47Enquiries.SingleAsync(e => e.ChildId == child));
        Assert.Equal(await factory.ProfessionalOfAsync(Accounts.FrontDoor), enquiry.LeadSocialWorkerId);
        Assert.Equal(1, await factory.WithDbAsync(db => db.LegalStatuses.CountAsync(s => s.ChildId == child)));
        Assert.True(await AuditedAsync("s47.start", discussion.Value, child, "refused"));
    }

    // ---- Who may (both sides of every rule) ----

    [Fact]
    public async Task Others_who_may_open_the_record_read_the_enquiry_but_only_childrens_social_care_starts_it_or_records_roles_and_outcome()
    {
        var (worker, child, id) = await OpenEnquiryAsync();
        await factory.InvolveAsync(child, Accounts.Police, InvolvementRole.PoliceOfficer);
        var police = await factory.ApiAsAsync(Accounts.Police);
        var today = Now.InLondon();
        var discussion = await factory.DiscussionAsync(child);

        var read = await police.GetAsync($"/api/v1/section-47-enquiries/{id}");
        var list = await police.GetAsync($"/api/v1/people/{child.Value}/section-47-enquiries");
        var start = await StartAsync(police, discussion.Value);
        var roles = await police.PutAsJsonAsync($"/api/v1/section-47-enquiries/{id}/roles", new { leadSocialWorkerId = (await factory.ProfessionalOfAsync(Accounts.SocialWorker)).Value, version = 1 });
        var outcome = await police.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/outcome", Outcome("NotSubstantiated", today, 1));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (read.StatusCode, list.StatusCode));
        Assert.False((await read.JsonAsync()).GetProperty("mayWork").GetBoolean());
        foreach (var refused in new[] { start, roles, outcome })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Only children's social care", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal((Section47Status.Open, 1), ((await factory.EnquiryAsync(id)).Status, await VersionAsync(id)));
        Assert.True(await AuditedAsync("s47.outcome", id, child, "refused"));
        Assert.True(await AuditedAsync("s47.roles", id, child, "refused"));
        Assert.True(await AuditedAsync("s47.start", discussion.Value, child, "refused"));

        // The other side: the worker (children's social care) records both.
        Assert.True((await (await worker.GetAsync($"/api/v1/section-47-enquiries/{id}")).JsonAsync()).GetProperty("mayWork").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await worker.PutAsJsonAsync($"/api/v1/section-47-enquiries/{id}/roles",
            new { leadSocialWorkerId = (await factory.ProfessionalOfAsync(Accounts.SocialWorker)).Value, policeRole = "Police not involved further", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/outcome", Outcome("NotSubstantiated", today, 2))).StatusCode);
        Assert.True(await AuditedAsync("s47.roles", id));
    }

    [Fact]
    public async Task Someone_who_may_not_open_the_record_gets_404_for_everything_and_the_attempt_is_audited()
    {
        var (_, child, id) = await OpenEnquiryAsync();
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);
        var discussion = await factory.DiscussionAsync(child);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/section-47-enquiries/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/people/{child.Value}/section-47-enquiries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await StartAsync(outsider, discussion.Value)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/authorise", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/section-47-enquiries/{Guid.NewGuid()}")).StatusCode);
        Assert.True(await AuditedAsync("record.open", child.Value, child, "refused"));
    }

    [Fact]
    public async Task Only_a_childrens_social_care_team_manager_other_than_the_recorder_authorises()
    {
        var (worker, child, id) = await OpenEnquiryAsync();
        var today = Now.InLondon();
        var priya = await factory.ApiAsAsync(Accounts.TeamManager);
        var sergeant = await factory.ApiAsAsync(await factory.PoliceManagerAsync(child));
        // The team manager records the outcome herself: she may not authorise it.
        Assert.Equal(HttpStatusCode.OK, (await priya.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/outcome", Outcome("NotSubstantiated", today, 1))).StatusCode);

        var byWorker = await worker.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/authorise", new { version = 2 });
        var byPolice = await sergeant.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/authorise", new { version = 2 });
        var bySelf = await priya.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/authorise", new { version = 2 });
        var seenBySelf = await priya.GetFromJsonAsync<JsonElement>($"/api/v1/section-47-enquiries/{id}");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (byWorker.StatusCode, byPolice.StatusCode, bySelf.StatusCode));
        Assert.Contains("Only a team manager in children's social care", await byWorker.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Another manager must authorise", await bySelf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(seenBySelf.GetProperty("mayDecide").GetBoolean());
        Assert.Equal(Section47Status.OutcomeRecorded, (await factory.EnquiryAsync(id)).Status);
        Assert.True(await AuditedAsync("s47.authorise", id, child, "refused"));

        var manager = await factory.ApiAsAsync(FrontDoorManager);
        Assert.True((await manager.GetFromJsonAsync<JsonElement>($"/api/v1/section-47-enquiries/{id}")).GetProperty("mayDecide").GetBoolean());
        var stale = await manager.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/authorise", new { version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var authorised = await manager.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/authorise", new { version = 2 });
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
        Assert.Equal("Completed", (await authorised.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/authorise", new { version = 2 })).StatusCode);
    }

    [Fact]
    public async Task A_manager_returns_the_outcome_with_a_reason_and_stale_changes_are_conflicts()
    {
        var (worker, child, id) = await OpenEnquiryAsync();
        var today = Now.InLondon();
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/outcome",
            Outcome("SubstantiatedNotAtContinuingRisk", today, 1))).StatusCode);

        var byWorker = await worker.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/return", new { reason = "The medical's findings are missing.", version = 2 });
        var noReason = await manager.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/return", new { version = 2 });
        var stale = await manager.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/return", new { reason = "The medical's findings are missing.", version = 1 });
        var returned = await manager.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/return", new { reason = "The medical's findings are missing.", version = 2 });

        Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var view = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/section-47-enquiries/{id}");
        Assert.Equal(("Open", JsonValueKind.Null, 3), (view.GetProperty("status").GetString(), view.GetProperty("outcome").ValueKind, view.GetProperty("version").GetInt32()));
        var last = view.GetProperty("events").EnumerateArray().Last();
        Assert.Equal(("OutcomeReturned", "The medical's findings are missing.", "Priya Shah"),
            (last.GetProperty("kind").GetString(), last.GetProperty("note").GetString(), last.GetProperty("by").GetString()));
        Assert.True(await AuditedAsync("s47.return", id));
        Assert.True(await AuditedAsync("s47.return", id, child, "refused"));

        // The worker's roles form read before the return is stale now.
        var staleRoles = await worker.PutAsJsonAsync($"/api/v1/section-47-enquiries/{id}/roles",
            new { leadSocialWorkerId = (await factory.ProfessionalOfAsync(Accounts.SocialWorker)).Value, version = 2 });
        Assert.Equal(HttpStatusCode.Conflict, staleRoles.StatusCode);
        Assert.Equal(3, await VersionAsync(id));
    }

    [Fact]
    public async Task An_outcome_at_continuing_risk_without_the_conference_date_or_dated_in_the_future_is_refused()
    {
        var (worker, _, id) = await OpenEnquiryAsync();
        var today = Now.InLondon();

        var noConference = await worker.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/outcome", Outcome("SubstantiatedAtContinuingRisk", today, 1));
        var future = await worker.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/outcome", Outcome("NotSubstantiated", today.AddDays(1), 1));
        var unversioned = await worker.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/outcome",
            new { outcome = "NotSubstantiated", outcomeOn = today, outcomeReasons = Reasons });

        foreach (var (response, field) in new[] { (noConference, "conferenceDecidedOn"), (future, "outcomeOn"), (unversioned, "version") })
        {
            var body = await response.Content.ReadAsStringAsync();
            // The binder's own check names the field as the type does ("Version"); the rules' refusals in camel case.
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject()
                .Any(e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase)), body);
        }
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (noConference.StatusCode, future.StatusCode, unversioned.StatusCode));
        Assert.Equal((Section47Status.Open, 1), ((await factory.EnquiryAsync(id)).Status, await VersionAsync(id)));
    }

    // ---- Pages ----

    [Fact]
    public async Task The_strategy_discussion_offers_to_start_the_enquiry_only_to_childrens_social_care()
    {
        factory.Clock.Set(Now);
        var child = await factory.ChildAsync();
        var discussion = await factory.DiscussionAsync(child);
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var joined = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/team", new
        {
            professionalId = (await factory.ProfessionalOfAsync(Accounts.HealthVisitor)).Value,
            role = "HealthVisitor",
            startedOn = Now.InLondon().AddDays(-5),
        });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var path = $"/strategy-discussions/{discussion.Value}/section-47-enquiry/new";

        var social = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/strategy-discussions/{discussion.Value}");
        var health = await (await factory.SignedInAsAsync(Accounts.HealthVisitor)).GetStringAsync($"/strategy-discussions/{discussion.Value}");

        Assert.Contains(path, social, StringComparison.Ordinal);
        Assert.DoesNotContain(path, health, StringComparison.Ordinal);
        Assert.Contains("Children's social care will start the section 47 enquiry", health, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_show_the_enquiry_and_offer_each_person_their_own_steps()
    {
        var (worker, child, id) = await OpenEnquiryAsync();
        var discussion = (await factory.EnquiryAsync(id)).StrategyDiscussionId;
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);

        var fromDiscussion = await browser.GetStringAsync($"/strategy-discussions/{discussion.Value}");
        var start = await browser.GetAsync($"/strategy-discussions/{discussion.Value}/section-47-enquiry/new");
        var view = await browser.GetStringAsync($"/section-47-enquiries/{id}");
        var list = await browser.GetStringAsync($"/people/{child.Value}/section-47-enquiries");
        var roles = await browser.GetAsync($"/section-47-enquiries/{id}/roles");
        var outcome = await browser.GetStringAsync($"/section-47-enquiries/{id}/outcome");

        Assert.Contains($"href=\"/section-47-enquiries/{id}\"", fromDiscussion, StringComparison.Ordinal);
        Assert.DoesNotContain($"/strategy-discussions/{discussion.Value}/section-47-enquiry/new", fromDiscussion, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, $"/section-47-enquiries/{id}"), (start.StatusCode, start.Headers.Location?.OriginalString));
        Assert.Contains("Sam Okoro", view, StringComparison.Ordinal);
        Assert.Contains("Joint investigation: DC Chris Barnes", view, StringComparison.Ordinal);
        Assert.Contains("Record the outcome", view, StringComparison.Ordinal);
        Assert.DoesNotContain("Authorise the outcome", view, StringComparison.Ordinal);
        Assert.Contains($"/section-47-enquiries/{id}", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        Assert.Contains(EnquiryWords.Outcome(Section47Outcome.SubstantiatedAtContinuingRisk), outcome, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/outcome",
            Outcome("NotSubstantiated", Now.InLondon(), 1))).StatusCode);
        var manager = await factory.SignedInAsAsync(Accounts.TeamManager);
        Assert.Contains("Authorise the outcome", await manager.GetStringAsync($"/section-47-enquiries/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/section-47-enquiries/{id}/authorise")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/section-47-enquiries/{id}/return")).StatusCode);
    }

    [Fact]
    public async Task The_start_page_starts_an_enquiry_and_without_a_lead_shows_the_error_summary_and_starts_nothing()
    {
        factory.Clock.Set(Now);
        var child = await factory.ChildAsync();
        var discussion = await factory.DiscussionAsync(child);
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/strategy-discussions/{discussion.Value}/section-47-enquiry/new";

        var form = await browser.GetStringAsync(path);
        var invalid = await browser.PostAsync(path, await Clients.FormAsync(browser, path, new() { ["Input.PoliceRole"] = "Joint visit" }));
        var html = await invalid.Content.ReadAsStringAsync();

        Assert.Contains("Lead social worker", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Select the lead social worker", html, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Section47Enquiries.CountAsync(e => e.ChildId == child)));

        var lead = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var started = await browser.PostAsync(path, await Clients.FormAsync(browser, path, new() { ["Input.LeadSocialWorkerId"] = lead.Value.ToString() }));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var enquiry = await factory.WithDbAsync(db => db.Section47Enquiries.SingleAsync(e => e.ChildId == child));
        Assert.Equal($"/section-47-enquiries/{enquiry.Id.Value}", started.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_outcome_page_without_an_outcome_shows_the_error_summary_and_changes_nothing_and_the_manager_authorises_on_the_page()
    {
        var (_, _, id) = await OpenEnquiryAsync();
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/section-47-enquiries/{id}/outcome";
        var today = Iso(Now.InLondon());

        var invalid = await browser.PostAsync(path, await Clients.FormAsync(browser, path, new()
        {
            ["Input.OutcomeOn"] = today,
            ["Input.OutcomeReasons"] = Reasons,
            ["Input.Version"] = "1",
        }));
        var html = await invalid.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Select the outcome of the enquiry", html, StringComparison.Ordinal);
        Assert.Equal((Section47Status.Open, 1), ((await factory.EnquiryAsync(id)).Status, await VersionAsync(id)));

        var recorded = await browser.PostAsync(path, await Clients.FormAsync(browser, path, new()
        {
            ["Input.Outcome"] = "NotSubstantiated",
            ["Input.OutcomeOn"] = today,
            ["Input.OutcomeReasons"] = Reasons,
            ["Input.Version"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var manager = await factory.SignedInAsAsync(Accounts.TeamManager);
        var returnPath = $"/section-47-enquiries/{id}/return";
        var noReason = await manager.PostAsync(returnPath, await Clients.FormAsync(manager, returnPath, new() { ["Input.Reason"] = "Redo", ["Input.Version"] = "2" }));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Enter what must change before the outcome can be authorised", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((Section47Status.OutcomeRecorded, 2), ((await factory.EnquiryAsync(id)).Status, await VersionAsync(id)));

        var authorise = $"/section-47-enquiries/{id}/authorise";
        var authorised = await manager.PostAsync(authorise, await Clients.FormAsync(manager, authorise, new() { ["Input.Version"] = "2" }));
        Assert.Equal(HttpStatusCode.Redirect, authorised.StatusCode);
        Assert.Equal(Section47Status.Completed, (await factory.EnquiryAsync(id)).Status);
    }

    [Fact]
    public async Task Steps_not_the_persons_are_403_on_the_pages_with_the_error_summary()
    {
        var (worker, child, id) = await OpenEnquiryAsync();
        await factory.InvolveAsync(child, Accounts.Police, InvolvementRole.PoliceOfficer);
        var police = await factory.SignedInAsAsync(Accounts.Police);
        var discussion = await factory.DiscussionAsync(child);
        var startPath = $"/strategy-discussions/{discussion.Value}/section-47-enquiry/new";
        var outcomePath = $"/section-47-enquiries/{id}/outcome";

        var start = await police.GetAsync(startPath);
        var outcome = await police.PostAsync(outcomePath, await Clients.FormAsync(police, outcomePath, new()
        {
            ["Input.Outcome"] = "NotSubstantiated",
            ["Input.OutcomeOn"] = Iso(Now.InLondon()),
            ["Input.OutcomeReasons"] = Reasons,
            ["Input.Version"] = "1",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Contains("govuk-error-summary", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, outcome.StatusCode);
        var html = await outcome.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Only children&#x27;s social care", html, StringComparison.Ordinal);
        Assert.Equal((Section47Status.Open, 1), ((await factory.EnquiryAsync(id)).Status, await VersionAsync(id)));

        // The worker's own authorisation on the page is refused the same way.
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/outcome",
            Outcome("NotSubstantiated", Now.InLondon(), 1))).StatusCode);
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var authorise = $"/section-47-enquiries/{id}/authorise";
        var refused = await browser.PostAsync(authorise, await Clients.FormAsync(browser, authorise, new() { ["Input.Version"] = "2" }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("govuk-error-summary", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Section47Status.OutcomeRecorded, (await factory.EnquiryAsync(id)).Status);
    }
}
