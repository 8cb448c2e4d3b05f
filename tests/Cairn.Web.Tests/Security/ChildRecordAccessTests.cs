using System.Net;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Security;

/// <summary>
/// Need-to-know over HTTP, both ways: who may open Zofia Nowak's record (the social worker and health
/// visitor are involved; front door and safeguarding lead reach the area; the team manager manages the
/// social worker) and who gets the same 404 as for a record that does not exist.
/// </summary>
public sealed class ChildRecordAccessTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    [Theory]
    [InlineData(Accounts.SocialWorker)]
    [InlineData(Accounts.HealthVisitor)]
    [InlineData(Accounts.FrontDoor)]
    [InlineData(Accounts.SafeguardingLead)]
    [InlineData(Accounts.TeamManager)]
    public async Task Those_with_a_reason_can_open_the_child_page_and_the_api_record(string email)
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var page = await (await factory.SignedInAsAsync(email)).GetAsync($"/people/{zofia.Value}");
        var api = await (await factory.ApiAsAsync(email)).GetAsync($"/api/v1/people/{zofia.Value}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Zofia Nowak", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Theory]
    [InlineData(Accounts.Uninvolved)]
    [InlineData(Accounts.Police)]
    [InlineData(Accounts.Administrator)]
    public async Task Anyone_else_gets_the_same_404_as_for_a_record_that_does_not_exist(string email)
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var web = await factory.SignedInAsAsync(email);
        var api = await factory.ApiAsAsync(email);

        var refusedPage = await web.GetAsync($"/people/{zofia.Value}");
        var missingPage = await web.GetAsync($"/people/{Guid.NewGuid()}");
        var refusedApi = await api.GetAsync($"/api/v1/people/{zofia.Value}");
        var missingApi = await api.GetAsync($"/api/v1/people/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, refusedPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingPage.StatusCode);
        Assert.Equal(WithoutTokens(await missingPage.Content.ReadAsStringAsync()), WithoutTokens(await refusedPage.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, refusedApi.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingApi.StatusCode);
        Assert.DoesNotContain("Nowak", await refusedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The sign-out form's antiforgery token differs on every page; nothing else may.</summary>
    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "");

    [Fact]
    public async Task Every_read_and_every_refusal_is_in_the_audit_log()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var (sam, casey) = await factory.WithDbAsync(async db => (
            await db.Professionals.Where(p => p.Email == Accounts.SocialWorker).Select(p => p.Id.Value).SingleAsync(),
            await db.Professionals.Where(p => p.Email == Accounts.Uninvolved).Select(p => p.Id.Value).SingleAsync()));
        var before = await factory.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Sequence));

        await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetAsync($"/people/{zofia.Value}");
        await (await factory.ApiAsAsync(Accounts.Uninvolved)).GetAsync($"/api/v1/people/{zofia.Value}");

        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Sequence > before && a.PersonId == zofia.Value).ToListAsync());
        Assert.Contains(entries, a => a.ActorId == sam && a.Action == "person.view" && a.Outcome == "allowed" && a.Detail == "CurrentlyInvolved");
        Assert.Contains(entries, a => a.ActorId == casey && a.Action == "record.open" && a.Outcome == "refused");
        Assert.DoesNotContain(entries, a => a.ActorId == casey && a.Outcome == "allowed");
    }

    [Fact]
    public async Task Without_a_sign_in_pages_redirect_to_sign_in_and_the_api_answers_401()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });

        var page = await anonymous.GetAsync($"/people/{zofia.Value}");
        var api = await anonymous.GetAsync($"/api/v1/people/{zofia.Value}");
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "cairn_not-a-real-token");
        var badToken = await anonymous.GetAsync($"/api/v1/people/{zofia.Value}");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/sign-in", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_browser_cookie_is_not_enough_for_the_api()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);

        var response = await web.GetAsync($"/api/v1/people/{zofia.Value}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
