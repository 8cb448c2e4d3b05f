using System.Buffers;
using System.Globalization;
using System.Text;

namespace Cairn.Domain.Search;

/// <summary>
/// Text rules for finding people by name whatever the case, accents or a slip of the keyboard.
/// Names are folded (accents removed, lower case, punctuation dropped); each token is indexed with every
/// one-character deletion of it, so two tokens one edit apart always share a key.
/// </summary>
public static class NameText
{
    private const double ExactScore = 1.0;
    private const double PrefixScore = 0.8;
    private const double OneSlipScore = 0.6;
    private const double TwoSlipScore = 0.5;
    private const int MinimumPrefixLength = 3;

    /// <summary>Three rows of the edit distance fit on the stack for names up to 84 characters; longer text rents from the pool.</summary>
    private const int StackRowsLimit = 256;

    /// <summary>Removed rather than read as a word break: "O'Neill" is one name, typed with or without it, with whichever key.</summary>
    private static readonly SearchValues<char> Apostrophes = SearchValues.Create("'`\u00B4\u2018\u2019\u02BC\u2032");

    /// <summary>
    /// Lower-cases, removes accents and apostrophes, and turns any other punctuation into a single space:
    /// "Łukasz  O'Brien-Wójcik" becomes "lukasz obrien wojcik".
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // Compatibility decomposition (NFKD) also folds the full-width and ligature forms some keyboards and
        // copied documents produce, so "ＪＯＨＮ" is "john".
        var decomposed = RemoveApostrophes(text).Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        Span<char> encoded = stackalloc char[2];
        var wordBreakPending = false;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // Spacing marks are vowel signs in scripts such as Devanagari: part of the word, not a break in it.
            if (!Rune.IsLetterOrDigit(rune) && category != UnicodeCategory.SpacingCombiningMark)
            {
                wordBreakPending = true;
                continue;
            }

            if (wordBreakPending && folded.Length > 0)
            {
                folded.Append(' ');
            }

            wordBreakPending = false;
            var lower = Rune.ToLowerInvariant(rune);
            if (LetterWithoutDecomposition(lower) is { } replacement)
            {
                folded.Append(replacement);
            }
            else
            {
                folded.Append(encoded[..lower.EncodeToUtf16(encoded)]);
            }
        }

        return folded.ToString();
    }

    /// <summary>The distinct folded tokens of a name; a hyphenated name gives its parts and the joined form.</summary>
    public static IReadOnlyList<string> Tokens(string? name)
    {
        var tokens = new List<string>();
        foreach (var word in (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = Fold(word).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            tokens.AddRange(parts);
            if (parts.Length > 1)
            {
                tokens.Add(string.Concat(parts));
            }
        }

        return tokens.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The token and each string made by deleting one of its characters.</summary>
    public static IReadOnlyList<string> DeletionKeys(string token)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { token };
        if (token.Length > 1)
        {
            for (var i = 0; i < token.Length; i++)
            {
                keys.Add(string.Concat(token.AsSpan(0, i), token.AsSpan(i + 1)));
            }
        }

        return keys.ToList();
    }

    /// <summary>Optimal string alignment distance: substitutions, insertions, deletions and adjacent swaps each cost 1.</summary>
    public static int EditDistance(string a, string b)
    {
        // The distance is symmetric, so the rows need only be as long as the shorter string.
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var width = b.Length + 1;
        int[]? rented = null;
        Span<int> rows = 3 * width <= StackRowsLimit
            ? stackalloc int[StackRowsLimit]
            : (rented = ArrayPool<int>.Shared.Rent(3 * width));
        try
        {
            var twoBack = rows.Slice(0, width);
            var previous = rows.Slice(width, width);
            var current = rows.Slice(2 * width, width);
            for (var j = 0; j < width; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var best = Math.Min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), Math.Min(previous[j], current[j - 1]) + 1);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        best = Math.Min(best, twoBack[j - 2] + 1);
                    }

                    current[j] = best;
                }

                var recycled = twoBack;
                twoBack = previous;
                previous = current;
                current = recycled;
            }

            return previous[b.Length];
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Jaro–Winkler similarity, from 0 (nothing in common) to 1 (the same): letters in common within a window, fewer
    /// transpositions, and a bonus for a shared beginning of up to four letters, where spellings of a name agree most.
    /// </summary>
    public static double JaroWinkler(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1.0 : 0.0;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        Span<bool> matchedA = a.Length <= 128 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> matchedB = b.Length <= 128 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j < Math.Min(b.Length, i + window + 1); j++)
            {
                if (!matchedB[j] && a[i] == b[j])
                {
                    matchedA[i] = matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0.0;
        }

        var transpositions = 0;
        for (int i = 0, j = 0; i < a.Length; i++)
        {
            if (!matchedA[i])
            {
                continue;
            }

            while (!matchedB[j])
            {
                j++;
            }

            if (a[i] != b[j])
            {
                transpositions++;
            }

            j++;
        }

        var m = (double)matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1.0 - jaro));
    }

    /// <summary>How many slips a query token of this length may contain: none below 4 letters, 1 up to 7, 2 from 8.</summary>
    public static int Tolerance(int length) => length >= 8 ? 2 : length >= 4 ? 1 : 0;

    /// <summary>
    /// Scores how well a person's name tokens answer a query: null when any query token finds no match.
    /// A token matches exactly (1.0), as a prefix of at least 3 letters (0.8), or within its tolerance (0.6 for one slip, 0.5 for two).
    /// A hyphenated query word matches by its parts or by its joined form, whichever the record holds:
    /// "Smith-Jones" finds "Smith Jones" and "Smithjones". So a query token that matches nothing is let off when it
    /// is the join of other query tokens that all matched, or a part of a matched join made of query tokens.
    /// The score is the mean over the tokens that matched.
    /// </summary>
    public static double? MatchScore(IReadOnlyList<string> queryTokens, IReadOnlyList<string> nameTokens)
    {
        var scores = new double[queryTokens.Count];
        var total = 0.0;
        var matched = 0;
        for (var i = 0; i < queryTokens.Count; i++)
        {
            foreach (var name in nameTokens)
            {
                scores[i] = Math.Max(scores[i], TokenScore(queryTokens[i], name));
            }

            if (scores[i] > 0.0)
            {
                total += scores[i];
                matched++;
            }
        }

        for (var i = 0; i < queryTokens.Count; i++)
        {
            if (scores[i] == 0.0 && !IsJoinOfMatchedTokens(i, queryTokens, scores) && !IsPartOfMatchedJoin(i, queryTokens, scores))
            {
                return null;
            }
        }

        return matched == 0 ? null : total / matched;
    }

    private static double TokenScore(string query, string name)
    {
        if (query.Length == 0)
        {
            return 0.0;
        }

        if (string.Equals(query, name, StringComparison.Ordinal))
        {
            return ExactScore;
        }

        if (query.Length >= MinimumPrefixLength && name.StartsWith(query, StringComparison.Ordinal))
        {
            return PrefixScore;
        }

        // Lengths further apart than the tolerance cannot be within it: skip the distance.
        var tolerance = Tolerance(query.Length);
        if (tolerance == 0 || Math.Abs(query.Length - name.Length) > tolerance)
        {
            return 0.0;
        }

        return EditDistance(query, name) switch
        {
            1 => OneSlipScore,
            2 when tolerance >= 2 => TwoSlipScore,
            _ => 0.0,
        };
    }

    private static bool IsJoinOfMatchedTokens(int index, IReadOnlyList<string> tokens, double[] scores) =>
        tokens[index].Length > 0 && IsMadeOfTokens(tokens[index], tokens, scores, index, matchedOnly: true);

    private static bool IsPartOfMatchedJoin(int index, IReadOnlyList<string> tokens, double[] scores)
    {
        var part = tokens[index];
        if (part.Length == 0)
        {
            return false;
        }

        for (var j = 0; j < tokens.Count; j++)
        {
            var join = tokens[j];
            if (scores[j] == 0.0 || join.Length <= part.Length)
            {
                continue;
            }

            for (var at = join.IndexOf(part, StringComparison.Ordinal); at >= 0; at = join.IndexOf(part, at + 1, StringComparison.Ordinal))
            {
                if (IsMadeOfTokens(join.AsSpan(0, at), tokens, scores, j, matchedOnly: false)
                    && IsMadeOfTokens(join.AsSpan(at + part.Length), tokens, scores, j, matchedOnly: false))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the text is empty or a run of the tokens, leaving out one of them.</summary>
    private static bool IsMadeOfTokens(ReadOnlySpan<char> text, IReadOnlyList<string> tokens, double[] scores, int leaveOut, bool matchedOnly)
    {
        // Dynamic programming rather than backtracking, so a crafted query cannot take exponential time.
        Span<bool> reachable = text.Length < 128 ? stackalloc bool[text.Length + 1] : new bool[text.Length + 1];
        reachable[0] = true;
        for (var start = 0; start < text.Length; start++)
        {
            if (!reachable[start])
            {
                continue;
            }

            for (var t = 0; t < tokens.Count; t++)
            {
                var token = tokens[t];
                if (t != leaveOut && token.Length > 0 && (!matchedOnly || scores[t] > 0.0)
                    && text[start..].StartsWith(token, StringComparison.Ordinal))
                {
                    reachable[start + token.Length] = true;
                }
            }
        }

        return reachable[text.Length];
    }

    private static string RemoveApostrophes(string text)
    {
        if (text.AsSpan().IndexOfAny(Apostrophes) < 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Apostrophes.Contains(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>Letters that Unicode does not decompose into a base letter and an accent.</summary>
    private static string? LetterWithoutDecomposition(Rune lower) => lower.Value switch
    {
        'ł' => "l",
        'ø' => "o",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'đ' or 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        _ => null,
    };
}
