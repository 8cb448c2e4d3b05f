using System.Text.RegularExpressions;

namespace Cairn.Domain.Places;

/// <summary>A UK postcode, normalised to upper case with one space before the inward code.</summary>
public readonly partial record struct Postcode
{
    private Postcode(string outward, string inward)
    {
        Outward = outward;
        Inward = inward;
    }

    public string Outward { get; }
    public string Inward { get; }

    /// <summary>The ONS Postcode Directory's 7-character form: the outward code padded to 4, then the inward code.</summary>
    public string OnsPcd => Outward.Length >= 4 ? Outward + Inward : Outward.PadRight(4) + Inward;

    public static bool TryParse(string? text, out Postcode value, out string? error)
    {
        value = default;
        var compact = new string((text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (compact == "GIR0AA" || Shape().IsMatch(compact))
        {
            value = new Postcode(compact[..^3], compact[^3..]);
            error = null;
            return true;
        }

        error = "Enter a real postcode, like SW1A 1AA";
        return false;
    }

    public static Postcode Parse(string text) => TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    public override string ToString() => Outward is null ? "" : $"{Outward} {Inward}";

    // Outward: A9, A99, AA9, AA99, A9A, AA9A. Inward: 9AA (the inward letters never use C, I, K, M, O or V).
    [GeneratedRegex("^([A-Z][0-9]{1,2}|[A-Z][A-HJ-Y][0-9]{1,2}|[A-Z][0-9][A-Z]|[A-Z][A-HJ-Y][0-9][A-Z])[0-9][ABD-HJLNP-UW-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
