namespace Cairn.Domain.Placements;

/// <summary>
/// Small-number suppression for published counts of children (L44): a count from 1 to <see cref="Largest"/> could identify a child,
/// so it is withheld and shown as <see cref="Marker"/>. Zero is shown (it names no one). When a group of counts adds up to a total
/// that is shown and only one of them is withheld, it could be worked out by subtraction, so the smallest other non-zero count is
/// withheld too (secondary suppression). A total from 1 to <see cref="Largest"/> is itself withheld.
/// </summary>
public static class SmallNumbers
{
    /// <summary>The largest count withheld.</summary>
    public const int Largest = 4;

    /// <summary>What a withheld count shows instead of the number ("c", as in the Department for Education's statistics).</summary>
    public const string Marker = "c";

    /// <summary>Whether a count on its own must be withheld: 1 to <see cref="Largest"/>.</summary>
    public static bool Withheld(int count) => count is > 0 and <= Largest;

    /// <summary>
    /// Which of a group's counts to withhold, in the group's order: every count from 1 to <see cref="Largest"/>, and, when exactly
    /// one is withheld and the group's total (their sum) is shown, the smallest other non-zero count as well.
    /// </summary>
    public static IReadOnlyList<bool> Suppress(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var withheld = counts.Select(Withheld).ToArray();
        var total = counts.Sum();
        if (withheld.Count(w => w) == 1 && !Withheld(total))
        {
            var next = Enumerable.Range(0, counts.Count).Where(i => !withheld[i] && counts[i] > 0).OrderBy(i => counts[i]).ThenBy(i => i)
                .Cast<int?>().FirstOrDefault();
            if (next is { } i)
            {
                withheld[i] = true;
            }
        }

        return withheld;
    }
}
