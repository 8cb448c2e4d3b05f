using System.Diagnostics;
using Cairn.Domain.Agencies;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.People;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench.Generation;

/// <summary>
/// Creates a fresh benchmark database: the real migrations, then a synthetic area of <c>--people</c> people
/// and <c>--entries</c> chronology entries, one child having <c>--busiest</c> of them. Everything is written
/// through <see cref="CairnDbContext"/> from objects made by the domain's factories, in batches with change
/// tracking cleared, so the rows are those the app writes. Deterministic for given options, except for ids
/// and dates, which follow the clock.
/// </summary>
internal static class Generator
{
    /// <summary>City of York: about 12,800 postcodes in the full ONS file, 400 in the subset shipped with Cairn.</summary>
    private const string AreaCode = "E06000014";
    private const int FamiliesPerBatch = 1_000;
    private const int EntriesPerBatch = 20_000;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var path = options.Database;
        var people = options.Number("--people", 100_000);
        var entries = options.Number("--entries", 2_000_000);
        var busiest = options.Number("--busiest", 5_000);
        if (people < 20 || busiest < 1 || entries < busiest)
        {
            await Console.Error.WriteLineAsync("Need --people of at least 20, --busiest of at least 1 and --entries of at least --busiest.");
            return 2;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        var total = Stopwatch.StartNew();
        var phase = Stopwatch.StartNew();
        void Done(string what)
        {
            Console.WriteLine($"{what,-48} {phase.Elapsed.TotalSeconds,7:F1} s");
            phase.Restart();
        }

        var cancellationToken = CancellationToken.None;
        await using var app = BenchHost.Build(path);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await db.Database.MigrateAsync(cancellationToken);
        // One connection for the whole load, with settings for a bulk load into a file nobody else is using yet.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY;", cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        Done($"Migrated {path}");

        var importer = new PostcodeImporter(db);
        await importer.ImportShippedSubsetAsync(cancellationToken);
        if (options.Text("--postcodes") is { } postcodeFile)
        {
            await importer.ImportAsync(postcodeFile, new HashSet<string>(StringComparer.Ordinal) { AreaCode }, null, cancellationToken);
        }

        var postcodes = await db.Postcodes.AsNoTracking().Where(p => p.LocalAuthorityCode == AreaCode).OrderBy(p => p.Postcode).ToListAsync(cancellationToken);
        Done($"Reference data: {postcodes.Count:N0} postcodes in the area");

        var random = new Random(20261123);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var area = Area.Create("Cairnmoor (benchmark area)", AreaCode);
        var org = new BenchOrganisation(area, (int)(people * 0.6), random, scope.ServiceProvider.GetRequiredService<IPasswordHasher<Account>>());
        db.Areas.Add(area);
        db.Agencies.AddRange(org.Agencies);
        db.Teams.AddRange(org.Teams);
        db.Professionals.AddRange(org.Professionals);
        db.Accounts.AddRange(org.Accounts);
        await SaveAsync(db, cancellationToken);
        Done($"Organisation: {org.Agencies.Count} agencies, {org.Professionals.Count} professionals");

        var population = new Population(org, area, postcodes, random, today, now);
        var writer = new ModelWriter(db);
        var created = 0;
        var families = 0;
        var family = population.BusiestFamily(busiest);
        while (true)
        {
            created += family.Adults.Count + family.Children.Count;
            Add(db, writer, family);
            if (++families % FamiliesPerBatch == 0)
            {
                await writer.CommitAsync();
                await SaveAsync(db, cancellationToken);
            }

            if (created >= people)
            {
                break;
            }

            family = population.NextFamily(people - created);
        }

        await writer.CommitAsync();
        await SaveAsync(db, cancellationToken);
        Done($"People: {created:N0} in {families:N0} households, {population.Children.Count:N0} children");

        var chronologies = new Chronologies(org, random, today, now);
        Chronologies.AssignQuotas(population.Children, population.Busiest, entries, random);
        var order = population.Children.OrderBy(_ => random.Next()).ToList();
        var written = 0;
        for (var round = 0; round < Chronologies.Rounds; round++)
        {
            foreach (var child in order)
            {
                for (var n = Chronologies.InRound(child, round); n > 0; n--)
                {
                    var entry = chronologies.Entry(child, round);
                    writer.Insert(entry);
                    writer.InsertRange(entry.Subjects);
                    if (++written % EntriesPerBatch == 0)
                    {
                        await writer.CommitAsync();
                    }
                }
            }

            Console.Write($"\rChronology entries: {written:N0}");
        }

        await writer.DisposeAsync();
        Console.Write('\r');
        Done($"Chronology entries: {written:N0}");

        db.AuditEntries.Add(new AuditEntry { At = now, Action = "bench.generate", Outcome = "succeeded", Detail = $"people={created} entries={written}" });
        await SaveAsync(db, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        await db.Database.CloseConnectionAsync();
        Done("Checkpoint");

        var subjects = await db.ChronologySubjects.CountAsync(s => s.PersonId == population.Busiest.Child.Id, cancellationToken);
        Console.WriteLine($"Generated {created:N0} people and {written:N0} chronology entries in {total.Elapsed.TotalSeconds:F0} s; {new FileInfo(path).Length / 1048576.0:N0} MiB.");
        Console.WriteLine($"Busiest child: {population.Busiest.Child.Id.Value} ({subjects:N0} entries), social worker {population.Busiest.SocialWorker!.Email}; front door {org.FrontDoor.Email}.");
        Console.WriteLine($"Every account's password is the demo password. Browse with: ConnectionStrings__Cairn=\"Data Source={path}\" cairn");
        return 0;
    }

    /// <summary>The bulk of a family's rows go straight in; households (their members are owned rows), alerts and diagnoses through the DbContext.</summary>
    private static void Add(CairnDbContext db, ModelWriter writer, FamilyRecords family)
    {
        writer.InsertRange(family.People);
        foreach (var person in family.People)
        {
            writer.InsertRange(PersonSearchIndex.KeysFor(person));
        }

        writer.InsertRange(family.Relationships);
        writer.InsertRange(family.Addresses);
        writer.InsertRange(family.Involvements);
        writer.InsertRange(family.LegalStatuses);
        writer.InsertRange(family.Education);
        writer.InsertRange(family.Education.SelectMany(e => e.Revisions));
        db.Households.Add(family.Household);
        db.Alerts.AddRange(family.Alerts);
        db.Diagnoses.AddRange(family.Diagnoses);
    }

    private static async Task SaveAsync(CairnDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
