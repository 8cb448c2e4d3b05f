using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Tests.Features.AdultWorkers;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.LeadPractitioner;

/// <summary>
/// The lead child protection practitioner (issue #14 item 5): a team manager in children's social care names and changes them with
/// a reason, keeping the history; anyone else is refused, someone who may not open the record gets 404; the lead must be an active
/// social worker; a stale current lead is 409; the page shows the multi-agency child protection team the involvements make.
/// </summary>
public sealed class LeadPractitionerTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => MeetingsPeopleTestData.Today;

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient api, PersonId child, ProfessionalId lead, long? currentId,
        string? reason = "The allocated social worker takes the lead") =>
        api.PutAsJsonAsync($"/api/v1/people/{child.Value}/lead-practitioner", new { leadPractitionerId = lead.Value, reason, currentId });

    private Task<int> RowsAsync(PersonId child) => factory.WithDbAsync(db => db.LeadPractitioners.CountAsync(l => l.ChildId == child));

    [Fact]
    public async Task A_team_manager_changes_the_lead_with_a_reason_and_the_history_is_kept_and_a_stale_change_is_409()
    {
        var (api, child, _) = await factory.FamilyAsync(parents: 0);
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var other = await factory.WithDbAsync(async db =>
        {
            var csc = await db.Professionals.Where(p => p.Id == sam).Select(p => p.AgencyId).SingleAsync();
            return (await db.Professionals.Where(p => p.AgencyId == csc && p.IsActive && p.Id != sam && p.JobTitle == "Social worker")
                .ToListAsync()).First(p => !p.Roles.HasFlag(Role.Administrator)).Id;
        });

        var first = await ChangeAsync(manager, child, sam, null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstId = (await first.JsonAsync()).GetProperty("current").GetProperty("id").GetInt64();
        var second = await ChangeAsync(manager, child, other, firstId, "Sam moves to the assessment team");
        var stale = await ChangeAsync(manager, child, sam, firstId, "Back to Sam");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (second.StatusCode, stale.StatusCode));
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/lead-practitioner");
        var history = page.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal((other.Value, "Sam moves to the assessment team"), (history[0].GetProperty("professionalId").GetGuid(),
            history[0].GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("to").ValueKind);
        Assert.Equal((sam.Value, Today), (history[1].GetProperty("professionalId").GetGuid(), DateOnly.Parse(history[1].GetProperty("to").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(other.Value, page.GetProperty("current").GetProperty("professionalId").GetGuid());
        Assert.True(await factory.AuditedAsync("lead-practitioner.change", child));
        Assert.True(await factory.AuditedAsync("lead-practitioner.change", child, "refused"));
    }

    [Fact]
    public async Task Only_a_childrens_social_care_team_manager_may_change_the_lead_and_only_to_an_active_social_worker()
    {
        var (api, child, _, police) = await factory.FamilyWithAsync("DC Chris Barnes", "PoliceOfficer", parents: 0);
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);

        var bySocialWorker = await ChangeAsync(api, child, sam, null);
        var byPolice = await ChangeAsync(await factory.ApiAsAsync(Accounts.Police), child, sam, null);
        var byStranger = await ChangeAsync(await factory.ApiAsAsync(Accounts.Uninvolved), child, sam, null);
        var policeAsLead = await ChangeAsync(manager, child, police.Id, null);
        var noReason = await ChangeAsync(manager, child, sam, null, reason: " ");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound),
            (bySocialWorker.StatusCode, byPolice.StatusCode, byStranger.StatusCode));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (policeAsLead.StatusCode, noReason.StatusCode));
        Assert.True((await policeAsLead.JsonAsync()).GetProperty("errors").TryGetProperty("leadPractitionerId", out _));
        Assert.True((await noReason.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(0, await RowsAsync(child));
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ApiAsAsync(Accounts.Uninvolved))
            .GetAsync($"/api/v1/people/{child.Value}/lead-practitioner")).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_the_lead_on_the_childs_record_and_which_agencies_the_multi_agency_team_covers()
    {
        var (api, child, _, police) = await factory.FamilyWithAsync("DC Chris Barnes", "PoliceOfficer", parents: 0);
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var browser = await factory.SignedInAsAsync(Accounts.TeamManager);
        var path = $"/people/{child.Value}/lead-practitioner";

        var form = await browser.GetStringAsync(path);
        Assert.Contains("No lead child protection practitioner is named.", form, StringComparison.Ordinal);
        var done = await browser.PostAsync(path, await Clients.FormAsync(browser, path, new()
        {
            ["Input.LeadPractitionerId"] = sam.Value.ToString(),
            ["Input.Reason"] = "Named at the initial conference by the chair",
            ["Input.CurrentId"] = "",
        }));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var team = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/lead-practitioner")).GetProperty("team")
            .EnumerateArray().ToDictionary(t => t.GetProperty("agency").GetString()!, t => t.GetProperty("covered").GetBoolean());
        Assert.Equal(new Dictionary<string, bool>
        {
            ["Police"] = true,
            ["Health"] = false,
            ["Education"] = false,
            ["Children's social care"] = true,
        }, team);
        var page = await browser.GetStringAsync(path);
        Assert.Contains("Multi-agency child protection team", page, StringComparison.Ordinal);
        Assert.Contains("Not in the team", page, StringComparison.Ordinal);
        var record = await browser.GetStringAsync($"/people/{child.Value}");
        Assert.Contains("Lead child protection practitioner: Sam Okoro", record, StringComparison.Ordinal);
    }
}
