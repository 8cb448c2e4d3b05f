using Cairn.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Security;

/// <summary>Every page and endpoint must say who may use it: a named policy, or an explicit, listed anonymous exception.</summary>
public sealed class EndpointAuthorisationTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    /// <summary>The only routes anyone may reach without signing in.</summary>
    private static readonly string[] AnonymousRoutes = ["/sign-in", "/error/{code:int}"];

    [Fact]
    public void Every_endpoint_declares_its_authorisation()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var undeclared = new List<string>();
        var anonymous = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (IsStaticAsset(endpoint))
            {
                continue;
            }

            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                anonymous.Add(route);
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (policies.Count == 0 || policies.All(string.IsNullOrEmpty))
            {
                undeclared.Add(route);
            }
        }

        Assert.True(endpoints.Count > 10, "the endpoint list should include pages and API endpoints");
        Assert.Empty(undeclared);
        Assert.Equal(AnonymousRoutes.Order(), anonymous.Distinct().Order());
    }

    [Fact]
    public void Every_api_endpoint_requires_a_personal_token()
    {
        var api = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal) == true).ToList();

        Assert.NotEmpty(api);
        Assert.All(api, e => Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == Cairn.Web.Security.Policies.ApiClient));
    }

    /// <summary>Compiled CSS, scripts and images are public files: anonymous, and every one has a file extension.</summary>
    /// The static files' catch-all fallback carries no policy of its own and so falls under the fallback policy (signed in).
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null && Path.HasExtension(endpoint.RoutePattern.RawText ?? ""))
        || endpoint.RoutePattern.RawText?.TrimStart('/') == "{**path:file}";
}
