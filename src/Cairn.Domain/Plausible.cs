using System.Globalization;

namespace Cairn.Domain;

/// <summary>
/// What Cairn believes of a date or a piece of text: the one place the floors, the ceilings and the forbidden characters
/// live, used by every rule that takes a date or text (issue #17). A value outside them is refused with a clear message,
/// never stored: 0001-01-01 and 1900-01-01 are what a blank or defaulted field looks like, 9999-12-31 what "for ever" looks
/// like, and neither is a date anything in a child's record happened on.
/// </summary>
public static class Plausible
{
    /// <summary>
    /// The earliest date anything in a record may be about: a family's history reaches back to the grandparents' youth, not
    /// further. Chronology entries, diagnoses and incidents before it are refused.
    /// </summary>
    public static readonly DateOnly EarliestDate = new(1950, 1, 1);

    /// <summary>How far back a contact or notification may be recorded as received: a year (its clock would be long overdue).</summary>
    public const int ReceivedWithinMonths = 12;

    /// <summary>How far ahead a calendar change (a proclaimed bank holiday) may be: proclamations come months, not decades, ahead.</summary>
    public const int CalendarYearsAhead = 3;

    /// <summary>
    /// The longest free text anywhere in Cairn (a chronology entry's detail, a contact's concerns); shorter limits are set
    /// where the text is shorter by nature (a name, a reason, a note).
    /// </summary>
    public const int MaxFreeTextLength = 20_000;

    /// <summary>A note that goes with one step (a share's receipt, an action taken): a paragraph or two.</summary>
    public const int MaxNoteLength = 4000;

    /// <summary>A reason given for a decision: a few sentences.</summary>
    public const int MaxReasonLength = 2000;

    private static readonly string EarliestText = EarliestDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Null when <paramref name="date"/> is on or after <see cref="EarliestDate"/>; otherwise why it is refused.</summary>
    /// <param name="what">What the date is, as the sentence starts: "The date of the diagnosis".</param>
    public static string? TooEarly(DateOnly date, string what) =>
        date < EarliestDate ? $"{what} must be on or after {EarliestText}: check the year" : null;

    /// <summary>Null when the instant falls on or after <see cref="EarliestDate"/> in the UK; otherwise why it is refused.</summary>
    public static string? TooEarly(DateTimeOffset instant, string what) =>
        TooEarly(DateOnly.FromDateTime(instant.UtcDateTime), what);

    /// <summary>Null when something received at <paramref name="received"/> was received in the last <see cref="ReceivedWithinMonths"/>.</summary>
    public static string? NotRecentlyReceived(DateTimeOffset received, DateTimeOffset now, string what) =>
        received < now.AddMonths(-ReceivedWithinMonths)
            ? $"{what} must be within the last {ReceivedWithinMonths} months: check the date, including the year"
            : null;

    /// <summary>Null when <paramref name="date"/> is no more than <paramref name="years"/> years after <paramref name="today"/>.</summary>
    public static string? TooFarAhead(DateOnly date, DateOnly today, int years, string what) =>
        date > today.AddYears(years) ? $"{what} must be within {years} years from today: check the year" : null;

    /// <summary>
    /// Null when <paramref name="text"/> holds nothing Cairn refuses; otherwise why. Refused: NUL and every other control
    /// character except tab, line feed and carriage return; bidirectional overrides, embeddings and isolates (U+202A–U+202E,
    /// U+2066–U+2069), which make text display in an order other than the one stored; and invisible characters that hide
    /// or split words (zero-width space U+200B, word joiner U+2060, byte order mark U+FEFF, soft hyphen U+00AD, and other
    /// format characters). Zero-width joiner and non-joiner (U+200D, U+200C) are kept where they join two visible
    /// characters, as Persian, Indic scripts and emoji need them; anywhere else they are refused. Text is refused rather than
    /// silently cleaned, so what is stored is what the person sent.
    /// </summary>
    public static string? Text(string? text, string what)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (char.IsControl(c))
            {
                return $"{what} contains a control character (such as NUL) that cannot be stored: retype it";
            }

            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return $"{what} contains a hidden character that changes the direction text is shown in: retype it";
            }

            if (c is '\u200C' or '\u200D')
            {
                if (i > 0 && i < text.Length - 1 && Visible(text[i - 1]) && Visible(text[i + 1]))
                {
                    continue;
                }

                return $"{what} contains a hidden zero-width character: retype it";
            }

            if (c is '\u200E' or '\u200F' or '\u061C')
            {
                // Direction marks (not overrides) are how right-to-left text is typed correctly; they reorder nothing else.
                continue;
            }

            // A surrogate's category is Surrogate, so emoji and their tag sequences (the flag of Wales) are never refused here.
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return $"{what} contains a hidden zero-width character: retype it";
            }
        }

        return null;
    }

    /// <summary>The text's own problem, if any, or one about its length.</summary>
    public static string? Text(string? text, string what, int maxLength) =>
        Text(text, what) ?? (text is { Length: var length } && length > maxLength
            ? $"{what} must be {maxLength.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer"
            : null);

    /// <summary>The refusals for every field given, in order; empty when all are plausible.</summary>
    public static IReadOnlyList<FieldError> TextErrors(params (string Field, string? Text, string What, int MaxLength)[] fields) =>
        fields.Select(f => Text(f.Text, f.What, f.MaxLength) is { } message ? new FieldError(f.Field, message) : null)
            .OfType<FieldError>().ToList();

    private static bool Visible(char c) =>
        !char.IsWhiteSpace(c) && !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format;
}
