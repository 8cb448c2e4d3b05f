using System.Text;

namespace Cairn.Domain.Search;

/// <summary>
/// Caverphone 2.0 (David Hood, Caversham Project, University of Otago, 2004): a sound-alike code for names, made
/// to match names across a population of many heritages in historical electoral rolls. Every vowel after the first
/// sounds the same, so transliterations that differ in their vowels share a code (Mohammed, Muhammad, Mohamed;
/// Kathryn, Catherine; Eva, Ava). Unlike Soundex it does not keep the first letter, so Catherine and Kathryn agree.
/// The code is returned without the published padding to ten characters, which carries no information.
/// See docs/decisions/0016-person-matching.md for why this algorithm.
/// </summary>
public static class Caverphone
{
    /// <summary>The code of one folded name token (lower case a to z; anything else is dropped first).</summary>
    public static string Encode(string token)
    {
        var text = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            if (c is >= 'a' and <= 'z')
            {
                text.Append(c);
            }
        }

        if (text.Length == 0)
        {
            return "";
        }

        var s = text.ToString();
        if (s.EndsWith('e'))
        {
            s = s[..^1];
        }

        s = ReplaceStart(s, "cough", "cou2f");
        s = ReplaceStart(s, "rough", "rou2f");
        s = ReplaceStart(s, "tough", "tou2f");
        s = ReplaceStart(s, "enough", "enou2f");
        s = ReplaceStart(s, "trough", "trou2f");
        s = ReplaceStart(s, "gn", "2n");
        if (s.EndsWith("mb", StringComparison.Ordinal))
        {
            s = s[..^2] + "m2";
        }

        s = Replace(s, ("cq", "2q"), ("ci", "si"), ("ce", "se"), ("cy", "sy"), ("tch", "2ch"), ("c", "k"), ("q", "k"), ("x", "k"),
            ("v", "f"), ("dg", "2g"), ("tio", "sio"), ("tia", "sia"), ("d", "t"), ("ph", "fh"), ("b", "p"), ("sh", "s2"), ("z", "s"));
        if (s.Length > 0 && IsVowel(s[0]))
        {
            s = "A" + s[1..];
        }

        s = ReplaceVowels(s);
        s = s.Replace("j", "y", StringComparison.Ordinal);
        s = ReplaceStart(s, "y3", "Y3");
        s = ReplaceStart(s, "y", "A");
        s = Replace(s, ("y", "3"), ("3gh3", "3kh3"), ("gh", "22"), ("g", "k"));
        s = Collapse(s, 's', 'S');
        s = Collapse(s, 't', 'T');
        s = Collapse(s, 'p', 'P');
        s = Collapse(s, 'k', 'K');
        s = Collapse(s, 'f', 'F');
        s = Collapse(s, 'm', 'M');
        s = Collapse(s, 'n', 'N');
        s = Replace(s, ("w3", "W3"), ("wh3", "Wh3"));
        if (s.EndsWith('w'))
        {
            s = s[..^1] + "3";
        }

        s = s.Replace("w", "2", StringComparison.Ordinal);
        s = ReplaceStart(s, "h", "A");
        s = s.Replace("h", "2", StringComparison.Ordinal);
        s = s.Replace("r3", "R3", StringComparison.Ordinal);
        if (s.EndsWith('r'))
        {
            s = s[..^1] + "3";
        }

        s = s.Replace("r", "2", StringComparison.Ordinal);
        s = s.Replace("l3", "L3", StringComparison.Ordinal);
        if (s.EndsWith('l'))
        {
            s = s[..^1] + "3";
        }

        s = s.Replace("l", "2", StringComparison.Ordinal);
        s = s.Replace("2", "", StringComparison.Ordinal);
        if (s.EndsWith('3'))
        {
            s = s[..^1] + "A";
        }

        return s.Replace("3", "", StringComparison.Ordinal);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string ReplaceVowels(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (IsVowel(chars[i]))
            {
                chars[i] = '3';
            }
        }

        return new string(chars);
    }

    private static string ReplaceStart(string s, string from, string to) =>
        s.StartsWith(from, StringComparison.Ordinal) ? to + s[from.Length..] : s;

    private static string Replace(string s, params (string From, string To)[] rules)
    {
        foreach (var (from, to) in rules)
        {
            s = s.Replace(from, to, StringComparison.Ordinal);
        }

        return s;
    }

    /// <summary>A run of the letter becomes one upper-case letter: "ss" and "s" both become "S".</summary>
    private static string Collapse(string s, char letter, char upper)
    {
        var result = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == letter)
            {
                if (i == 0 || s[i - 1] != letter)
                {
                    result.Append(upper);
                }
            }
            else
            {
                result.Append(s[i]);
            }
        }

        return result.ToString();
    }
}
