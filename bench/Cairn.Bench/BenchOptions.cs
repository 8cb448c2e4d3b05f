using System.Globalization;

namespace Cairn.Bench;

/// <summary>The sub-command's own options (--name value); anything else is passed on to BenchmarkDotNet.</summary>
internal sealed class BenchOptions
{
    private static readonly string[] Known = ["--db", "--people", "--entries", "--busiest", "--postcodes", "--shares", "--due", "--repeat", "--children", "--plans", "--assessments", "--seconds", "--settings", "--dangers"];
    private readonly Dictionary<string, string> _values;

    private BenchOptions(Dictionary<string, string> values, string[] rest)
    {
        _values = values;
        Rest = rest;
    }

    public string[] Rest { get; }

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (Known.Contains(args[i]) && i + 1 < args.Length)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return new BenchOptions(values, [.. rest]);
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public int Number(string name, int fallback) =>
        _values.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The database file: --db, else CAIRN_BENCH_DB, else bench/data/cairn-bench.db under the working directory.</summary>
    public string Database =>
        Path.GetFullPath(Text("--db") ?? Environment.GetEnvironmentVariable(BenchHost.DatabaseVariable) ?? Path.Combine("bench", "data", "cairn-bench.db"));
}
