using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Features.Assessments;
using Cairn.Web.Tests.Features.Family;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Assessments;

/// <summary>
/// Assessments through the API (issue #13; L25, L26, L27, L32): who may start, read, record, submit, authorise and return one,
/// each rule from both sides, refusals audited; the sections, the flags and the overdue list.
/// </summary>
public sealed class AssessmentsTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private const string Teacher = "kate.collins@cairnmoor.example";
    private const string FrontDoorManager = "ellis.ward@cairnmoor.example";
    private const string LateReason = "The family were abroad for three weeks and could not be seen.";

    private static DateOnly Today => Cairn.Domain.Time.LocalDate.InLondon(DateTimeOffset.UtcNow);

    private static object Sections(string? voice = "Said she likes school and is scared when her parents shout at night.",
        string? health = "Registered with a GP; immunisations up to date.", bool? gp = true, int version = 1, IEnumerable<Guid>? agencies = null) => new
        {
            voiceOfChild = voice,
            health,
            gpInvolved = gp,
            findings = "Parental conflict witnessed by the child.",
            analysis = "The conflict is the main risk to her wellbeing.",
            recommendations = "Child in need plan with a domestic abuse programme.",
            contributingAgencies = agencies ?? [],
            version,
        };

    private static async Task<HttpResponseMessage> StartAsync(HttpClient api, Guid child, object body) =>
        await api.PostAsJsonAsync($"/api/v1/people/{child}/assessments", body);

    private static object ChildAndFamily(DateOnly? startedOn = null) =>
        new { type = "ChildAndFamily", basis = "Section17", startedOn = startedOn ?? Today.AddDays(-3) };

    /// <summary>A child of the social worker's and a child and family assessment of them the social worker leads.</summary>
    private async Task<(HttpClient Api, Guid Child, Guid Id)> StartedAsync(DateOnly? startedOn = null)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var started = await StartAsync(api, child, ChildAndFamily(startedOn));
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return (api, child, (await started.JsonAsync()).GetProperty("id").GetGuid());
    }

    /// <summary>As <see cref="StartedAsync"/>, with every section recorded and submitted by the social worker (version 3).</summary>
    private async Task<(HttpClient Api, Guid Child, Guid Id)> SubmittedAsync()
    {
        var (api, child, id) = await StartedAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/assessments/{id}", Sections())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { version = 2 })).StatusCode);
        return (api, child, id);
    }

    private static async Task JoinTeamAsync(HttpClient api, Guid child, ProfessionalId professional, string role)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/team", new { professionalId = professional.Value, role, startedOn = Today.AddDays(-5) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private Task<Assessment> StoredAsync(Guid id) =>
        factory.WithDbAsync(db => db.Assessments.AsNoTracking().Include(a => a.Events).SingleAsync(a => a.Id == new AssessmentId(id)));

    private Task<bool> AuditedAsync(string action, Guid record, string outcome = "succeeded") =>
        factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.RecordId == record && a.Outcome == outcome));

    private Task<bool> RefusalAuditedAsync(string action, Guid child) =>
        factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.PersonId == child && a.Outcome == "refused"));

    [Fact]
    public async Task A_social_worker_starts_a_child_and_family_assessment_they_lead_due_45_working_days_on_with_its_flags()
    {
        var (api, child, id) = await StartedAsync(Today.AddDays(-3));

        var a = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");

        Assert.Equal(("ChildAndFamily", "Section17", "InProgress"),
            (a.GetProperty("type").GetString(), a.GetProperty("basis").GetString(), a.GetProperty("status").GetString()));
        Assert.Equal("Sam Okoro", a.GetProperty("lead").GetProperty("name").GetString());
        var startedOn = DateOnly.Parse(a.GetProperty("startedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var dueOn = DateOnly.Parse(a.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Today.AddDays(-3), startedOn);
        Assert.Equal(45, new Cairn.Domain.Time.WorkingCalendar(Cairn.Domain.Time.EnglandAndWales.BankHolidays).WorkingDaysBetween(startedOn, dueOn));
        Assert.False(a.GetProperty("isOverdue").GetBoolean());
        Assert.True(a.GetProperty("noGpInvolvement").GetBoolean());
        Assert.Equal(("InProgress", 12), (a.GetProperty("currency").GetProperty("state").GetString(), a.GetProperty("currency").GetProperty("months").GetInt32()));
        Assert.True(a.GetProperty("mayUpdate").GetBoolean());
        Assert.False(a.GetProperty("mayDecide").GetBoolean());
        Assert.Equal("Started", a.GetProperty("history")[0].GetProperty("kind").GetString());
        Assert.True(await AuditedAsync("assessment.start", id));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "assessment.view" && e.PersonId == child)));
        Assert.Equal(await factory.ProfessionalOfAsync(Accounts.SocialWorker), (await StoredAsync(id)).LeadId);
    }

    [Fact]
    public async Task What_each_type_needs_is_refused_by_field_and_nothing_is_saved()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();

        var noType = await StartAsync(api, child, new { startedOn = Today });
        var noBasis = await StartAsync(api, child, new { type = "ChildAndFamily", startedOn = Today });
        var unnamed = await StartAsync(api, child, new { type = "OtherAgency", startedOn = Today });
        var future = await StartAsync(api, child, new { type = "Risk", startedOn = Today.AddDays(1) });

        foreach (var (response, field) in new[] { (noType, "type"), (noBasis, "basis"), (unnamed, "name"), (future, "startedOn") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.Assessments.CountAsync(a => a.ChildId == new PersonId(child))));
        Assert.True(await RefusalAuditedAsync("assessment.start", child));
    }

    [Fact]
    public async Task A_parenting_capacity_assessment_is_of_a_parent_or_carer_of_the_child_L32()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = new PersonId(await api.CreateChildAsync());
        var mother = await api.NewAdultAsync();
        var stranger = await api.NewAdultAsync();
        await api.RelateAsync(child, mother, "Parent");

        var notAParent = await StartAsync(api, child.Value, new { type = "ParentingCapacity", subjectId = stranger.Value, startedOn = Today });
        var ofMother = await StartAsync(api, child.Value, new { type = "ParentingCapacity", subjectId = mother.Value, startedOn = Today });

        Assert.Equal(HttpStatusCode.BadRequest, notAParent.StatusCode);
        Assert.True((await notAParent.JsonAsync()).GetProperty("errors").TryGetProperty("subjectId", out _));
        Assert.Equal(HttpStatusCode.Created, ofMother.StatusCode);
        var a = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{(await ofMother.JsonAsync()).GetProperty("id").GetGuid()}");
        Assert.Equal(mother.Value, a.GetProperty("subjectId").GetGuid());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("dueOn").ValueKind);
    }

    [Fact]
    public async Task Social_care_only_types_are_refused_to_health_which_records_a_health_assessment_and_a_school_an_EHCP_needs_assessment()
    {
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await sam.CreateChildAsync();
        await JoinTeamAsync(sam, child, await factory.ProfessionalOfAsync(Accounts.HealthVisitor), "HealthVisitor");
        var teacher = await factory.ProfessionalOfAsync(Teacher);
        await JoinTeamAsync(sam, child, teacher, "DesignatedSafeguardingLead");
        var health = await factory.ApiAsAsync(Accounts.HealthVisitor);
        var school = await factory.ApiAsAsync(Teacher);

        var refused = await StartAsync(health, child, ChildAndFamily());
        var healthAssessment = await StartAsync(health, child, new { type = "ReviewHealth", startedOn = Today });
        var ehcp = await StartAsync(school, child, new { type = "OtherAgency", name = "EHCP needs assessment", startedOn = Today });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("children's social care", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await RefusalAuditedAsync("assessment.start", child));
        Assert.Equal(HttpStatusCode.Created, healthAssessment.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ehcp.StatusCode);
        var stored = await StoredAsync((await ehcp.JsonAsync()).GetProperty("id").GetGuid());
        var schoolAgency = await factory.WithDbAsync(db => db.Professionals.Where(p => p.Id == teacher).Select(p => p.AgencyId).SingleAsync());
        Assert.Equal(("EHCP needs assessment", teacher, schoolAgency), (stored.TypeName, stored.LeadId, stored.LeadAgencyId));
        var list = await sam.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child}/assessments");
        Assert.Equal(2, list.GetProperty("assessments").GetArrayLength());
    }

    [Fact]
    public async Task The_lead_must_be_the_starter_or_someone_of_their_agency_in_the_team_around_the_child()
    {
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await sam.CreateChildAsync();
        var police = await factory.ProfessionalOfAsync(Accounts.Police);
        await JoinTeamAsync(sam, child, police, "PoliceOfficer");
        var colleague = await factory.ProfessionalWithAccountAsync("Lee Colleague");

        var otherAgency = await StartAsync(sam, child, new { type = "Risk", startedOn = Today, leadId = police.Value });
        var notInTeam = await StartAsync(sam, child, new { type = "Risk", startedOn = Today, leadId = colleague.Id.Value });
        await JoinTeamAsync(sam, child, colleague.Id, "AllocatedSocialWorker");
        var inTeam = await StartAsync(sam, child, new { type = "Risk", startedOn = Today, leadId = colleague.Id.Value });

        Assert.Equal(HttpStatusCode.BadRequest, otherAgency.StatusCode);
        Assert.True((await otherAgency.JsonAsync()).GetProperty("errors").TryGetProperty("leadId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, notInTeam.StatusCode);
        Assert.Equal(HttpStatusCode.Created, inTeam.StatusCode);
        Assert.Equal(colleague.Id, (await StoredAsync((await inTeam.JsonAsync()).GetProperty("id").GetGuid())).LeadId);
    }

    [Fact]
    public async Task A_referral_and_an_enquiry_must_be_the_childs_own()
    {
        var (api, _, _) = await StartedAsync();
        var other = await api.CreateChildAsync();
        var child = await api.CreateChildAsync();

        var response = await StartAsync(api, child, new
        {
            type = "ChildAndFamily",
            basis = "Section47",
            startedOn = Today,
            referralId = Guid.NewGuid(),
            enquiryId = Guid.NewGuid(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("referralId", out _));
        Assert.True(errors.TryGetProperty("enquiryId", out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Assessments.CountAsync(a => a.ChildId == new PersonId(child) || a.ChildId == new PersonId(other))));
    }

    [Fact]
    public async Task Someone_who_may_not_open_the_record_sees_nothing_and_changes_nothing()
    {
        var (_, child, id) = await StartedAsync();
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/assessments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/people/{child}/assessments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await StartAsync(outsider, child, new { type = "Risk", startedOn = Today })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PutAsJsonAsync($"/api/v1/assessments/{id}", Sections())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/assessments/{id}/authorise", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/assessments/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(1, (await StoredAsync(id)).Version);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "record.open" && e.PersonId == child && e.Outcome == "refused")));
    }

    [Fact]
    public async Task An_involved_police_officer_reads_but_may_not_record_or_submit_and_the_refusals_are_audited()
    {
        var (sam, child, id) = await StartedAsync();
        await JoinTeamAsync(sam, child, await factory.ProfessionalOfAsync(Accounts.Police), "PoliceOfficer");
        var police = await factory.ApiAsAsync(Accounts.Police);

        var read = await police.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        var update = await police.PutAsJsonAsync($"/api/v1/assessments/{id}", Sections());
        var submit = await police.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { version = 1 });

        Assert.False(read.GetProperty("mayUpdate").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Contains(AssessmentAccessHandler.NotTheirWork, await update.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal((1, (string?)null), ((await StoredAsync(id)).Version, (await StoredAsync(id)).VoiceOfChild));
        Assert.True(await AuditedAsync("assessment.update", id, "refused"));
        Assert.True(await AuditedAsync("assessment.submit", id, "refused"));
    }

    [Fact]
    public async Task Someone_in_the_leads_agency_who_may_open_the_record_records_the_sections_and_the_GP_flag_clears()
    {
        var (_, _, id) = await StartedAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var police = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == "Cairnmoor Police").Select(a => a.Id.Value).SingleAsync());

        var updated = await frontDoor.PutAsJsonAsync($"/api/v1/assessments/{id}", Sections(agencies: [police]));

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var a = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        Assert.False(a.GetProperty("noGpInvolvement").GetBoolean());
        Assert.Equal("Cairnmoor Police", a.GetProperty("contributingAgencies")[0].GetProperty("name").GetString());
        Assert.StartsWith("Said she likes school", a.GetProperty("voiceOfChild").GetString(), StringComparison.Ordinal);
        Assert.True(await AuditedAsync("assessment.update", id));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordId == id && e.Detail != null && e.Detail.Contains("school"))),
            "The audit never holds what was written");
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_an_agency_not_of_the_area_is_refused()
    {
        var (api, _, id) = await StartedAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/assessments/{id}", Sections())).StatusCode);

        var stale = await api.PutAsJsonAsync($"/api/v1/assessments/{id}", Sections(voice: "Something else", version: 1));
        var unknownAgency = await api.PutAsJsonAsync($"/api/v1/assessments/{id}", Sections(version: 2, agencies: [Guid.NewGuid()]));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this assessment", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownAgency.StatusCode);
        Assert.True((await unknownAgency.JsonAsync()).GetProperty("errors").TryGetProperty("contributingAgencies", out _));
        Assert.Equal(2, (await StoredAsync(id)).Version);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordId == id && e.Action == "assessment.update"
            && e.Outcome == "refused" && e.Detail == "conflict: Version")));
    }

    [Fact]
    public async Task Submitting_needs_the_voice_of_the_child_and_health()
    {
        var (api, _, id) = await StartedAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/assessments/{id}", Sections(voice: null, health: " "))).StatusCode);

        var response = await api.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { version = 2 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("voiceOfChild", out _));
        Assert.True(errors.TryGetProperty("health", out _));
        Assert.Equal(AssessmentStatus.InProgress, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Only_a_team_manager_of_the_leads_agency_authorises_and_the_assessment_is_then_current()
    {
        var (sam, _, id) = await SubmittedAsync();
        await JoinTeamAsync(sam, (await StoredAsync(id)).ChildId.Value, await factory.ProfessionalOfAsync(Accounts.Police), "PoliceOfficer");
        var police = await factory.ApiAsAsync(Accounts.Police);
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);

        var bySam = await sam.PostAsJsonAsync($"/api/v1/assessments/{id}/authorise", new { version = 3 });
        var byPolice = await police.PostAsJsonAsync($"/api/v1/assessments/{id}/authorise", new { version = 3 });
        var view = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        var byManager = await manager.PostAsJsonAsync($"/api/v1/assessments/{id}/authorise", new { version = 3 });

        Assert.Equal(HttpStatusCode.Forbidden, bySam.StatusCode);
        Assert.Contains(AssessmentAccessHandler.NotTheirDecision, await bySam.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byPolice.StatusCode);
        Assert.True(view.GetProperty("mayDecide").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, byManager.StatusCode);
        var a = await sam.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        Assert.Equal(("Authorised", "Current", "Priya Shah"), (a.GetProperty("status").GetString(),
            a.GetProperty("currency").GetProperty("state").GetString(), a.GetProperty("authorisedBy").GetString()));
        Assert.Equal(Today.AddMonths(12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            a.GetProperty("currency").GetProperty("currentUntil").GetString());
        Assert.True(await AuditedAsync("assessment.authorise", id, "refused"));
        Assert.True(await AuditedAsync("assessment.authorise", id));
        var list = await sam.GetFromJsonAsync<JsonElement>($"/api/v1/people/{a.GetProperty("childId").GetString()}/assessments");
        Assert.Equal("Current", list.GetProperty("assessments")[0].GetProperty("currency").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_manager_who_submitted_it_may_neither_authorise_nor_return_it_and_another_manager_may()
    {
        var (_, _, id) = await StartedAsync();
        var priya = await factory.ApiAsAsync(Accounts.TeamManager);
        Assert.Equal(HttpStatusCode.OK, (await priya.PutAsJsonAsync($"/api/v1/assessments/{id}", Sections())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await priya.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { version = 2 })).StatusCode);

        var authorise = await priya.PostAsJsonAsync($"/api/v1/assessments/{id}/authorise", new { version = 3 });
        var giveBack = await priya.PostAsJsonAsync($"/api/v1/assessments/{id}/return",
            new { reason = "The analysis does not weigh the father's history.", version = 3 });
        var other = await factory.ApiAsAsync(FrontDoorManager);
        var byOther = await other.PostAsJsonAsync($"/api/v1/assessments/{id}/authorise", new { version = 3 });

        Assert.Equal(HttpStatusCode.Forbidden, authorise.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, giveBack.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOther.StatusCode);
        Assert.Equal(AssessmentStatus.Authorised, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task A_manager_returns_it_with_what_must_change_and_the_lead_can_work_on_it_again()
    {
        var (sam, _, id) = await SubmittedAsync();
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);

        var tooShort = await manager.PostAsJsonAsync($"/api/v1/assessments/{id}/return", new { reason = "Redo", version = 3 });
        var returned = await manager.PostAsJsonAsync($"/api/v1/assessments/{id}/return",
            new { reason = "The analysis does not weigh the father's history.", version = 3 });
        var bySam = await sam.PostAsJsonAsync($"/api/v1/assessments/{id}/return", new { reason = "I would like to change the analysis.", version = 4 });

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bySam.StatusCode);
        var stored = await StoredAsync(id);
        Assert.Equal(AssessmentStatus.InProgress, stored.Status);
        Assert.Equal("The analysis does not weigh the father's history.", stored.Events.Single(e => e.Kind == AssessmentEventKind.Returned).Note);
        Assert.Equal(HttpStatusCode.OK, (await sam.PutAsJsonAsync($"/api/v1/assessments/{id}", Sections(version: 4))).StatusCode);
        Assert.True(await AuditedAsync("assessment.return", id));
    }

    [Fact]
    public async Task The_overdue_list_shows_a_practitioner_their_own_and_a_manager_their_teams_but_no_one_elses()
    {
        var (_, _, late) = await StartedAsync(Today.AddDays(-100));
        var (_, _, onTime) = await StartedAsync(Today.AddDays(-5));

        var sam = await (await factory.ApiAsAsync(Accounts.SocialWorker)).GetFromJsonAsync<JsonElement>("/api/v1/assessments/overdue");
        var priya = await (await factory.ApiAsAsync(Accounts.TeamManager)).GetFromJsonAsync<JsonElement>("/api/v1/assessments/overdue");
        var jordan = await (await factory.ApiAsAsync(Accounts.FrontDoor)).GetFromJsonAsync<JsonElement>("/api/v1/assessments/overdue");

        static List<Guid> Ids(JsonElement list, string part) => list.GetProperty(part).EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(late, Ids(sam, "mine"));
        Assert.DoesNotContain(onTime, Ids(sam, "mine"));
        Assert.Empty(Ids(sam, "team"));
        Assert.Contains(late, Ids(priya, "team"));
        Assert.DoesNotContain(late, Ids(priya, "mine"));
        Assert.DoesNotContain(late, Ids(jordan, "mine").Concat(Ids(jordan, "team")));
        var item = sam.GetProperty("mine").EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == late);
        Assert.Equal(("Sam Okoro", "InProgress"), (item.GetProperty("lead").GetString(), item.GetProperty("currency").GetProperty("state").GetString()));
        var child = (await StoredAsync(late)).ChildId.Value;
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "assessment.overdue-list" && e.PersonId == child)));
    }

    [Fact]
    public async Task The_pages_show_the_assessment_its_flags_and_a_stale_page_post_is_409()
    {
        var (_, child, id) = await StartedAsync(Today.AddDays(-100));
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);

        var view = await browser.GetStringAsync($"/assessments/{id}");
        var list = await browser.GetStringAsync($"/people/{child}/assessments");
        var form = await Clients.FormAsync(browser, $"/assessments/{id}/edit", new() { ["Input.VoiceOfChild"] = "Stale words", ["Input.Version"] = "7" });
        var stale = await browser.PostAsync($"/assessments/{id}/edit", form);
        var outsider = await factory.SignedInAsAsync(Accounts.Uninvolved);

        Assert.Contains("No GP involvement recorded", view, StringComparison.Ordinal);
        Assert.Contains("Overdue: it was due by", view, StringComparison.Ordinal);
        Assert.Contains("Not yet authorised", view, StringComparison.Ordinal);
        Assert.Contains("Child and family assessment", list, StringComparison.Ordinal);
        Assert.Contains("Overdue: due by", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("govuk-error-summary", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/assessments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/people/{child}/assessments/new")).StatusCode);
    }

    [Fact]
    public async Task The_start_page_refuses_with_a_GOV_UK_error_summary_and_starts_with_the_starter_as_lead()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);

        var refused = await browser.PostAsync($"/people/{child}/assessments/new",
            await Clients.FormAsync(browser, $"/people/{child}/assessments/new", new() { ["Input.StartedOn"] = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }));
        var started = await browser.PostAsync($"/people/{child}/assessments/new",
            await Clients.FormAsync(browser, $"/people/{child}/assessments/new", new()
            {
                ["Input.Type"] = "ChildAndFamily",
                ["Input.Basis"] = "Section47",
                ["Input.StartedOn"] = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["Input.LeadId"] = (await factory.ProfessionalOfAsync(Accounts.SocialWorker)).Value.ToString(),
            }));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Select the type of assessment", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.StartsWith("/assessments/", started.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
