using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Cairn.Domain.People;

/// <summary>
/// A Unique Pupil Number: a check letter, then the 3-digit local authority number, 4-digit establishment
/// number, 2-digit year and 3-digit serial. A temporary UPN ends with a letter instead of the last digit.
/// </summary>
public readonly record struct Upn
{
    /// <summary>The DfE's 23-letter alphabet: I, O and S are not used.</summary>
    private const string Alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    private readonly string? _value;

    private Upn(string value) => _value = value;

    /// <summary>The 13 upper-case characters; empty for <c>default</c>.</summary>
    public string Value => _value ?? "";

    /// <summary>A temporary UPN ends in a letter; the school replaces it once the permanent one is known.</summary>
    public bool IsTemporary => _value is not null && char.IsAsciiLetter(_value[^1]);

    public static bool TryParse([NotNullWhen(true)] string? text, out Upn value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var upn = (text ?? "").Trim().ToUpperInvariant();
        var shapeOk = upn.Length == 13
            && Alphabet.Contains(upn[0], StringComparison.Ordinal)
            && !upn.AsSpan(1, 11).ContainsAnyExcept(Digits)
            && (char.IsAsciiDigit(upn[12]) || Alphabet.Contains(upn[12], StringComparison.Ordinal));
        if (!shapeOk)
        {
            error = "Enter a UPN of 13 characters: a letter, 11 digits, then a digit or a letter";
            return false;
        }

        if (CheckLetter(upn.AsSpan(1)) != upn[0])
        {
            error = "Enter a valid UPN: the check letter does not match. Check it with the child's school";
            return false;
        }

        value = new Upn(upn);
        error = null;
        return true;
    }

    public static Upn Parse(string text) => TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>Builds a valid permanent UPN: for demo and test data.</summary>
    public static Upn Synthetic(int localAuthority, int establishment, int year, int serial)
    {
        var body = string.Create(
            CultureInfo.InvariantCulture, $"{localAuthority % 1000:D3}{establishment % 10000:D4}{year % 100:D2}{serial % 1000:D3}");
        return new Upn(CheckLetter(body) + body);
    }

    /// <summary>
    /// Characters 2 to 13 weighted 2 to 13; a digit counts as itself and a letter as its place in the alphabet; the sum
    /// mod 23 picks the letter.
    /// </summary>
    private static char CheckLetter(ReadOnlySpan<char> twelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = twelve[i];
            var v = char.IsAsciiDigit(c) ? c - '0' : Alphabet.IndexOf(c, StringComparison.Ordinal);
            sum += v * (i + 2);
        }

        return Alphabet[sum % 23];
    }

    public override string ToString() => Value;
}
