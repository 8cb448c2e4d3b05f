using Cairn.Web;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cairn.Migrations.PostgreSql;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CairnDbContext>
{
    public CairnDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CairnDbContext>();
        new DatabaseOptions(DatabaseProvider.PostgreSql, "Host=localhost;Database=cairn_design").Configure(builder);
        return new CairnDbContext(builder.Options);
    }
}
