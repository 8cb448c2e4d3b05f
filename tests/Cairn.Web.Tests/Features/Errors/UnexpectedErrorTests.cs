using System.Net;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Errors;

/// <summary>The app with one path that fails, to see what a person is shown when something unexpected goes wrong.</summary>
public sealed class FailingPathFactory : CairnFactory
{
    public const string Secret = "connection string with a password in it";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new FailingPath()));
    }

    /// <summary>Runs after Cairn's own pipeline, so its exception handler sees the failure.</summary>
    private sealed class FailingPath : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/fail", failing => failing.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}

public sealed class UnexpectedErrorTests(FailingPathFactory factory) : IClassFixture<FailingPathFactory>
{
    [Fact]
    public async Task A_page_that_fails_is_a_500_page_with_a_reference_to_quote_and_nothing_of_the_error()
    {
        var client = await factory.SignedInAsAsync(Accounts.SocialWorker);

        var response = await client.GetAsync("/test/fail");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Sorry, there is a problem with Cairn</title>", html, StringComparison.Ordinal);
        Assert.Contains("Nothing you entered was saved.", html, StringComparison.Ordinal);
        Assert.Matches("quote this reference to support: <strong>[^<]+</strong>", html);
        Assert.DoesNotContain(FailingPathFactory.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), html, StringComparison.Ordinal);
    }
}
