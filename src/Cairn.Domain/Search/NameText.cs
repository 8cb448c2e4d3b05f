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
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (char.ToLowerInvariant(c))
            {
                case 'ł': folded.Append('l'); break;
                case 'ø': folded.Append('o'); break;
                case 'ß': folded.Append("ss"); break;
                case 'æ': folded.Append("ae"); break;
                case 'đ': folded.Append('d'); break;
                case '\'' or '’' or '`': break;
                case var l when char.IsLetterOrDigit(l): folded.Append(l); break;
                default: folded.Append(' '); break;
            }
        }

        return string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
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
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var width = b.Length + 1;
        var d = new int[(a.Length + 1) * width];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i * width] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[((i - 1) * width) + j] + 1, d[(i * width) + j - 1] + 1), d[((i - 1) * width) + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[((i - 2) * width) + j - 2] + 1);
                }

                d[(i * width) + j] = best;
            }
        }

        return d[(a.Length * width) + b.Length];
    }

    /// <summary>How many slips a query token of this length may contain: none below 4 letters, 1 up to 7, 2 from 8.</summary>
    public static int Tolerance(int length) => length >= 8 ? 2 : length >= 4 ? 1 : 0;

    /// <summary>
    /// Scores how well a person's name tokens answer a query: null when any query token finds no match.
    /// A token matches exactly (1.0), as a prefix of at least 3 letters (0.8), or within its tolerance (0.6 per slip less).
    /// </summary>
    public static double? MatchScore(IReadOnlyList<string> queryTokens, IReadOnlyList<string> nameTokens)
    {
        if (queryTokens.Count == 0)
        {
            return null;
        }

        var total = 0.0;
        foreach (var q in queryTokens)
        {
            var best = 0.0;
            foreach (var n in nameTokens)
            {
                double score;
                if (q == n)
                {
                    score = 1.0;
                }
                else if (q.Length >= 3 && n.StartsWith(q, StringComparison.Ordinal))
                {
                    score = 0.8;
                }
                else
                {
                    var distance = EditDistance(q, n);
                    score = distance <= Tolerance(q.Length) ? 0.7 - (0.1 * distance) : 0.0;
                }

                best = Math.Max(best, score);
            }

            if (best == 0.0)
            {
                return null;
            }

            total += best;
        }

        return total / queryTokens.Count;
    }
}
