using Cairn.Domain.Time;

namespace Cairn.Web.Security;

public static class Clock
{
    private static TimeZoneInfo London => LocalDate.London;

    /// <summary>Today's date where Cairn's users are: in England and Wales.</summary>
    public static DateOnly Today(this TimeProvider clock) =>
        clock.GetUtcNow().InLondon();

    public static DateTimeOffset ToLondon(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London);

    public static DateTimeOffset FromLondon(DateTime local) =>
        new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
}
