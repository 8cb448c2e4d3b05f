using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Chronology;
using Cairn.Domain.Shares;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Shares;

[Collection(FollowThroughGroup.Name)]
public sealed class ConfirmReceiptTests(FollowThroughFactory factory) : FollowThroughScenario(factory)
{
    [Fact]
    public async Task The_front_door_confirms_receipt_and_records_the_action_and_the_officer_sees_it_done()
    {
        Factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (police, child, id) = await SendAsync();
        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);

        var inbox = await frontDoor.GetFromJsonAsync<JsonElement>("/api/v1/shares?box=Team");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);

        var received = await frontDoor.PostAsJsonAsync($"/api/v1/shares/{id}/receive", new { version = 1 });
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var actioned = await frontDoor.PostAsJsonAsync($"/api/v1/shares/{id}/action", new { version = 2, text = "Contact opened at the front door; strategy discussion arranged" });
        Assert.Equal(HttpStatusCode.OK, actioned.StatusCode);

        var seen = await police.GetFromJsonAsync<JsonElement>($"/api/v1/shares/{id}");
        Assert.Equal("Actioned", seen.GetProperty("status").GetString());
        Assert.Equal("Jordan Lee", seen.GetProperty("receivedBy").GetString());
        Assert.Equal("Contact opened at the front door; strategy discussion arranged", seen.GetProperty("outcome").GetString());
        var officer = await Factory.ProfessionalIdAsync(Accounts.Police);
        Assert.True(await Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == new ProfessionalId(officer) && n.Link == $"/shares/{id}" && n.Kind == "share.action")));
        var steps = await Factory.WithDbAsync(db => db.ChronologySubjects.Where(s => s.PersonId == new PersonId(child) && s.Category == ChronologyCategory.InformationShared).CountAsync());
        Assert.Equal(3, steps);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "share.receive" && a.PersonId == child && a.RecordId == id)));
    }

    [Fact]
    public async Task Nobody_can_confirm_someone_elses_share_and_outsiders_see_nothing()
    {
        Factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (police, _, id) = await SendAsync();
        var outsider = await Factory.ApiAsAsync(Accounts.Uninvolved);

        var bySender = await police.PostAsJsonAsync($"/api/v1/shares/{id}/receive", new { version = 1 });
        var byOutsider = await outsider.PostAsJsonAsync($"/api/v1/shares/{id}/receive", new { version = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, bySender.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/shares/{id}")).StatusCode);
        Assert.Equal(ShareStatus.Delivered, await Factory.WithDbAsync(db => db.Shares.Where(s => s.Id == new ShareId(id)).Select(s => s.Status).SingleAsync()));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "share.open" && a.RecordId == id && a.Outcome == "refused")));
    }

    [Fact]
    public async Task A_stale_receipt_is_a_conflict()
    {
        Factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (_, _, id) = await SendAsync();
        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);
        await frontDoor.PostAsJsonAsync($"/api/v1/shares/{id}/receive", new { version = 1 });

        var again = await frontDoor.PostAsJsonAsync($"/api/v1/shares/{id}/decline", new { version = 1, text = "Not for us" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(ShareStatus.Received, await Factory.WithDbAsync(db => db.Shares.Where(s => s.Id == new ShareId(id)).Select(s => s.Status).SingleAsync()));
    }
}
