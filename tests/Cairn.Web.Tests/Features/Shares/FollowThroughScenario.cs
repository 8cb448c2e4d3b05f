using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Domain.Shares;
using Cairn.Web.Background;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Shares;

/// <summary>A demo area whose clock the tests control: it starts on Friday 28 August 2026, the day before the summer bank holiday weekend.</summary>
public sealed class FollowThroughFactory : CairnFactory
{
    public static readonly DateTimeOffset FridayTea = TestClock.London(2026, 8, 28, 16, 55);

    public override TestClock Clock { get; } = new(FridayTea);
}

[CollectionDefinition(Name)]
public sealed class FollowThroughGroup : ICollectionFixture<FollowThroughFactory>
{
    public const string Name = "Follow Through";
}

/// <summary>The helpers the Follow Through test classes share, over one host per run of the collection.</summary>
public abstract class FollowThroughScenario(FollowThroughFactory factory)
{
    protected FollowThroughFactory Factory { get; } = factory;

    protected const string EmergencyDuty = "robin.hart@cairnmoor.example";

    protected async Task<(Guid Agency, Guid Team)> FrontDoorAsync() =>
        await Factory.WithDbAsync(async db =>
        {
            var team = await db.Teams.SingleAsync(t => t.Name == "Front Door (MASH)");
            return (team.AgencyId.Value, team.Id.Value);
        });

    protected async Task<(HttpClient Police, Guid Child, Guid Share)> SendAsync(string urgency = "WithinWorkingDays", int? days = 1, bool toTeam = true,
        string? toAgency = null)
    {
        var police = await Factory.ApiAsAsync(Accounts.Police);
        var child = await police.CreateChildAsync("PoliceOfficer");
        var (agency, team) = await FrontDoorAsync();
        if (toAgency is not null)
        {
            agency = await Factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == toAgency).Select(a => a.Id.Value).SingleAsync());
        }

        var response = await police.PostAsJsonAsync("/api/v1/shares", new
        {
            kind = "PoliceNotification",
            recipientAgencyId = agency,
            recipientTeamId = toTeam && toAgency is null ? team : (Guid?)null,
            childIds = new[] { child },
            urgency,
            workingDays = days,
            subject = "Child present at a domestic incident",
            message = "Officers attended the family home at 16:20. The child was present and distressed.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (police, child, (await response.JsonAsync()).GetProperty("id").GetGuid());
    }

    protected async Task<SweepResult> SweepAsync(DateTimeOffset now, string holder = "test-node")
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShareSweep>().RunAsync(now, holder);
    }

    protected Task<List<ShareEvent>> EscalationsAsync(Guid share) =>
        Factory.WithDbAsync(db => db.ShareEvents.Where(e => e.ShareId == new ShareId(share) && e.Kind == ShareEventKind.Escalated).ToListAsync());
}
