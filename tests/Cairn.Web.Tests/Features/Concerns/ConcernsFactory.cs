using Cairn.Domain.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Tests.Features.FrontDoor;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Concerns;

/// <summary>
/// The test host for concern prompts: the front door's clock, and one fault a test can switch on, in which the real
/// database write of a new prompt is refused (as a full disk or a lost connection would), so that a test can see what
/// a failed evaluation leaves behind.
/// </summary>
public sealed class ConcernsFactory : CairnFactory
{
    public override TestClock Clock { get; } = new(FrontDoorFactory.TuesdayMorning);

    public PromptWriteFault Fault { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<CairnDbContext>(o => o.AddInterceptors(Fault)));
    }
}

/// <summary>
/// When on, refuses any save that adds a concern prompt; everything else is saved as usual. <see cref="BeforeRefresh"/>,
/// when set, runs once just before a save that changes an existing prompt, as another professional acting on the
/// same prompt at that moment would.
/// </summary>
public sealed class PromptWriteFault : SaveChangesInterceptor
{
    public bool On { get; set; }

    public Func<Task>? BeforeRefresh { get; set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        var prompts = eventData.Context!.ChangeTracker.Entries<ConcernPrompt>().ToList();
        if (On && prompts.Any(e => e.State == EntityState.Added))
        {
            throw new DbUpdateException("Fault injected by the test: a new concern prompt was not saved.");
        }

        if (BeforeRefresh is { } meanwhile && prompts.Any(e => e.State == EntityState.Modified))
        {
            BeforeRefresh = null;
            await meanwhile();
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
