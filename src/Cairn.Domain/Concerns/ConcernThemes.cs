using System.Numerics;

namespace Cairn.Domain.Concerns;

/// <summary>Words for concern themes, as professionals read them in a prompt's summary.</summary>
public static class ConcernThemes
{
    /// <summary>
    /// The themes in lower case, in the enum's order, joined with commas and a final <paramref name="conjunction"/>:
    /// "neglect, domestic abuse or parental alcohol misuse".
    /// </summary>
    public static string Describe(ConcernTheme themes, string conjunction = "or")
    {
        var words = new List<string>();
        for (var bits = (uint)themes; bits != 0; bits &= bits - 1)
        {
            words.Add(Word((ConcernTheme)(1u << BitOperations.TrailingZeroCount(bits))));
        }

        return words.Count switch
        {
            0 => "no theme",
            1 => words[0],
            _ => $"{string.Join(", ", words.Take(words.Count - 1))} {conjunction} {words[^1]}",
        };
    }

    private static string Word(ConcernTheme theme) => theme switch
    {
        ConcernTheme.Neglect => "neglect",
        ConcernTheme.DomesticAbuse => "domestic abuse",
        ConcernTheme.ParentalAlcoholMisuse => "parental alcohol misuse",
        ConcernTheme.ParentalSubstanceMisuse => "parental substance misuse",
        ConcernTheme.ParentalMentalHealth => "parental mental health",
        ConcernTheme.PhysicalAbuse => "physical abuse",
        ConcernTheme.SexualAbuse => "sexual abuse",
        ConcernTheme.EmotionalAbuse => "emotional abuse",
        ConcernTheme.Exploitation => "exploitation",
        ConcernTheme.Missing => "missing episodes",
        ConcernTheme.UnmetHealthNeeds => "unmet health needs",
        ConcernTheme.HomeConditions => "home conditions",
        ConcernTheme.SelfHarm => "self-harm",
        ConcernTheme.Education => "education",
        _ => $"theme {(int)theme}",
    };
}
