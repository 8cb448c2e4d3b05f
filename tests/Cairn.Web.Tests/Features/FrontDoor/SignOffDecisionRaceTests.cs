using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Time;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.FrontDoor;

/// <summary>The front door's Tuesday morning (<see cref="FrontDoorFactory"/>), with a hook to slip a write in before the next save.</summary>
public sealed class FrontDoorRaceFactory : InterleavingFactory
{
    public override TestClock Clock { get; } = new(FrontDoorFactory.TuesdayMorning);
}

/// <summary>
/// Two managers act on the same decision at once (L20). The sign-off saves with the concern evaluation it queues; when
/// the other manager's sign-off or return is saved after this one read the contact, the database's concurrency token
/// refuses it: the same 409 as a stale version, never a 500, and nothing of the losing sign-off is kept.
/// </summary>
public sealed class SignOffDecisionRaceTests(FrontDoorRaceFactory factory) : IClassFixture<FrontDoorRaceFactory>
{
    private const string FrontDoorManager = "ellis.ward@cairnmoor.example";
    private static readonly DateTimeOffset Now = FrontDoorFactory.TuesdayMorning;
    private static readonly string[] StatutoryIndicator = ["S03"];
    private static readonly string[] NeglectTheme = ["Neglect"];

    /// <summary>A contact decided by the front door (strategy discussion), awaiting a manager's sign-off at version 2.</summary>
    private async Task<(ContactId Contact, PersonId Child)> DecidedContactAsync()
    {
        factory.Clock.Set(Now);
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var child = await factory.PersonAsync("Raced" + Guid.NewGuid().ToString("N")[..6], "Child", Now.InLondon().AddYears(-7));
        var recorded = await frontDoor.PostAsJsonAsync("/api/v1/contacts", new
        {
            childId = child.Value,
            source = "Public",
            anonymous = true,
            concerns = "A neighbour says the child is often left alone in the evenings and is seen outside late.",
            themes = NeglectTheme,
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var contact = (await recorded.JsonAsync()).GetProperty("contacts")[0].GetProperty("id").GetGuid();
        var decided = await frontDoor.PostAsJsonAsync($"/api/v1/contacts/{contact}/decision", new
        {
            level = "Statutory",
            outcome = "StrategyDiscussion",
            reasons = "History shows repeated concerns from school and health; this contact adds to them.",
            indicators = StatutoryIndicator,
            version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal(2, (await decided.JsonAsync()).GetProperty("version").GetInt32());
        return (new ContactId(contact), child);
    }

    /// <summary>A second front door manager, so two managers can sign off the same decision.</summary>
    private async Task<(ProfessionalId Id, HttpClient Api)> SecondManagerAsync()
    {
        var (id, email) = await factory.ProfessionalWithAccountAsync("Second front door manager", roles: Role.FrontDoor | Role.TeamManager);
        return (id, await factory.ApiAsAsync(email));
    }

    private static Task<HttpResponseMessage> SignOffAsync(HttpClient manager, ContactId contact, string note) =>
        manager.PostAsJsonAsync($"/api/v1/contacts/{contact.Value}/sign-off", new { version = 2, note });

    private static async Task AssertContactConflictAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("Someone else changed this contact", problem.GetProperty("title").GetString());
        Assert.Equal(Refusal.Conflict("this contact").Errors[0].Message, problem.GetProperty("detail").GetString());
    }

    private Task<int> EventsAsync(ContactId contact, ContactEventKind kind) =>
        factory.WithDbAsync(db => db.ContactEvents.CountAsync(e => e.ContactId == contact && e.Kind == kind));

    private Task<bool> AuditedAsync(ContactId contact, ProfessionalId by, string outcome, string? detail = null) =>
        factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "contact.sign-off" && a.RecordId == contact.Value
            && a.ActorId == by.Value && a.Outcome == outcome && (detail == null || a.Detail == detail)));

    [Fact]
    public async Task A_sign_off_that_loses_the_race_to_another_managers_sign_off_is_409_and_the_decision_is_signed_off_once()
    {
        var (contact, child) = await DecidedContactAsync();
        var ellis = await factory.ApiAsAsync(FrontDoorManager);
        var ellisId = await factory.ProfessionalOfAsync(FrontDoorManager);
        var (otherId, other) = await SecondManagerAsync();
        HttpResponseMessage? first = null;
        // Ellis has read the contact at version 2 and signed it off in memory; the other manager's sign-off is saved first.
        factory.Interleave.BeforeNextChangeOf<Contact>(async () => first = await SignOffAsync(other, contact, "Agreed, second manager."));

        var second = await SignOffAsync(ellis, contact, "Agreed.");

        Assert.Equal(HttpStatusCode.OK, first?.StatusCode);
        await AssertContactConflictAsync(second);
        var stored = await factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact));
        Assert.Equal((ContactStatus.Decided, (ProfessionalId?)otherId, 3), (stored.Status, stored.SignedOffBy, stored.Version));
        Assert.Equal(1, await EventsAsync(contact, ContactEventKind.SignedOff));
        // Nothing of the losing sign-off is kept: one strategy discussion, one decision in the chronology, no evaluation queued.
        Assert.Equal(1, await factory.WithDbAsync(db => db.StrategyDiscussions.CountAsync(d => d.ContactId == contact)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.ChronologySubjects.CountAsync(s => s.PersonId == child && s.Category == ChronologyCategory.Decision)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.PendingEvaluations.CountAsync(p => p.PersonId == child)));
        Assert.True(await AuditedAsync(contact, otherId, "succeeded"));
        Assert.False(await AuditedAsync(contact, ellisId, "succeeded"));
        // The lost race is a refused change like any other: audited as a conflict on the version.
        Assert.True(await AuditedAsync(contact, ellisId, "refused", "conflict: Version"));
    }

    [Fact]
    public async Task A_sign_off_that_loses_the_race_to_a_return_is_409_and_the_decision_stays_returned()
    {
        var (contact, child) = await DecidedContactAsync();
        var ellis = await factory.ApiAsAsync(FrontDoorManager);
        var (_, other) = await SecondManagerAsync();
        HttpResponseMessage? returned = null;
        factory.Interleave.BeforeNextChangeOf<Contact>(async () => returned = await other.PostAsJsonAsync($"/api/v1/contacts/{contact.Value}/return",
            new { version = 2, note = "Look again at the school's attendance concerns." }));

        var signOff = await SignOffAsync(ellis, contact, "Agreed.");

        Assert.Equal(HttpStatusCode.OK, returned?.StatusCode);
        await AssertContactConflictAsync(signOff);
        var stored = await factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact));
        Assert.Equal((ContactStatus.AwaitingDecision, (ProfessionalId?)null, 3), (stored.Status, stored.SignedOffBy, stored.Version));
        Assert.Equal(1, await EventsAsync(contact, ContactEventKind.ReturnedByManager));
        Assert.Equal(0, await EventsAsync(contact, ContactEventKind.SignedOff));
        Assert.Equal(0, await factory.WithDbAsync(db => db.StrategyDiscussions.CountAsync(d => d.ContactId == contact)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ChronologySubjects.CountAsync(s => s.PersonId == child && s.Category == ChronologyCategory.Decision)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.PendingEvaluations.CountAsync(p => p.PersonId == child)));
    }

    [Fact]
    public async Task Two_managers_signing_off_at_the_same_moment_get_one_200_and_one_409_never_a_500()
    {
        var ellis = await factory.ApiAsAsync(FrontDoorManager);
        var (_, other) = await SecondManagerAsync();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (contact, _) = await DecidedContactAsync();

            var responses = await Task.WhenAll(SignOffAsync(ellis, contact, "Agreed."), SignOffAsync(other, contact, "Agreed too."));

            // Whoever reads second sees version 3 (stale) or loses in the database: the same conflict either way.
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            await AssertContactConflictAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict));
            Assert.Equal(1, await EventsAsync(contact, ContactEventKind.SignedOff));
            Assert.Equal(1, await factory.WithDbAsync(db => db.StrategyDiscussions.CountAsync(d => d.ContactId == contact)));
        }
    }
}
