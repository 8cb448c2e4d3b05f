using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Background;
using Cairn.Web.Tests.Features.Shares;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Admin.Teams;

/// <summary>A database of its own, whose clock the tests control: these tests change teams' managers and run the escalation sweep.</summary>
public sealed class TeamAdministrationFactory : CairnFactory
{
    public override TestClock Clock { get; } = new(FollowThroughFactory.FridayTea);
}

/// <summary>
/// Team administration: an administrator sets or changes a team's manager, who is told first when a share to the team
/// is overdue (L16). Every test changes teams and professionals it made itself.
/// </summary>
public sealed class TeamsTests(TeamAdministrationFactory factory) : IClassFixture<TeamAdministrationFactory>
{
    private const string Reason = "Grace Adeyemi left on 30 November; Ellis Ward covers.";

    private Task<(ProfessionalId Id, string Email)> NewManagerAsync(string name = "Mo Manager", TeamId? team = null) =>
        factory.ProfessionalWithAccountAsync(name, roles: Role.TeamManager, team: team);

    private static async Task<int> VersionAsync(HttpClient admin, TeamId id) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/teams/{id.Value}")).GetProperty("version").GetInt32();

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient admin, TeamId id, ProfessionalId? manager, string? reason = Reason, int? version = null) =>
        await admin.PostAsJsonAsync($"/api/v1/admin/teams/{id.Value}/manager",
            new { managerId = manager?.Value, reason, version = version ?? await VersionAsync(admin, id) });

    private Task<(ProfessionalId? Manager, int Version, int Changes, int Audited)> StateAsync(TeamId id) =>
        factory.WithDbAsync(async db => (
            await db.Teams.Where(t => t.Id == id).Select(t => t.ManagerId).SingleAsync(),
            await db.Teams.Where(t => t.Id == id).Select(t => t.Version).SingleAsync(),
            await db.TeamManagerChanges.CountAsync(c => c.TeamId == id),
            await db.AuditEntries.CountAsync(a => a.Action == "team.change-manager" && a.RecordId == id.Value)));

    [Fact]
    public async Task An_administrator_lists_the_areas_teams_with_their_managers_and_members()
    {
        var manager = await NewManagerAsync("Lister Manager");
        var team = await factory.TeamAsync("Listed team", manager.Id);
        await factory.ProfessionalWithAccountAsync("Listed Member", team: team);
        var page = await factory.SignedInAsAsync(Accounts.Administrator);

        var html = await page.GetStringAsync("/admin/teams");

        Assert.Contains($"href=\"/admin/teams/{team.Value}\"", html, StringComparison.Ordinal);
        Assert.Contains("Front Door (MASH)", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/teams\"", html, StringComparison.Ordinal);
        var api = await factory.ApiAsAsync(Accounts.Administrator);
        var row = (await api.GetFromJsonAsync<JsonElement>("/api/v1/admin/teams")).GetProperty("teams").EnumerateArray()
            .Single(t => t.GetProperty("id").GetGuid() == team.Value);
        Assert.Equal("Lister Manager", row.GetProperty("manager").GetString());
        Assert.True(row.GetProperty("managerIsActive").GetBoolean());
        Assert.Equal(1, row.GetProperty("members").GetInt32());

        // A manager who has left is shown as such, so that the team is handed over.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/admin/professionals/{manager.Id.Value}/deactivate", new
        {
            reason = "Left the authority on 30 November; contract ended.",
            version = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/admin/professionals/{manager.Id.Value}")).GetProperty("version").GetInt32(),
        })).StatusCode);
        Assert.False((await api.GetFromJsonAsync<JsonElement>($"/api/v1/admin/teams/{team.Value}")).GetProperty("managerIsActive").GetBoolean());
        Assert.Contains("manager has left (their account is deactivated)", await page.GetStringAsync($"/admin/teams/{team.Value}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Accounts.SafeguardingLead)]
    [InlineData(Accounts.TeamManager)]
    public async Task Only_administrators_see_or_change_teams(string email)
    {
        var team = await factory.TeamAsync("Guarded team");
        var manager = await NewManagerAsync();
        var api = await factory.ApiAsAsync(email);
        var page = await factory.SignedInAsAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/admin/teams")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/admin/teams/{team.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ChangeAsync(api, team, manager.Id, version: 1)).StatusCode);
        foreach (var path in new[] { "/admin/teams", $"/admin/teams/{team.Value}" })
        {
            var response = await page.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/forbidden", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("href=\"/admin/teams\"", await page.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(((ProfessionalId?)null, 1, 0, 0), await StateAsync(team));
    }

    [Fact]
    public async Task A_team_outside_the_administrators_area_or_unknown_is_not_found_and_unchanged()
    {
        var elsewhere = await factory.NewAreaAsync();
        var outsider = await factory.ProfessionalWithAccountAsync("Ola Outsider", elsewhere, Role.TeamManager);
        var team = await factory.WithDbAsync(async db =>
        {
            var agency = await db.Professionals.Where(p => p.Id == outsider.Id).Select(p => p.AgencyId).SingleAsync();
            var t = Team.Create(agency, "Elsewhere team");
            db.Teams.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        var api = await factory.ApiAsAsync(Accounts.Administrator);
        var page = await factory.SignedInAsAsync(Accounts.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/admin/teams/{team.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/admin/teams/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ChangeAsync(api, team, outsider.Id, version: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/admin/teams/{team.Value}")).StatusCode);
        Assert.DoesNotContain("Elsewhere team", await page.GetStringAsync("/admin/teams"), StringComparison.Ordinal);
        Assert.Equal(((ProfessionalId?)null, 1, 0, 0), await StateAsync(team));
    }

    [Theory]
    [InlineData("no-reason", "reason")]
    [InlineData("short-reason", "reason")]
    [InlineData("no-manager", "managerId")]
    [InlineData("other-agency", "managerId")]
    [InlineData("deactivated", "managerId")]
    [InlineData("not-a-manager", "managerId")]
    [InlineData("unknown", "managerId")]
    public async Task A_bad_change_is_a_problem_and_changes_nothing(string bad, string field)
    {
        var current = await NewManagerAsync("Cora Current");
        var team = await factory.TeamAsync("Refusing team", current.Id);
        var candidate = bad switch
        {
            "other-agency" => (await factory.ProfessionalWithAccountAsync("Ola Outsider", await factory.NewAreaAsync(), Role.TeamManager)).Id,
            "not-a-manager" => (await factory.ProfessionalWithAccountAsync("Pat Practitioner")).Id,
            "no-manager" => (ProfessionalId?)null,
            "unknown" => ProfessionalId.New(),
            _ => (await NewManagerAsync()).Id,
        };
        if (bad == "deactivated")
        {
            await factory.WithDbAsync(async db =>
            {
                var admin = await db.Professionals.SingleAsync(p => p.Email == Accounts.Administrator);
                (await db.Professionals.SingleAsync(p => p.Id == candidate)).Deactivate(admin.Id, "Left the authority on 30 November.");
                return await db.SaveChangesAsync();
            });
        }

        var before = await StateAsync(team);
        var api = await factory.ApiAsAsync(Accounts.Administrator);
        var reason = bad switch { "no-reason" => null, "short-reason" => "nineteen characters", _ => Reason };

        var response = await ChangeAsync(api, team, candidate, reason);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await StateAsync(team));
        Assert.Equal((current.Id, 0, 0), (before.Manager!.Value, before.Changes, before.Audited));
        // Only someone who may manage the team is offered on the page.
        var html = await (await factory.SignedInAsAsync(Accounts.Administrator)).GetStringAsync($"/admin/teams/{team.Value}");
        if (candidate is { } offered && bad != "no-reason" && bad != "short-reason")
        {
            Assert.DoesNotContain($"value=\"{offered.Value}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_page_shows_a_govuk_error_summary_when_the_manager_or_the_reason_is_missing_and_changes_nothing()
    {
        var team = await factory.TeamAsync("Summary team");
        var before = await StateAsync(team);
        var admin = await factory.SignedInAsAsync(Accounts.Administrator);
        var path = $"/admin/teams/{team.Value}";

        var response = await admin.PostAsync(path, await Clients.FormAsync(admin, path, new()
        {
            ["Input.ManagerId"] = "",
            ["Input.Reason"] = "",
            ["Input.Version"] = "1",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_ManagerId\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Reason\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(team));
    }

    [Fact]
    public async Task A_change_against_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var team = await factory.TeamAsync("Contested team");
        var first = await NewManagerAsync("First Manager");
        var second = await NewManagerAsync("Second Manager");
        var api = await factory.ApiAsAsync(Accounts.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(api, team, first.Id, version: 1)).StatusCode);
        var before = await StateAsync(team);

        var stale = await ChangeAsync(api, team, second.Id, version: 1);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await StateAsync(team));
        var page = await factory.SignedInAsAsync(Accounts.Administrator);
        var path = $"/admin/teams/{team.Value}";
        var response = await page.PostAsync(path, await Clients.FormAsync(page, path, new()
        {
            ["Input.ManagerId"] = second.Id.Value.ToString(),
            ["Input.Reason"] = Reason,
            ["Input.Version"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone else changed this team", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(team));
    }

    /// <summary>Who the first rung tells about a share from the police to a member of the team, left unconfirmed to its due time.</summary>
    private async Task<List<ProfessionalId>> OverdueShareToldAsync(TeamId team, ProfessionalId member)
    {
        var police = await factory.ApiAsAsync(Accounts.Police);
        var child = await police.CreateChildAsync("PoliceOfficer");
        var agency = await factory.WithDbAsync(db => db.Teams.Where(t => t.Id == team).Select(t => t.AgencyId.Value).SingleAsync());
        var sent = await police.PostAsJsonAsync("/api/v1/shares", new
        {
            kind = "PoliceNotification",
            recipientAgencyId = agency,
            recipientProfessionalId = member.Value,
            childIds = new[] { child },
            urgency = "WithinWorkingDays",
            workingDays = 1,
            subject = "Child present at a domestic incident",
            message = "Officers attended the family home at 16:20. The child was present and distressed.",
        });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var link = $"/shares/{(await sent.JsonAsync()).GetProperty("id").GetGuid()}";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ShareSweep>().RunAsync(TestClock.London(2026, 9, 1, 17, 0), "teams-node");
        }

        var told = await factory.WithDbAsync(db => db.Notifications.Where(n => n.Link == link && n.Kind == "share.escalated").Select(n => n.ProfessionalId).ToListAsync());
        return told;
    }

    [Fact]
    public async Task A_change_is_audited_by_ids_kept_with_its_reason_and_the_new_manager_is_told_first_when_a_share_to_the_team_is_overdue()
    {
        factory.Clock.Set(FollowThroughFactory.FridayTea);
        var leaving = await NewManagerAsync("Lena Leaving");
        var team = await factory.TeamAsync("Handed-over team", leaving.Id);
        var member = await factory.ProfessionalWithAccountAsync("Mel Member", team: team);
        var incoming = await NewManagerAsync("Ian Incoming");
        // The leaving manager's account page links to where their team is handed over.
        var page = await factory.SignedInAsAsync(Accounts.Administrator);
        Assert.Contains($"href=\"/admin/teams/{team.Value}\"", await page.GetStringAsync($"/admin/professionals/{leaving.Id.Value}"), StringComparison.Ordinal);
        var path = $"/admin/teams/{team.Value}";
        Assert.Contains($"value=\"{incoming.Id.Value}\"", await page.GetStringAsync(path), StringComparison.Ordinal);

        var response = await page.PostAsync(path, await Clients.FormAsync(page, path, new()
        {
            ["Input.ManagerId"] = incoming.Id.Value.ToString(),
            ["Input.Reason"] = Reason,
            ["Input.Version"] = (await StateAsync(team)).Version.ToString(CultureInfo.InvariantCulture),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((incoming.Id, 2, 1, 1), await StateAsync(team));
        var html = await page.GetStringAsync(path);
        Assert.Contains("Ian Incoming now manages", html, StringComparison.Ordinal);
        Assert.Contains(Reason, html, StringComparison.Ordinal);
        var history = (await (await factory.ApiAsAsync(Accounts.Administrator)).GetFromJsonAsync<JsonElement>($"/api/v1/admin/teams/{team.Value}"))
            .GetProperty("history").EnumerateArray().Single();
        Assert.Equal(("Lena Leaving", "Ian Incoming", Reason), (history.GetProperty("previousManager").GetString(), history.GetProperty("manager").GetString(),
            history.GetProperty("reason").GetString()));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "team.change-manager" && a.RecordId == team.Value));
        Assert.Equal(await factory.ProfessionalIdAsync(Accounts.Administrator), audit.ActorId);
        Assert.Equal($"from={leaving.Id.Value};to={incoming.Id.Value}", audit.Detail);

        // The point of it: a share to a member of the team, unconfirmed at its due time, escalates to the new manager.
        var told = await OverdueShareToldAsync(team, member.Id);
        Assert.Contains(incoming.Id, told);
        Assert.DoesNotContain(leaving.Id, told);
        Assert.DoesNotContain(await factory.ProfessionalOfAsync(Accounts.SafeguardingLead), told);
    }

    [Fact]
    public async Task A_team_whose_manager_has_left_is_escalated_as_a_team_without_one_not_to_the_leaver()
    {
        factory.Clock.Set(FollowThroughFactory.FridayTea);
        var gone = await NewManagerAsync("Gil Gone");
        var team = await factory.TeamAsync("Leaderless team", gone.Id);
        var member = await factory.ProfessionalWithAccountAsync("Max Member", team: team);
        // Deactivated without the team being handed over: on paper the leaver still manages it.
        await factory.WithDbAsync(db => db.Professionals.Where(p => p.Id == gone.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.IsActive, false)));

        var told = await OverdueShareToldAsync(team, member.Id);
        var sender = await factory.ProfessionalOfAsync(Accounts.Police);
        Assert.DoesNotContain(gone.Id, told);
        // Someone who can act is told besides the sender: the agency's front door managers, or the safeguarding leads.
        Assert.Contains(told, t => t != sender);
    }

    [Fact]
    public async Task Open_disagreement_stages_a_professional_owns_are_counted_in_what_they_hold()
    {
        var leaver = await factory.ProfessionalWithAccountAsync("Dee Disagreed");
        var child = await factory.PersonAsync("Held", "Child" + Guid.NewGuid().ToString("N")[..6], DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-5));
        await factory.DisagreementAsync(child, leaver.Id);
        var admin = await factory.SignedInAsAsync(Accounts.Administrator);

        var html = await admin.GetStringAsync($"/admin/professionals/{leaver.Id.Value}");

        Assert.Contains("data-holding=\"disagreements\">1<", html, StringComparison.Ordinal);
        Assert.Contains("Before this professional leaves, pass on everything below", html, StringComparison.Ordinal);
        var api = await factory.ApiAsAsync(Accounts.Administrator);
        var holdings = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/admin/professionals/{leaver.Id.Value}")).GetProperty("holdings");
        Assert.Equal(1, holdings.GetProperty("disagreementStages").GetInt32());
    }
}
