namespace Cairn.Domain.Concerns;

/// <summary>
/// What a recorded event shows cause for concern about. A chronology entry carries the themes its recorder saw,
/// so concerns from different agencies can be added up (L04) and household risks seen (L05). Themes combine.
/// </summary>
[Flags]
public enum ConcernTheme
{
    None = 0,
    /// <summary>Basic needs not met: hygiene, food, clothing, supervision.</summary>
    Neglect = 1,
    DomesticAbuse = 2,
    ParentalAlcoholMisuse = 4,
    ParentalSubstanceMisuse = 8,
    ParentalMentalHealth = 16,
    PhysicalAbuse = 32,
    SexualAbuse = 64,
    EmotionalAbuse = 128,
    /// <summary>Criminal or sexual exploitation.</summary>
    Exploitation = 256,
    /// <summary>Missing from home, care or education.</summary>
    Missing = 512,
    /// <summary>Health needs not met, for example missed immunisations or untreated conditions.</summary>
    UnmetHealthNeeds = 1024,
    /// <summary>Unsafe, cold, dirty or overcrowded home.</summary>
    HomeConditions = 2048,
    SelfHarm = 4096,
    /// <summary>Poor attendance, exclusion or a child not in school.</summary>
    Education = 8192,
}
