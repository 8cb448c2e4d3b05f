using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web;

/// <summary>Runs the web app, or one of the maintenance commands, from the same binary.</summary>
public static class CairnHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = command == "serve" ? args : args[1..];
        var builder = WebApplication.CreateBuilder(rest);
        builder.AddCairn();
        var app = builder.Build();

        switch (command)
        {
            case "serve":
                await PrepareDatabaseAsync(app, seedIfEmpty: app.Configuration.GetValue("Cairn:Demo:SeedWhenEmpty", true));
                app.UseCairn();
                await app.RunAsync();
                return 0;
            case "seed-demo":
                return await SeedDemoAsync(app, rest);
            case "verify-audit":
                return await VerifyAuditAsync(app);
            case "import-postcodes":
                return await ImportPostcodesAsync(app, rest);
            case "export":
                return await ExportAsync(app, rest);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{command}'. Commands: serve (default), "
                    + "seed-demo [--children N] [--reset], import-postcodes FILE [--la CODE...], verify-audit, "
                    + "export ssda903 --year YEAR --out DIR [--area LA-CODE]");
                return 2;
        }
    }

    /// <summary>
    /// Applies migrations (unless <c>Cairn:Database:MigrateOnStart</c> is false, when a release step applies them and
    /// start-up refuses a database that is behind) and, on an empty database, seeds the synthetic demo area and prints how
    /// to sign in.
    /// </summary>
    public static async Task PrepareDatabaseAsync(WebApplication app, bool seedIfEmpty)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        if (app.Configuration.GetValue("Cairn:Database:MigrateOnStart", true))
        {
            await db.Database.MigrateAsync();
        }
        else if ((await db.Database.GetPendingMigrationsAsync()).ToList() is { Count: > 0 } pending)
        {
            throw new InvalidOperationException($"The database is {pending.Count} migration(s) behind ({pending[^1]} is the latest) "
                + "and Cairn:Database:MigrateOnStart is false: apply the migrations first.");
        }

        await Features.People.PersonSearchIndex.EnsureBuiltAsync(db, CancellationToken.None);
        if (seedIfEmpty && !await db.Areas.AnyAsync())
        {
            var children = app.Configuration.GetValue("Cairn:Demo:Children", 300);
            var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
            var result = await seeder.SeedAsync(new DemoSize(children), CancellationToken.None);
            PrintSignIn(result);
        }
    }

    private static void PrintSignIn(DemoResult result)
    {
        Console.WriteLine();
        Console.WriteLine($"Cairn demo area '{result.AreaName}' is ready: {result.Children} children, "
            + $"{result.Professionals} professionals, {result.ChronologyEntries} chronology entries.");
        Console.WriteLine($"Every demo account's password is: {DemoSeeder.DemoPassword}");
        foreach (var (email, what) in result.SignIns)
        {
            Console.WriteLine($"  {email,-44} {what}");
        }

        Console.WriteLine();
    }

    private static async Task<int> SeedDemoAsync(WebApplication app, string[] args)
    {
        var children = 300;
        var index = Array.IndexOf(args, "--children");
        if (index >= 0 && (index + 1 >= args.Length || !int.TryParse(args[index + 1], out children) || children < 10))
        {
            await Console.Error.WriteLineAsync("--children needs a whole number of at least 10");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        if (args.Contains("--reset"))
        {
            await db.Database.EnsureDeletedAsync();
        }

        await db.Database.MigrateAsync();
        if (await db.Areas.AnyAsync())
        {
            await Console.Error.WriteLineAsync("The database already holds data. Use --reset to replace it with a new demo area.");
            return 1;
        }

        var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
        PrintSignIn(await seeder.SeedAsync(new DemoSize(children), CancellationToken.None));
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        var (count, broken) = await AuditChain.VerifyAsync(db, CancellationToken.None);
        if (broken is { } sequence)
        {
            await Console.Error.WriteLineAsync($"Audit chain BROKEN at entry {sequence} (checked {count}).");
            return 1;
        }

        Console.WriteLine($"Audit chain intact: {count} entries.");
        return 0;
    }

    private static async Task<int> ImportPostcodesAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || !File.Exists(args[0]))
        {
            await Console.Error.WriteLineAsync("Give the path of an ONS postcode file (CSV or .csv.gz with postcode, la_code, easting, northing).");
            return 2;
        }

        var filter = args.SkipWhile(a => a != "--la").Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        await db.Database.MigrateAsync();
        var importer = new PostcodeImporter(db);
        var imported = await importer.ImportAsync(args[0], filter.Count == 0 ? null : filter,
            progress: n => Console.Write($"\r{n:N0} postcodes read"), CancellationToken.None);
        Console.WriteLine($"\rImported {imported.Imported:N0} postcodes ({imported.Skipped:N0} skipped as malformed).");
        return 0;
    }

    /// <summary>
    /// <c>export ssda903 --year 2026 --out DIR [--area CODE]</c>: writes the area's 903 for the collection year (named by the year it
    /// ends in) as one CSV per table into DIR, and prints the rows in each. Audited like an export from the page, with no professional
    /// (whoever runs it on the server already holds the database). With more than one area, --area names it by its LA code.
    /// </summary>
    private static async Task<int> ExportAsync(WebApplication app, string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (args.Length == 0 || args[0] != "ssda903" || Option("--out") is not { } output)
        {
            await Console.Error.WriteLineAsync("Usage: export ssda903 --year 2026 --out DIR [--area LA-CODE]");
            return 2;
        }

        if (Features.Returns.ReturnsAccessHandler.ParseYear(Option("--year"), out var year) is { } invalid)
        {
            await Console.Error.WriteLineAsync(string.Join(" ", invalid.Errors.Select(e => e.Message)));
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        await db.Database.MigrateAsync();
        var code = Option("--area");
        var areas = await db.Areas.AsNoTracking().Where(a => code == null || a.LocalAuthorityCode == code).Select(a => a.Id).ToListAsync();
        if (areas.Count != 1)
        {
            await Console.Error.WriteLineAsync(areas.Count == 0 ? "No such area." : "More than one area: name one with --area LA-CODE.");
            return 2;
        }

        var handler = scope.ServiceProvider.GetRequiredService<Features.Returns.ExportSsda903.ExportSsda903Handler>();
        Console.WriteLine($"Building the SSDA903 for {year.Label} from the record...");
        var export = await handler.ExportAsync(areas[0], year, "command line", CancellationToken.None);
        Directory.CreateDirectory(output);
        foreach (var (name, content) in export.Files)
        {
            await File.WriteAllBytesAsync(Path.Combine(output, name), content);
        }

        foreach (var (table, rows) in export.Rows)
        {
            Console.WriteLine($"  {table,-24} {rows,7:N0} rows");
        }

        Console.WriteLine($"Wrote {export.Rows.Count} CSV files to {Path.GetFullPath(output)}.");
        return 0;
    }
}
