using System.Net;
using System.Net.Http.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Security;

/// <summary>
/// Requests a probe answered with 500 (issue #17, defect 5): an implausible time a contact was received, whose working-day
/// clock cannot be worked out (bank-holiday rules start in 1978), and GET /sign-out for a signed-in person.
/// </summary>
public sealed class ProbeServerErrorTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1900-01-01T09:00:00Z")]
    [InlineData("1977-12-31T09:00:00Z")]
    [InlineData("2000-06-01T09:00:00Z")]
    public async Task A_contact_received_at_an_implausible_time_is_400_and_records_nothing(string receivedAt)
    {
        var child = await (await factory.ApiAsAsync(Accounts.SocialWorker)).CreateChildAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);

        var response = await frontDoor.PostAsJsonAsync("/api/v1/contacts", new
        {
            childId = child,
            source = "Public",
            anonymous = true,
            concerns = "A neighbour says the child is often left alone in the evenings.",
            receivedAt = DateTimeOffset.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("receivedAt")[0].GetString();
        Assert.Contains("within the last", message, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.ChildId == new Cairn.Domain.PersonId(child))));
    }

    [Fact]
    public async Task A_contact_received_yesterday_is_still_recorded()
    {
        var child = await (await factory.ApiAsAsync(Accounts.SocialWorker)).CreateChildAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);

        var response = await frontDoor.PostAsJsonAsync("/api/v1/contacts", new
        {
            childId = child,
            source = "Public",
            anonymous = true,
            concerns = "A neighbour says the child is often left alone in the evenings.",
            receivedAt = DateTimeOffset.UtcNow.AddDays(-1),
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Sign_out_by_get_shows_a_confirmation_with_a_form_that_posts()
    {
        var person = await factory.SignedInAsAsync(Accounts.SocialWorker);

        var response = await person.GetAsync("/sign-out");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
        // Looking at the page does not sign anyone out: the home page still opens.
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/")).StatusCode);

        var signedOut = await person.PostAsync("/sign-out", await Clients.FormAsync(person, "/sign-out", []));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync("/")).StatusCode);
    }
}
