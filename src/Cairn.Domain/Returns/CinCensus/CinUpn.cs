using System.Text.RegularExpressions;

namespace Cairn.Domain.Returns.CinCensus;

/// <summary>
/// The unique pupil number's shape and check letter (DfE "Unique pupil numbers" guidance): a check letter, the three-digit
/// LA number, eight digits, and a digit or (for a temporary UPN) a letter.
/// </summary>
public static partial class CinUpn
{
    // The check-letter alphabet leaves out I, O and S, which look like digits.
    private const string Alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /// <summary>Characters 5 to 12 are digits (rule 1540); a UPN of the wrong length fails here too.</summary>
    public static bool HasNumericSerial(string upn) => upn.Length == 13 && upn[4..12].All(char.IsAsciiDigit);

    /// <summary>Character 13 is a digit or a letter of the check alphabet (rule 1550).</summary>
    public static bool HasValidLastCharacter(string upn) =>
        upn.Length == 13 && (char.IsAsciiDigit(upn[12]) || Alphabet.Contains(upn[12], StringComparison.Ordinal));

    /// <summary>The check letter the other twelve characters give, or null when they cannot give one.</summary>
    public static char? CheckLetter(string upn)
    {
        ArgumentNullException.ThrowIfNull(upn);
        if (upn.Length != 13 || !upn[1..12].All(char.IsAsciiDigit) || !HasValidLastCharacter(upn))
        {
            return null;
        }

        var sum = 0;
        for (var position = 2; position <= 13; position++)
        {
            var c = upn[position - 1];
            sum += (char.IsAsciiDigit(c) ? c - '0' : Alphabet.IndexOf(c, StringComparison.Ordinal)) * position;
        }

        return Alphabet[sum % 23];
    }

    /// <summary>Whether the first character is the right check letter (rule 1510).</summary>
    public static bool HasValidCheckLetter(string upn) => CheckLetter(upn) is { } letter && upn[0] == letter;

    /// <summary>A letter and twelve digits, or a letter, eleven digits and a letter (the fields file's format; rule 1560Q).</summary>
    public static bool IsWellFormed(string upn) => UpnPattern().IsMatch(upn);

    /// <summary>Gives a UPN its check letter: for test data and for the bench generator.</summary>
    public static string WithCheckLetter(string lastTwelve)
    {
        ArgumentNullException.ThrowIfNull(lastTwelve);
        return (CheckLetter("A" + lastTwelve) ?? throw new ArgumentException("Not twelve UPN characters.", nameof(lastTwelve))) + lastTwelve;
    }

    [GeneratedRegex("^[A-Z][0-9]{12}$|^[A-Z][0-9]{11}[A-Z]$", RegexOptions.CultureInvariant)]
    private static partial Regex UpnPattern();
}
