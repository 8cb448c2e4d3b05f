using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Web.Security;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Security;

/// <summary>Sessions as deployed by default: ended after 30 minutes idle and 10 hours after sign-in, on a clock the tests move.</summary>
public sealed class SignInSessionFactory : CairnFactory
{
    public override TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override int SessionsLastMinutes => new SignInSessionOptions().IdleMinutes;

    protected override int SessionsLastHours => new SignInSessionOptions().AbsoluteHours;
}

/// <summary>
/// Sessions that end (issue #17, defect 1 and part 5): the cookie names a server-side session, and signing out, the idle
/// timeout, the absolute lifetime, an administrator or the person themselves ends it there, so a kept copy opens nothing.
/// </summary>
public sealed class SignInSessionTests(SignInSessionFactory factory) : IClassFixture<SignInSessionFactory>
{
    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private Task<List<SignInSession>> SessionsOfAsync(ProfessionalId id) =>
        factory.WithDbAsync(db => db.SignInSessions.AsNoTracking().Where(s => s.ProfessionalId == id).OrderBy(s => s.CreatedAt).ToListAsync());

    private async Task<(ProfessionalId Id, string Email)> NewProfessionalAsync() => await factory.ProfessionalWithAccountAsync("Sid Session");

    /// <summary>A client that does not keep cookies: the test holds the session cookie itself, as someone who copied it would.</summary>
    private HttpClient Bare() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static string CookieFrom(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    private static async Task<string> AntiforgeryTokenAsync(HttpResponseMessage page)
    {
        var html = await page.Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static HttpRequestMessage WithCookies(HttpMethod method, string path, params string[] cookies)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return request;
    }

    [Fact]
    public async Task A_cookie_kept_after_signing_out_opens_nothing()
    {
        var (id, email) = await NewProfessionalAsync();
        var client = Bare();
        var signInPage = await client.GetAsync("/sign-in");
        var antiforgery = CookieFrom(signInPage, "cairn-af");
        var post = WithCookies(HttpMethod.Post, "/sign-in", antiforgery);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Web.Demo.DemoSeeder.DemoPassword,
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(signInPage),
        });
        var kept = CookieFrom(await client.SendAsync(post), "cairn");
        var account = await client.SendAsync(WithCookies(HttpMethod.Get, "/account", kept, antiforgery));
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);

        var signOut = WithCookies(HttpMethod.Post, "/sign-out", kept, antiforgery);
        signOut.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(account) });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(signOut)).StatusCode);

        // The same cookie, sent again as someone who copied it would send it.
        AssertSentToSignIn(await client.SendAsync(WithCookies(HttpMethod.Get, "/account", kept)));
        AssertSentToSignIn(await client.SendAsync(WithCookies(HttpMethod.Get, "/", kept)));
        var session = Assert.Single(await SessionsOfAsync(id));
        Assert.Equal(SessionEnd.SignedOut, session.EndedWhy);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "session.start" && a.RecordId == session.Id)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "session.end" && a.RecordId == session.Id)));
    }

    [Fact]
    public async Task A_session_in_use_stays_open_and_one_left_idle_ends()
    {
        var (id, email) = await NewProfessionalAsync();
        var client = await factory.SignedInAsAsync(email);

        for (var i = 0; i < 3; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(25));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        AssertSentToSignIn(await client.GetAsync("/account"));
        Assert.Equal(SessionEnd.Idle, Assert.Single(await SessionsOfAsync(id)).EndedWhy);
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_however_busy()
    {
        var (id, email) = await NewProfessionalAsync();
        var client = await factory.SignedInAsAsync(email);

        // Used every 25 minutes for 9 hours 35 minutes: never idle, still open.
        for (var i = 0; i < 23; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(25));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(25));
        AssertSentToSignIn(await client.GetAsync("/account"));
        // Refused by the cookie's own expiry (set to the session's) or by the session record: either way it has expired.
        Assert.Equal(SessionEnd.Expired, Assert.Single(await SessionsOfAsync(id)).WhyNotUsable(factory.Clock.GetUtcNow(), new SignInSessionOptions()));
    }

    [Fact]
    public async Task Sign_out_everywhere_and_deactivation_end_every_session_of_the_account_only()
    {
        var (id, email) = await NewProfessionalAsync();
        var first = await factory.SignedInAsAsync(email);
        var second = await factory.SignedInAsAsync(email);
        var bystander = await factory.SignedInAsAsync(Accounts.HealthVisitor);
        var admin = await factory.ApiAsAsync(Accounts.Administrator);

        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(admin, id, "sign-out-everywhere")).StatusCode);

        AssertSentToSignIn(await first.GetAsync("/account"));
        AssertSentToSignIn(await second.GetAsync("/account"));
        Assert.Equal(HttpStatusCode.OK, (await bystander.GetAsync("/account")).StatusCode);
        Assert.All(await SessionsOfAsync(id), s => Assert.Equal(SessionEnd.SignedOutEverywhere, s.EndedWhy));

        var third = await factory.SignedInAsAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(admin, id, "deactivate")).StatusCode);
        AssertSentToSignIn(await third.GetAsync("/account"));
        Assert.Equal(SessionEnd.Deactivated, (await SessionsOfAsync(id))[^1].EndedWhy);
    }

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient admin, ProfessionalId id, string action)
    {
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/professionals/{id.Value}")).GetProperty("version").GetInt32();
        return await admin.PostAsJsonAsync($"/api/v1/admin/professionals/{id.Value}/{action}",
            new { reason = "Laptop left on a train; ending every session now.", version });
    }

    [Fact]
    public async Task You_see_and_end_your_own_sessions_and_nobody_else_can_end_them()
    {
        var (id, email) = await NewProfessionalAsync();
        var laptop = await factory.SignedInAsAsync(email);
        var phone = await factory.SignedInAsAsync(email);
        var sessions = await SessionsOfAsync(id);
        var (laptopSession, phoneSession) = (sessions[0].Id, sessions[1].Id);

        var page = await laptop.GetStringAsync("/account/sessions");
        Assert.Contains(laptopSession.ToString(), page, StringComparison.Ordinal);
        Assert.Contains(phoneSession.ToString(), page, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "This session"));

        // Someone else cannot end it: not found, exactly like a session that does not exist, and it carries on.
        var other = await factory.SignedInAsAsync(Accounts.Police);
        var refused = await other.PostAsync("/account/sessions?handler=End",
            await Clients.FormAsync(other, "/account/sessions", new() { ["session"] = phoneSession.ToString() }));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/account")).StatusCode);

        var ended = await laptop.PostAsync("/account/sessions?handler=End",
            await Clients.FormAsync(laptop, "/account/sessions", new() { ["session"] = phoneSession.ToString() }));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        AssertSentToSignIn(await phone.GetAsync("/account"));
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/account")).StatusCode);
        Assert.DoesNotContain(phoneSession.ToString(), await laptop.GetStringAsync("/account/sessions"), StringComparison.Ordinal);
        Assert.Equal(SessionEnd.EndedByOwner, (await SessionsOfAsync(id)).Single(s => s.Id == phoneSession).EndedWhy);

        // Ending the one in use signs you out.
        var own = await laptop.PostAsync("/account/sessions?handler=End",
            await Clients.FormAsync(laptop, "/account/sessions", new() { ["session"] = laptopSession.ToString() }));
        AssertSentToSignIn(own);
        AssertSentToSignIn(await laptop.GetAsync("/account"));
    }
}
