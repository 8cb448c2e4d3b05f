using Cairn.Web;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cairn.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the SQLite model without starting the app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CairnDbContext>
{
    public CairnDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CairnDbContext>();
        new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db").Configure(builder);
        return new CairnDbContext(builder.Options);
    }
}
