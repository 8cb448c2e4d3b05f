using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Infrastructure;

public static partial class Clients
{
    /// <summary>
    /// An API client authenticated with a freshly issued personal token for the account. The token lasts 30 days from
    /// the app's clock or the real one, whichever is later: a factory's clock may stand a week ahead of the real date
    /// (the next working Tuesday) and tests move it on by days, and a token that expired in the app's time made every
    /// such test fail with 401 on the days the two clocks were more than a day apart.
    /// </summary>
    public static async Task<HttpClient> ApiAsAsync(this CairnFactory factory, string email)
    {
        var token = ApiTokenAuthenticationHandler.NewToken();
        var now = factory.Clock?.GetUtcNow() is { } clock && clock > DateTimeOffset.UtcNow ? clock : DateTimeOffset.UtcNow;
        await factory.WithDbAsync(async db =>
        {
            var professional = await db.Professionals.SingleAsync(p => p.Email == email);
            db.ApiTokens.Add(new ApiToken
            {
                Id = Guid.NewGuid(),
                ProfessionalId = professional.Id,
                Name = "test",
                Prefix = token[..10],
                Hash = ApiTokenAuthenticationHandler.Hash(token),
                CreatedAt = now,
                ExpiresAt = now.AddDays(30),
            });
            return await db.SaveChangesAsync();
        });
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (factory is CairnServerFactory server)
        {
            client.BaseAddress = new Uri(server.RootUrl);
        }

        return client;
    }

    /// <summary>A browser-like client signed in through the sign-in page.</summary>
    public static async Task<HttpClient> SignedInAsAsync(this CairnFactory factory, string email, string password = Demo.DemoSeeder.DemoPassword)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsync("/sign-in", await FormAsync(client, "/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}");
        }

        return client;
    }

    /// <summary>Builds a form post including the antiforgery token from the page at <paramref name="path"/>.</summary>
    public static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(path);
        var token = AntiforgeryField().Match(html);
        if (token.Success)
        {
            fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        return new FormUrlEncodedContent(fields);
    }

    public static async Task<PersonId> PersonIdAsync(this CairnFactory factory, string given, string family) =>
        await factory.WithDbAsync(db => db.People.Where(p => p.GivenName == given && p.FamilyName == family).Select(p => p.Id).SingleAsync());

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public static class Accounts
{
    public const string SocialWorker = "sam.okoro@cairnmoor.example";
    public const string TeamManager = "priya.shah@cairnmoor.example";
    public const string FrontDoor = "jordan.lee@cairnmoor.example";
    public const string SafeguardingLead = "morgan.blake@cairnmoor.example";
    public const string Police = "chris.barnes@cairnmoor.example";
    public const string HealthVisitor = "nadia.hussain@cairnmoor.example";
    public const string Administrator = "admin@cairnmoor.example";
    public const string Uninvolved = "casey.quinn@cairnmoor.example";
}
