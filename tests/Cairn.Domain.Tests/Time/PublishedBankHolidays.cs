using System.Globalization;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Time;

/// <summary>
/// The UK government's published list for England and Wales, kept in the repository at
/// <c>data/calendar/bank-holidays-england-and-wales.csv</c> and copied beside the test binaries by the project
/// file. It is the oracle: the rules are tested against it, never the other way.
/// </summary>
internal static class PublishedBankHolidays
{
    public const int FirstYear = 2018;
    public const int LastYear = 2027;

    private static readonly string RelativePath = Path.Combine("data", "calendar", "bank-holidays-england-and-wales.csv");

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

    // The project file copies the list from the repository's data folder into the test output. A missing file is a
    // failure, never a skip: without the oracle the calendar is not tested at all.
    private static string Locate()
    {
        var path = Path.Combine(AppContext.BaseDirectory, RelativePath);
        Assert.True(
            File.Exists(path),
            $"The published bank holidays are missing: expected {path}, copied there from {RelativePath} in the " +
            "repository by Cairn.Domain.Tests.csproj. Restore the file and rebuild the tests.");
        return path;
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
