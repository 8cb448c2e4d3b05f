using Cairn.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Cairn.Web.Tests.Hosting;

/// <summary>
/// With <c>Cairn:Database:MigrateOnStart=false</c> a release step applies the migrations: Cairn then refuses to start on a
/// database that is behind rather than serving pages over tables that are not there. (Every other test class starts on a
/// current database with the same setting: <see cref="TestDatabase"/>.)
/// </summary>
public sealed class MigrateOnStartTests
{
    [Fact]
    public async Task A_database_behind_its_migrations_is_refused_when_start_up_does_not_migrate()
    {
        var name = "cairn_test_" + Guid.NewGuid().ToString("N")[..12];
        if (CairnFactory.UsePostgres)
        {
            await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        }

        try
        {
            await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Development");
                builder.UseSetting("Cairn:Database:MigrateOnStart", "false");
                builder.UseSetting("Cairn:Escalation:Enabled", "false");
                builder.UseSetting("Cairn:Database:Provider", CairnFactory.UsePostgres ? "PostgreSql" : "Sqlite");
                builder.UseSetting("ConnectionStrings:Cairn", TestDatabase.ConnectionString(name));
            });

            var refused = Assert.Throws<InvalidOperationException>(() => app.Services);

            Assert.Contains("migration(s) behind", refused.Message, StringComparison.Ordinal);
            Assert.Contains("MigrateOnStart is false", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (CairnFactory.UsePostgres)
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
            else
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Delete(TestDatabase.SqliteFile(name));
            }
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{TestDatabase.PostgresServer};Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
