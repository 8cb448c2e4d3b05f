using Cairn.Web.Data;
using Cairn.Web.Features.People;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Cairn.Web.Tests.Infrastructure;

/// <summary>
/// One migrated database per test run, copied for every fixture: applying the migrations builds the model of every
/// migration and diffs the snapshot (seconds of CPU), so it is done once, and each fixture starts from a copy (a file
/// copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL) and shares the EF model built for the template.
/// The hosts start with <c>Cairn:Database:MigrateOnStart=false</c>, which still refuses a database that is behind.
/// </summary>
internal static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string TemplateName = "cairn_template_" + Guid.NewGuid().ToString("N")[..12];
    private static IModel? _model;

    /// <summary>The EF model the template was migrated with, for every fixture's host (<c>UseModel</c>).</summary>
    public static IModel Model => _model ?? throw new InvalidOperationException("Create a database first.");

    public static string SqliteFile(string name) => Path.Combine(Path.GetTempPath(), name + ".db");

    public static string PostgresServer => Environment.GetEnvironmentVariable("CAIRN_TEST_POSTGRES")
        ?? throw new InvalidOperationException("CAIRN_TEST_POSTGRES is not set: run the tests through ./test.sh");

    public static string ConnectionString(string name) => CairnFactory.UsePostgres
        ? $"{PostgresServer};Database={name}"
        : $"Data Source={SqliteFile(name)}";

    /// <summary>A fresh, fully migrated database called <paramref name="name"/>.</summary>
    public static async Task CreateAsync(string name)
    {
        await EnsureTemplateAsync();
        if (CairnFactory.UsePostgres)
        {
            await using var connection = new NpgsqlConnection($"{PostgresServer};Database=postgres");
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        else
        {
            File.Copy(SqliteFile(TemplateName), SqliteFile(name));
        }
    }

    private static async Task EnsureTemplateAsync()
    {
        if (_model is not null)
        {
            return;
        }

        await Gate.WaitAsync();
        try
        {
            if (_model is not null)
            {
                return;
            }

            IModel model;
            var provider = CairnFactory.UsePostgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
            var builder = new DbContextOptionsBuilder<CairnDbContext>();
            new DatabaseOptions(provider, ConnectionString(TemplateName)).Configure(builder);
            await using (var db = new CairnDbContext(builder.Options))
            {
                await db.Database.MigrateAsync();
                await PersonSearchIndex.EnsureBuiltAsync(db, CancellationToken.None);
                if (provider == DatabaseProvider.Sqlite)
                {
                    // Everything into the one file, so a copy of the file is the whole database.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
                }

                var connection = db.Database.GetDbConnection();
                model = db.Model;
                await db.Database.CloseConnectionAsync();
                if (connection is NpgsqlConnection npgsql)
                {
                    // CREATE DATABASE … TEMPLATE needs nobody connected to the template.
                    NpgsqlConnection.ClearPool(npgsql);
                }
                else
                {
                    SqliteConnection.ClearPool((SqliteConnection)connection);
                }
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplate();
            _model = model;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void DropTemplate()
    {
        try
        {
            if (CairnFactory.UsePostgres)
            {
                using var connection = new NpgsqlConnection($"{PostgresServer};Database=postgres");
                connection.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{TemplateName}\"", connection);
                drop.ExecuteNonQuery();
            }
            else
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(SqliteFile(TemplateName) + suffix);
                }
            }
        }
        catch (Exception e) when (e is IOException or NpgsqlException)
        {
            // A throwaway cluster or temp folder: nothing to mend if the template outlives the run.
        }
    }
}
