using Cairn.Domain.Alerts;
using Cairn.Domain.Children;
using Cairn.Domain.Health;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Time;

public class LocalDateTests
{
    // 00:30 on 1 July 2026 in London is 23:30 on 30 June in UTC.
    private static readonly DateTimeOffset JustAfterMidnightInSummer = new(2026, 6, 30, 23, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-06-30T23:30:00Z", "2026-07-01")]
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31")]
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")]
    [InlineData("2026-10-24T23:00:00Z", "2026-10-25")]
    public void The_date_is_the_date_in_London(string instant, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture).InLondon());
    }

    [Fact]
    public void A_diagnosis_made_today_in_London_is_not_in_the_future_just_after_midnight()
    {
        var outcome = Diagnosis.Record(PersonId.New(), "Asthma", new DateOnly(2026, 7, 1), "GP", null, ProfessionalId.New(), JustAfterMidnightInSummer);

        Assert.Null(outcome.Refusal);
    }

    [Fact]
    public void A_legal_status_from_today_in_London_is_accepted_just_after_midnight()
    {
        var outcome = LegalStatus.Change(null, PersonId.New(), LegalStatusKind.ChildInNeed, null, new DateOnly(2026, 7, 1),
            "Assessment concluded", ProfessionalId.New(), JustAfterMidnightInSummer);

        Assert.Null(outcome.Refusal);
    }

    [Fact]
    public void An_alert_raised_today_in_London_is_accepted_just_after_midnight()
    {
        var draft = new AlertDraft(AlertCategory.DomesticAbuse, "Violence from mother's partner", "Child and mother", "Mother's partner",
            "Police notification", new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 1),
            "Police attended a domestic incident at the family home; the child was present and frightened. Visit jointly and never alone.");

        var outcome = Alert.Raise(PersonId.New(), draft, ProfessionalId.New(), JustAfterMidnightInSummer);

        Assert.Null(outcome.Refusal);
    }
}
