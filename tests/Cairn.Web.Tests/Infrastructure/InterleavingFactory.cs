using System.Data.Common;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Infrastructure;

/// <summary>
/// The app over a real database, with a hook to slip a write in just before the next save of a changed row of a given
/// kind: the race a version check cannot see, made to happen every time instead of now and then.
/// </summary>
public class InterleavingFactory : CairnFactory
{
    public InterleavingInterceptor Interleave { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<CairnDbContext>(o => o.AddInterceptors(Interleave)));
    }
}

/// <summary>
/// Hooks the start of a save's transaction: the handler has read the row and checked its version, and its save is about
/// to begin (after that, SQLite's single writer would make the other write wait, and PostgreSQL's row lock would too).
/// </summary>
public sealed class InterleavingInterceptor : DbTransactionInterceptor
{
    private Func<DbContext, bool>? _when;
    private Func<Task>? _write;

    /// <summary>
    /// Runs <paramref name="write"/> once, when a context holding a changed <typeparamref name="TEntity"/> next starts to save.
    /// The write may be a whole request of someone else's: it runs to the end before this save begins.
    /// </summary>
    public void BeforeNextChangeOf<TEntity>(Func<Task> write) where TEntity : class
    {
        _when = context => context.ChangeTracker.Entries<TEntity>().Any(e => e.State == EntityState.Modified);
        _write = write;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _when?.Invoke(context) == true && Interlocked.Exchange(ref _write, null) is { } write)
        {
            await write();
        }

        return result;
    }
}
