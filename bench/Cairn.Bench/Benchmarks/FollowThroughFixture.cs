using System.Globalization;
using System.Security.Claims;
using Cairn.Bench.Generation;
using Cairn.Domain.Agencies;
using Cairn.Domain.Shares;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench.Benchmarks;

/// <summary>
/// What the Follow Through benchmarks need from the database <c>generate-shares</c> filled: the sweep time it
/// recorded, how many shares are due then, and the viewers: a front door team member, the professional with the
/// most open shares named to them, and the one with the most open shares sent.
/// </summary>
internal sealed class FollowThroughFixture
{
    private static readonly Lock Gate = new();
    private static Task<FollowThroughFixture>? _shared;

    private FollowThroughFixture(BenchFixture bench) => Bench = bench;

    public BenchFixture Bench { get; }
    public DateTimeOffset SweepAt { get; private set; }
    public int Due { get; private set; }
    public ClaimsPrincipal FrontDoor { get; private set; } = null!;
    public ClaimsPrincipal Named { get; private set; } = null!;
    public ClaimsPrincipal Sender { get; private set; } = null!;
    public string Description { get; private set; } = "";

    public static FollowThroughFixture Shared()
    {
        var bench = BenchFixture.Shared();
        lock (Gate)
        {
            _shared ??= OpenAsync(bench);
        }

        return _shared.GetAwaiter().GetResult();
    }

    private static async Task<FollowThroughFixture> OpenAsync(BenchFixture bench)
    {
        var fixture = new FollowThroughFixture(bench);
        await using var scope = bench.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        var detail = await db.AuditEntries.AsNoTracking().Where(a => a.Action == SharesGenerator.AuditAction).Select(a => a.Detail).FirstOrDefaultAsync()
                     ?? throw new InvalidOperationException("No shares in the benchmark database: run generate-shares first.");
        var values = detail.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        fixture.SweepAt = DateTimeOffset.Parse(values["sweepAt"], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        fixture.Due = int.Parse(values["due"], CultureInfo.InvariantCulture);

        var professionals = await db.Professionals.AsNoTracking().ToListAsync();
        var frontDoor = professionals.First(p => p.Has(Role.FrontDoor) && !p.Has(Role.TeamManager));
        var open = db.Shares.AsNoTracking().Where(s => s.Status == ShareStatus.Delivered || s.Status == ShareStatus.Received || s.Status == ShareStatus.WithEmergencyDuty);
        var named = await open.Where(s => s.RecipientProfessional != null).GroupBy(s => s.RecipientProfessional)
            .Select(g => new { Id = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync();
        var sender = await open.GroupBy(s => s.SentBy).Select(g => new { Id = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync();
        var team = await open.CountAsync(s => s.RecipientTeam == frontDoor.TeamId && s.RecipientProfessional == null);
        fixture.FrontDoor = await BenchFixture.PrincipalAsync(db, frontDoor);
        fixture.Named = await BenchFixture.PrincipalAsync(db, professionals.Single(p => p.Id == named.Id));
        fixture.Sender = await BenchFixture.PrincipalAsync(db, professionals.Single(p => p.Id == sender.Id));
        fixture.Description = $"sweep at {fixture.SweepAt:O}, {fixture.Due:N0} due; front door team {team:N0} open, " +
                              $"most named to one person {named.Count:N0}, most sent by one person {sender.Count:N0}";
        Console.WriteLine($"// Follow Through: {fixture.Description}");
        return fixture;
    }
}
