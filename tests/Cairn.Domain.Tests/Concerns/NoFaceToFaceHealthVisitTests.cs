using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;

namespace Cairn.Domain.Tests.Concerns;

public class NoFaceToFaceHealthVisitTests
{
    private static readonly NoFaceToFaceHealthVisitSettings Defaults = ConcernRuleSettings.Default.NoFaceToFaceHealthVisit;

    private static ConcernRuleSettings With(NoFaceToFaceHealthVisitSettings settings) =>
        ConcernRuleSettings.Default with { NoFaceToFaceHealthVisit = settings };

    [Theory]
    [InlineData(20, false)]
    [InlineData(21, true)]
    [InlineData(364, true)]
    [InlineData(365, false)]
    public void A_baby_never_visited_face_to_face_is_flagged_from_21_days_until_a_year(int ageDays, bool flagged)
    {
        var finding = AChild.AgedDays(ageDays).Finding(ConcernRule.NoFaceToFaceHealthVisit);

        Assert.Equal(flagged, finding is not null);
    }

    [Fact]
    public void The_summary_gives_the_age_and_the_expected_age_only()
    {
        var finding = AChild.AgedDays(23).Finding(ConcernRule.NoFaceToFaceHealthVisit)!;

        Assert.Equal("Aged 23 days with no face-to-face health visiting visit recorded since birth; one is expected by 21 days", finding.Summary);
        Assert.Empty(finding.Entries);
    }

    [Fact]
    public void A_face_to_face_health_visit_since_birth_means_no_flag()
    {
        var born = When.Today.AddDays(-30);
        var child = AChild.BornOn(born).With(An.Visit(When.At(born.Year, born.Month, born.Day, 0, 0)));

        Assert.Null(child.Finding(ConcernRule.NoFaceToFaceHealthVisit));
    }

    [Fact]
    public void A_visit_before_birth_does_not_count()
    {
        var born = When.Today.AddDays(-30);
        var child = AChild.BornOn(born).With(An.Visit(When.At(born.Year, born.Month, born.Day, 0, 0).AddMinutes(-1)));

        Assert.NotNull(child.Finding(ConcernRule.NoFaceToFaceHealthVisit));
    }

    [Theory]
    [InlineData(ContactMode.Video)]
    [InlineData(ContactMode.Phone)]
    [InlineData(ContactMode.Letter)]
    public void A_health_visiting_contact_that_was_not_face_to_face_does_not_count_and_is_listed(ContactMode mode)
    {
        var remote = An.Visit(When.DaysAgo(15), mode: mode);
        var finding = AChild.AgedDays(30).With(remote).Finding(ConcernRule.NoFaceToFaceHealthVisit);

        Assert.NotNull(finding);
        Assert.Equal([remote.Id], finding.Entries);
        Assert.EndsWith("; 1 other contact or appointment (not face to face, or missed)", finding.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppointmentOutcome.WasNotBrought)]
    [InlineData(AppointmentOutcome.NoAccess)]
    [InlineData(AppointmentOutcome.CancelledByFamily)]
    public void A_face_to_face_visit_that_did_not_happen_does_not_count(AppointmentOutcome outcome)
    {
        Assert.NotNull(AChild.AgedDays(30).With(An.Visit(When.DaysAgo(15), outcome: outcome)).Finding(ConcernRule.NoFaceToFaceHealthVisit));
        Assert.Null(AChild.AgedDays(30).With(An.Visit(When.DaysAgo(15), outcome: AppointmentOutcome.Attended)).Finding(ConcernRule.NoFaceToFaceHealthVisit));
    }

    [Fact]
    public void A_midwife_visit_does_not_count_unless_the_area_adds_midwifery()
    {
        var child = AChild.AgedDays(30).With(An.Visit(When.DaysAgo(25), AgencyKind.Midwifery, agency: From.Midwives));

        Assert.NotNull(child.Finding(ConcernRule.NoFaceToFaceHealthVisit));
        Assert.Null(child.Finding(ConcernRule.NoFaceToFaceHealthVisit, With(Defaults with { AgencyKinds = [AgencyKind.HealthVisiting, AgencyKind.Midwifery] })));
    }

    [Fact]
    public void A_visit_to_the_mother_alone_is_not_a_visit_to_the_baby()
    {
        Assert.NotNull(AChild.AgedDays(30).With(An.Visit(When.DaysAgo(15), aboutThisChild: false)).Finding(ConcernRule.NoFaceToFaceHealthVisit));
    }

    [Fact]
    public void The_ages_are_the_areas_to_set()
    {
        var child = AChild.AgedDays(15);

        Assert.Null(child.Finding(ConcernRule.NoFaceToFaceHealthVisit));
        Assert.NotNull(child.Finding(ConcernRule.NoFaceToFaceHealthVisit, With(Defaults with { AgeDays = 15 })));
        Assert.Null(child.Finding(ConcernRule.NoFaceToFaceHealthVisit, With(Defaults with { AgeDays = 10, MaxAgeDays = 15 })));
    }

    [Fact]
    public void Without_a_date_of_birth_the_rule_does_not_fire()
    {
        Assert.Null(AChild.Unknown.Finding(ConcernRule.NoFaceToFaceHealthVisit));
    }

    [Fact]
    public void A_disabled_rule_does_not_fire()
    {
        Assert.Null(AChild.AgedDays(30).Finding(ConcernRule.NoFaceToFaceHealthVisit, With(Defaults with { Enabled = false })));
    }
}
