using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.FrontDoor;

[Collection(FrontDoorGroup.Name)]
public sealed class ContactEscalationTests(FrontDoorFactory factory) : FrontDoorScenario(factory)
{
    [Fact]
    public async Task A_triage_decision_overdue_at_one_working_day_escalates_once_then_up_the_ladder()
    {
        Factory.Clock.Set(Now);
        var (_, contact, _) = await ContactAsync();
        var id = new ContactId(contact);
        var due = await Factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == id).Select(c => c.DecisionDueAt).SingleAsync());
        Assert.Equal(TestClock.London(Today.Year, Today.Month, Today.Day, 17, 0).AddDays(1), due);

        await SweepAsync(due.AddMinutes(-1));
        Assert.Equal(0, await EscalationsAsync(id));

        await SweepAsync(due);
        await SweepAsync(due.AddMinutes(10));
        Assert.Equal(1, await EscalationsAsync(id));
        var manager = await Factory.ProfessionalOfAsync(FrontDoorManager);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.ProfessionalId == manager && n.Link == $"/contacts/{contact}" && n.Kind == "contact.escalated")));

        // Rung 2 (safeguarding leads) is 4 working hours after the due time: Thursday 13:00.
        await SweepAsync(due.AddHours(20));
        Assert.Equal(2, await EscalationsAsync(id));
        var lead = await Factory.ProfessionalOfAsync(Accounts.SafeguardingLead);
        Assert.True(await Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == lead && n.Link == $"/contacts/{contact}")));
    }

    [Fact]
    public async Task A_signed_off_contact_never_escalates()
    {
        Factory.Clock.Set(Now);
        var (frontDoor, contact, _) = await ContactAsync();
        await DecideAsync(frontDoor, contact, "Universal", "NoFurtherAction", indicators: ["U04"]);
        var manager = await Factory.ApiAsAsync(FrontDoorManager);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/contacts/{contact}/sign-off", new { version = 2 })).StatusCode);

        await SweepAsync(Now.AddDays(7));

        Assert.Equal(0, await EscalationsAsync(new ContactId(contact)));
    }
}
