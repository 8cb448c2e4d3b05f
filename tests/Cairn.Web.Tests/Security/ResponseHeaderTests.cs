using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Security;

/// <summary>
/// Over a real Kestrel port (the test server sends no Server header of its own): no `Server: Kestrel` telling an attacker
/// what to try, and a Permissions-Policy that turns off the browser features Cairn never uses (issue #17, defect 8).
/// </summary>
public sealed class ResponseHeaderTests(CairnServerFactory factory) : IClassFixture<CairnServerFactory>
{
    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/api/v1/concern-rules")]
    public async Task No_server_header_and_a_permissions_policy_on_pages_and_the_api(string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(factory.RootUrl) };

        using var response = await client.GetAsync(path);

        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Server));
        var policy = Assert.Single(response.Headers.GetValues("Permissions-Policy"));
        Assert.Contains("camera=()", policy, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", policy, StringComparison.Ordinal);
        Assert.Contains("microphone=()", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
