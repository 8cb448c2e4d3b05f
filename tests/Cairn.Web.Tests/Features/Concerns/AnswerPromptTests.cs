using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Concerns;

[Collection(ConcernPromptGroup.Name)]
public sealed class AnswerPromptTests(ConcernsFactory factory) : ConcernPromptScenario(factory)
{
    [Fact]
    public async Task An_answer_given_while_new_evidence_is_being_added_stands_and_the_new_evidence_raises_a_new_prompt()
    {
        var (child, entries) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));
        var lead = await Factory.ProfessionalOfAsync(Accounts.SocialWorker);
        // The lead professional answers the prompt at the moment the evaluation saves the new evidence on it.
        Factory.Fault.BeforeRefresh = () => Factory.WithDbAsync(async db =>
        {
            var current = await db.ConcernPrompts.SingleAsync(p => p.Id == prompt.Id);
            Assert.Null(current.Answer(lead, null, PromptResponse.AlreadyInHand, "The child protection plan already covers the home conditions.",
                current.Version, Now));
            return await db.SaveChangesAsync();
        });

        var fifth = await FifthConcernAsync(child);

        Assert.Null(Factory.Fault.BeforeRefresh);
        var prompts = await PromptsAsync(child);
        var answered = Assert.Single(prompts, p => p.Id == prompt.Id);
        Assert.Equal((ConcernPromptStatus.Answered, PromptResponse.AlreadyInHand), (answered.Status, answered.Response));
        Assert.Equal(entries.Order(), answered.Entries.Select(e => e.Value).Order());
        Assert.DoesNotContain(answered.Events, e => e.Kind == ConcernPromptEventKind.EvidenceAdded);
        var raised = Assert.Single(prompts, p => p.IsOpen);
        Assert.Equal(entries.Append(fifth).Order(), raised.Entries.Select(e => e.Value).Order());
    }

    [Fact]
    public async Task Only_those_it_is_for_answer_it_and_a_step_up_makes_a_front_door_contact()
    {
        var (child, _) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));
        var path = $"/api/v1/concerns/{prompt.Id.Value}";
        var reason = "Four agencies, one picture: together this meets the threshold for a referral.";

        // Not involved: neither the prompt nor the record, so 404 both ways.
        var stranger = await Factory.ApiAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync(path + "/answer", new { response = "NoActionNeeded", reason, version = prompt.Version })).StatusCode);
        // A safeguarding lead sees it but does not answer another's prompt.
        var lead = await Factory.ApiAsAsync(Accounts.SafeguardingLead);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync(path + "/answer", new { response = "NoActionNeeded", reason, version = prompt.Version })).StatusCode);

        var worker = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var blank = await worker.PostAsJsonAsync(path + "/answer", new { response = "StepUpToFrontDoor", reason = " ", version = prompt.Version });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.True((await blank.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        var stale = await worker.PostAsJsonAsync(path + "/answer", new { response = "StepUpToFrontDoor", reason, version = prompt.Version + 5 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var answered = await worker.PostAsJsonAsync(path + "/answer", new { response = "StepUpToFrontDoor", reason, version = prompt.Version });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var contactId = new ContactId((await answered.JsonAsync()).GetProperty("contactId").GetGuid());
        var contact = await Factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == contactId));
        Assert.Equal(ContactSource.ConcernPrompt, contact.Source);
        Assert.Equal(child, contact.ChildId);
        Assert.Contains(prompt.Summary, contact.Concerns, StringComparison.Ordinal);
        var details = await worker.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("Answered", details.GetProperty("status").GetString());
        Assert.Equal(contactId.Value, details.GetProperty("steppedUpContact").GetGuid());

        // Answered once: a second answer is refused, and nothing new is raised for the same evidence.
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync(path + "/answer", new { response = "NoActionNeeded", reason, version = prompt.Version })).StatusCode);
    }

    [Fact]
    public async Task The_manager_of_the_assignees_team_may_answer_and_is_recorded_as_answering_in_their_place()
    {
        var (child, _) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));
        var path = $"/api/v1/concerns/{prompt.Id.Value}";
        var reason = "Spoke to the family with the school; a child in need assessment is already under way.";

        // A manager of another team, and a front door manager who does not manage the assignee, may not answer.
        var frontDoorManager = await Factory.ApiAsAsync(FrontDoorManager);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await frontDoorManager.PostAsJsonAsync(path + "/answer", new { response = "AlreadyInHand", reason, version = prompt.Version })).StatusCode);

        var manager = await Factory.ApiAsAsync(Accounts.TeamManager);
        var details = await manager.GetFromJsonAsync<JsonElement>(path);
        Assert.True(details.GetProperty("mayAnswer").GetBoolean());
        Assert.True(details.GetProperty("answersAsManager").GetBoolean());
        Assert.Contains((await manager.GetFromJsonAsync<JsonElement>("/api/v1/concerns")).GetProperty("prompts").EnumerateArray(),
            p => p.GetProperty("id").GetGuid() == prompt.Id.Value);
        var managerPage = await (await Factory.SignedInAsAsync(Accounts.TeamManager)).GetStringAsync($"/concerns/{prompt.Id.Value}");
        Assert.Contains("the history will say you answered in their place", managerPage, StringComparison.Ordinal);
        // The manager is not the assignee nor a front door manager or safeguarding lead: they may answer but not pass it on.
        Assert.DoesNotContain("Pass this prompt on", managerPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync(path + "/reassign",
            new { toFrontDoorTeam = true, reason, version = prompt.Version })).StatusCode);
        var answered = await manager.PostAsJsonAsync(path + "/answer", new { response = "AlreadyInHand", reason, version = prompt.Version });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var stored = Assert.Single(await PromptsAsync(child));
        Assert.Equal(await Factory.ProfessionalOfAsync(Accounts.TeamManager), stored.AnsweredBy);
        Assert.StartsWith(ConcernPrompt.AnsweredAsManagerNote, Assert.Single(stored.Events, e => e.Kind == ConcernPromptEventKind.Answered).Note,
            StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "concern.answer" && a.RecordId == prompt.Id.Value
            && a.Detail == "AlreadyInHand as-manager")));
    }
}
