using System.Security.Claims;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Web;
using Cairn.Web.Data;
using Cairn.Web.Features.Children.ViewChild;
using Cairn.Web.Features.People.FindPerson;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench.Benchmarks;

/// <summary>
/// The generated database opened through the real service provider, and what the benchmarks need from it,
/// found rather than remembered: the child with the most entries, their allocated social worker, a front door
/// worker, and search terms that should find the child.
/// </summary>
internal sealed class BenchFixture
{
    private static readonly Lock Gate = new();
    private static (string Path, bool LogSql)? _settings;
    private static Task<BenchFixture>? _shared;

    private BenchFixture(WebApplication app) => App = app;

    public WebApplication App { get; }
    public PersonId Child { get; private set; }
    public int ChildEntries { get; private set; }
    public AgencyId ChildGpPractice { get; private set; }
    public ClaimsPrincipal SocialWorker { get; private set; } = null!;
    public ClaimsPrincipal FrontDoor { get; private set; } = null!;
    public FindPersonQuery TypoName { get; private set; } = null!;
    public FindPersonQuery FamilyNameOnly { get; private set; } = null!;
    public FindPersonQuery DateOfBirth { get; private set; } = null!;
    public FindPersonQuery NhsNumber { get; private set; } = null!;
    public FindPersonQuery Postcode { get; private set; } = null!;

    /// <summary>Which database the shared fixture opens, and whether it prints the SQL it runs.</summary>
    public static void Use(string path, bool logSql)
    {
        lock (Gate)
        {
            _settings = (path, logSql);
            _shared = null;
        }
    }

    /// <summary>One fixture per process: every benchmark case runs in this process (see <see cref="LatencyConfig"/>).</summary>
    public static BenchFixture Shared()
    {
        lock (Gate)
        {
            var (path, logSql) = _settings ?? (BenchOptions.Parse([]).Database, false);
            _shared ??= OpenAsync(path, logSql);
        }

        return _shared.GetAwaiter().GetResult();
    }

    private static async Task<BenchFixture> OpenAsync(string path, bool logSql)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No benchmark database at {path}: run the generate command first.", path);
        }

        var fixture = new BenchFixture(BenchHost.Build(path, logSql));
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await fixture.DiscoverAsync(scope.ServiceProvider.GetRequiredService<CairnDbContext>());
        }

        if (!logSql)
        {
            await fixture.WarmUpAsync();
        }

        return fixture;
    }

    /// <summary>
    /// Runs the handlers a few hundred times before anything is measured, so every case meets code the JIT has
    /// already optimised (tiered compilation), as on a server that has been up for a while, not only the cases
    /// that happen to run later.
    /// </summary>
    private async Task WarmUpAsync()
    {
        ChronologyFilter[] filters = [new(), new(Category: ChronologyCategory.Police), new(IncludeHousehold: true), new(Page: 50)];
        FindPersonQuery[] queries = [TypoName, DateOfBirth, NhsNumber, Postcode];
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 100 || watch.Elapsed < TimeSpan.FromSeconds(10); i++)
        {
            using (var request = BeginRequest(SocialWorker))
            {
                await request.ServiceProvider.GetRequiredService<ViewChildHandler>().HandleAsync(Child, filters[i % filters.Length], CancellationToken.None);
            }

            using (var request = BeginRequest(SocialWorker))
            {
                await request.ServiceProvider.GetRequiredService<ViewChildHandler>().HandleChronologyAsync(Child, filters[i % filters.Length], CancellationToken.None);
            }

            using (var request = BeginRequest(i % 2 == 0 ? SocialWorker : FrontDoor))
            {
                await request.ServiceProvider.GetRequiredService<FindPersonHandler>().HandleAsync(queries[i % queries.Length], CancellationToken.None);
            }
        }
    }

    /// <summary>A request's worth of services: a fresh scope whose HttpContext carries the signed-in professional.</summary>
    public IServiceScope BeginRequest(ClaimsPrincipal user)
    {
        var scope = App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider };
        return scope;
    }

    private async Task DiscoverAsync(CairnDbContext db)
    {
        var busiest = await db.ChronologySubjects.AsNoTracking()
            .GroupBy(s => s.PersonId)
            .Select(g => new { PersonId = g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count)
            .FirstAsync();
        Child = busiest.PersonId;
        ChildEntries = busiest.Count;

        var today = TimeProvider.System.Today();
        var team = await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == Child && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .ToListAsync();
        var workerId = team.First(i => i.Role == InvolvementRole.AllocatedSocialWorker).ProfessionalId;
        ChildGpPractice = team.First(i => i.Role == InvolvementRole.GeneralPractitioner).AgencyId;

        var professionals = await db.Professionals.AsNoTracking().ToListAsync();
        var frontDoor = professionals.First(p => p.Has(Role.FrontDoor) && !p.Has(Role.TeamManager));
        SocialWorker = await PrincipalAsync(db, professionals.Single(p => p.Id == workerId));
        FrontDoor = await PrincipalAsync(db, frontDoor);

        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == Child);
        var postcode = await db.Addresses.AsNoTracking()
            .Where(a => a.PersonId == Child && a.To == null)
            .Select(a => a.Postcode)
            .FirstAsync();
        // A slip of the keyboard in each name ("Olvia Smtih"): a letter dropped from the given name, two letters
        // swapped in the family name. Names under 4 letters are matched exactly, so those are left as they are.
        var given = person.GivenName.Length >= 5 ? person.GivenName.Remove(2, 1) : person.GivenName;
        TypoName = new FindPersonQuery($"{given} {Swap(person.FamilyName)}", null, null, null);
        FamilyNameOnly = new FindPersonQuery(person.FamilyName, null, null, null);
        DateOfBirth = new FindPersonQuery(null, person.DateOfBirth, null, null);
        NhsNumber = new FindPersonQuery(null, null, person.NhsNumber, null);
        Postcode = new FindPersonQuery(null, null, null, postcode);
    }

    private static string Swap(string name) => name.Length < 4 ? name : string.Concat(name[..2], name[3].ToString(), name[2].ToString(), name[4..]);

    internal static async Task<ClaimsPrincipal> PrincipalAsync(CairnDbContext db, Professional professional)
    {
        var area = await db.Agencies.AsNoTracking().Where(a => a.Id == professional.AgencyId).Select(a => a.AreaId).SingleAsync();
        var stamp = await db.Accounts.AsNoTracking().Where(a => a.ProfessionalId == professional.Id).Select(a => a.SecurityStamp).SingleAsync();
        return new ClaimsPrincipal(CurrentUser.CreateIdentity(professional, area, stamp, CairnApp.CookieScheme));
    }
}
