using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Concerns;
using Cairn.Domain.Time;
using Cairn.Web.Security;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Admin.Professionals;

/// <summary>A database of its own: these tests deactivate, lock and sign out accounts.</summary>
public sealed class AccountAdministrationFactory : CairnFactory;

/// <summary>
/// Account administration: a leaver loses access at once (page session and API token at their next request), and an
/// administrator sees what they still hold before deactivating. Every test changes accounts it made itself.
/// </summary>
public sealed class ProfessionalsTests(AccountAdministrationFactory factory) : IClassFixture<AccountAdministrationFactory>
{
    private const string Reason = "Left the authority on 30 November; contract ended.";
    private Task<(ProfessionalId Id, string Email)> NewProfessionalAsync(AreaId? area = null) =>
        factory.ProfessionalWithAccountAsync(area is null ? "Lee Leaver" : "Ola Outsider", area);

    private static async Task<int> VersionAsync(HttpClient admin, ProfessionalId id) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/professionals/{id.Value}")).GetProperty("version").GetInt32();

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient admin, ProfessionalId id, string action, string? reason = Reason, int? version = null) =>
        await admin.PostAsJsonAsync($"/api/v1/admin/professionals/{id.Value}/{action}", new { reason, version = version ?? await VersionAsync(admin, id) });

    private Task<(bool IsActive, int Version, Guid Stamp, int Changes)> StateAsync(ProfessionalId id) =>
        factory.WithDbAsync(async db => (
            await db.Professionals.Where(p => p.Id == id).Select(p => p.IsActive).SingleAsync(),
            await db.Accounts.Where(a => a.ProfessionalId == id).Select(a => a.Version).SingleAsync(),
            await db.Accounts.Where(a => a.ProfessionalId == id).Select(a => a.SecurityStamp).SingleAsync(),
            await db.AccountChanges.CountAsync(c => c.ProfessionalId == id)));

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private async Task<bool> CanSignInAsync(string email)
    {
        try
        {
            var client = await factory.SignedInAsAsync(email);
            return (await client.GetAsync("/")).StatusCode == HttpStatusCode.OK;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [Fact]
    public async Task An_administrator_lists_the_areas_professionals_and_filters_them_by_name()
    {
        var admin = await factory.SignedInAsAsync(Accounts.Administrator);

        var all = await admin.GetStringAsync("/admin/professionals");
        var filtered = await admin.GetStringAsync("/admin/professionals?name=OKORO");

        Assert.Contains("Sam Okoro", all, StringComparison.Ordinal);
        Assert.Contains("Priya Shah", all, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/professionals\"", all, StringComparison.Ordinal);
        Assert.Contains("Sam Okoro", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya Shah", filtered, StringComparison.Ordinal);

        var api = await factory.ApiAsAsync(Accounts.Administrator);
        var rows = (await api.GetFromJsonAsync<JsonElement>("/api/v1/admin/professionals?name=okoro")).GetProperty("professionals");
        var row = Assert.Single(rows.EnumerateArray());
        Assert.Equal("Sam Okoro", row.GetProperty("name").GetString());
        Assert.True(row.GetProperty("isActive").GetBoolean());
        Assert.False(row.GetProperty("isSignInDelayed").GetBoolean());
    }

    [Fact]
    public async Task A_professional_outside_the_administrators_area_or_unknown_is_not_found_and_unchanged()
    {
        var outsider = await NewProfessionalAsync(await factory.NewAreaAsync());
        var api = await factory.ApiAsAsync(Accounts.Administrator);
        var page = await factory.SignedInAsAsync(Accounts.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/admin/professionals/{outsider.Id.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/admin/professionals/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ChangeAsync(api, outsider.Id, "deactivate", version: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/admin/professionals/{outsider.Id.Value}")).StatusCode);
        Assert.DoesNotContain("Ola Outsider", await page.GetStringAsync("/admin/professionals"), StringComparison.Ordinal);
        Assert.True((await StateAsync(outsider.Id)).IsActive);
    }

    [Theory]
    [InlineData(Accounts.SafeguardingLead)]
    [InlineData(Accounts.SocialWorker)]
    [InlineData(Accounts.TeamManager)]
    public async Task Only_administrators_see_or_change_accounts(string email)
    {
        var leaver = await NewProfessionalAsync();
        var before = await StateAsync(leaver.Id);
        var api = await factory.ApiAsAsync(email);
        var page = await factory.SignedInAsAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/admin/professionals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/admin/professionals/{leaver.Id.Value}")).StatusCode);
        foreach (var action in new[] { "deactivate", "unlock", "sign-out-everywhere", "reactivate" })
        {
            var response = await api.PostAsJsonAsync($"/api/v1/admin/professionals/{leaver.Id.Value}/{action}", new { reason = Reason, version = before.Version });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        foreach (var path in new[] { "/admin/professionals", $"/admin/professionals/{leaver.Id.Value}" })
        {
            var response = await page.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/forbidden", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("href=\"/admin/professionals\"", await page.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(leaver.Id));
    }

    [Fact]
    public async Task A_deactivated_professionals_page_session_and_api_token_stop_at_their_next_request()
    {
        var leaver = await NewProfessionalAsync();
        var session = await factory.SignedInAsAsync(leaver.Email);
        var token = await factory.ApiAsAsync(leaver.Email);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/concerns")).StatusCode);
        var admin = await factory.SignedInAsAsync(Accounts.Administrator);
        var path = $"/admin/professionals/{leaver.Id.Value}";
        var version = (await StateAsync(leaver.Id)).Version;

        var response = await admin.PostAsync(path, await Clients.FormAsync(admin, path, new()
        {
            ["Input.Action"] = "Deactivate",
            ["Input.Reason"] = Reason,
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account deactivated", await admin.GetStringAsync(path), StringComparison.Ordinal);
        AssertSentToSignIn(await session.GetAsync("/"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/concerns")).StatusCode);
        Assert.False(await CanSignInAsync(leaver.Email));
        var after = await StateAsync(leaver.Id);
        Assert.False(after.IsActive);
        Assert.Equal(version + 1, after.Version);
        var (change, audit) = await factory.WithDbAsync(async db => (
            await db.AccountChanges.SingleAsync(c => c.ProfessionalId == leaver.Id),
            await db.AuditEntries.SingleAsync(a => a.Action == "account.deactivate" && a.RecordId == leaver.Id.Value)));
        Assert.Equal((AccountAction.Deactivate, Reason), (change.Action, change.Reason));
        Assert.Equal(await factory.ProfessionalIdAsync(Accounts.Administrator), audit.ActorId);
        Assert.Equal("succeeded", audit.Outcome);
        Assert.DoesNotContain("contract", audit.Detail ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("Leaver", audit.Detail ?? "", StringComparison.Ordinal);
        Assert.Contains("api-tokens-revoked=1", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reactivating_lets_them_sign_in_again_but_tokens_revoked_at_deactivation_stay_revoked()
    {
        var leaver = await NewProfessionalAsync();
        var token = await factory.ApiAsAsync(leaver.Email);
        var admin = await factory.ApiAsAsync(Accounts.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(admin, leaver.Id, "deactivate")).StatusCode);
        Assert.False(await CanSignInAsync(leaver.Email));

        var response = await ChangeAsync(admin, leaver.Id, "reactivate", "Returned from a career break; same role and team.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("isActive").GetBoolean());
        Assert.True(await CanSignInAsync(leaver.Email));
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/concerns")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "account.reactivate" && a.RecordId == leaver.Id.Value)));
        // Reactivating an active account is refused, and changes nothing.
        var again = await ChangeAsync(admin, leaver.Id, "reactivate");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already active", (await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clearing_failed_sign_ins_ends_the_wait_at_once()
    {
        var leaver = await NewProfessionalAsync();
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        // One more than the free failures: the next sign-in must wait (a delay, never a lock).
        for (var i = 0; i <= new Web.Security.SignInThrottleOptions().FreeFailures; i++)
        {
            await anonymous.PostAsync("/sign-in", await Clients.FormAsync(anonymous, "/sign-in",
                new() { ["Input.Email"] = leaver.Email, ["Input.Password"] = "not-the-password" }));
        }

        Assert.False(await CanSignInAsync(leaver.Email));
        var admin = await factory.ApiAsAsync(Accounts.Administrator);
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/professionals?name=lee leaver")).GetProperty("professionals")
            .EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == leaver.Id.Value);
        Assert.True(listed.GetProperty("isSignInDelayed").GetBoolean());
        var page = await factory.SignedInAsAsync(Accounts.Administrator);
        Assert.Contains("value=\"Unlock\"", await page.GetStringAsync($"/admin/professionals/{leaver.Id.Value}"), StringComparison.Ordinal);

        var response = await ChangeAsync(admin, leaver.Id, "unlock", "Forgot the new password; identity checked by phone.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var account = await factory.WithDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.ProfessionalId == leaver.Id));
        Assert.Equal((0, (DateTimeOffset?)null), (account.FailedSignIns, account.SignInWaitUntil));
        Assert.True(await CanSignInAsync(leaver.Email));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "account.unlock" && a.RecordId == leaver.Id.Value)));
        // Nothing left to unlock.
        Assert.Equal(HttpStatusCode.BadRequest, (await ChangeAsync(admin, leaver.Id, "unlock")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_an_existing_session_but_they_can_sign_in_again()
    {
        var leaver = await NewProfessionalAsync();
        var session = await factory.SignedInAsAsync(leaver.Email);
        var token = await factory.ApiAsAsync(leaver.Email);
        var before = await StateAsync(leaver.Id);
        var admin = await factory.ApiAsAsync(Accounts.Administrator);

        var response = await ChangeAsync(admin, leaver.Id, "sign-out-everywhere", "Laptop reported stolen this morning; sessions ended.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSentToSignIn(await session.GetAsync("/"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/concerns")).StatusCode);
        var after = await StateAsync(leaver.Id);
        Assert.True(after.IsActive);
        Assert.NotEqual(before.Stamp, after.Stamp);
        Assert.True(await CanSignInAsync(leaver.Email));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "account.sign-out-everywhere" && a.RecordId == leaver.Id.Value)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Left")]
    [InlineData("nineteen characters")]
    public async Task A_change_without_a_real_reason_is_a_problem_and_changes_nothing(string? reason)
    {
        var leaver = await NewProfessionalAsync();
        var session = await factory.SignedInAsAsync(leaver.Email);
        var before = await StateAsync(leaver.Id);
        var admin = await factory.ApiAsAsync(Accounts.Administrator);

        foreach (var action in new[] { "deactivate", "sign-out-everywhere" })
        {
            var response = await ChangeAsync(admin, leaver.Id, action, reason, before.Version);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        }

        Assert.Equal(before, await StateAsync(leaver.Id));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action.StartsWith("account.") && a.RecordId == leaver.Id.Value)));
    }

    [Fact]
    public async Task The_page_shows_a_govuk_error_summary_when_the_reason_or_the_choice_is_missing_and_changes_nothing()
    {
        var leaver = await NewProfessionalAsync();
        var before = await StateAsync(leaver.Id);
        var admin = await factory.SignedInAsAsync(Accounts.Administrator);
        var path = $"/admin/professionals/{leaver.Id.Value}";
        var version = before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var noReason = await admin.PostAsync(path, await Clients.FormAsync(admin, path, new() { ["Input.Action"] = "Deactivate", ["Input.Version"] = version }));
        var noChoice = await admin.PostAsync(path, await Clients.FormAsync(admin, path, new() { ["Input.Reason"] = Reason, ["Input.Version"] = version }));

        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var html = await noReason.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Reason\">Enter the reason for this change", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Action\">Select what you want to do", await noChoice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(leaver.Id));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var leaver = await NewProfessionalAsync();
        var admin = await factory.ApiAsAsync(Accounts.Administrator);
        var read = await VersionAsync(admin, leaver.Id);
        // The professional signs in after the administrator read the account: the account has moved on.
        await factory.SignedInAsAsync(leaver.Email);
        var before = await StateAsync(leaver.Id);

        var response = await ChangeAsync(admin, leaver.Id, "deactivate", version: read);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await StateAsync(leaver.Id));

        var page = await factory.SignedInAsAsync(Accounts.Administrator);
        var path = $"/admin/professionals/{leaver.Id.Value}";
        var stale = await page.PostAsync(path, await Clients.FormAsync(page, path, new()
        {
            ["Input.Action"] = "Deactivate",
            ["Input.Reason"] = Reason,
            ["Input.Version"] = read.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this account", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(leaver.Id));
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_themselves()
    {
        var adminId = new ProfessionalId(await factory.ProfessionalIdAsync(Accounts.Administrator));
        var admin = await factory.ApiAsAsync(Accounts.Administrator);

        var response = await ChangeAsync(admin, adminId, "deactivate");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot deactivate your own account", (await response.JsonAsync()).GetProperty("errors").GetProperty("action")[0].GetString(), StringComparison.Ordinal);
        Assert.True((await StateAsync(adminId)).IsActive);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "account.deactivate" && a.RecordId == adminId.Value && a.Outcome == "refused")));
        var page = await (await factory.SignedInAsAsync(Accounts.Administrator)).GetStringAsync($"/admin/professionals/{adminId.Value}");
        Assert.DoesNotContain("value=\"Deactivate\"", page, StringComparison.Ordinal);
        Assert.Contains("You cannot deactivate it", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_deactivating_the_page_shows_what_the_leaver_still_holds_with_a_warning()
    {
        var leaver = await NewProfessionalAsync();
        // Lead professional for a child; an open concern prompt about that child; an open share addressed to them; a team;
        // the first stage of an open disagreement about the child.
        var child = await factory.PersonAsync("Held", "Child" + Guid.NewGuid().ToString("N")[..6], DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-5),
            involved: leaver.Email);
        var prompt = ConcernPrompt.Raise(new RuleFinding(ConcernRule.OffTheRadar, child, "Complex needs; no professional contact in the last 60 days", [], []),
            leaver.Id, null, DateTimeOffset.UtcNow, new WorkingCalendar(EnglandAndWales.BankHolidays)).Value!;
        await factory.WithDbAsync(async db =>
        {
            db.ConcernPrompts.Add(prompt);
            var team = Team.Create((await db.Professionals.SingleAsync(p => p.Id == leaver.Id)).AgencyId, "Leaver's team " + Guid.NewGuid().ToString("N")[..6]);
            team.AssignManager(leaver.Id);
            db.Teams.Add(team);
            return await db.SaveChangesAsync();
        });
        await factory.DisagreementAsync(child, leaver.Id);
        var police = await factory.ApiAsAsync(Accounts.Police);
        var agency = await factory.WithDbAsync(db => db.Professionals.Where(p => p.Id == leaver.Id).Select(p => p.AgencyId.Value).SingleAsync());
        var share = await police.PostAsJsonAsync("/api/v1/shares", new
        {
            kind = "PoliceNotification",
            recipientAgencyId = agency,
            recipientProfessionalId = leaver.Id.Value,
            childIds = new[] { await police.CreateChildAsync("PoliceOfficer") },
            urgency = "WithinWorkingDays",
            workingDays = 2,
            subject = "Child present at a domestic incident",
            message = "Officers attended the family home at 16:20. The child was present and distressed.",
        });
        Assert.Equal(HttpStatusCode.Created, share.StatusCode);

        var admin = await factory.SignedInAsAsync(Accounts.Administrator);
        var html = await admin.GetStringAsync($"/admin/professionals/{leaver.Id.Value}");

        Assert.Contains("data-holding=\"shares\">1<", html, StringComparison.Ordinal);
        Assert.Contains("data-holding=\"prompts\">1<", html, StringComparison.Ordinal);
        Assert.Contains("data-holding=\"lead-for\">1<", html, StringComparison.Ordinal);
        Assert.Contains("data-holding=\"teams\">1<", html, StringComparison.Ordinal);
        Assert.Contains("data-holding=\"disagreements\">1<", html, StringComparison.Ordinal);
        Assert.Contains("Before this professional leaves, pass on everything below", html, StringComparison.Ordinal);

        var api = await factory.ApiAsAsync(Accounts.Administrator);
        var holdings = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/admin/professionals/{leaver.Id.Value}")).GetProperty("holdings");
        Assert.Equal((1, 1, 1, 1), (holdings.GetProperty("openShares").GetInt32(), holdings.GetProperty("openConcernPrompts").GetInt32(),
            holdings.GetProperty("childrenLed").GetInt32(), holdings.GetProperty("teamsManaged").GetInt32()));

        // Deactivating is allowed with work still held: the warning stays, and the audit entry counts what was left.
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(api, leaver.Id, "deactivate")).StatusCode);
        Assert.Contains("This account is deactivated but still holds the work below", await admin.GetStringAsync($"/admin/professionals/{leaver.Id.Value}"),
            StringComparison.Ordinal);
        var detail = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "account.deactivate" && a.RecordId == leaver.Id.Value)
            .Select(a => a.Detail).SingleAsync());
        Assert.StartsWith("shares=1;prompts=1;lead-for=1;teams=1;disagreements=1;", detail, StringComparison.Ordinal);
    }
}
