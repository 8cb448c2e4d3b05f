using System.Net;
using System.Net.Http.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.FrontDoor;

[Collection(FrontDoorGroup.Name)]
public sealed class RecordContactTests(FrontDoorFactory factory) : FrontDoorScenario(factory)
{
    [Fact]
    public async Task Only_the_front_door_records_contacts_and_an_anonymous_professional_is_refused()
    {
        Factory.Clock.Set(Now);
        var (_, children) = await HouseholdAsync();
        var police = await Factory.ApiAsAsync(Accounts.Police);
        var body = new { childId = children[0].Value, source = "Public", anonymous = true, concerns = "Worried about the children." };
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PostAsJsonAsync("/api/v1/contacts", body)).StatusCode);

        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);
        var anonymousSchool = await frontDoor.PostAsJsonAsync("/api/v1/contacts", body with { source = "School" });
        Assert.Equal(HttpStatusCode.BadRequest, anonymousSchool.StatusCode);
        Assert.True((await anonymousSchool.JsonAsync()).GetProperty("errors").TryGetProperty("anonymous", out _));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.ChildId == children[0])));

        var household = await frontDoor.PostAsJsonAsync("/api/v1/contacts", new { childId = children[0].Value, source = "Public", anonymous = true, concerns = "Worried about all the children.", includeHouseholdChildren = true });
        Assert.Equal(HttpStatusCode.Created, household.StatusCode);
        Assert.Equal(3, (await household.JsonAsync()).GetProperty("contacts").GetArrayLength());
    }
}
