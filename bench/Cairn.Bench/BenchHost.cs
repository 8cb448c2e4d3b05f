using Cairn.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Cairn.Bench;

/// <summary>
/// The real Cairn service provider (<see cref="CairnApp.AddCairn"/>) over a given SQLite file: the same
/// DbContext options, pragmas, handlers, access service and audit log as the web app, without a web server.
/// </summary>
internal static class BenchHost
{
    public const string DatabaseVariable = "CAIRN_BENCH_DB";

    public static WebApplication Build(string databasePath, bool logSql = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cairn:Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Cairn"] = $"Data Source={databasePath}",
        });
        builder.Logging.ClearProviders();
        if (logSql)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = false);
            builder.Logging.AddFilter((category, level) =>
                category == "Microsoft.EntityFrameworkCore.Database.Command" && level >= LogLevel.Information);
        }

        builder.AddCairn();
        return builder.Build();
    }
}
