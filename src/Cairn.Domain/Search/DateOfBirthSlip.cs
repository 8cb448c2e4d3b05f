namespace Cairn.Domain.Search;

/// <summary>How a date of birth as typed stands to the one on record.</summary>
public enum DateOfBirthAgreement
{
    /// <summary>One of the two is not known: no evidence either way.</summary>
    Unknown = 0,
    Same = 1,
    OneDayOut = 2,
    DayAndMonthSwapped = 3,

    /// <summary>Same day and month; the year one out, ten out, one digit wrong or two digits swapped.</summary>
    YearSlip = 4,

    /// <summary>Same year and day, another month.</summary>
    MonthSlip = 5,

    /// <summary>Same year and month; the day one digit wrong or its digits swapped.</summary>
    DaySlip = 6,
    Different = 7,
}

/// <summary>The slips people make typing a date of birth, and the dates a slip could have come from.</summary>
public static class DateOfBirthSlip
{
    public static DateOfBirthAgreement Compare(DateOnly? typed, DateOnly? recorded)
    {
        if (typed is not { } a || recorded is not { } b)
        {
            return DateOfBirthAgreement.Unknown;
        }

        if (a == b)
        {
            return DateOfBirthAgreement.Same;
        }

        if (Math.Abs(a.DayNumber - b.DayNumber) == 1)
        {
            return DateOfBirthAgreement.OneDayOut;
        }

        if (a.Year == b.Year && a.Day == b.Month && a.Month == b.Day)
        {
            return DateOfBirthAgreement.DayAndMonthSwapped;
        }

        if (a.Month == b.Month && a.Day == b.Day && IsNumberSlip(a.Year, b.Year, 4))
        {
            return DateOfBirthAgreement.YearSlip;
        }

        if (a.Year == b.Year && a.Day == b.Day)
        {
            return DateOfBirthAgreement.MonthSlip;
        }

        if (a.Year == b.Year && a.Month == b.Month && IsNumberSlip(a.Day, b.Day, 2))
        {
            return DateOfBirthAgreement.DaySlip;
        }

        return DateOfBirthAgreement.Different;
    }

    /// <summary>
    /// The dates one slip away from the date typed, the date itself first: the same date, a day either side and the day
    /// and month swapped (<paramref name="close"/>), then the year, month and day slips. Every date here compares as
    /// something other than <see cref="DateOfBirthAgreement.Different"/>.
    /// </summary>
    public static IReadOnlyList<DateOnly> Neighbours(DateOnly typed, bool close)
    {
        var dates = new List<DateOnly> { typed, typed.AddDays(-1), typed.AddDays(1) };
        Add(dates, typed.Year, typed.Day, typed.Month);
        if (close)
        {
            return dates.Distinct().ToList();
        }

        foreach (var year in NumberSlips(typed.Year, 4))
        {
            Add(dates, year, typed.Month, typed.Day);
        }

        for (var month = 1; month <= 12; month++)
        {
            Add(dates, typed.Year, month, typed.Day);
        }

        foreach (var day in NumberSlips(typed.Day, 2))
        {
            Add(dates, typed.Year, typed.Month, day);
        }

        return dates.Distinct().ToList();
    }

    private static void Add(List<DateOnly> dates, int year, int month, int day)
    {
        if (year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            dates.Add(new DateOnly(year, month, day));
        }
    }

    /// <summary>One out, ten out (years), one digit different, or two neighbouring digits swapped.</summary>
    private static bool IsNumberSlip(int a, int b, int digits) => NumberSlips(a, digits).Contains(b);

    private static HashSet<int> NumberSlips(int value, int digits)
    {
        var slips = new HashSet<int> { value - 1, value + 1 };
        if (digits == 4)
        {
            slips.Add(value - 10);
            slips.Add(value + 10);
        }

        var text = value.ToString("D" + digits, System.Globalization.CultureInfo.InvariantCulture).ToCharArray();
        for (var i = 0; i < text.Length; i++)
        {
            var original = text[i];
            for (var d = '0'; d <= '9'; d++)
            {
                text[i] = d;
                slips.Add(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
            }

            text[i] = original;
            if (i + 1 < text.Length)
            {
                (text[i], text[i + 1]) = (text[i + 1], text[i]);
                slips.Add(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
                (text[i], text[i + 1]) = (text[i + 1], text[i]);
            }
        }

        slips.Remove(value);
        return slips;
    }
}
