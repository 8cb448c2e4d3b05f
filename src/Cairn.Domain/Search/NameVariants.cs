namespace Cairn.Domain.Search;

/// <summary>How two names are related in the table of name variants.</summary>
public enum VariantKind
{
    /// <summary>A nickname or short form: Liz and Elizabeth, Kasia and Katarzyna.</summary>
    Short = 1,

    /// <summary>Another spelling or transliteration: Muhammad and Mohammed, Maxamed and Mohamed, Wong and Huang.</summary>
    Spelling = 2,
}

/// <summary>Two names found in the same group of the table, and the name the group is known by.</summary>
public sealed record NameVariant(string Name, VariantKind Kind);

/// <summary>
/// Short forms and spellings of names, as data: Cairn ships its own list (data/names/name-variants.csv) and an area
/// adds its own rows in the same form. Each row is a name, its forms (space-separated), the kind and a heritage label.
/// Names are compared folded, so accents do not matter.
/// </summary>
public sealed class NameVariants
{
    private const string ResourceName = "Cairn.Domain.Search.name-variants.csv";

    private readonly Dictionary<string, List<int>> _groupsByName = new(StringComparer.Ordinal);
    private readonly List<(string Name, VariantKind Kind, HashSet<string> Members)> _groups = [];

    private NameVariants()
    {
    }

    /// <summary>No variants at all.</summary>
    public static NameVariants None { get; } = new();

    /// <summary>The list that ships with Cairn.</summary>
    public static NameVariants Shipped { get; } = Parse(ReadShipped());

    /// <summary>Reads rows of <c>name,forms,kind,heritage</c>; a header row, blank rows and rows that do not parse are skipped.</summary>
    public static NameVariants Parse(IEnumerable<string> lines)
    {
        var variants = new NameVariants();
        variants.Add(lines);
        return variants;
    }

    /// <summary>This list with further rows (an area's own), as a new list.</summary>
    public NameVariants With(IEnumerable<string> lines)
    {
        var combined = new NameVariants();
        foreach (var (name, kind, members) in _groups)
        {
            combined.AddGroup(name, kind, members);
        }

        combined.Add(lines);
        return combined;
    }

    /// <summary>How the two folded tokens are related, or null when they are not (or are the same).</summary>
    public NameVariant? Relate(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0 || string.Equals(a, b, StringComparison.Ordinal)
            || !_groupsByName.TryGetValue(a, out var groupsOfA) || !_groupsByName.TryGetValue(b, out var groupsOfB))
        {
            return null;
        }

        NameVariant? best = null;
        foreach (var group in groupsOfA)
        {
            if (groupsOfB.Contains(group))
            {
                var (name, kind, _) = _groups[group];
                if (best is null || kind == VariantKind.Spelling)
                {
                    best = new NameVariant(name, kind);
                }
            }
        }

        return best;
    }

    /// <summary>Every folded name in a group with this folded token, the token itself excluded.</summary>
    public IReadOnlyCollection<string> RelatedTo(string token)
    {
        if (!_groupsByName.TryGetValue(token, out var groups))
        {
            return [];
        }

        var related = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            related.UnionWith(_groups[group].Members);
        }

        related.Remove(token);
        return related;
    }

    private static List<string> ReadShipped()
    {
        using var stream = typeof(NameVariants).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private void Add(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var columns = line.Split(',');
            if (columns.Length < 3 || !Enum.TryParse<VariantKind>(columns[2].Trim(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                continue;
            }

            var name = columns[0].Trim();
            var members = columns[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(name)
                .Select(NameText.Fold).Where(f => f.Length > 0 && !f.Contains(' ', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            if (name.Length > 0 && members.Count > 1)
            {
                AddGroup(name, kind, members);
            }
        }
    }

    private void AddGroup(string name, VariantKind kind, HashSet<string> members)
    {
        var index = _groups.Count;
        _groups.Add((name, kind, members));
        foreach (var member in members)
        {
            if (!_groupsByName.TryGetValue(member, out var groups))
            {
                _groupsByName[member] = groups = [];
            }

            groups.Add(index);
        }
    }
}
