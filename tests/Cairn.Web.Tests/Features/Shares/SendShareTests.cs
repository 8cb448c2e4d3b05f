using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Shares;

[Collection(FollowThroughGroup.Name)]
public sealed class SendShareTests(FollowThroughFactory factory) : FollowThroughScenario(factory)
{
    [Fact]
    public async Task A_share_sent_Friday_1655_before_a_bank_holiday_Monday_is_due_on_Tuesday()
    {
        Factory.Clock.Set(FollowThroughFactory.FridayTea);

        var (police, _, id) = await SendAsync(days: 1);
        var share = await police.GetFromJsonAsync<JsonElement>($"/api/v1/shares/{id}");

        Assert.Equal(TestClock.London(2026, 9, 1, 17, 0), share.GetProperty("receiptDueAt").GetDateTimeOffset());
        Assert.Equal(TestClock.London(2026, 9, 1, 17, 0), share.GetProperty("actionDueAt").GetDateTimeOffset());
        Assert.Equal("Delivered", share.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_error_and_sends_nothing()
    {
        Factory.Clock.Set(FollowThroughFactory.FridayTea);
        var police = await Factory.ApiAsAsync(Accounts.Police);
        var child = await police.CreateChildAsync("PoliceOfficer");
        var stranger = await (await Factory.ApiAsAsync(Accounts.SocialWorker)).CreateChildAsync();
        var (agency, _) = await FrontDoorAsync();
        var before = await Factory.WithDbAsync(db => db.Shares.CountAsync());
        object Body(Guid agencyId, Guid childId) => new
        {
            kind = "Information",
            recipientAgencyId = agencyId,
            childIds = new[] { childId },
            urgency = "WithinWorkingDays",
            workingDays = 3,
            subject = "School transfer",
            message = "Details of the move.",
        };

        var unknownRecipient = await police.PostAsJsonAsync("/api/v1/shares", Body(Guid.NewGuid(), child));
        var unseenChild = await police.PostAsJsonAsync("/api/v1/shares", Body(agency, stranger));

        Assert.Equal(HttpStatusCode.BadRequest, unknownRecipient.StatusCode);
        Assert.True((await unknownRecipient.JsonAsync()).GetProperty("errors").TryGetProperty("recipientAgencyId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unseenChild.StatusCode);
        Assert.True((await unseenChild.JsonAsync()).GetProperty("errors").TryGetProperty("childIds", out _));
        Assert.Equal(before, await Factory.WithDbAsync(db => db.Shares.CountAsync()));
    }
}
