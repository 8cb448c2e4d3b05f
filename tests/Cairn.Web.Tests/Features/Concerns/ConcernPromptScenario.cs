using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;
using Cairn.Domain.People;
using Cairn.Domain.Time;
using Cairn.Web.Background.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Tests.Features.FrontDoor;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Concerns;

[CollectionDefinition(Name)]
public sealed class ConcernPromptGroup : ICollectionFixture<ConcernsFactory>
{
    public const string Name = "Concern prompts";
}

/// <summary>Concerns that add up, end to end through the API: rules, prompts, answers, escalation and settings.</summary>
public abstract class ConcernPromptScenario(ConcernsFactory factory)
{
    protected ConcernsFactory Factory { get; } = factory;

    protected const string SchoolLead = "kate.collins@cairnmoor.example";
    protected const string Gp = "dr.patel@cairnmoor.example";
    protected static readonly DateTimeOffset Now = FrontDoorFactory.TuesdayMorning;
    protected static DateOnly Today => Now.InLondon();

    protected static string Tag() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>A mother and a child living together; each professional named is involved with the child, the first as lead professional.</summary>
    protected async Task<(PersonId Mother, PersonId Child)> FamilyAsync(DateOnly childBorn, params string[] involved)
    {
        var mother = await Factory.PersonAsync("Mother" + Tag(), "Family" + Tag(), new DateOnly(1992, 5, 1), PersonKind.Adult);
        var child = await Factory.PersonAsync("Child" + Tag(), "Family", childBorn);
        await Factory.WithDbAsync(async db =>
        {
            var household = Household.Start(await Factory.DemoAreaIdAsync(), "Family household", mother, Today.AddYears(-3), Today).Value!;
            household.Join(child, childBorn < Today.AddYears(-3) ? Today.AddYears(-3) : childBorn, Today);
            db.Households.Add(household);
            var team = new TeamAroundChild(child, []);
            for (var i = 0; i < involved.Length; i++)
            {
                var p = await db.Professionals.SingleAsync(x => x.Email == involved[i]);
                var role = involved[i] switch
                {
                    SchoolLead => InvolvementRole.DesignatedSafeguardingLead,
                    Gp => InvolvementRole.GeneralPractitioner,
                    Accounts.HealthVisitor => InvolvementRole.HealthVisitor,
                    Accounts.Police => InvolvementRole.PoliceOfficer,
                    _ => InvolvementRole.AllocatedSocialWorker,
                };
                db.Involvements.Add(team.Add(p.Id, p.AgencyId, role, Today.AddMonths(-6), i == 0, p.Id, Today).Value!);
            }

            return await db.SaveChangesAsync();
        });
        return (mother, child);
    }

    protected async Task<Guid> RecordAsync(string who, PersonId about, object entry)
    {
        var api = await Factory.ApiAsAsync(who);
        var response = await api.PostAsJsonAsync($"/api/v1/people/{about.Value}/chronology", entry);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    protected static readonly string[] Neglect = ["Neglect"];
    protected static readonly string[] UnmetHealthNeeds = ["UnmetHealthNeeds"];
    protected static readonly string[] HomeConditions = ["HomeConditions"];
    protected static readonly string[] DomesticAbuse = ["DomesticAbuse"];
    protected static readonly string[] AlcoholMisuse = ["ParentalAlcoholMisuse"];

    /// <summary>The review's pattern (TW): four agencies, each below threshold, that together meet it.</summary>
    protected async Task<(PersonId Child, Guid[] Entries)> FourAgenciesAsync()
    {
        Factory.Clock.Set(Now);
        var (_, child) = await FamilyAsync(Today.AddYears(-6), Accounts.SocialWorker, SchoolLead, Gp, Accounts.HealthVisitor, Accounts.Police);
        var entries = new Guid[4];
        entries[0] = await RecordAsync(SchoolLead, child, new
        {
            occurredAt = Now.AddDays(-40),
            category = "Education",
            significance = "Routine",
            concerns = Neglect,
            summary = "Came to school in the same unwashed clothes all week; poor hygiene",
        });
        entries[1] = await RecordAsync(Gp, child, new
        {
            occurredAt = Now.AddDays(-30),
            category = "Appointment",
            significance = "Routine",
            appointmentOutcome = "WasNotBrought",
            concerns = UnmetHealthNeeds,
            summary = "Pre-school immunisations: was not brought",
        });
        entries[2] = await RecordAsync(Accounts.HealthVisitor, child, new
        {
            occurredAt = Now.AddDays(-20),
            category = "HomeVisit",
            significance = "Routine",
            contactMode = "FaceToFace",
            concerns = HomeConditions,
            summary = "Home visit: the house was very cold, no heating on",
            whyNotGathered = "The child was at school during the visit",
        });
        Assert.Empty(await PromptsAsync(child));
        entries[3] = await RecordAsync(Accounts.Police, child, new
        {
            occurredAt = Now.AddDays(-2),
            category = "Police",
            significance = "Significant",
            concerns = DomesticAbuse,
            summary = "Domestic incident at the home address; the child was present",
        });
        return (child, entries);
    }

    /// <summary>A fifth concern after the four agencies': the health visitor finds the home still cold.</summary>
    protected Task<Guid> FifthConcernAsync(PersonId child) => RecordAsync(Accounts.HealthVisitor, child, new
    {
        occurredAt = Now.AddDays(-1),
        category = "HomeVisit",
        significance = "Routine",
        contactMode = "FaceToFace",
        concerns = HomeConditions,
        summary = "Home visit: still no heating, the child in a coat indoors",
        whyNotGathered = "The child was asleep during the visit",
    });

    protected Task<List<ConcernPrompt>> PromptsAsync(PersonId child) =>
        Factory.WithDbAsync(db => db.ConcernPrompts.Include(p => p.Evidence).Include(p => p.Events).Where(p => p.Child == child).ToListAsync());

    /// <summary>A police entry about a domestic incident, three days ago, added straight to the database: nothing evaluates it.</summary>
    protected async Task AddDomesticIncidentAsync(CairnDbContext db, PersonId about, bool isChild)
    {
        var agency = await db.Agencies.FirstAsync(a => a.Kind == AgencyKind.Police);
        var recorder = await Factory.ProfessionalOfAsync(Accounts.Police);
        var content = new ChronologyContent(Now.AddDays(-3), ChronologyCategory.Police, Significance.Significant, null, null, "Domestic incident", null, null)
        { Concerns = ConcernTheme.DomesticAbuse };
        db.ChronologyEntries.Add(ChronologyEntry.Record(content, [(about, isChild)], agency.Id, agency.Kind, recorder, Now).Value!);
    }

    protected Task<List<PendingEvaluation>> PendingAsync(PersonId person) =>
        Factory.WithDbAsync(db => db.PendingEvaluations.Where(p => p.PersonId == person).ToListAsync());

    protected async Task<int> SweepPendingAsync(DateTimeOffset at)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConcernSweep>().EvaluatePendingAsync(at);
    }

    protected const string FrontDoorManager = "ellis.ward@cairnmoor.example";
    protected const string Reason = "Moving the case: the allocated worker is on leave for two weeks from today.";

    protected static object Reassign(Guid? to, int version, string? reason = Reason, bool toFrontDoorTeam = false) =>
        new { toProfessional = to, toFrontDoorTeam, reason, version };
}
