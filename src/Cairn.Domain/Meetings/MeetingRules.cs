namespace Cairn.Domain.Meetings;

/// <summary>An area's own value for one local timescale of a meeting type.</summary>
public enum LocalTimescaleKind
{
    /// <summary>When the first meeting is due after its trigger.</summary>
    FirstDue = 1,
    /// <summary>How often it repeats.</summary>
    ThenEvery = 2,
    /// <summary>How soon the minutes must be sent.</summary>
    MinutesWithin = 3,
}

/// <summary>
/// The meeting types as one area runs them: local timescales (a placement planning meeting's 72 hours, T17; how often a core
/// group meets; when minutes are due) are the area's to set, within sensible bounds. National timescales (T05–T11) are not
/// editable: an attempt is refused, never quietly ignored.
/// </summary>
public sealed class MeetingRules
{
    public const int MaxAmount = 365;

    private readonly Dictionary<(MeetingKind, LocalTimescaleKind), int> _amounts;

    private MeetingRules(Dictionary<(MeetingKind, LocalTimescaleKind), int> amounts) => _amounts = amounts;

    public static MeetingRules Default { get; } = new([]);

    /// <summary>The area's own amounts, stored as "Kind:Which" → amount.</summary>
    public IReadOnlyDictionary<string, int> Stored => _amounts.ToDictionary(a => Key(a.Key.Item1, a.Key.Item2), a => a.Value);

    public static string Key(MeetingKind kind, LocalTimescaleKind which) => $"{kind}:{which}";

    /// <summary>Rules from stored values; values no longer valid (a national timescale, an unknown key) are left out.</summary>
    public static MeetingRules FromStored(IReadOnlyDictionary<string, int>? stored)
    {
        var amounts = new Dictionary<(MeetingKind, LocalTimescaleKind), int>();
        foreach (var (key, amount) in stored ?? new Dictionary<string, int>())
        {
            var parts = key.Split(':');
            if (parts.Length == 2 && Enum.TryParse<MeetingKind>(parts[0], out var kind) && Enum.TryParse<LocalTimescaleKind>(parts[1], out var which)
                && Enum.IsDefined(kind) && Enum.IsDefined(which) && Base(MeetingTypes.Of(kind), which) is { National: false }
                && amount is > 0 and <= MaxAmount)
            {
                amounts[(kind, which)] = amount;
            }
        }

        return new MeetingRules(amounts);
    }

    /// <summary>
    /// New rules from what an administrator entered: each amount 1–365 in the timescale's own unit. Refused for a national
    /// timescale or a timescale the type does not have.
    /// </summary>
    public static Outcome<MeetingRules> Create(IReadOnlyDictionary<(MeetingKind Kind, LocalTimescaleKind Which), int?> entered)
    {
        ArgumentNullException.ThrowIfNull(entered);
        var errors = new List<FieldError>();
        var amounts = new Dictionary<(MeetingKind, LocalTimescaleKind), int>();
        foreach (var ((kind, which), amount) in entered)
        {
            var field = Key(kind, which);
            if (!Enum.IsDefined(kind) || !Enum.IsDefined(which) || Base(MeetingTypes.Of(kind), which) is not { } timescale)
            {
                errors.Add(new(field, "This meeting type has no such timescale"));
            }
            else if (timescale.National)
            {
                errors.Add(new(field, $"The {MeetingTypes.Of(kind).Name.ToLowerInvariant()}'s timescale is set nationally ({timescale.Source}) "
                                      + "and cannot be changed"));
            }
            else if (amount is null)
            {
                continue;
            }
            else if (amount is < 1 or > MaxAmount)
            {
                errors.Add(new(field, $"Enter a number from 1 to {MaxAmount}"));
            }
            else if (amount != timescale.Amount)
            {
                amounts[(kind, which)] = amount.Value;
            }
        }

        return Refusal.FromErrors(errors) is { } refusal ? refusal : new MeetingRules(amounts);
    }

    /// <summary>The type as this area runs it: its local timescales replaced by the area's own.</summary>
    public MeetingTypeInfo TypeOf(MeetingKind kind)
    {
        var type = MeetingTypes.Of(kind);
        return type with
        {
            FirstDue = Local(type.FirstDue, kind, LocalTimescaleKind.FirstDue),
            ThenEvery = Local(type.ThenEvery, kind, LocalTimescaleKind.ThenEvery),
            MinutesWithin = Local(type.MinutesWithin, kind, LocalTimescaleKind.MinutesWithin)!,
        };
    }

    /// <summary>The amount the area set, if it set one.</summary>
    public int? AmountFor(MeetingKind kind, LocalTimescaleKind which) => _amounts.TryGetValue((kind, which), out var a) ? a : null;

    /// <summary>The national (or default local) timescale of one part of a type; null when the type has none.</summary>
    public static MeetingTimescale? Base(MeetingTypeInfo type, LocalTimescaleKind which)
    {
        ArgumentNullException.ThrowIfNull(type);
        return which switch
        {
            LocalTimescaleKind.FirstDue => type.FirstDue,
            LocalTimescaleKind.ThenEvery => type.ThenEvery,
            _ => type.MinutesWithin,
        };
    }

    private MeetingTimescale? Local(MeetingTimescale? timescale, MeetingKind kind, LocalTimescaleKind which) =>
        timescale is { National: false } && _amounts.TryGetValue((kind, which), out var amount) ? timescale with { Amount = amount } : timescale;
}
