using Cairn.Domain.Time;

namespace Cairn.Domain.Returns.CinCensus;

/// <summary>What a check needs besides the census: its year and the working-day calendar (England and Wales).</summary>
public sealed record CinCheckContext(CollectionYear Year, WorkingCalendar Calendar)
{
    public bool InPeriod(DateOnly date) => Year.Contains(date);

    public bool InPeriod(DateOnly? date) => date is { } d && Year.Contains(d);

    public bool OutsidePeriod(DateOnly? date) => date is { } d && !Year.Contains(d);
}

/// <summary>A check of one rule: the LAchildIDs of the children who fail it, or null for the whole return.</summary>
internal sealed record CinCheck(Func<CinCensusReturn, CinCheckContext, IEnumerable<string?>> Failing)
{
    /// <summary>A rule about one child at a time.</summary>
    public static CinCheck Child(Func<CinChild, CinCheckContext, bool> fails) =>
        new((census, context) => census.Children.Where(c => fails(c, context)).Select(c => (string?)c.LaChildId));

    /// <summary>A rule about one child at a time that needs no calendar.</summary>
    public static CinCheck Child(Func<CinChild, bool> fails) => Child((c, _) => fails(c));

    /// <summary>A rule about each episode of need.</summary>
    public static CinCheck Episode(Func<CinEpisode, CinCheckContext, bool> fails) => Child((c, x) => c.Episodes.Any(e => fails(e, x)));

    public static CinCheck Episode(Func<CinEpisode, bool> fails) => Child(c => c.Episodes.Any(fails));

    /// <summary>A rule about the child's episodes and the child together (death, birth).</summary>
    public static CinCheck EpisodeOf(Func<CinChild, CinEpisode, bool> fails) => Child(c => c.Episodes.Any(e => fails(c, e)));
}
