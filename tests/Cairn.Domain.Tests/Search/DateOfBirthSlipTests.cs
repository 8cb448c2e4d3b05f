using Cairn.Domain.Search;

namespace Cairn.Domain.Tests.Search;

public class DateOfBirthSlipTests
{
    private static readonly DateOnly Born = new(2016, 5, 3);

    [Theory]
    [InlineData("2016-05-03", DateOfBirthAgreement.Same)]
    [InlineData("2016-05-04", DateOfBirthAgreement.OneDayOut)]
    [InlineData("2016-03-05", DateOfBirthAgreement.DayAndMonthSwapped)]
    [InlineData("2015-05-03", DateOfBirthAgreement.YearSlip)]
    [InlineData("2006-05-03", DateOfBirthAgreement.YearSlip)]
    [InlineData("2061-05-03", DateOfBirthAgreement.YearSlip)]
    [InlineData("2016-11-03", DateOfBirthAgreement.MonthSlip)]
    [InlineData("2016-05-30", DateOfBirthAgreement.DaySlip)]
    [InlineData("2016-05-08", DateOfBirthAgreement.DaySlip)]
    [InlineData("2013-05-03", DateOfBirthAgreement.YearSlip)]
    [InlineData("2012-07-19", DateOfBirthAgreement.Different)]
    [InlineData("2016-05-20", DateOfBirthAgreement.Different)]
    public void Each_slip_is_named(string typed, DateOfBirthAgreement agreement)
    {
        Assert.Equal(agreement, DateOfBirthSlip.Compare(DateOnly.Parse(typed, System.Globalization.CultureInfo.InvariantCulture), Born));
    }

    [Fact]
    public void An_unknown_date_is_no_evidence()
    {
        Assert.Equal(DateOfBirthAgreement.Unknown, DateOfBirthSlip.Compare(null, Born));
        Assert.Equal(DateOfBirthAgreement.Unknown, DateOfBirthSlip.Compare(Born, null));
    }

    [Fact]
    public void Every_date_one_slip_away_is_a_neighbour_and_every_neighbour_is_one_slip_away()
    {
        // Every recorded date over four years, against a fixed typed date: the neighbours are exactly the slips.
        foreach (var typed in new[] { Born, new DateOnly(2019, 12, 31), new DateOnly(2020, 2, 29), new DateOnly(2011, 1, 11) })
        {
            var neighbours = DateOfBirthSlip.Neighbours(typed, close: false).ToHashSet();
            var close = DateOfBirthSlip.Neighbours(typed, close: true).ToHashSet();
            Assert.Subset(neighbours, close);
            for (var recorded = typed.AddYears(-60); recorded <= typed.AddYears(60); recorded = recorded.AddDays(1))
            {
                var agreement = DateOfBirthSlip.Compare(typed, recorded);
                Assert.True((agreement != DateOfBirthAgreement.Different) == neighbours.Contains(recorded), $"{typed} {recorded} {agreement}");
                var isClose = agreement is DateOfBirthAgreement.Same or DateOfBirthAgreement.OneDayOut or DateOfBirthAgreement.DayAndMonthSwapped;
                Assert.Equal(isClose, close.Contains(recorded));
            }
        }
    }
}
