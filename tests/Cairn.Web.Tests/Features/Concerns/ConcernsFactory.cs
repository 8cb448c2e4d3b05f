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

/// <summary>When on, refuses any save that adds a concern prompt; everything else is saved as usual.</summary>
public sealed class PromptWriteFault : SaveChangesInterceptor
{
    public bool On { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (On && eventData.Context!.ChangeTracker.Entries<ConcernPrompt>().Any(e => e.State == EntityState.Added))
        {
            throw new DbUpdateException("Fault injected by the test: a new concern prompt was not saved.");
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
