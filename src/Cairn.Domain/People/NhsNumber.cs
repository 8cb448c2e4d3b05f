using System.Globalization;

namespace Cairn.Domain.People;

/// <summary>A 10-digit NHS number whose last digit is its modulus-11 check digit.</summary>
public readonly record struct NhsNumber
{
    private NhsNumber(string digits) => Value = digits;

    /// <summary>The ten digits, no spaces.</summary>
    public string Value { get; }

    public static bool TryParse(string? text, out NhsNumber value, out string? error)
    {
        value = default;
        var digits = new string((text ?? "").Where(c => c is not (' ' or '-')).ToArray());
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            error = "Enter an NHS number with 10 digits, like 943 476 5919";
            return false;
        }

        if (CheckDigit(digits.AsSpan(0, 9)) is not { } check || check != digits[9] - '0')
        {
            error = "Enter a valid NHS number: the check digit does not match. Check it against the person's NHS letter or GP record";
            return false;
        }

        value = new NhsNumber(digits);
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

    public override string ToString() => Value is null ? "" : $"{Value[..3]} {Value[3..6]} {Value[6..]}";
}
