using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.FrontDoor;

[Collection(FrontDoorGroup.Name)]
public sealed class SignOffDecisionTests(FrontDoorFactory factory) : FrontDoorScenario(factory)
{
    [Fact]
    public async Task Triage_needs_a_managers_sign_off_by_someone_else_and_a_strategy_discussion_follows()
    {
        Factory.Clock.Set(Now);
        var (frontDoor, contact, child) = await ContactAsync();

        var unknownIndicator = await DecideAsync(frontDoor, contact, "Statutory", "StrategyDiscussion", indicators: ["NOPE"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknownIndicator.StatusCode);
        var mismatch = await DecideAsync(frontDoor, contact, "Universal", "StrategyDiscussion");
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await DecideAsync(frontDoor, contact, "Statutory", "StrategyDiscussion", version: 7)).StatusCode);

        var decided = await DecideAsync(frontDoor, contact, "Statutory", "StrategyDiscussion");
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("AwaitingSignOff", (await decided.JsonAsync()).GetProperty("status").GetString());

        // The decision maker cannot sign off their own decision; a manager outside the front door cannot either.
        Assert.Equal(HttpStatusCode.BadRequest, (await frontDoor.PostAsJsonAsync($"/api/v1/contacts/{contact}/sign-off", new { version = 2 })).StatusCode);
        var otherManager = await Factory.ApiAsAsync(Accounts.TeamManager);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PostAsJsonAsync($"/api/v1/contacts/{contact}/sign-off", new { version = 2 })).StatusCode);

        var manager = await Factory.ApiAsAsync(FrontDoorManager);
        var signed = await manager.PostAsJsonAsync($"/api/v1/contacts/{contact}/sign-off", new { version = 2, note = "Agreed." });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var discussionId = (await signed.JsonAsync()).GetProperty("strategyDiscussionId").GetGuid();
        var view = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}");
        Assert.Equal("Decided", view.GetProperty("status").GetString());
        Assert.Equal("Ellis Ward", view.GetProperty("signedOffBy").GetString());
        Assert.Equal("S03", view.GetProperty("indicators")[0].GetProperty("code").GetString());
        Assert.True(await Factory.WithDbAsync(db => db.ChronologySubjects.AnyAsync(s => s.PersonId == child && s.Category == ChronologyCategory.Decision)));

        // A section 47 enquiry cannot be recorded before the strategy discussion decides on one (L17).
        var worker = await Factory.ApiAsAsync(Accounts.FrontDoor);
        var early = await worker.PostAsJsonAsync($"/api/v1/people/{child.Value}/legal-status", new { kind = "Section47Enquiry", from = Today, reason = "Enquiry starting", currentStatusId = (Guid?)null });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);

        var noPolice = await frontDoor.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussionId}", new
        {
            heldAt = Now.AddMinutes(-30),
            byPhone = true,
            attendees = new[] { new { name = "Jordan Lee", agency = "ChildrensSocialCare", role = "Front door social worker" }, new { name = "Nadia Hussain", agency = "HealthVisiting", role = "Health visitor" } },
            startSection47 = true,
            decision = "Section 47 enquiry to start today; joint visit with police this afternoon.",
            version = 1,
        });
        Assert.Equal(HttpStatusCode.BadRequest, noPolice.StatusCode);
        Assert.Contains("police", (await noPolice.JsonAsync()).GetProperty("errors").GetProperty("attendees")[0].GetString());

        var held = await frontDoor.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussionId}", new
        {
            heldAt = Now.AddMinutes(-30),
            byPhone = true,
            attendees = new[]
            {
                new { name = "Jordan Lee", agency = "ChildrensSocialCare", role = "Front door social worker" },
                new { name = "DC Chris Barnes", agency = "Police", role = "Detective constable" },
                new { name = "Nadia Hussain", agency = "HealthVisiting", role = "Health visitor" },
            },
            startSection47 = true,
            decision = "Section 47 enquiry to start today; joint visit with police this afternoon.",
            version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var status = await Factory.WithDbAsync(db => db.LegalStatuses.SingleAsync(l => l.ChildId == child && l.To == null));
        Assert.Equal(LegalStatusKind.Section47Enquiry, status.Kind);
    }

    [Fact]
    public async Task An_assessment_outcome_makes_the_child_a_child_in_need_but_never_lowers_a_plan()
    {
        Factory.Clock.Set(Now);
        var (frontDoor, contact, child) = await ContactAsync();
        await DecideAsync(frontDoor, contact, "Targeted", "Assessment", indicators: ["T01"]);
        var manager = await Factory.ApiAsAsync(FrontDoorManager);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/contacts/{contact}/sign-off", new { version = 2 })).StatusCode);
        Assert.Equal(LegalStatusKind.ChildInNeed, await Factory.WithDbAsync(db => db.LegalStatuses.Where(l => l.ChildId == child && l.To == null).Select(l => l.Kind).SingleAsync()));

        var (_, second, planned) = await ContactAsync();
        var by = await Factory.ProfessionalOfAsync(Accounts.SocialWorker);
        await Factory.WithDbAsync(db =>
        {
            db.LegalStatuses.Add(LegalStatus.Change(null, planned, LegalStatusKind.ChildProtectionPlan, ChildProtectionCategory.Neglect, Today.AddMonths(-2), "Conference", by, Now).Value!);
            return db.SaveChangesAsync();
        });
        await DecideAsync(frontDoor, second, "Targeted", "Assessment", indicators: ["T01"]);
        var signed = await manager.PostAsJsonAsync($"/api/v1/contacts/{second}/sign-off", new { version = 2 });
        Assert.Contains("stays", (await signed.JsonAsync()).GetProperty("legalStatusNote").GetString());
        Assert.Equal(LegalStatusKind.ChildProtectionPlan, await Factory.WithDbAsync(db => db.LegalStatuses.Where(l => l.ChildId == planned && l.To == null).Select(l => l.Kind).SingleAsync()));
    }
}
