using Cairn.Domain;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Shares;

[Collection(FollowThroughGroup.Name)]
public sealed class ShareEscalationTests(FollowThroughFactory factory) : FollowThroughScenario(factory)
{
    [Fact]
    public async Task A_share_to_a_whole_agency_escalates_to_its_front_door_managers_not_to_every_manager_in_it()
    {
        Factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (_, _, id) = await SendAsync(days: 1, toTeam: false);
        await SweepAsync(TestClock.London(2026, 9, 1, 17, 3), holder: "agency-node");

        var told = await Factory.WithDbAsync(db => db.Notifications.Where(n => n.Link == $"/shares/{id}" && n.Kind == "share.escalated")
            .Select(n => n.ProfessionalId).ToListAsync());
        var frontDoorManager = await Factory.WithDbAsync(db => db.Professionals.Where(p => p.Name == "Ellis Ward").Select(p => p.Id).SingleAsync());
        var officer = new ProfessionalId(await Factory.ProfessionalIdAsync(Accounts.Police));
        var assessmentManager = new ProfessionalId(await Factory.ProfessionalIdAsync(Accounts.TeamManager));
        Assert.Equal(new[] { frontDoorManager, officer }.Select(p => p.Value).Order(), told.Select(p => p.Value).Order());
        Assert.DoesNotContain(assessmentManager, told);
    }

    [Fact]
    public async Task A_share_to_an_agency_with_no_front_door_escalates_at_once_to_the_safeguarding_leads()
    {
        Factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (_, _, id) = await SendAsync(days: 1, toTeam: false, toAgency: "Cairnmoor Housing");
        await SweepAsync(TestClock.London(2026, 9, 1, 17, 30), holder: "housing-node");

        var told = await Factory.WithDbAsync(db => db.Notifications.Where(n => n.Link == $"/shares/{id}" && n.Kind == "share.escalated")
            .Select(n => n.ProfessionalId).ToListAsync());
        var lead = new ProfessionalId(await Factory.ProfessionalIdAsync(Accounts.SafeguardingLead));
        var officer = new ProfessionalId(await Factory.ProfessionalIdAsync(Accounts.Police));
        Assert.Equal(new[] { lead, officer }.Select(p => p.Value).Order(), told.Select(p => p.Value).Order());
    }

    [Fact]
    public async Task An_unconfirmed_share_escalates_once_at_the_due_time_then_up_the_ladder_and_a_restart_loses_nothing()
    {
        Factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (_, _, id) = await SendAsync(days: 1);
        var due = TestClock.London(2026, 9, 1, 17, 0);

        await SweepAsync(due.AddMinutes(-1));
        Assert.Empty(await EscalationsAsync(id));

        await SweepAsync(due);
        await SweepAsync(due.AddMinutes(5));
        var first = Assert.Single(await EscalationsAsync(id));
        Assert.Equal(1, first.Level);
        var manager = await Factory.WithDbAsync(db => db.Professionals.Where(p => p.Name == "Ellis Ward").Select(p => p.Id).SingleAsync());
        var officer = new ProfessionalId(await Factory.ProfessionalIdAsync(Accounts.Police));
        Assert.True(await Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == manager && n.Link == $"/shares/{id}" && n.Kind == "share.escalated")));
        Assert.True(await Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == officer && n.Link == $"/shares/{id}" && n.Kind == "share.escalated")));

        // A new node (nothing in memory) takes over after the first one's lease lapses: rung 2 is 4 working hours after the due time.
        await SweepAsync(TestClock.London(2026, 9, 2, 13, 0), holder: "another-node");
        var escalations = await EscalationsAsync(id);
        Assert.Equal([1, 2], escalations.Select(e => e.Level!.Value).Order());
        var lead = new ProfessionalId(await Factory.ProfessionalIdAsync(Accounts.SafeguardingLead));
        Assert.True(await Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == lead && n.Link == $"/shares/{id}")));
    }

    [Fact]
    public async Task Two_sweeps_at_once_escalate_each_share_exactly_once()
    {
        Factory.Clock.Set(FollowThroughFactory.FridayTea);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await SendAsync(days: 1)).Share);
        }

        // Two sweeps share a holder, so both pass the lease and only the version check stands between them; the
        // third, another node, is kept out by the lease.
        var due = TestClock.London(2026, 9, 1, 17, 0);
        var results = await Task.WhenAll(SweepAsync(due, "node-a"), SweepAsync(due, "node-a"), SweepAsync(due, "node-b"));

        foreach (var id in ids)
        {
            Assert.Equal(1, Assert.Single(await EscalationsAsync(id)).Level);
        }

        Assert.Contains(results, r => !r.HeldLease);
    }
}
