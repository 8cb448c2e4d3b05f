namespace Cairn.Domain.Returns.Ssda903;

/// <summary>
/// One implemented 903 rule: its DfE code and the check, which names the children (CHILD ids) whose rows fail. The message and
/// affected fields come from the year's catalogue, not from here, so a reworded rule needs no code change.
/// </summary>
public sealed record Ssda903Rule(string Code, Func<Ssda903Context, IEnumerable<string>> Failures);

/// <summary>What a rule reads: the year's return, last year's if loaded, and lookups over them.</summary>
public sealed class Ssda903Context
{
    private readonly Dictionary<string, Ssda903Row> _headers;
    private readonly ILookup<string, Ssda903Row> _episodes;
    private readonly ILookup<string, Ssda903Row> _previousEpisodes;

    public Ssda903Context(Ssda903Return current, Ssda903Return? previous)
    {
        Current = current;
        Previous = previous;
        _headers = current[Ssda903Layout.Header].GroupBy(r => r.Child).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _episodes = SortedEpisodes(current);
        _previousEpisodes = previous is null ? Array.Empty<Ssda903Row>().ToLookup(r => r.Child) : SortedEpisodes(previous);
    }

    public CollectionYear Year => Current.Year;

    public Ssda903Return Current { get; }

    public Ssda903Return? Previous { get; }

    public IReadOnlyList<Ssda903Row> Rows(string table) => Current[table];

    public Ssda903Row? Header(string child) => _headers.GetValueOrDefault(child);

    public DateOnly? DateOfBirth(string child) => Header(child)?.Date("DOB");

    /// <summary>The child's episodes on this year's return in DECOM order.</summary>
    public IReadOnlyList<Ssda903Row> Episodes(string child) => _episodes[child].ToList();

    /// <summary>The child's episodes on last year's return in DECOM order (none when it is not loaded).</summary>
    public IReadOnlyList<Ssda903Row> PreviousEpisodes(string child) => _previousEpisodes[child].ToList();

    public Ssda903Row? FirstEpisode(string child) => _episodes[child].FirstOrDefault();

    public Ssda903Row? LastEpisode(string child) => _episodes[child].LastOrDefault();

    public Ssda903Row? LastEpisodeLastYear(string child) => _previousEpisodes[child].LastOrDefault();

    public IEnumerable<IGrouping<string, Ssda903Row>> EpisodesByChild => _episodes;

    public bool IsValid(string list, string? code) => Ssda903Codes.IsValid(list, code, Year);

    /// <summary>Whole years of age on a day.</summary>
    public static int? Age(DateOnly? dateOfBirth, DateOnly? on)
    {
        if (dateOfBirth is not { } dob || on is not { } day)
        {
            return null;
        }

        var age = day.Year - dob.Year;
        return dob.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>The child's age on a day, from the Header's DOB.</summary>
    public int? AgeOf(string child, DateOnly? on) => Age(DateOfBirth(child), on);

    /// <summary>Whether the Header says the child is female (F from 2024/25, 2 before).</summary>
    public bool IsFemale(string child) => Header(child)?["SEX"] is "F" or "2";

    /// <summary>The children whose rows of a table match.</summary>
    public IEnumerable<string> Failing(string table, Func<Ssda903Row, bool> fails) => Rows(table).Where(fails).Select(r => r.Child);

    /// <summary>The children with a pair of consecutive episodes that match (previous, next).</summary>
    public IEnumerable<string> FailingPairs(Func<Ssda903Row, Ssda903Row, bool> fails) =>
        EpisodesByChild.Where(g => g.Zip(g.Skip(1)).Any(p => fails(p.First, p.Second))).Select(g => g.Key);

    private static ILookup<string, Ssda903Row> SortedEpisodes(Ssda903Return ssda903) =>
        ssda903[Ssda903Layout.Episodes].OrderBy(r => r.Date("DECOM") ?? DateOnly.MaxValue).ToLookup(r => r.Child, StringComparer.Ordinal);
}
