using System.Globalization;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Time;

public class WorkingHoursTests
{
    [Fact]
    public void The_default_is_nine_to_five()
    {
        Assert.Equal(new TimeOnly(9, 0), WorkingHours.Default.Start);
        Assert.Equal(new TimeOnly(17, 0), WorkingHours.Default.End);
    }

    [Theory]
    [InlineData("17:00", "09:00")]
    [InlineData("09:00", "09:00")]
    [InlineData("23:59", "00:00")]
    public void Hours_that_do_not_end_after_they_start_are_refused(string start, string end)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new WorkingHours(Time(start), Time(end)));

        Assert.Equal("end", error.ParamName);
    }

    [Fact]
    public void Hours_compare_by_value()
    {
        Assert.Equal(WorkingHours.Default, new WorkingHours(new TimeOnly(9, 0), new TimeOnly(17, 0)));
        Assert.NotEqual(WorkingHours.Default, new WorkingHours(new TimeOnly(8, 30), new TimeOnly(17, 0)));
    }

    private static TimeOnly Time(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);
}
