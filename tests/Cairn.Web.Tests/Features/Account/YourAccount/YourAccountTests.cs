using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Account.YourAccount;

public sealed partial class YourAccountTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private async Task<(HttpClient Browser, string Token)> IssueAsync(string email, string name)
    {
        var browser = await factory.SignedInAsAsync(email);
        var response = await browser.PostAsync("/account?handler=Issue", await Clients.FormAsync(browser, "/account", new() { ["Input.Name"] = name, ["Input.Days"] = "30" }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "The page showing a new token must not be stored");
        return (browser, NewToken().Match(html).Groups[1].Value);
    }

    private HttpClient Api(string token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_token_issued_on_the_account_page_works_once_shown_and_only_its_hash_is_stored()
    {
        var (browser, token) = await IssueAsync(Accounts.SocialWorker, "Spreadsheet import");

        Assert.StartsWith("cairn_", token, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Api(token).GetAsync("/api/v1/people?name=Nowak")).StatusCode);
        var stored = await factory.WithDbAsync(db => db.ApiTokens.SingleAsync(t => t.Name == "Spreadsheet import"));
        Assert.NotEqual(token, stored.Hash);
        Assert.DoesNotContain(token, await browser.GetStringAsync("/account"), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "api-token.issue" && a.RecordId == stored.Id)));
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        var (browser, token) = await IssueAsync(Accounts.HealthVisitor, "To revoke");
        var id = await factory.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == "To revoke").Select(t => t.Id).SingleAsync());

        var response = await browser.PostAsync("/account?handler=Revoke", await Clients.FormAsync(browser, "/account", new() { ["token"] = id.ToString() }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api(token).GetAsync("/api/v1/people?name=Nowak")).StatusCode);
    }

    [Fact]
    public async Task Nobody_can_revoke_someone_elses_token()
    {
        await IssueAsync(Accounts.Police, "Police tool");
        var id = await factory.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == "Police tool").Select(t => t.Id).SingleAsync());
        var other = await factory.SignedInAsAsync(Accounts.Uninvolved);

        var response = await other.PostAsync("/account?handler=Revoke", await Clients.FormAsync(other, "/account", new() { ["token"] = id.ToString() }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == id).Select(t => t.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_token_without_a_name_is_refused_with_an_error_summary()
    {
        var browser = await factory.SignedInAsAsync(Accounts.FrontDoor);
        var before = await factory.WithDbAsync(db => db.ApiTokens.CountAsync());

        var response = await browser.PostAsync("/account?handler=Issue", await Clients.FormAsync(browser, "/account", new() { ["Input.Name"] = " ", ["Input.Days"] = "30" }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter a name for the token", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ApiTokens.CountAsync()));
    }

    [Fact]
    public async Task A_token_cannot_reach_the_account_page_to_mint_more_tokens()
    {
        var (_, token) = await IssueAsync(Accounts.TeamManager, "Should not mint");

        var response = await Api(token).GetAsync("/account");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [GeneratedRegex("id=\"new-token\">(cairn_[A-Za-z0-9_-]+)<")]
    private static partial Regex NewToken();
}
