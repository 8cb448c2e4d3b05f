using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;

namespace Cairn.Domain.Tests.Concerns;

public class OffTheRadarTests
{
    private static readonly OffTheRadarSettings Defaults = ConcernRuleSettings.Default.OffTheRadar;

    private static ConcernRuleSettings With(OffTheRadarSettings settings) => ConcernRuleSettings.Default with { OffTheRadar = settings };

    private static FactEntry SeenAtSchool(DateTimeOffset at) =>
        An.Visit(at, AgencyKind.School, agency: From.School);

    [Fact]
    public void A_child_with_complex_needs_seen_on_the_60th_day_back_is_not_off_the_radar()
    {
        var child = AChild.AgedMonths(100).WithComplexNeeds().With(SeenAtSchool(When.StartOfDayBefore(60)));

        Assert.Null(child.Finding(ConcernRule.OffTheRadar));
    }

    [Fact]
    public void A_child_with_complex_needs_last_seen_61_days_ago_is_listed_with_the_last_contact_as_evidence()
    {
        var last = SeenAtSchool(When.JustBefore(60));
        var child = AChild.AgedMonths(100).WithComplexNeeds().With(SeenAtSchool(When.DaysAgo(200)), last);

        var finding = child.Finding(ConcernRule.OffTheRadar);

        Assert.NotNull(finding);
        Assert.Equal([last.Id], finding.Entries);
        Assert.Equal("Complex needs; no professional contact in the last 60 days: the last was 61 days ago, on 23 September 2026", finding.Summary);
    }

    [Fact]
    public void A_child_with_no_contact_in_the_facts_is_listed_and_the_summary_claims_no_more_than_the_window()
    {
        var finding = AChild.AgedMonths(100).WithComplexNeeds().Finding(ConcernRule.OffTheRadar);

        Assert.NotNull(finding);
        Assert.Empty(finding.Entries);
        Assert.Equal("Complex needs; no professional contact in the last 60 days", finding.Summary);
        Assert.DoesNotContain("recorded", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_uses_the_areas_own_number_of_days_when_no_contact_is_in_the_facts()
    {
        var finding = AChild.AgedMonths(100).WithComplexNeeds().Finding(ConcernRule.OffTheRadar, With(Defaults with { NoContactDays = 90 }));

        Assert.Equal("Complex needs; no professional contact in the last 90 days", finding!.Summary);
    }

    [Fact]
    public void Elective_home_education_alone_brings_a_child_into_the_rule()
    {
        var finding = AChild.AgedMonths(100).HomeEducated().Finding(ConcernRule.OffTheRadar);

        Assert.StartsWith("Electively home educated;", finding!.Summary, StringComparison.Ordinal);
        Assert.StartsWith("Complex needs and electively home educated;",
            AChild.AgedMonths(100).HomeEducated().WithComplexNeeds().Finding(ConcernRule.OffTheRadar)!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_without_complex_needs_or_home_education_is_not_in_the_rule()
    {
        Assert.Null(AChild.AgedMonths(100).With(An.WasNotBrought(When.DaysAgo(3)), An.WasNotBrought(When.DaysAgo(4))).Finding(ConcernRule.OffTheRadar));
    }

    [Theory]
    [InlineData(AppointmentOutcome.WasNotBrought)]
    [InlineData(AppointmentOutcome.NoAccess)]
    [InlineData(AppointmentOutcome.CancelledByFamily)]
    [InlineData(AppointmentOutcome.CancelledByService)]
    [InlineData(AppointmentOutcome.DidNotAttend)]
    public void An_appointment_or_visit_that_did_not_happen_is_not_contact(AppointmentOutcome outcome)
    {
        var child = AChild.AgedMonths(100).WithComplexNeeds().With(An.Visit(When.DaysAgo(1), outcome: outcome));

        Assert.Contains("no professional contact in the last 60 days", child.Finding(ConcernRule.OffTheRadar)!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attended_appointment_is_contact()
    {
        var child = AChild.AgedMonths(100).WithComplexNeeds().With(An.Visit(When.DaysAgo(1), outcome: AppointmentOutcome.Attended));

        Assert.Null(child.Finding(ConcernRule.OffTheRadar));
    }

    [Fact]
    public void Contact_with_someone_else_in_the_household_is_not_contact_with_the_child()
    {
        var child = AChild.AgedMonths(100).WithComplexNeeds().With(An.Visit(When.DaysAgo(1), aboutThisChild: false));

        Assert.NotNull(child.Finding(ConcernRule.OffTheRadar));
    }

    [Fact]
    public void A_letter_is_not_contact_unless_the_area_counts_letters()
    {
        var child = AChild.AgedMonths(100).WithComplexNeeds().With(An.Visit(When.DaysAgo(1), AgencyKind.School, ContactMode.Letter));

        Assert.NotNull(child.Finding(ConcernRule.OffTheRadar));
        Assert.Null(child.Finding(ConcernRule.OffTheRadar, With(Defaults with { ContactModes = [ContactMode.FaceToFace, ContactMode.Letter] })));
    }

    [Theory]
    [InlineData(ContactMode.Phone)]
    [InlineData(ContactMode.Video)]
    [InlineData(ContactMode.FaceToFace)]
    public void Phone_video_and_face_to_face_are_contact_by_default(ContactMode mode)
    {
        Assert.Null(AChild.AgedMonths(100).WithComplexNeeds().With(An.Visit(When.DaysAgo(1), mode: mode)).Finding(ConcernRule.OffTheRadar));
    }

    [Fact]
    public void Contact_dated_after_now_does_not_count()
    {
        var child = AChild.AgedMonths(100).WithComplexNeeds().With(SeenAtSchool(When.Now.AddMinutes(2)));

        Assert.NotNull(child.Finding(ConcernRule.OffTheRadar));
    }

    [Fact]
    public void Two_missed_appointments_in_90_days_list_a_child_who_is_otherwise_seen_with_the_missed_ones_as_evidence()
    {
        var first = An.WasNotBrought(When.StartOfDayBefore(90));
        var second = An.WasNotBrought(When.DaysAgo(10));
        var child = AChild.AgedMonths(100).WithComplexNeeds().With(SeenAtSchool(When.DaysAgo(2)), second, first);

        var finding = child.Finding(ConcernRule.OffTheRadar);

        Assert.NotNull(finding);
        Assert.Equal([first.Id, second.Id], finding.Entries);
        Assert.Equal("Complex needs; 2 appointments or visits missed (was not brought or no access) in the last 90 days, against a limit of 2",
            finding.Summary);
    }

    [Fact]
    public void One_missed_appointment_in_the_window_and_one_the_day_before_it_do_not()
    {
        var child = AChild.AgedMonths(100).WithComplexNeeds()
            .With(SeenAtSchool(When.DaysAgo(2)), An.WasNotBrought(When.JustBefore(90)), An.WasNotBrought(When.DaysAgo(10)));

        Assert.Null(child.Finding(ConcernRule.OffTheRadar));
    }

    [Fact]
    public void No_access_visits_count_as_missed_unless_the_area_turns_that_off()
    {
        var child = AChild.AgedMonths(100).HomeEducated().With(SeenAtSchool(When.DaysAgo(2)),
            An.WasNotBrought(When.DaysAgo(20), AppointmentOutcome.NoAccess), An.WasNotBrought(When.DaysAgo(10)));

        Assert.NotNull(child.Finding(ConcernRule.OffTheRadar));
        Assert.Null(child.Finding(ConcernRule.OffTheRadar, With(Defaults with { CountNoAccessAsMissed = false })));
    }

    [Fact]
    public void The_number_of_missed_appointments_is_the_areas_to_set()
    {
        var child = AChild.AgedMonths(100).WithComplexNeeds().With(SeenAtSchool(When.DaysAgo(2)), An.WasNotBrought(When.DaysAgo(10)));

        Assert.Null(child.Finding(ConcernRule.OffTheRadar));
        Assert.NotNull(child.Finding(ConcernRule.OffTheRadar, With(Defaults with { MissedAppointments = 1 })));
    }

    [Fact]
    public void Both_reasons_are_given_when_both_apply_and_all_the_evidence_is_listed()
    {
        var last = SeenAtSchool(When.DaysAgo(70));
        var missed = new[] { An.WasNotBrought(When.DaysAgo(30)), An.WasNotBrought(When.DaysAgo(20)) };
        var child = AChild.AgedMonths(100).WithComplexNeeds().With([last, .. missed]);

        var finding = child.Finding(ConcernRule.OffTheRadar)!;

        Assert.Equal([last.Id, missed[0].Id, missed[1].Id], finding.Entries);
        Assert.Contains("the last was 70 days ago", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("2 appointments or visits missed", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_rule_does_not_fire()
    {
        Assert.Null(AChild.AgedMonths(100).WithComplexNeeds().Finding(ConcernRule.OffTheRadar, With(Defaults with { Enabled = false })));
    }
}
