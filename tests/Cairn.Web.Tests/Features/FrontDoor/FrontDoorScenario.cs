using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.People;
using Cairn.Domain.Time;
using Cairn.Web.Background;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.FrontDoor;

/// <summary>
/// A demo area whose clock stands at 10:00 on the next Tuesday (from the real date) that is a working day followed by
/// another, so due times are known and the demo's involvements (dated from the real date) are current.
/// </summary>
public sealed class FrontDoorFactory : CairnFactory
{
    public static readonly DateTimeOffset TuesdayMorning = NextTuesday();

    public override TestClock Clock { get; } = new(TuesdayMorning);

    private static DateTimeOffset NextTuesday()
    {
        var calendar = new WorkingCalendar(EnglandAndWales.BankHolidays);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Tuesday || !calendar.IsWorkingDay(day) || !calendar.IsWorkingDay(day.AddDays(1)))
        {
            day = day.AddDays(1);
        }

        return TestClock.London(day.Year, day.Month, day.Day, 10, 0);
    }
}

[CollectionDefinition(Name)]
public sealed class FrontDoorGroup : ICollectionFixture<FrontDoorFactory>
{
    public const string Name = "Front door";
}

/// <summary>The helpers the front door test classes share, over one host per run of the collection.</summary>
public abstract class FrontDoorScenario(FrontDoorFactory factory)
{
    protected FrontDoorFactory Factory { get; } = factory;

    protected const string SchoolLead = "kate.collins@cairnmoor.example";
    protected const string FrontDoorManager = "ellis.ward@cairnmoor.example";
    protected static readonly DateTimeOffset Now = FrontDoorFactory.TuesdayMorning;
    protected static DateOnly Today => Now.InLondon();

    /// <summary>A household of a mother and three children; the police officer is involved with the eldest, and the school lead with all three.</summary>
    protected async Task<(PersonId Mother, PersonId[] Children)> HouseholdAsync(bool atSchool = true)
    {
        var mother = await Factory.PersonAsync("Mother" + Tag(), "Family" + Tag(), new DateOnly(1990, 3, 1), PersonKind.Adult);
        var children = new[]
        {
            await Factory.PersonAsync("Eldest" + Tag(), "Family", Today.AddYears(-9)),
            await Factory.PersonAsync("Middle" + Tag(), "Family", Today.AddYears(-6)),
            await Factory.PersonAsync("Baby" + Tag(), "Family", Today.AddMonths(-8)),
        };
        await Factory.WithDbAsync(async db =>
        {
            var household = Household.Start(await Factory.DemoAreaIdAsync(), "Family household", mother, Today.AddYears(-2), Today).Value!;
            foreach (var child in children)
            {
                household.Join(child, Today.AddMonths(-6), Today);
            }

            db.Households.Add(household);
            var police = await db.Professionals.SingleAsync(p => p.Email == Accounts.Police);
            db.Involvements.Add(new TeamAroundChild(children[0], []).Add(police.Id, police.AgencyId, InvolvementRole.PoliceOfficer, Today.AddDays(-10), false, police.Id, Today).Value!);
            if (atSchool)
            {
                var dsl = await db.Professionals.SingleAsync(p => p.Email == SchoolLead);
                foreach (var child in children)
                {
                    db.Involvements.Add(new TeamAroundChild(child, []).Add(dsl.Id, dsl.AgencyId, InvolvementRole.DesignatedSafeguardingLead, Today.AddYears(-1), false, dsl.Id, Today).Value!);
                }
            }

            return await db.SaveChangesAsync();
        });
        return (mother, children);
    }

    protected static string Tag() => Guid.NewGuid().ToString("N")[..6];

    protected static async Task<JsonElement> NotifyAsync(HttpClient police, PersonId about, string type = "DomesticAbuse", string? risk = "Medium")
    {
        var response = await police.PostAsJsonAsync("/api/v1/police-notifications", new
        {
            peopleInvolved = new[] { about.Value },
            incidentType = type,
            occurredAt = Now.AddHours(-9),
            risk,
            reference = "CM-" + Tag(),
            concerns = "Officers attended after a neighbour called. Raised voices; the children were upstairs and were seen.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    protected async Task<(HttpClient FrontDoor, Guid Contact, PersonId Child)> ContactAsync()
    {
        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);
        var child = await Factory.PersonAsync("Contact" + Tag(), "Child", Today.AddYears(-7));
        var response = await frontDoor.PostAsJsonAsync("/api/v1/contacts", new
        {
            childId = child.Value,
            source = "Public",
            anonymous = true,
            concerns = "A neighbour says the child is often left alone in the evenings and is seen outside late.",
            themes = NeglectTheme,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (frontDoor, (await response.JsonAsync()).GetProperty("contacts")[0].GetProperty("id").GetGuid(), child);
    }

    protected static readonly string[] StatutoryIndicator = ["S03"];
    protected static readonly string[] NeglectTheme = ["Neglect"];

    protected static async Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid contact, string level, string outcome, int version = 1, string[]? indicators = null) =>
        await client.PostAsJsonAsync($"/api/v1/contacts/{contact}/decision", new
        {
            level,
            outcome,
            reasons = "History shows repeated concerns from school and health; this contact adds to them.",
            indicators = indicators ?? StatutoryIndicator,
            version,
        });

    /// <summary>A contact decided as needing a strategy discussion and signed off: the discussion it requires.</summary>
    protected async Task<StrategyDiscussionId> StrategyDiscussionRequiredAsync()
    {
        Factory.Clock.Set(Now);
        var (frontDoor, contact, _) = await ContactAsync();
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(frontDoor, contact, "Statutory", "StrategyDiscussion")).StatusCode);
        var signed = await (await Factory.ApiAsAsync(FrontDoorManager)).PostAsJsonAsync($"/api/v1/contacts/{contact}/sign-off", new { version = 2, note = "Agreed." });
        var id = new StrategyDiscussionId((await signed.JsonAsync()).GetProperty("strategyDiscussionId").GetGuid());
        return id;
    }

    protected async Task SweepAsync(DateTimeOffset now)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FrontDoorSweep>().RunAsync(now);
    }

    protected Task<int> EscalationsAsync(ContactId id) =>
        Factory.WithDbAsync(db => db.ContactEvents.CountAsync(e => e.ContactId == id && e.Kind == ContactEventKind.Escalated));
}
