using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Concerns;

/// <summary>
/// How far back a child's entries are loaded (<see cref="ConcernRules.LookBackDays"/>): only as far as the rules that
/// apply to the child can look, and never so short that a finding changes.
/// </summary>
public class LookBackTests
{
    private static readonly ConcernRuleSettings Defaults = ConcernRuleSettings.Default;

    private static int LookBack(DateOnly? born, bool complex = false, bool homeEducated = false, ConcernRuleSettings? settings = null) =>
        ConcernRules.LookBackDays(settings ?? Defaults, born, complex, homeEducated, When.Today);

    [Fact]
    public void A_school_age_child_with_no_complex_needs_looks_back_over_the_cumulative_concern_window_only()
    {
        Assert.Equal(90, LookBack(When.Today.AddYears(-9)));
        Assert.Equal(120, LookBack(When.Today.AddYears(-9), settings: Defaults with { CumulativeConcern = Defaults.CumulativeConcern with { WindowDays = 120 } }));
        Assert.Equal(90, LookBack(null));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void A_child_with_complex_needs_or_home_educated_keeps_the_longest_window_so_the_last_contact_can_be_named(bool complex, bool homeEducated)
    {
        Assert.Equal(ConcernRules.LongestWindowDays(Defaults), LookBack(When.Today.AddYears(-9), complex, homeEducated));
        Assert.Equal(365, ConcernRules.LongestWindowDays(Defaults));
    }

    [Fact]
    public void Under_two_the_household_risk_window_counts_until_the_second_birthday()
    {
        var born = When.Today.AddYears(-2);
        Assert.Equal(365, LookBack(born.AddDays(1)));
        Assert.Equal(90, LookBack(born));
    }

    [Fact]
    public void A_baby_of_the_age_for_a_face_to_face_visit_looks_back_to_birth()
    {
        var settings = Defaults with { UnderTwoInRiskHousehold = Defaults.UnderTwoInRiskHousehold with { Enabled = false }, CumulativeConcern = Defaults.CumulativeConcern with { WindowDays = 7 } };

        Assert.Equal(7, LookBack(When.Today.AddDays(-20), settings: settings));
        Assert.Equal(21, LookBack(When.Today.AddDays(-21), settings: settings));
        Assert.Equal(364, LookBack(When.Today.AddDays(-364), settings: settings));
        Assert.Equal(7, LookBack(When.Today.AddDays(-365), settings: settings));
    }

    [Fact]
    public void An_unborn_child_and_rules_turned_off_need_nothing_beyond_what_is_on()
    {
        Assert.Equal(90, LookBack(When.Today.AddDays(30)));
        var off = Defaults with
        {
            CumulativeConcern = Defaults.CumulativeConcern with { Enabled = false },
            OffTheRadar = Defaults.OffTheRadar with { Enabled = false },
        };
        Assert.Equal(0, LookBack(When.Today.AddYears(-9), complex: true, settings: off));
    }

    /// <summary>
    /// Thousands of random children (from not yet born to 17, a third of them under 2, some with complex needs or home educated, entries about
    /// them and their household over two years, random settings, moments either side of the clocks changing): the
    /// findings from the entries within each child's look-back are exactly those from the entries within the longest
    /// window, and for a child the off-the-radar rule does not apply to, exactly those from every entry.
    /// </summary>
    [Fact]
    public void Leaving_out_entries_before_the_look_back_never_changes_a_finding()
    {
        var random = new Random(20261123);
        var agencies = Enumerable.Range(0, 6).Select(_ => AgencyId.New()).ToArray();
        var kinds = Enum.GetValues<AgencyKind>();
        var themes = Enum.GetValues<ConcernTheme>().Where(t => t != ConcernTheme.None).ToArray();
        var compared = 0;
        var fired = 0;
        var shortened = 0;
        var babies = 0;
        for (var i = 0; i < 3000; i++)
        {
            var now = When.Now.AddDays(-random.Next(0, 400)).AddMinutes(random.Next(0, 24 * 60));
            var today = now.InLondon();
            var settings = RandomSettings(random);
            // Unknown, not yet born (up to 60 days to come), or born up to 17 years ago; a third of them under 2.
            var born = random.Next(10) == 0 ? (DateOnly?)null
                : today.AddDays(-(random.Next(3) == 0 ? random.Next(-60, 730) : random.Next(-60, 17 * 365)));
            var complex = random.Next(6) == 0;
            var homeEducated = random.Next(10) == 0;
            var entries = new List<FactEntry>();
            for (var n = random.Next(0, 40); n > 0; n--)
            {
                var concerns = random.Next(3) == 0 ? themes[random.Next(themes.Length)] | (random.Next(4) == 0 ? themes[random.Next(themes.Length)] : 0) : ConcernTheme.None;
                ContactMode? mode = random.Next(3) == 0 ? null : (ContactMode)random.Next(1, 5);
                AppointmentOutcome? outcome = random.Next(3) == 0 ? (AppointmentOutcome)random.Next(1, 7) : null;
                entries.Add(new FactEntry(ChronologyEntryId.New(), random.Next(5) > 0, agencies[random.Next(agencies.Length)], kinds[random.Next(kinds.Length)],
                    now.AddMinutes(-random.Next(0, 730 * 24 * 60)), ChronologyCategory.Other, (Significance)random.Next(1, 4), mode, outcome, concerns));
            }

            var contacts = Enumerable.Range(0, random.Next(0, 6))
                .Select(_ => new ContactFact(ContactId.New(), now.AddDays(-random.Next(0, 500)), random.Next(3) > 0 ? TriageOutcome.NoFurtherAction : null, null))
                .Select(c => c with { DecidedAt = c.Outcome is null ? null : c.ReceivedAt.AddHours(3) })
                .ToList();
            var child = PersonId.New();
            ChildFacts Within(DateTimeOffset from) => new(child, born, complex, homeEducated, entries.Where(e => e.OccurredAt >= from).ToList(), contacts);

            var lookBack = ConcernRules.LookBackDays(settings, born, complex, homeEducated, today);
            var longest = ConcernRules.LongestWindowDays(settings);
            var expected = Describe(ConcernRules.Evaluate(Within(ConcernRules.WindowStart(now, longest)), settings, now));
            Assert.Equal(expected, Describe(ConcernRules.Evaluate(Within(ConcernRules.WindowStart(now, lookBack)), settings, now)));
            // The comparisons that prove something: entries were left out, and a rule about babies or under-2s fired.
            if (lookBack < longest && entries.Any(e => e.OccurredAt < ConcernRules.WindowStart(now, lookBack) && e.OccurredAt >= ConcernRules.WindowStart(now, longest)))
            {
                shortened++;
                babies += expected.Any(f => f.StartsWith(nameof(ConcernRule.UnderTwoInRiskHousehold), StringComparison.Ordinal)
                    || f.StartsWith(nameof(ConcernRule.NoFaceToFaceHealthVisit), StringComparison.Ordinal)) ? 1 : 0;
            }

            if (!(complex || homeEducated))
            {
                Assert.Equal(Describe(ConcernRules.Evaluate(Within(DateTimeOffset.MinValue), settings, now)), expected);
            }

            compared++;
            fired += expected.Count;
        }

        // The random children are varied enough to make the rules fire with entries left out, the baby and under-2
        // rules included, or the comparison proves nothing. (For a child with complex needs or home educated the
        // look-back is the longest window, so their comparison is trivially equal; the others carry the test.)
        Assert.Equal(3000, compared);
        Assert.True(fired > 500, $"only {fired} findings");
        Assert.True(shortened > 1000, $"only {shortened} children had entries left out");
        Assert.True(babies > 50, $"only {babies} children with entries left out had a baby or under-2 finding");
    }

    private static ConcernRuleSettings RandomSettings(Random random)
    {
        var d = Defaults;
        return d with
        {
            CumulativeConcern = d.CumulativeConcern with { WindowDays = random.Next(1, 400), Threshold = random.Next(1, 20), MinAgencies = random.Next(1, 3), Enabled = random.Next(8) > 0 },
            UnderTwoInRiskHousehold = d.UnderTwoInRiskHousehold with { WindowDays = random.Next(1, 500), Enabled = random.Next(8) > 0 },
            OffTheRadar = d.OffTheRadar with { NoContactDays = random.Next(1, 200), MissedWindowDays = random.Next(1, 200), MissedAppointments = random.Next(1, 4), Enabled = random.Next(8) > 0 },
            RepeatedNoFurtherAction = d.RepeatedNoFurtherAction with { WindowDays = random.Next(1, 500), Contacts = random.Next(1, 4), Enabled = random.Next(8) > 0 },
            NoFaceToFaceHealthVisit = d.NoFaceToFaceHealthVisit with { AgeDays = random.Next(1, 60), MaxAgeDays = random.Next(61, 730), Enabled = random.Next(8) > 0 },
        };
    }

    private static List<string> Describe(IReadOnlyList<RuleFinding> findings) =>
        findings.Select(f => $"{f.Rule}|{f.Summary}|{string.Join(",", f.Entries.Select(e => e.Value))}|{string.Join(",", f.Contacts.Select(c => c.Value))}").ToList();
}
