using Cairn.Domain.Concerns;

namespace Cairn.Domain.FrontDoor;

/// <summary>An indicator of need at one level: what a practitioner might see.</summary>
public sealed record ThresholdIndicator(string Code, string Text, ConcernTheme Theme);

/// <summary>One level of the document: what it means and what indicates it.</summary>
public sealed record ThresholdLevelGuide(ThresholdLevel Level, string Descriptor, IReadOnlyList<ThresholdIndicator> Indicators);

/// <summary>
/// The area's threshold document as data (L15): the levels of need with their descriptors and indicators, which the
/// front door decides against. It is never edited in place: each change publishes a new edition, and decisions copy
/// the indicators they cite, so an old decision still reads as it was made.
/// </summary>
public sealed class ThresholdDocument
{
    public const int MaxDescriptorLength = 2000;
    public const int MaxIndicatorLength = 300;
    public const int MaxIndicatorsPerLevel = 40;

    private ThresholdDocument()
    {
        Levels = [];
    }

    public Guid Id { get; private set; }
    public AreaId AreaId { get; private set; }
    public int Edition { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }
    /// <summary>Null for the default document Cairn ships with.</summary>
    public ProfessionalId? PublishedBy { get; private set; }
    public string? ChangeNote { get; private set; }
    public IReadOnlyList<ThresholdLevelGuide> Levels { get; private set; }

    /// <summary>
    /// A change based on an edition that is no longer the newest: someone published meanwhile (a conflict, 409). Reported
    /// against the edition the change was based on.
    /// </summary>
    public static Refusal Stale => new("The threshold document has a newer edition",
        [new FieldError("Edition",
            "Someone else published a new edition while you were editing. Reload the page to see it, then make your change again.")],
        RefusalKind.Conflict);

    public ThresholdLevelGuide For(ThresholdLevel level) => Levels.Single(l => l.Level == level);

    public ThresholdIndicator? Indicator(string code) => Levels.SelectMany(l => l.Indicators).FirstOrDefault(i => i.Code == code);

    /// <summary>
    /// A new edition with one level's descriptor and indicators changed. Indicators are given one a line; a line may
    /// end with "[theme]" naming a cause for concern it shows, e.g. "Poor hygiene noticed at school [Neglect]". Codes are
    /// kept for indicators whose text is unchanged and new ones numbered on from the highest code any edition used
    /// (<paramref name="codesUsedBefore"/>), so a code never comes to mean something else.
    /// </summary>
    public Outcome<ThresholdDocument> Revise(ThresholdLevel level, string? descriptor, string? indicatorLines, string? changeNote,
        int expectedEdition, ProfessionalId by, DateTimeOffset now, IEnumerable<string>? codesUsedBefore = null)
    {
        if (expectedEdition != Edition)
        {
            return Stale;
        }

        var errors = new List<FieldError>();
        if (!Enum.IsDefined(level))
        {
            errors.Add(new("Level", "Select the level to change"));
        }

        if (string.IsNullOrWhiteSpace(descriptor))
        {
            errors.Add(new("Descriptor", "Enter what this level of need means"));
        }
        else if (descriptor.Trim().Length > MaxDescriptorLength)
        {
            errors.Add(new("Descriptor", $"The descriptor must be {MaxDescriptorLength:N0} characters or fewer"));
        }

        var parsed = new List<(string Text, ConcernTheme Theme)>();
        foreach (var raw in (indicatorLines ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var theme = ConcernTheme.None;
            if (line.EndsWith(']') && line.LastIndexOf('[') is var open and > 0)
            {
                var name = line[(open + 1)..^1].Replace(" ", "", StringComparison.Ordinal);
                if (!Enum.TryParse(name, ignoreCase: true, out theme) || !Enum.IsDefined(theme) || int.TryParse(name, out _))
                {
                    var known = string.Join(", ", Enum.GetNames<ConcernTheme>().Skip(1));
                    errors.Add(new("Indicators", $"\"{line[open..]}\" is not a cause for concern Cairn knows. Use one of: {known}"));
                    theme = ConcernTheme.None;
                }

                line = line[..open].Trim();
            }

            if (line.Length > MaxIndicatorLength)
            {
                errors.Add(new("Indicators", $"Each indicator must be {MaxIndicatorLength} characters or fewer"));
            }

            parsed.Add((line, theme));
        }

        if (parsed.Count == 0)
        {
            errors.Add(new("Indicators", "Enter at least one indicator, one a line"));
        }
        else if (parsed.Count > MaxIndicatorsPerLevel)
        {
            errors.Add(new("Indicators", $"Enter {MaxIndicatorsPerLevel} indicators or fewer for one level"));
        }

        if (string.IsNullOrWhiteSpace(changeNote))
        {
            errors.Add(new("ChangeNote", "Enter what changed and why, for the document's history"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var old = For(level);
        var used = Levels.SelectMany(l => l.Indicators).Select(i => i.Code).Concat(codesUsedBefore ?? []).ToHashSet();
        var prefix = Prefix(level);
        var next = used.Where(c => c.StartsWith(prefix, StringComparison.Ordinal))
            .Select(c => int.TryParse(c[prefix.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var indicators = new List<ThresholdIndicator>();
        foreach (var (text, theme) in parsed.DistinctBy(p => p.Text))
        {
            var same = old.Indicators.FirstOrDefault(i => i.Text == text);
            indicators.Add(new ThresholdIndicator(same?.Code ?? $"{prefix}{next++:00}", text, theme));
        }

        var levels = Levels.Select(l => l.Level == level ? new ThresholdLevelGuide(level, descriptor!.Trim(), indicators) : l).ToList();
        return Outcome<ThresholdDocument>.Success(new ThresholdDocument
        {
            Id = Guid.CreateVersion7(),
            AreaId = AreaId,
            Edition = Edition + 1,
            PublishedAt = now,
            PublishedBy = by,
            ChangeNote = changeNote!.Trim(),
            Levels = levels,
        });
    }

    private static string Prefix(ThresholdLevel level) => level switch
    {
        ThresholdLevel.Universal => "U",
        ThresholdLevel.EarlyHelp => "EH",
        ThresholdLevel.Targeted => "T",
        _ => "S",
    };

    /// <summary>
    /// The document Cairn starts an area with: a sensible, general continuum of need for partners to adapt to their
    /// own local document.
    /// </summary>
    public static ThresholdDocument Default(AreaId area, DateTimeOffset publishedAt)
    {
        static List<ThresholdIndicator> Numbered(ThresholdLevel level, params (string Text, ConcernTheme Theme)[] items) =>
            [.. items.Select((item, i) => new ThresholdIndicator($"{Prefix(level)}{i + 1:00}", item.Text, item.Theme))];

        return new ThresholdDocument
        {
            Id = Guid.CreateVersion7(),
            AreaId = area,
            Edition = 1,
            PublishedAt = publishedAt,
            ChangeNote = "Default continuum of need shipped with Cairn",
            Levels =
            [
                new(ThresholdLevel.Universal,
                    "The child's needs are met by their family and universal services: early years, school, GP and health visiting.",
                    Numbered(ThresholdLevel.Universal,
                        ("Developing well, attending school or early years regularly", ConcernTheme.None),
                        ("Health needs met, immunisations and checks up to date", ConcernTheme.None),
                        ("Parents provide safe, consistent care and seek help when they need it", ConcernTheme.None),
                        ("A one-off worry that the family and universal services can resolve", ConcernTheme.None))),
                new(ThresholdLevel.EarlyHelp,
                    "Additional needs that one or more services can meet with a coordinated early help plan and a lead professional, "
                    + "with the family's consent.",
                    Numbered(ThresholdLevel.EarlyHelp,
                        ("Attendance falling, or occasional lateness and missed days", ConcernTheme.Education),
                        ("Missed health appointments or immunisations (was not brought)", ConcernTheme.UnmetHealthNeeds),
                        ("Hygiene or clothing sometimes poor; signs of low-level neglect", ConcernTheme.Neglect),
                        ("Home conditions poor: cold, damp, cluttered or overcrowded", ConcernTheme.HomeConditions),
                        ("Parental stress, low mood or isolation affecting routines", ConcernTheme.ParentalMentalHealth),
                        ("Parental conflict in front of the child, without violence", ConcernTheme.DomesticAbuse))),
                new(ThresholdLevel.Targeted,
                    "Complex or multiple needs that need targeted, multi-agency support; without it the child is likely to suffer "
                    + "impairment to their health or development (s17).",
                    Numbered(ThresholdLevel.Targeted,
                        ("Persistent neglect of basic care despite early help", ConcernTheme.Neglect),
                        ("Persistent absence, or the child is missing education or electively home educated with unmet needs",
                            ConcernTheme.Education),
                        ("Parental alcohol or substance misuse affecting the care of the child", ConcernTheme.ParentalAlcoholMisuse),
                        ("Domestic abuse in the household assessed as standard or medium risk", ConcernTheme.DomesticAbuse),
                        ("Parental mental ill health affecting the care of the child", ConcernTheme.ParentalMentalHealth),
                        ("A disabled child or a child with complex needs whose needs are not being met", ConcernTheme.UnmetHealthNeeds),
                        ("Going missing from home, or early signs of exploitation", ConcernTheme.Missing))),
                new(ThresholdLevel.Statutory,
                    "The child is suffering, or is likely to suffer, significant harm (s47), or needs are so complex that only children's "
                    + "social care can meet them.",
                    Numbered(ThresholdLevel.Statutory,
                        ("Injury or disclosure suggesting physical abuse, including any bruise on a non-mobile baby", ConcernTheme.PhysicalAbuse),
                        ("Disclosure or signs of sexual abuse", ConcernTheme.SexualAbuse),
                        ("Severe or chronic neglect causing harm to health or development", ConcernTheme.Neglect),
                        ("High-risk domestic abuse (DASH high), or abuse in a household with a child under two", ConcernTheme.DomesticAbuse),
                        ("Child criminal or sexual exploitation", ConcernTheme.Exploitation),
                        ("A parent's alcohol or drug use leaves a young child without safe care", ConcernTheme.ParentalSubstanceMisuse),
                        ("Serious self-harm or suicidal thoughts without protective adults", ConcernTheme.SelfHarm),
                        ("Abandonment, or no parent able or willing to care for the child", ConcernTheme.Neglect))),
            ],
        };
    }
}
