using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Cairn.Domain.People;

/// <summary>
/// A 10-digit NHS number whose last digit is its modulus-11 check digit. It says nothing about whether the
/// number has been issued: only a Personal Demographics Service lookup can tell that.
/// </summary>
public readonly record struct NhsNumber
{
    private const int Length = 10;
    private const string ShapeError = "Enter an NHS number with 10 digits, like 943 476 5919";
    private const string CheckDigitError =
        "Enter a valid NHS number: the check digit does not match. Check it against the person's NHS letter or GP record";

    private readonly string? _digits;

    private NhsNumber(string digits) => _digits = digits;

    /// <summary>The ten digits, no spaces; empty for <c>default</c>.</summary>
    public string Value => _digits ?? "";

    /// <summary>
    /// Reads an NHS number as people type it: "943 476 5919", "943-476-5919" or "9434765919". Spaces and
    /// hyphens may separate the digits anywhere; surrounding white space is ignored.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out NhsNumber value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var trimmed = text.AsSpan().Trim();

        // A separator before the first digit or after the last is a stray keystroke, not a way of writing the number.
        if (trimmed.IsEmpty || !char.IsAsciiDigit(trimmed[0]) || !char.IsAsciiDigit(trimmed[^1]))
        {
            error = ShapeError;
            return false;
        }

        Span<char> digits = stackalloc char[Length];
        var count = 0;
        foreach (var c in trimmed)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == Length)
                {
                    error = ShapeError;
                    return false;
                }

                digits[count++] = c;
            }
            else if (c is not (' ' or '-'))
            {
                error = ShapeError;
                return false;
            }
        }

        if (count != Length)
        {
            error = ShapeError;
            return false;
        }

        if (CheckDigit(digits[..9]) is not { } check || check != digits[9] - '0')
        {
            error = CheckDigitError;
            return false;
        }

        value = new NhsNumber(digits.ToString());
        error = null;
        return true;
    }

    public static NhsNumber Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>
    /// A valid number in the 999 range, which the NHS never issues: for demo and test data only.
    /// </summary>
    public static NhsNumber Synthetic(long seed)
    {
        for (var n = Math.Abs(seed % 1_000_000); ; n = (n + 1) % 1_000_000)
        {
            var stem = "999" + n.ToString("D6", CultureInfo.InvariantCulture);
            if (CheckDigit(stem) is { } check)
            {
                return new NhsNumber(stem + check.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Weights 10 down to 2 on the first nine digits; 11 minus the remainder; 11 means 0 and 10 means invalid.</summary>
    private static int? CheckDigit(ReadOnlySpan<char> nine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (nine[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    public override string ToString() => _digits is null ? "" : $"{_digits[..3]} {_digits[3..6]} {_digits[6..]}";
}
