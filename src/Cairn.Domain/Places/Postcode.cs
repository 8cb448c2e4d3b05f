using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Cairn.Domain.Places;

/// <summary>A UK postcode, normalised to upper case with one space before the inward code.</summary>
public readonly partial record struct Postcode
{
    /// <summary>The longest postcode has 7 characters besides its space.</summary>
    private const int MaxLength = 7;

    private readonly string? _outward;
    private readonly string? _inward;

    private Postcode(string outward, string inward)
    {
        _outward = outward;
        _inward = inward;
    }

    /// <summary>The postcode area and district, e.g. "SW1A"; empty for <c>default</c>.</summary>
    public string Outward => _outward ?? "";

    /// <summary>The sector and unit, e.g. "1AA"; empty for <c>default</c>.</summary>
    public string Inward => _inward ?? "";

    /// <summary>
    /// The ONS Postcode Directory's 7-character form: the outward code padded to 4, then the inward code; empty for
    /// <c>default</c>.
    /// </summary>
    public string OnsPcd => _outward is null ? "" : Outward.PadRight(4) + Inward;

    public static bool TryParse([NotNullWhen(true)] string? text, out Postcode value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        error = "Enter a real postcode, like SW1A 1AA";

        // White space anywhere is ignored; the other characters are read into a buffer one longer than a postcode,
        // so that pasted text of any length is refused without copying it.
        Span<char> buffer = stackalloc char[MaxLength + 1];
        var length = 0;
        foreach (var c in text ?? "")
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (length == buffer.Length)
            {
                return false;
            }

            buffer[length++] = char.ToUpperInvariant(c);
        }

        var compact = buffer[..length];
        if (!compact.SequenceEqual("GIR0AA") && !Shape().IsMatch(compact))
        {
            return false;
        }

        value = new Postcode(compact[..^3].ToString(), compact[^3..].ToString());
        error = null;
        return true;
    }

    public static Postcode Parse(string text) => TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    public override string ToString() => _outward is null ? "" : $"{Outward} {Inward}";

    // Outward: A9, A99, AA9, AA99, A9A, AA9A. Inward: 9AA (the inward letters never use C, I, K, M, O or V).
    [GeneratedRegex(
        "^([A-Z][0-9]{1,2}|[A-Z][A-HJ-Y][0-9]{1,2}|[A-Z][0-9][A-Z]|[A-Z][A-HJ-Y][0-9][A-Z])[0-9][ABD-HJLNP-UW-Z]{2}$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
