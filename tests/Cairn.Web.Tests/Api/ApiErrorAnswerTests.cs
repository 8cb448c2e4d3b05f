using System.Net;
using System.Text;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cairn.Web.Tests.Api;

/// <summary>
/// Every API error is problem+json (RFC 9457), never a GOV.UK HTML page, and never names an internal type; pages keep their
/// GOV.UK HTML error pages (issue #17, defect 7).
/// </summary>
public sealed class ApiErrorAnswerTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private const string ProblemJson = "application/problem+json";

    [Fact]
    public async Task An_api_call_without_a_token_is_401_problem_json()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync($"/api/v1/children/{Guid.NewGuid()}/dangers");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_api_call_with_a_bad_token_is_401_problem_json()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", "cairn_not-a-real-token");

        await AssertProblemAsync(await client.GetAsync("/api/v1/concern-rules"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_step_not_yours_is_403_problem_json()
    {
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);

        await AssertProblemAsync(await worker.GetAsync("/api/v1/concern-rules"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_missing_child_and_an_unknown_address_are_404_problem_json()
    {
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);

        await AssertProblemAsync(await worker.GetAsync($"/api/v1/children/{Guid.NewGuid()}/dangers"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await worker.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_method_is_405_problem_json()
    {
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);

        await AssertProblemAsync(await worker.DeleteAsync("/api/v1/contacts"), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_problem_json()
    {
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);

        var response = await frontDoor.PostAsync("/api/v1/contacts", new StringContent("childId=1", Encoding.UTF8, "text/plain"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"childId\": 12, \"source\": \"Police\"}")]
    [InlineData("{\"source\": \"NotASource\"}")]
    [InlineData("{\"receivedAt\": \"yesterday\"}")]
    public async Task An_unreadable_body_is_400_with_a_plain_message_that_names_no_internal_type(string body)
    {
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);

        var response = await frontDoor.PostAsync("/api/v1/contacts", new StringContent(body, Encoding.UTF8, "application/json"));

        var text = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain("Command", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cairn.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_keep_their_govuk_html_error_pages()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/children")).StatusCode);

        var worker = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var missing = await worker.GetAsync($"/people/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("govuk-heading-l", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var problem = await response.JsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.DoesNotContain("<html", text, StringComparison.OrdinalIgnoreCase);
        return text;
    }
}
