using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.FrontDoor;

[Collection(FrontDoorGroup.Name)]
public sealed class TriageTests(FrontDoorFactory factory) : FrontDoorScenario(factory)
{
    [Fact]
    public async Task The_whole_picture_shows_siblings_alerts_and_previous_contacts_and_the_referrer_only_to_those_who_may_know()
    {
        Factory.Clock.Set(Now);
        var (_, children) = await HouseholdAsync();
        await Factory.AlertAsync(children[2], Accounts.FrontDoor, "Bruising seen on the baby's arm");
        var police = await Factory.ApiAsAsync(Accounts.Police);
        var first = await NotifyAsync(police, children[0], "Neglect", null);
        var second = await NotifyAsync(police, children[0], "DomesticAbuse", "High");
        var contact = second.GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("childId").GetGuid() == children[0].Value).GetProperty("id").GetGuid();

        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);
        var picture = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}/picture");
        var byChild = picture.GetProperty("children").EnumerateArray().ToDictionary(p => p.GetProperty("childId").GetGuid());
        Assert.Equal(3, byChild.Count);
        Assert.True(byChild[children[0].Value].GetProperty("isSubject").GetBoolean());
        Assert.Contains(byChild[children[2].Value].GetProperty("alerts").EnumerateArray(), a => a.GetProperty("risk").GetString() == "Bruising seen on the baby's arm");
        var previous = byChild[children[0].Value].GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(first.GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("childId").GetGuid() == children[0].Value).GetProperty("id").GetGuid(), previous);
        Assert.DoesNotContain(contact, previous);
        Assert.Contains(byChild[children[1].Value].GetProperty("events").EnumerateArray(), e => e.GetProperty("summary").GetString()!.StartsWith("Police notification", StringComparison.Ordinal));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "contact.picture" && a.PersonId == children[2].Value)));

        Assert.Equal("DC Chris Barnes", (await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}")).GetProperty("referrer").GetProperty("name").GetString());
        // The school lead may open the child's record, and sees the contact, but not who made it.
        var school = await Factory.ApiAsAsync(SchoolLead);
        Assert.Equal(JsonValueKind.Null, (await school.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}")).GetProperty("referrer").ValueKind);
        var uninvolved = await Factory.ApiAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await uninvolved.GetAsync($"/api/v1/contacts/{contact}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await uninvolved.GetAsync($"/api/v1/contacts/{contact}/picture")).StatusCode);
    }

    [Fact]
    public async Task The_triage_page_shows_the_whole_picture_and_refuses_a_decision_without_reasons_with_an_error_summary()
    {
        Factory.Clock.Set(Now);
        var (_, contact, _) = await ContactAsync();
        var browser = await Factory.SignedInAsAsync(Accounts.FrontDoor);

        var page = await browser.GetStringAsync($"/contacts/{contact}");
        Assert.Contains("The whole picture", page);
        Assert.Contains("Make the decision", page);

        var form = await Clients.FormAsync(browser, $"/contacts/{contact}", new()
        {
            ["Input.Version"] = "1",
            ["Input.Level"] = "EarlyHelp",
            ["Input.Outcome"] = "EarlyHelp",
            ["Input.Indicators"] = "EH01",
            ["Input.Reasons"] = "",
        });
        var response = await browser.PostAsync($"/contacts/{contact}/decide", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("Enter the reasons for the decision", System.Net.WebUtility.HtmlDecode(html));
        Assert.Equal(ContactStatus.AwaitingDecision, await Factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == new ContactId(contact)).Select(c => c.Status).SingleAsync()));
    }
}
