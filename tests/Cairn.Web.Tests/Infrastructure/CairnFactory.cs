using Cairn.Web.Data;
using Cairn.Web.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Infrastructure;

/// <summary>
/// Hosts the real Cairn app over a real database: SQLite (a fresh file) by default, or PostgreSQL (a fresh
/// database on the cluster test.sh starts) when CAIRN_TEST_PROVIDER=PostgreSql. Seeds a small demo area.
/// </summary>
public class CairnFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _name = "cairn_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _sqliteFile;

    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("CAIRN_TEST_PROVIDER"), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    public DemoResult Demo { get; private set; } = null!;

    protected virtual bool UseKestrelServer => false;

    /// <summary>A year: long enough for every test that moves its clock on with a client still signed in.</summary>
    protected virtual int SessionsLastMinutes => 60 * 24 * 365;

    protected virtual int SessionsLastHours => 24 * 365;

    /// <summary>A clock the tests set, for features whose rules depend on the time (working hours, due times).</summary>
    public virtual TestClock? Clock => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development: static assets are served from the files on disk, as with `dotnet run` (build output serves stale compressed copies).
        builder.UseEnvironment("Development");
        builder.UseSetting("Cairn:Demo:SeedWhenEmpty", "false");
        // Tests run the escalation sweep themselves, at the times they choose.
        builder.UseSetting("Cairn:Escalation:Enabled", "false");
        // Tests move their clocks by hours and days with clients signed in, and sign in many times a minute from one
        // address: generous session and request limits here; the tests of those limits set their own (Security/).
        builder.UseSetting("Cairn:Sessions:IdleMinutes", SessionsLastMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cairn:Sessions:AbsoluteHours", SessionsLastHours.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cairn:Throttling:SignInPerAddress", "100000");
        builder.UseSetting("Cairn:Throttling:ApiPerToken", "100000");
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }

        // The database is a copy of the run's migrated template (TestDatabase), made before the host starts.
        builder.UseSetting("Cairn:Database:MigrateOnStart", "false");
        builder.UseSetting("Cairn:Database:Provider", UsePostgres ? "PostgreSql" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Cairn", TestDatabase.ConnectionString(_name));
        builder.ConfigureTestServices(services => services.ConfigureDbContext<CairnDbContext>(o => o.UseModel(TestDatabase.Model)));
        _sqliteFile = UsePostgres ? null : TestDatabase.SqliteFile(_name);

        if (UseKestrelServer)
        {
            this.UseKestrel(0);
        }
    }

    public async Task InitializeAsync()
    {
        await TestDatabase.CreateAsync(_name);
        if (UseKestrelServer)
        {
            StartServer();
        }

        await using var scope = Services.CreateAsyncScope();
        var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
        Demo = await seeder.SeedAsync(new DemoSize(Children: 20, EntriesPerChild: 4), CancellationToken.None);
    }

    public async Task<T> WithDbAsync<T>(Func<CairnDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CairnDbContext>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (UsePostgres)
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CairnDbContext>().Database.EnsureDeletedAsync();
        }

        await DisposeAsync();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}

/// <summary>The same app on a real Kestrel port, for browser tests; on a test clock when one is given.</summary>
public sealed class CairnServerFactory : CairnFactory
{
    private readonly TestClock? _clock;

    public CairnServerFactory()
    {
    }

    /// <summary>Internal: xUnit builds a class fixture through its one public constructor, the one without a clock.</summary>
    internal CairnServerFactory(TestClock clock) => _clock = clock;

    protected override bool UseKestrelServer => true;

    public override TestClock? Clock => _clock;

    public string RootUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');
}
