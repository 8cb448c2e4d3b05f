using System.Globalization;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Time;

/// <summary>
/// The UK government's published list for England and Wales, read from the shared data folder that sits
/// beside the repository clone. It is the oracle: the rules are tested against it, never the other way.
/// </summary>
internal static class PublishedBankHolidays
{
    public const int FirstYear = 2018;
    public const int LastYear = 2027;

    private const string RelativePath = "shared/data/calendar/bank-holidays-england-and-wales.csv";

    private static readonly Lazy<IReadOnlyList<BankHoliday>> Rows = new(Load);

    public static IReadOnlyList<BankHoliday> All => Rows.Value;

    public static IReadOnlyList<BankHoliday> InYear(int year) => [.. All.Where(h => h.Date.Year == year)];

    private static IReadOnlyList<BankHoliday> Load()
    {
        var path = Locate();
        var lines = File.ReadAllLines(path);
        Assert.True(lines is ["date,name", ..], $"{path} does not start with the header 'date,name'.");
        return [.. lines.Skip(1).Where(line => line.Length > 0).Select(line => Parse(line, path))];
    }

    // Walk up from the test binaries: the clone and the shared folder are siblings, wherever the clone is.
    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail(
            $"Could not find {RelativePath} in any directory above {AppContext.BaseDirectory}. " +
            "The published bank holidays are expected in a 'shared' folder beside the repository clone.");
        return string.Empty;
    }

    private static BankHoliday Parse(string line, string path)
    {
        var comma = line.IndexOf(',', StringComparison.Ordinal);
        Assert.True(comma > 0, $"{path}: no comma in '{line}'.");
        var date = DateOnly.ParseExact(line[..comma], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = line[(comma + 1)..];
        if (name is ['"', .., '"'])
        {
            name = name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        }

        return new BankHoliday(date, name);
    }
}
