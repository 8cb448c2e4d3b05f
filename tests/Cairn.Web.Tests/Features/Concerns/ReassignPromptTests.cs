using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain.Concerns;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Concerns;

[Collection(ConcernPromptGroup.Name)]
public sealed class ReassignPromptTests(ConcernsFactory factory) : ConcernPromptScenario(factory)
{
    [Fact]
    public async Task The_assignee_a_front_door_manager_or_a_safeguarding_lead_may_pass_a_prompt_on_and_others_may_not()
    {
        var (child, _) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));
        var path = $"/api/v1/concerns/{prompt.Id.Value}/reassign";
        var gp = await Factory.ProfessionalOfAsync(Gp);
        var police = await Factory.ProfessionalOfAsync(Accounts.Police);

        // Seeing the prompt (front door worker, not a manager) is not enough; not seeing it at all is 404.
        var frontDoorWorker = await Factory.ApiAsAsync(Accounts.FrontDoor);
        Assert.Equal(HttpStatusCode.Forbidden, (await frontDoorWorker.PostAsJsonAsync(path, Reassign(gp.Value, prompt.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Factory.ApiAsAsync(Accounts.Uninvolved)).PostAsJsonAsync(path, Reassign(gp.Value, prompt.Version))).StatusCode);
        // Someone in the team around the child it is not for does not see the prompt, so cannot pass it on.
        Assert.Equal(HttpStatusCode.NotFound, (await (await Factory.ApiAsAsync(Gp)).PostAsJsonAsync(path, Reassign(gp.Value, prompt.Version))).StatusCode);
        Assert.Equal(1, (await PromptsAsync(child))[0].Version);

        // The assignee passes it to the GP.
        var worker = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var passed = await worker.PostAsJsonAsync(path, Reassign(gp.Value, prompt.Version));
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        var afterWorker = Assert.Single(await PromptsAsync(child));
        Assert.Equal(gp, afterWorker.AssignedProfessional);
        Assert.Equal(prompt.DueAt, afterWorker.DueAt);
        var step = Assert.Single(afterWorker.Events, e => e.Kind == ConcernPromptEventKind.Reassigned);
        Assert.Equal((await Factory.ProfessionalOfAsync(Accounts.SocialWorker), Reason), (step.By, step.Note));
        Assert.True(await Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == gp && n.Kind == "concern.reassigned"
            && n.Link == $"/concerns/{prompt.Id.Value}")));
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a =>
            a.Action == "concern.reassign" && a.RecordId == prompt.Id.Value && a.Outcome == "succeeded"));
        Assert.Equal($"professional:{gp.Value}", audit.Detail);
        // The front door worker's attempt is in the log as refused, a step not theirs.
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "concern.reassign" && a.RecordId == prompt.Id.Value
            && a.PersonId == child.Value && a.Outcome == "refused" && a.Detail!.StartsWith("not-allowed"))));
        // The old assignee no longer sees it, so cannot pass it on; a stale version is a conflict.
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostAsJsonAsync(path, Reassign(police.Value, afterWorker.Version))).StatusCode);
        var lead = await Factory.ApiAsAsync(Accounts.SafeguardingLead);
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync(path, Reassign(police.Value, prompt.Version))).StatusCode);

        // A safeguarding lead passes it to the police officer; the front door manager passes it to the front door team.
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync(path, Reassign(police.Value, afterWorker.Version))).StatusCode);
        var manager = await Factory.ApiAsAsync(FrontDoorManager);
        var toTeam = await manager.PostAsJsonAsync(path, Reassign(null, afterWorker.Version + 1, toFrontDoorTeam: true));
        Assert.Equal(HttpStatusCode.OK, toTeam.StatusCode);
        var last = Assert.Single(await PromptsAsync(child));
        Assert.Null(last.AssignedProfessional);
        Assert.NotNull(last.AssignedTeam);
        Assert.Equal(3, last.Events.Count(e => e.Kind == ConcernPromptEventKind.Reassigned));
        var managerId = await Factory.ProfessionalOfAsync(FrontDoorManager);
        Assert.True(await Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == managerId && n.Kind == "concern.reassigned")));

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
        var worker = await Factory.ApiAsAsync(Accounts.SocialWorker);

        async Task<JsonElement> RefusedAsync(object body)
        {
            var response = await worker.PostAsJsonAsync(path, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return (await response.JsonAsync()).GetProperty("errors");
        }

        var gp = await Factory.ProfessionalOfAsync(Gp);
        Assert.True((await RefusedAsync(Reassign(gp.Value, prompt.Version, reason: "short"))).TryGetProperty("reason", out _));
        Assert.True((await RefusedAsync(Reassign(null, prompt.Version))).TryGetProperty("assignTo", out _));
        // Someone outside the team around the child cannot be given the prompt: they could not open the record.
        var stranger = await Factory.ProfessionalOfAsync(Accounts.Uninvolved);
        Assert.True((await RefusedAsync(Reassign(stranger.Value, prompt.Version))).TryGetProperty("assignTo", out _));
        Assert.True((await RefusedAsync(Reassign(Guid.NewGuid(), prompt.Version))).TryGetProperty("assignTo", out _));

        var unchanged = Assert.Single(await PromptsAsync(child));
        Assert.Equal((prompt.Version, prompt.AssignedProfessional), (unchanged.Version, unchanged.AssignedProfessional));
        Assert.DoesNotContain(unchanged.Events, e => e.Kind == ConcernPromptEventKind.Reassigned);
    }

    [Fact]
    public async Task The_page_passes_a_prompt_on_and_shows_an_error_summary_when_the_reason_is_missing()
    {
        var (child, _) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));
        var page = $"/concerns/{prompt.Id.Value}";
        var gp = await Factory.ProfessionalOfAsync(Gp);
        var browser = await Factory.SignedInAsAsync(Accounts.SocialWorker);
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
        var police = await Factory.SignedInAsAsync(Accounts.Police);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync(page)).StatusCode);
    }
}
