using System.Net;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Security;

/// <summary>
/// Small limits, a clock the tests move, and a test-only header that stands for the connection's own address (what a
/// socket would give), so that tests can come from several addresses; 10.9.9.9 is a trusted proxy.
/// </summary>
public sealed class ThrottlingFactory : CairnFactory
{
    public const string ConnectionAddress = "X-Test-Connection-Address";
    public const string TrustedProxy = "10.9.9.9";

    public override TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Cairn:Throttling:SignIn:FreeFailures", "2");
        builder.UseSetting("Cairn:Throttling:SignIn:FirstDelaySeconds", "10");
        builder.UseSetting("Cairn:Throttling:SignIn:MaxDelaySeconds", "40");
        builder.UseSetting("Cairn:Throttling:SignInPerAddress", "8");
        builder.UseSetting("Cairn:Throttling:ApiPerToken", "5");
        builder.UseSetting("Cairn:ForwardedHeaders:KnownProxies:0", TrustedProxy);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ConnectionAddressFilter>());
    }

    private sealed class ConnectionAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(ConnectionAddress, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// Throttling that cannot lock people out (issue #17, defect 2 and part 6): wrong passwords make the next attempt on that
/// account wait a growing time, never lock it, and never touch its API tokens or open sessions; sign-in posts are limited
/// per source address (which only a trusted proxy may forward) and the API per token, with 429 and Retry-After.
/// </summary>
public sealed class ThrottlingTests(ThrottlingFactory factory) : IClassFixture<ThrottlingFactory>
{
    private static int _lastOctet;

    private static string NewAddress() => $"203.0.113.{Interlocked.Increment(ref _lastOctet)}";

    private HttpClient From(string address)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ThrottlingFactory.ConnectionAddress, address);
        return client;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? forwardedFor = null)
    {
        var form = await Clients.FormAsync(client, "/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in") { Content = form };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request);
    }

    private static int RetryAfter(HttpResponseMessage response) =>
        (int)Assert.IsType<TimeSpan>(response.Headers.RetryAfter?.Delta).TotalSeconds;

    [Fact]
    public async Task Wrong_passwords_delay_the_account_more_each_time_but_never_lock_it_its_token_or_its_sessions()
    {
        var (_, email) = await factory.ProfessionalWithAccountAsync("Tia Throttle");
        var api = await factory.ApiAsAsync(email);
        var open = await factory.SignedInAsAsync(email);
        var attacker = From(NewAddress());

        // Two free failures, then a wait of 10 seconds.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(attacker, email, "guess-" + i)).StatusCode);
        }

        // During the wait even the right password is not tried: 429, Retry-After, and a GOV.UK message saying how long.
        var person = From(NewAddress());
        var waiting = await SignInAsync(person, email, Web.Demo.DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.Equal(10, RetryAfter(waiting));
        Assert.Contains("Wait 10 seconds, then try again", await waiting.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The account's API token and its open session carry on regardless.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await open.GetAsync("/account")).StatusCode);

        // The next wrong password doubles the wait.
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(attacker, email, "guess-again")).StatusCode);
        Assert.Equal(20, RetryAfter(await SignInAsync(person, email, Web.Demo.DemoSeeder.DemoPassword)));

        // After the wait, the right password signs in.
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(person, email, Web.Demo.DemoSeeder.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_posts_are_limited_per_source_address_and_a_forwarded_address_counts_only_from_a_trusted_proxy()
    {
        // From an untrusted address, X-Forwarded-For is ignored: a new made-up address each time does not escape the limit.
        var untrusted = From(NewAddress());
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 9; i++)
        {
            answers.Add(await SignInAsync(untrusted, "nobody@cairnmoor.example", "x", forwardedFor: $"198.51.100.{i + 1}"));
        }

        var limited = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(RetryAfter(limited) > 0);
        Assert.Contains("Too many attempts", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Through the trusted proxy, each forwarded address is its own source.
        var proxy = From(ThrottlingFactory.TrustedProxy);
        for (var i = 0; i < 9; i++)
        {
            var response = await SignInAsync(proxy, "nobody@cairnmoor.example", "x", forwardedFor: $"198.51.100.{i + 101}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_flood_of_api_requests_is_answered_429_problem_json_with_retry_after_for_that_token_only()
    {
        var flooding = await factory.ApiAsAsync(Accounts.HealthVisitor);
        var calm = await factory.ApiAsAsync(Accounts.HealthVisitor);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            answers.Add(await flooding.GetAsync("/api/v1/notifications"));
        }

        var limited = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.InRange(RetryAfter(limited), 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync("/api/v1/notifications")).StatusCode);
    }
}
