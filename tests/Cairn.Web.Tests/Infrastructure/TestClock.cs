namespace Cairn.Web.Tests.Infrastructure;

/// <summary>A clock a test sets and moves; everything in Cairn reads the time through <see cref="TimeProvider"/>.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now.ToUniversalTime();

    public void Advance(TimeSpan by) => _now += by;

    /// <summary>A London wall-clock time as an instant.</summary>
    public static DateTimeOffset London(int year, int month, int day, int hour, int minute) =>
        Cairn.Web.Security.Clock.FromLondon(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified));
}
