using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.People;
using Cairn.Domain.Time;
using Cairn.Web.Background.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Notifications;
using Cairn.Web.Tests.Features.FrontDoor;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Concerns;

/// <summary>Concerns that add up, end to end through the API: rules, prompts, answers, escalation and settings.</summary>
public sealed class ConcernPromptTests(ConcernsFactory factory) : IClassFixture<ConcernsFactory>
{
    private const string SchoolLead = "kate.collins@cairnmoor.example";
    private const string Gp = "dr.patel@cairnmoor.example";
    private static readonly DateTimeOffset Now = FrontDoorFactory.TuesdayMorning;
    private static DateOnly Today => Now.InLondon();

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>A mother and a child living together; each professional named is involved with the child, the first as lead professional.</summary>
    private async Task<(PersonId Mother, PersonId Child)> FamilyAsync(DateOnly childBorn, params string[] involved)
    {
        var mother = await factory.PersonAsync("Mother" + Tag(), "Family" + Tag(), new DateOnly(1992, 5, 1), PersonKind.Adult);
        var child = await factory.PersonAsync("Child" + Tag(), "Family", childBorn);
        await factory.WithDbAsync(async db =>
        {
            var household = Household.Start(await factory.DemoAreaIdAsync(), "Family household", mother, Today.AddYears(-3), Today).Value!;
            household.Join(child, childBorn < Today.AddYears(-3) ? Today.AddYears(-3) : childBorn, Today);
            db.Households.Add(household);
            var team = new TeamAroundChild(child, []);
            for (var i = 0; i < involved.Length; i++)
            {
                var p = await db.Professionals.SingleAsync(x => x.Email == involved[i]);
                var role = involved[i] switch
                {
                    SchoolLead => InvolvementRole.DesignatedSafeguardingLead,
                    Gp => InvolvementRole.GeneralPractitioner,
                    Accounts.HealthVisitor => InvolvementRole.HealthVisitor,
                    Accounts.Police => InvolvementRole.PoliceOfficer,
                    _ => InvolvementRole.AllocatedSocialWorker,
                };
                db.Involvements.Add(team.Add(p.Id, p.AgencyId, role, Today.AddMonths(-6), i == 0, p.Id, Today).Value!);
            }

            return await db.SaveChangesAsync();
        });
        return (mother, child);
    }

    private async Task<Guid> RecordAsync(string who, PersonId about, object entry)
    {
        var api = await factory.ApiAsAsync(who);
        var response = await api.PostAsJsonAsync($"/api/v1/people/{about.Value}/chronology", entry);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static readonly string[] Neglect = ["Neglect"];
    private static readonly string[] UnmetHealthNeeds = ["UnmetHealthNeeds"];
    private static readonly string[] HomeConditions = ["HomeConditions"];
    private static readonly string[] DomesticAbuse = ["DomesticAbuse"];
    private static readonly string[] AlcoholMisuse = ["ParentalAlcoholMisuse"];

    /// <summary>The review's pattern (TW): four agencies, each below threshold, that together meet it.</summary>
    private async Task<(PersonId Child, Guid[] Entries)> FourAgenciesAsync()
    {
        factory.Clock.Set(Now);
        var (_, child) = await FamilyAsync(Today.AddYears(-6), Accounts.SocialWorker, SchoolLead, Gp, Accounts.HealthVisitor, Accounts.Police);
        var entries = new Guid[4];
        entries[0] = await RecordAsync(SchoolLead, child, new
        {
            occurredAt = Now.AddDays(-40),
            category = "Education",
            significance = "Routine",
            concerns = Neglect,
            summary = "Came to school in the same unwashed clothes all week; poor hygiene",
        });
        entries[1] = await RecordAsync(Gp, child, new
        {
            occurredAt = Now.AddDays(-30),
            category = "Appointment",
            significance = "Routine",
            appointmentOutcome = "WasNotBrought",
            concerns = UnmetHealthNeeds,
            summary = "Pre-school immunisations: was not brought",
        });
        entries[2] = await RecordAsync(Accounts.HealthVisitor, child, new
        {
            occurredAt = Now.AddDays(-20),
            category = "HomeVisit",
            significance = "Routine",
            contactMode = "FaceToFace",
            concerns = HomeConditions,
            summary = "Home visit: the house was very cold, no heating on",
            whyNotGathered = "The child was at school during the visit",
        });
        Assert.Empty(await PromptsAsync(child));
        entries[3] = await RecordAsync(Accounts.Police, child, new
        {
            occurredAt = Now.AddDays(-2),
            category = "Police",
            significance = "Significant",
            concerns = DomesticAbuse,
            summary = "Domestic incident at the home address; the child was present",
        });
        return (child, entries);
    }

    /// <summary>A fifth concern after the four agencies': the health visitor finds the home still cold.</summary>
    private Task<Guid> FifthConcernAsync(PersonId child) => RecordAsync(Accounts.HealthVisitor, child, new
    {
        occurredAt = Now.AddDays(-1),
        category = "HomeVisit",
        significance = "Routine",
        contactMode = "FaceToFace",
        concerns = HomeConditions,
        summary = "Home visit: still no heating, the child in a coat indoors",
        whyNotGathered = "The child was asleep during the visit",
    });

    private Task<List<ConcernPrompt>> PromptsAsync(PersonId child) =>
        factory.WithDbAsync(db => db.ConcernPrompts.Include(p => p.Evidence).Include(p => p.Events).Where(p => p.Child == child).ToListAsync());

    [Fact]
    public async Task Four_agencies_concerns_add_up_to_one_prompt_for_the_lead_professional_listing_all_four()
    {
        var (child, entries) = await FourAgenciesAsync();

        var prompt = Assert.Single(await PromptsAsync(child));
        Assert.Equal(ConcernRule.CumulativeConcern, prompt.Rule);
        Assert.Equal(entries.Order(), prompt.Entries.Select(e => e.Value).Order());
        Assert.Equal(await factory.ProfessionalOfAsync(Accounts.SocialWorker), prompt.AssignedProfessional);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "concern.raise" && a.PersonId == child.Value)));
        var lead = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == lead && n.Link == $"/concerns/{prompt.Id.Value}")));

        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/concerns");
        Assert.Contains(list.GetProperty("prompts").EnumerateArray(), p => p.GetProperty("id").GetGuid() == prompt.Id.Value);
        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/concerns/{prompt.Id.Value}");
        Assert.Equal(4, details.GetProperty("evidence").GetArrayLength());
        Assert.All(details.GetProperty("evidence").EnumerateArray(), e => Assert.StartsWith("/chronology/", e.GetProperty("link").GetString(), StringComparison.Ordinal));

        // Evaluating again changes nothing: the open prompt already holds every entry.
        await using var scope = factory.Services.CreateAsyncScope();
        var again = await scope.ServiceProvider.GetRequiredService<ConcernEvaluator>().EvaluateAsync([child], CancellationToken.None);
        Assert.Equal((0, 0), (again.Raised, again.Refreshed));
        Assert.Single(await PromptsAsync(child));

        // A fifth concern is added to the open prompt as new evidence, kept with what was there, and its version moves on.
        var fifth = await FifthConcernAsync(child);
        var refreshed = Assert.Single(await PromptsAsync(child));
        Assert.Equal(entries.Append(fifth).Order(), refreshed.Entries.Select(e => e.Value).Order());
        Assert.Contains(refreshed.Events, e => e.Kind == ConcernPromptEventKind.EvidenceAdded);
        Assert.True(refreshed.Version > prompt.Version);
    }

    [Fact]
    public async Task An_answer_given_while_new_evidence_is_being_added_stands_and_the_new_evidence_raises_a_new_prompt()
    {
        var (child, entries) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));
        var lead = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        // The lead professional answers the prompt at the moment the evaluation saves the new evidence on it.
        factory.Fault.BeforeRefresh = () => factory.WithDbAsync(async db =>
        {
            var current = await db.ConcernPrompts.SingleAsync(p => p.Id == prompt.Id);
            Assert.Null(current.Answer(lead, null, PromptResponse.AlreadyInHand, "The child protection plan already covers the home conditions.",
                current.Version, Now));
            return await db.SaveChangesAsync();
        });

        var fifth = await FifthConcernAsync(child);

        Assert.Null(factory.Fault.BeforeRefresh);
        var prompts = await PromptsAsync(child);
        var answered = Assert.Single(prompts, p => p.Id == prompt.Id);
        Assert.Equal((ConcernPromptStatus.Answered, PromptResponse.AlreadyInHand), (answered.Status, answered.Response));
        Assert.Equal(entries.Order(), answered.Entries.Select(e => e.Value).Order());
        Assert.DoesNotContain(answered.Events, e => e.Kind == ConcernPromptEventKind.EvidenceAdded);
        var raised = Assert.Single(prompts, p => p.IsOpen);
        Assert.Equal(entries.Append(fifth).Order(), raised.Entries.Select(e => e.Value).Order());
    }

    [Fact]
    public async Task Evaluating_in_a_context_that_has_already_read_the_prompt_still_adds_the_new_evidence_and_refuses_unsaved_work()
    {
        var (child, entries) = await FourAgenciesAsync();
        // A fifth concern written straight to the database: nothing has evaluated it yet.
        await factory.WithDbAsync(async db =>
        {
            await AddDomesticIncidentAsync(db, child, true);
            return await db.SaveChangesAsync();
        });

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        var evaluator = scope.ServiceProvider.GetRequiredService<ConcernEvaluator>();
        // As a sweep in the same scope may leave it: the open prompt read and tracked.
        var tracked = await db.ConcernPrompts.SingleAsync(p => p.Child == child && p.Rule == ConcernRule.CumulativeConcern);
        db.Notifications.Add(new Notification { ProfessionalId = tracked.AssignedProfessional!.Value, Kind = "test", Text = "unsaved", CreatedAt = Now });
        await Assert.ThrowsAsync<InvalidOperationException>(() => evaluator.EvaluateAsync([child], CancellationToken.None));
        db.ChangeTracker.Entries<Notification>().Single().State = EntityState.Detached;

        var result = await evaluator.EvaluateAsync([child], CancellationToken.None);

        Assert.True(result.Refreshed >= 1);
        var prompt = Assert.Single(await PromptsAsync(child), p => p.Rule == ConcernRule.CumulativeConcern);
        Assert.Equal(entries.Length + 1, prompt.Entries.Count);
        Assert.False(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == "test")));
    }

    [Fact]
    public async Task A_child_under_two_in_a_household_where_an_adult_misuses_alcohol_gets_a_prompt()
    {
        factory.Clock.Set(Now);
        var (mother, baby) = await FamilyAsync(Today.AddMonths(-10), Accounts.HealthVisitor);

        var entry = await RecordAsync(Accounts.SafeguardingLead, mother, new
        {
            occurredAt = Now.AddDays(-5),
            category = "Incident",
            significance = "Routine",
            concerns = AlcoholMisuse,
            summary = "Mother disclosed drinking heavily most evenings",
        });

        var prompt = Assert.Single(await PromptsAsync(baby), p => p.Rule == ConcernRule.UnderTwoInRiskHousehold);
        Assert.Equal([new ChronologyEntryId(entry)], prompt.Entries);
        Assert.Equal(await factory.ProfessionalOfAsync(Accounts.HealthVisitor), prompt.AssignedProfessional);
    }

    [Fact]
    public async Task Recording_an_entry_evaluates_only_the_children_it_concerns()
    {
        factory.Clock.Set(Now);
        var (_, other) = await FamilyAsync(Today.AddMonths(-10), Accounts.HealthVisitor);
        // Facts written straight to the database: nothing has evaluated this child yet.
        await factory.WithDbAsync(async db =>
        {
            await AddDomesticIncidentAsync(db, other, true);
            return await db.SaveChangesAsync();
        });
        var (child, _) = await FourAgenciesAsync();

        Assert.Single(await PromptsAsync(child));
        Assert.Empty(await PromptsAsync(other));

        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ConcernEvaluator>().EvaluateAsync([other], CancellationToken.None);
        Assert.Equal(1, result.Children);
        Assert.Contains(await PromptsAsync(other), p => p.Rule == ConcernRule.UnderTwoInRiskHousehold);
    }

    [Fact]
    public async Task When_evaluation_fails_the_entry_is_saved_the_request_succeeds_and_the_next_sweep_evaluates_it()
    {
        factory.Fault.On = true;
        (PersonId Child, Guid[] Entries) four;
        try
        {
            // The fourth entry's evaluation raises a prompt, whose write the database refuses: RecordAsync checks the 201.
            four = await FourAgenciesAsync();
        }
        finally
        {
            factory.Fault.On = false;
        }

        var (child, entries) = four;
        Assert.True(await factory.WithDbAsync(db => db.ChronologyEntries.AnyAsync(e => e.Id == new ChronologyEntryId(entries[3]))));
        Assert.Empty(await PromptsAsync(child));
        Assert.Single(await PendingAsync(child));

        // Within the grace the request is still taken to be evaluating it; after it, the sweep evaluates it once.
        Assert.Equal(0, await SweepPendingAsync(Now));
        Assert.Equal(1, await SweepPendingAsync(Now.Add(ConcernSweep.PendingGrace)));
        var prompt = Assert.Single(await PromptsAsync(child));
        Assert.Equal(entries.Order(), prompt.Entries.Select(e => e.Value).Order());
        Assert.Empty(await PendingAsync(child));
        Assert.Equal(0, await SweepPendingAsync(Now.Add(ConcernSweep.PendingGrace)));
    }

    [Fact]
    public async Task A_pending_evaluation_that_keeps_failing_stays_pending_without_holding_up_the_others()
    {
        factory.Clock.Set(Now);
        var (mother, baby) = await FamilyAsync(Today.AddMonths(-10), Accounts.HealthVisitor);
        var (_, calm) = await FamilyAsync(Today.AddYears(-8), Accounts.SocialWorker);
        // Facts written straight to the database, each with the note a handler would have left had its evaluation failed:
        // the baby's raises a prompt (refused while the fault is on), the other child's raises nothing.
        await factory.WithDbAsync(async db =>
        {
            await AddDomesticIncidentAsync(db, mother, false);
            db.PendingEvaluations.Add(new PendingEvaluation { PersonId = mother, QueuedAt = Now.AddMinutes(-5) });
            db.PendingEvaluations.Add(new PendingEvaluation { PersonId = calm, QueuedAt = Now.AddMinutes(-4) });
            return await db.SaveChangesAsync();
        });

        factory.Fault.On = true;
        try
        {
            Assert.Equal(1, await SweepPendingAsync(Now));
        }
        finally
        {
            factory.Fault.On = false;
        }

        Assert.Single(await PendingAsync(mother));
        Assert.Empty(await PendingAsync(calm));
        Assert.Empty(await PromptsAsync(baby));

        Assert.Equal(1, await SweepPendingAsync(Now));
        Assert.Contains(await PromptsAsync(baby), p => p.Rule == ConcernRule.UnderTwoInRiskHousehold);
        Assert.Empty(await PendingAsync(mother));
    }

    /// <summary>A police entry about a domestic incident, three days ago, added straight to the database: nothing evaluates it.</summary>
    private async Task AddDomesticIncidentAsync(CairnDbContext db, PersonId about, bool isChild)
    {
        var agency = await db.Agencies.FirstAsync(a => a.Kind == AgencyKind.Police);
        var recorder = await factory.ProfessionalOfAsync(Accounts.Police);
        var content = new ChronologyContent(Now.AddDays(-3), ChronologyCategory.Police, Significance.Significant, null, null, "Domestic incident", null, null)
        { Concerns = ConcernTheme.DomesticAbuse };
        db.ChronologyEntries.Add(ChronologyEntry.Record(content, [(about, isChild)], agency.Id, agency.Kind, recorder, Now).Value!);
    }

    private Task<List<PendingEvaluation>> PendingAsync(PersonId person) =>
        factory.WithDbAsync(db => db.PendingEvaluations.Where(p => p.PersonId == person).ToListAsync());

    private async Task<int> SweepPendingAsync(DateTimeOffset at)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConcernSweep>().EvaluatePendingAsync(at);
    }

    [Fact]
    public async Task Only_those_it_is_for_answer_it_and_a_step_up_makes_a_front_door_contact()
    {
        var (child, _) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));
        var path = $"/api/v1/concerns/{prompt.Id.Value}";
        var reason = "Four agencies, one picture: together this meets the threshold for a referral.";

        // Not involved: neither the prompt nor the record, so 404 both ways.
        var stranger = await factory.ApiAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync(path + "/answer", new { response = "NoActionNeeded", reason, version = prompt.Version })).StatusCode);
        // A safeguarding lead sees it but does not answer another's prompt.
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync(path + "/answer", new { response = "NoActionNeeded", reason, version = prompt.Version })).StatusCode);

        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);
        var blank = await worker.PostAsJsonAsync(path + "/answer", new { response = "StepUpToFrontDoor", reason = " ", version = prompt.Version });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.True((await blank.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        var stale = await worker.PostAsJsonAsync(path + "/answer", new { response = "StepUpToFrontDoor", reason, version = prompt.Version + 5 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var answered = await worker.PostAsJsonAsync(path + "/answer", new { response = "StepUpToFrontDoor", reason, version = prompt.Version });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var contactId = new ContactId((await answered.JsonAsync()).GetProperty("contactId").GetGuid());
        var contact = await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == contactId));
        Assert.Equal(ContactSource.ConcernPrompt, contact.Source);
        Assert.Equal(child, contact.ChildId);
        Assert.Contains(prompt.Summary, contact.Concerns, StringComparison.Ordinal);
        var details = await worker.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("Answered", details.GetProperty("status").GetString());
        Assert.Equal(contactId.Value, details.GetProperty("steppedUpContact").GetGuid());

        // Answered once: a second answer is refused, and nothing new is raised for the same evidence.
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync(path + "/answer", new { response = "NoActionNeeded", reason, version = prompt.Version })).StatusCode);
    }

    private const string FrontDoorManager = "ellis.ward@cairnmoor.example";
    private const string Reason = "Moving the case: the allocated worker is on leave for two weeks from today.";

    private static object Reassign(Guid? to, int version, string? reason = Reason, bool toFrontDoorTeam = false) =>
        new { toProfessional = to, toFrontDoorTeam, reason, version };

    [Fact]
    public async Task The_assignee_a_front_door_manager_or_a_safeguarding_lead_may_pass_a_prompt_on_and_others_may_not()
    {
        var (child, _) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));
        var path = $"/api/v1/concerns/{prompt.Id.Value}/reassign";
        var gp = await factory.ProfessionalOfAsync(Gp);
        var police = await factory.ProfessionalOfAsync(Accounts.Police);

        // Seeing the prompt (front door worker, not a manager) is not enough; not seeing it at all is 404.
        var frontDoorWorker = await factory.ApiAsAsync(Accounts.FrontDoor);
        Assert.Equal(HttpStatusCode.Forbidden, (await frontDoorWorker.PostAsJsonAsync(path, Reassign(gp.Value, prompt.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ApiAsAsync(Accounts.Uninvolved)).PostAsJsonAsync(path, Reassign(gp.Value, prompt.Version))).StatusCode);
        // Someone in the team around the child it is not for does not see the prompt, so cannot pass it on.
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ApiAsAsync(Gp)).PostAsJsonAsync(path, Reassign(gp.Value, prompt.Version))).StatusCode);
        Assert.Equal(1, (await PromptsAsync(child))[0].Version);

        // The assignee passes it to the GP.
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);
        var passed = await worker.PostAsJsonAsync(path, Reassign(gp.Value, prompt.Version));
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        var afterWorker = Assert.Single(await PromptsAsync(child));
        Assert.Equal(gp, afterWorker.AssignedProfessional);
        Assert.Equal(prompt.DueAt, afterWorker.DueAt);
        var step = Assert.Single(afterWorker.Events, e => e.Kind == ConcernPromptEventKind.Reassigned);
        Assert.Equal((await factory.ProfessionalOfAsync(Accounts.SocialWorker), Reason), (step.By, step.Note));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == gp && n.Kind == "concern.reassigned"
            && n.Link == $"/concerns/{prompt.Id.Value}")));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a =>
            a.Action == "concern.reassign" && a.RecordId == prompt.Id.Value && a.Outcome == "succeeded"));
        Assert.Equal($"professional:{gp.Value}", audit.Detail);
        // The front door worker's attempt is in the log as refused, a step not theirs.
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "concern.reassign" && a.RecordId == prompt.Id.Value
            && a.PersonId == child.Value && a.Outcome == "refused" && a.Detail!.StartsWith("not-allowed"))));
        // The old assignee no longer sees it, so cannot pass it on; a stale version is a conflict.
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostAsJsonAsync(path, Reassign(police.Value, afterWorker.Version))).StatusCode);
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync(path, Reassign(police.Value, prompt.Version))).StatusCode);

        // A safeguarding lead passes it to the police officer; the front door manager passes it to the front door team.
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync(path, Reassign(police.Value, afterWorker.Version))).StatusCode);
        var manager = await factory.ApiAsAsync(FrontDoorManager);
        var toTeam = await manager.PostAsJsonAsync(path, Reassign(null, afterWorker.Version + 1, toFrontDoorTeam: true));
        Assert.Equal(HttpStatusCode.OK, toTeam.StatusCode);
        var last = Assert.Single(await PromptsAsync(child));
        Assert.Null(last.AssignedProfessional);
        Assert.NotNull(last.AssignedTeam);
        Assert.Equal(3, last.Events.Count(e => e.Kind == ConcernPromptEventKind.Reassigned));
        var managerId = await factory.ProfessionalOfAsync(FrontDoorManager);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == managerId && n.Kind == "concern.reassigned")));

        // Now it is for the front door team, anyone in it may answer: the front door worker.
        var answered = await frontDoorWorker.PostAsJsonAsync($"/api/v1/concerns/{prompt.Id.Value}/answer",
            new { response = "NoActionNeeded", reason = "Checked at the front door: the school and GP already have a plan in place.", version = last.Version });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task Passing_a_prompt_on_refuses_bad_input_with_problem_json_and_changes_nothing()
    {
        var (child, _) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));
        var path = $"/api/v1/concerns/{prompt.Id.Value}/reassign";
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);

        async Task<JsonElement> RefusedAsync(object body)
        {
            var response = await worker.PostAsJsonAsync(path, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return (await response.JsonAsync()).GetProperty("errors");
        }

        var gp = await factory.ProfessionalOfAsync(Gp);
        Assert.True((await RefusedAsync(Reassign(gp.Value, prompt.Version, reason: "short"))).TryGetProperty("reason", out _));
        Assert.True((await RefusedAsync(Reassign(null, prompt.Version))).TryGetProperty("assignTo", out _));
        // Someone outside the team around the child cannot be given the prompt: they could not open the record.
        var stranger = await factory.ProfessionalOfAsync(Accounts.Uninvolved);
        Assert.True((await RefusedAsync(Reassign(stranger.Value, prompt.Version))).TryGetProperty("assignTo", out _));
        Assert.True((await RefusedAsync(Reassign(Guid.NewGuid(), prompt.Version))).TryGetProperty("assignTo", out _));

        var unchanged = Assert.Single(await PromptsAsync(child));
        Assert.Equal((prompt.Version, prompt.AssignedProfessional), (unchanged.Version, unchanged.AssignedProfessional));
        Assert.DoesNotContain(unchanged.Events, e => e.Kind == ConcernPromptEventKind.Reassigned);
    }

    [Fact]
    public async Task The_manager_of_the_assignees_team_may_answer_and_is_recorded_as_answering_in_their_place()
    {
        var (child, _) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));
        var path = $"/api/v1/concerns/{prompt.Id.Value}";
        var reason = "Spoke to the family with the school; a child in need assessment is already under way.";

        // A manager of another team, and a front door manager who does not manage the assignee, may not answer.
        var frontDoorManager = await factory.ApiAsAsync(FrontDoorManager);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await frontDoorManager.PostAsJsonAsync(path + "/answer", new { response = "AlreadyInHand", reason, version = prompt.Version })).StatusCode);

        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var details = await manager.GetFromJsonAsync<JsonElement>(path);
        Assert.True(details.GetProperty("mayAnswer").GetBoolean());
        Assert.True(details.GetProperty("answersAsManager").GetBoolean());
        Assert.Contains((await manager.GetFromJsonAsync<JsonElement>("/api/v1/concerns")).GetProperty("prompts").EnumerateArray(),
            p => p.GetProperty("id").GetGuid() == prompt.Id.Value);
        var managerPage = await (await factory.SignedInAsAsync(Accounts.TeamManager)).GetStringAsync($"/concerns/{prompt.Id.Value}");
        Assert.Contains("the history will say you answered in their place", managerPage, StringComparison.Ordinal);
        // The manager is not the assignee nor a front door manager or safeguarding lead: they may answer but not pass it on.
        Assert.DoesNotContain("Pass this prompt on", managerPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync(path + "/reassign",
            new { toFrontDoorTeam = true, reason, version = prompt.Version })).StatusCode);
        var answered = await manager.PostAsJsonAsync(path + "/answer", new { response = "AlreadyInHand", reason, version = prompt.Version });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var stored = Assert.Single(await PromptsAsync(child));
        Assert.Equal(await factory.ProfessionalOfAsync(Accounts.TeamManager), stored.AnsweredBy);
        Assert.StartsWith(ConcernPrompt.AnsweredAsManagerNote, Assert.Single(stored.Events, e => e.Kind == ConcernPromptEventKind.Answered).Note,
            StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "concern.answer" && a.RecordId == prompt.Id.Value
            && a.Detail == "AlreadyInHand as-manager")));
    }

    [Fact]
    public async Task The_page_passes_a_prompt_on_and_shows_an_error_summary_when_the_reason_is_missing()
    {
        var (child, _) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));
        var page = $"/concerns/{prompt.Id.Value}";
        var gp = await factory.ProfessionalOfAsync(Gp);
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);
        Assert.Contains("Pass this prompt on", await browser.GetStringAsync(page), StringComparison.Ordinal);

        Dictionary<string, string> Form(string reason, int version) => new()
        {
            ["Reassign.AssignTo"] = gp.Value.ToString(),
            ["Reassign.Reason"] = reason,
            ["Reassign.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var refused = await browser.PostAsync(page + "?handler=Reassign", await Clients.FormAsync(browser, page, Form("", prompt.Version)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("#Reassign_Reason", html, StringComparison.Ordinal);
        Assert.Null(Assert.Single(await PromptsAsync(child)).Events.FirstOrDefault(e => e.Kind == ConcernPromptEventKind.Reassigned));

        var stale = await browser.PostAsync(page + "?handler=Reassign", await Clients.FormAsync(browser, page, Form(Reason, prompt.Version + 3)));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var done = await browser.PostAsync(page + "?handler=Reassign", await Clients.FormAsync(browser, page, Form(Reason, prompt.Version)));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/concerns", done.Headers.Location?.OriginalString);
        Assert.Equal(gp, Assert.Single(await PromptsAsync(child)).AssignedProfessional);

        // The police officer, involved with the child but not someone the prompt is for, does not see it.
        var police = await factory.SignedInAsAsync(Accounts.Police);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task An_unanswered_prompt_escalates_once_per_rung()
    {
        var (child, _) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));

        async Task<int> SweepAsync(DateTimeOffset at)
        {
            factory.Clock.Set(at);
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ConcernSweep>().EscalateAsync(at);
        }

        await SweepAsync(prompt.DueAt.AddMinutes(-1));
        Assert.Equal(0, (await PromptsAsync(child))[0].EscalationLevel);
        await SweepAsync(prompt.DueAt.AddMinutes(1));
        await SweepAsync(prompt.DueAt.AddMinutes(2));
        var once = Assert.Single(await PromptsAsync(child));
        Assert.Equal(1, once.EscalationLevel);
        Assert.Single(once.Events, e => e.Kind == ConcernPromptEventKind.Escalated);
        Assert.NotNull(once.NextEscalationAt);

        await SweepAsync(once.NextEscalationAt!.Value.AddMinutes(1));
        await SweepAsync(once.NextEscalationAt!.Value.AddMinutes(2));
        var twice = Assert.Single(await PromptsAsync(child));
        Assert.Equal(2, twice.EscalationLevel);
        Assert.Equal(2, twice.Events.Count(e => e.Kind == ConcernPromptEventKind.Escalated));
        factory.Clock.Set(Now);
    }

    [Fact]
    public async Task Rule_settings_are_for_safeguarding_leads_and_administrators_and_are_validated()
    {
        factory.Clock.Set(Now);
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/v1/concern-rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutAsJsonAsync("/api/v1/concern-rules", new { })).StatusCode);

        var admin = await factory.ApiAsAsync(Accounts.Administrator);
        var current = await admin.GetFromJsonAsync<JsonElement>("/api/v1/concern-rules");
        Assert.Equal(14, current.GetProperty("settings").GetProperty("cumulativeConcern").GetProperty("threshold").GetInt32());

        var bad = await admin.ChangeConcernRulesAsync(b => b["cumulativeConcern"]!["windowDays"] = 0);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("cumulativeConcern.windowDays", out _));

        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        var saved = await lead.ChangeConcernRulesAsync(b =>
        {
            b["cumulativeConcern"]!["windowDays"] = 120;
            b["cumulativeConcern"]!["threshold"] = 12;
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stored = await lead.GetFromJsonAsync<JsonElement>("/api/v1/concern-rules");
        Assert.Equal(12, stored.GetProperty("settings").GetProperty("cumulativeConcern").GetProperty("threshold").GetInt32());
        Assert.False(stored.GetProperty("isDefault").GetBoolean());

        // Back to the defaults, so the other tests in this class see them.
        Assert.Equal(HttpStatusCode.OK, (await lead.ResetConcernRulesAsync()).StatusCode);
    }

    [Fact]
    public async Task Saving_the_rule_settings_changes_the_very_next_evaluation()
    {
        factory.Clock.Set(Now);
        var (_, child) = await FamilyAsync(Today.AddYears(-7), Accounts.SocialWorker, Accounts.Police);
        // One agency's one concern: under the defaults (step-up 14 from 2 agencies) it adds up to nothing, and this
        // evaluation leaves the area's settings cached.
        await RecordAsync(Accounts.Police, child, new
        {
            occurredAt = Now.AddDays(-3),
            category = "Police",
            significance = "Significant",
            concerns = DomesticAbuse,
            summary = "Domestic incident at the home address; the child was present",
        });
        Assert.DoesNotContain(await PromptsAsync(child), p => p.Rule == ConcernRule.CumulativeConcern);

        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        try
        {
            var saved = await lead.ChangeConcernRulesAsync(b =>
            {
                b["cumulativeConcern"]!["threshold"] = 1;
                b["cumulativeConcern"]!["minAgencies"] = 1;
            });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

            await using var scope = factory.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ConcernEvaluator>().EvaluateAsync([child], CancellationToken.None);
            Assert.Equal(1, result.Raised);
            Assert.Contains(await PromptsAsync(child), p => p.Rule == ConcernRule.CumulativeConcern);
        }
        finally
        {
            // Back to the defaults, so the other tests in this class see them.
            Assert.Equal(HttpStatusCode.OK, (await lead.ResetConcernRulesAsync()).StatusCode);
        }
    }

    [Fact]
    public async Task An_agency_created_after_the_kinds_were_cached_is_read_with_its_kind()
    {
        factory.Clock.Set(Now);
        var (_, baby) = await FamilyAsync(Today.AddDays(-40), Accounts.SocialWorker, Accounts.Police);
        async Task<EvaluationResult> EvaluateAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ConcernEvaluator>().EvaluateAsync([baby], CancellationToken.None);
        }

        // Six weeks old, no face-to-face health visit: a finding. The entry's evaluation cached every agency known so far.
        await RecordAsync(Accounts.Police, baby, new
        {
            occurredAt = Now.AddDays(-2),
            category = "Police",
            significance = "Routine",
            summary = "Welfare check at the address; no concerns",
        });
        Assert.Equal(1, (await EvaluateAsync()).Findings);

        // A health visiting service joins afterwards, and its visitor sees the baby face to face.
        await factory.WithDbAsync(async db =>
        {
            var service = Agency.Create(await factory.DemoAreaIdAsync(), "New health visiting service " + Tag(), AgencyKind.HealthVisiting);
            db.Agencies.Add(service);
            var recorder = await factory.ProfessionalOfAsync(Accounts.HealthVisitor);
            var content = new ChronologyContent(Now.AddDays(-1), ChronologyCategory.Appointment, Significance.Routine, ContactMode.FaceToFace,
                AppointmentOutcome.Attended, "New birth visit", null, null);
            db.ChronologyEntries.Add(ChronologyEntry.Record(content, [(baby, true)], service.Id, service.Kind, recorder, Now).Value!);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(0, (await EvaluateAsync()).Findings);
    }

    [Fact]
    public async Task The_pages_list_the_prompt_show_its_evidence_and_refuse_a_blank_answer_with_an_error_summary()
    {
        var (child, entries) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);

        var list = await browser.GetStringAsync("/concerns");
        Assert.Contains($"/concerns/{prompt.Id.Value}", list, StringComparison.Ordinal);
        var page = $"/concerns/{prompt.Id.Value}";
        var html = await browser.GetStringAsync(page);
        Assert.All(entries, e => Assert.Contains($"/chronology/{e}", html, StringComparison.Ordinal));

        var response = await browser.PostAsync(page, await Clients.FormAsync(browser, page, new()
        {
            ["Input.Response"] = "AlreadyInHand",
            ["Input.Reason"] = "",
            ["Input.Version"] = prompt.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", refused, StringComparison.Ordinal);
        Assert.Contains("#Input_Reason", refused, StringComparison.Ordinal);

        var lead = await factory.SignedInAsAsync(Accounts.SafeguardingLead);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/front-door/rules")).StatusCode);
        // The cookie scheme answers a refusal with its access-denied page rather than a bare 403; either way the form is not shown.
        var refusedRules = await browser.GetAsync("/front-door/rules");
        Assert.NotEqual(HttpStatusCode.OK, refusedRules.StatusCode);
    }
}
