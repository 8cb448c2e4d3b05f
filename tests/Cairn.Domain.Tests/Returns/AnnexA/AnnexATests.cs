using System.Globalization;
using System.Reflection;
using Cairn.Domain.Returns.AnnexA;

namespace Cairn.Domain.Tests.Returns.AnnexA;

public sealed class AnnexATests
{
    private static readonly Type[] RowTypes = typeof(IAnnexARow).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(IAnnexARow).IsAssignableFrom(t))
        .ToArray();

    public static TheoryData<int> ListNumbers() => new(Enumerable.Range(1, 11));

    [Theory]
    [MemberData(nameof(ListNumbers))]
    public void Each_lists_header_row_is_Ofsteds_column_order_from_the_file(int listNumber)
    {
        var expected = FileHeaders(listNumber);

        var csv = AnnexAWriter.Write(listNumber, Array.Empty<IAnnexARow>());

        Assert.Equal(string.Join(',', expected.Select(Quote)) + "\r\n", csv);
    }

    [Theory]
    [MemberData(nameof(ListNumbers))]
    public void Each_list_has_a_row_model_with_one_property_a_column_in_order(int listNumber)
    {
        var columns = AnnexALists.Get(listNumber).Columns;
        var rowType = Assert.Single(RowTypes, t => ((IAnnexARow)Activator.CreateInstance(t)!).ListNumber == listNumber);
        var properties = rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();

        Assert.Equal(columns.Count, properties.Count);
        for (var i = 0; i < properties.Count; i++)
        {
            var row = (IAnnexARow)Activator.CreateInstance(rowType)!;
            var value = SampleOf(properties[i].PropertyType, i);
            properties[i].SetValue(row, value);

            var cells = row.Cells();

            Assert.Equal(columns.Count, cells.Count);
            Assert.Equal(value, cells[i]);
            if (columns[i].IsDate)
            {
                Assert.Equal(typeof(DateOnly?), properties[i].PropertyType);
            }
        }
    }

    [Fact]
    public void A_row_is_written_with_dates_dd_mm_yyyy_yes_no_answers_and_blank_cells()
    {
        var row = new AnnexAList7ChildProtectionPlansRow
        {
            ChildUniqueId = "RC0002",
            Gender = "Male",
            Ethnicity = "BAFR",
            DateOfBirth = new DateOnly(2019, 9, 1),
            AgeInYears = 5,
            HasDisability = false,
            ChildProtectionPlanStartDate = new DateOnly(2024, 6, 26),
            InitialCategoryOfAbuse = "PHY",
            LatestCategoryOfAbuse = "EMO",
            ChildSeenAlone = true,
            EpoOrPolicePowersInLast6Months = false,
            NumberOfPreviousCpps = 1,
            AllocatedTeam = "Safeguarding, North",
        };

        var lines = AnnexAWriter.Write(7, [row]).Split("\r\n");

        Assert.Equal("RC0002,Male,BAFR,01/09/2019,5,No,26/06/2024,PHY,EMO,,Yes,,,N,1,\"Safeguarding, North\",", lines[1]);
        Assert.Equal("", lines[2]);
    }

    [Fact]
    public void A_row_of_another_list_is_refused()
    {
        Assert.Throws<ArgumentException>(() => AnnexAWriter.Write(6, [new AnnexAList7ChildProtectionPlansRow()]));
    }

    private static object SampleOf(Type type, int i) => type switch
    {
        _ when type == typeof(DateOnly?) => new DateOnly(2024, 1, 1).AddDays(i),
        _ when type == typeof(int?) => i,
        _ when type == typeof(bool?) => true,
        _ => "value" + i.ToString(CultureInfo.InvariantCulture),
    };

    private static string Quote(string header) => header.Contains(',', StringComparison.Ordinal) ? $"\"{header}\"" : header;

    /// <summary>The headers read straight from the repository's copy of the file, not through the code under test.</summary>
    private static List<string> FileHeaders(int listNumber)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "data", "returns", "annex_a_lists.csv")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return File.ReadAllLines(Path.Combine(directory.FullName, "data", "returns", "annex_a_lists.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Where(fields => fields[0] == "List " + listNumber.ToString(CultureInfo.InvariantCulture))
            .OrderBy(fields => int.Parse(fields[2], CultureInfo.InvariantCulture))
            .Select(fields => fields[3])
            .ToList();
    }
}
