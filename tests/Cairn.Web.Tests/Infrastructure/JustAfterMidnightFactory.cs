using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Infrastructure;

/// <summary>
/// The app with its clock stopped at half past midnight on a summer night in London, when the date in
/// England (2 July) is a day ahead of the date in UTC (1 July).
/// </summary>
public sealed class JustAfterMidnightFactory : CairnFactory
{
    public static readonly DateTimeOffset Now = new(2026, 7, 1, 23, 30, 0, TimeSpan.Zero);

    /// <summary>Today's date for Cairn's users at <see cref="Now"/>.</summary>
    public static readonly DateOnly LondonToday = new(2026, 7, 2);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new StoppedClock(Now)));
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
