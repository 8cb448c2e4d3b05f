using Cairn.Domain.Concerns;
using Cairn.Domain.EarlyHelp;

namespace Cairn.Domain.Tests.EarlyHelp;

public class EarlyHelpEpisodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly PersonId Child = PersonId.New();
    private static readonly ProfessionalId Worker = ProfessionalId.New();
    private static readonly ProfessionalId Lead = ProfessionalId.New();
    private static readonly ProfessionalId Other = ProfessionalId.New();

    private static EarlyHelpDraft ADraft() =>
        new(Today.AddDays(-30), Lead, " Mother ", Today.AddDays(-31), ConsentMethod.Written);

    private static EarlyHelpEpisode Started() => EarlyHelpEpisode.Start(Child, ADraft(), true, false, Worker, Now).Value!;

    [Fact]
    public void An_episode_starts_open_with_its_lead_and_consent()
    {
        var episode = Started();

        Assert.Equal(EarlyHelpStatus.Open, episode.Status);
        Assert.Equal(Lead, episode.LeadProfessionalId);
        Assert.Equal(new Consent("Mother", Today.AddDays(-31), ConsentMethod.Written), episode.Consent);
        Assert.Equal(1, episode.Version);
        var started = Assert.Single(episode.Events);
        Assert.Equal(EarlyHelpEventKind.Started, started.Kind);
        Assert.Equal(Lead, started.ToLead);
    }

    [Theory]
    [InlineData(null, "2026-10-01", "Written", "ConsentGivenBy")]
    [InlineData("Father", null, "Written", "ConsentGivenOn")]
    [InlineData("Father", "2026-10-01", null, "ConsentMethod")]
    [InlineData("Father", "2026-11-24", "Verbal", "ConsentGivenOn")]
    [InlineData("Father", "2026-10-25", "Verbal", "ConsentGivenOn")]
    public void An_episode_cannot_start_without_consent_recorded(string? givenBy, string? givenOn, string? method, string field)
    {
        DateOnly? on = givenOn is null ? null : DateOnly.Parse(givenOn, System.Globalization.CultureInfo.InvariantCulture);
        ConsentMethod? how = method is null ? null : Enum.Parse<ConsentMethod>(method);
        var draft = ADraft() with { StartedOn = new DateOnly(2026, 10, 24), ConsentGivenBy = givenBy, ConsentGivenOn = on, ConsentMethod = how };

        var outcome = EarlyHelpEpisode.Start(Child, draft, true, false, Worker, Now);

        Assert.Equal(field, Assert.Single(outcome.Refusal!.Errors).Field);
    }

    [Fact]
    public void An_episode_needs_a_named_lead_professional()
    {
        var outcome = EarlyHelpEpisode.Start(Child, ADraft() with { LeadProfessional = null }, true, false, Worker, Now);

        var error = Assert.Single(outcome.Refusal!.Errors);
        Assert.Equal("LeadProfessionalId", error.Field);
        Assert.Contains("named lead professional", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lead_professional_must_be_in_the_team_around_the_child()
    {
        var outcome = EarlyHelpEpisode.Start(Child, ADraft(), false, false, Worker, Now);

        Assert.Contains("team around the child", Assert.Single(outcome.Refusal!.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_with_an_open_episode_cannot_start_another()
    {
        var outcome = EarlyHelpEpisode.Start(Child, ADraft(), true, true, Worker, Now);

        Assert.Contains("already has an open early help episode", Assert.Single(outcome.Refusal!.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_summary_is_no_longer_accepted_and_the_refusal_points_to_the_early_help_plan()
    {
        var outcome = EarlyHelpEpisode.Start(Child, ADraft() with { StartedOn = null, PlanSummary = "Help with routines" }, true, false, Worker, Now);
        var blank = EarlyHelpEpisode.Start(Child, ADraft() with { PlanSummary = " " }, true, false, Worker, Now);

        Assert.Equal(["StartedOn", "PlanSummary"], outcome.Refusal!.Errors.Select(e => e.Field));
        Assert.Contains("early help plan from the episode page", outcome.Refusal.Errors[1].Message, StringComparison.Ordinal);
        Assert.True(blank.Succeeded);
    }

    [Fact]
    public void A_start_date_in_the_future_is_refused()
    {
        var outcome = EarlyHelpEpisode.Start(Child, ADraft() with { StartedOn = Today.AddDays(1) }, true, false, Worker, Now);

        Assert.Equal("StartedOn", Assert.Single(outcome.Refusal!.Errors).Field);
    }

    [Theory]
    [InlineData(ClosureReason.OutcomesMet, false)]
    [InlineData(ClosureReason.OutcomesMet, true)]
    [InlineData(ClosureReason.SteppedUpToSocialCare, true)]
    [InlineData(ClosureReason.MovedAway, true)]
    [InlineData(ClosureReason.FamilyDisengaged, false)]
    [InlineData(ClosureReason.ConsentWithdrawn, false)]
    public void Closing_closes_at_once_unless_the_family_disengaged_while_concerns_remain(ClosureReason reason, bool concernsRemain)
    {
        var episode = Started();

        var step = episode.Close(reason, Today, null, concernsRemain, false, 1, Worker, Now);

        Assert.Equal(ClosureStep.Closed, step.Value);
        Assert.Equal(EarlyHelpStatus.Closed, episode.Status);
        Assert.Equal(reason, episode.ClosureReason);
        Assert.Equal(Today, episode.ClosedOn);
        Assert.Equal(2, episode.Version);
    }

    [Theory]
    [InlineData(ClosureReason.FamilyDisengaged)]
    [InlineData(ClosureReason.ConsentWithdrawn)]
    public void Disengagement_while_concerns_remain_waits_for_the_front_door(ClosureReason reason)
    {
        var episode = Started();

        var step = episode.Close(reason, Today, "Family stopped answering", true, false, 1, Worker, Now);
        episode.AwaitFrontDoorCheck(new ContactId(Guid.NewGuid()));

        Assert.Equal(ClosureStep.FrontDoorCheckNeeded, step.Value);
        Assert.Equal(EarlyHelpStatus.AwaitingFrontDoorCheck, episode.Status);
        Assert.True(episode.IsOpen);
        Assert.NotNull(episode.FrontDoorContactId);
        Assert.Equal(EarlyHelpEventKind.FrontDoorCheckRequested, episode.Events[^1].Kind);
    }

    [Fact]
    public void While_the_front_door_has_not_decided_the_close_is_refused_however_it_is_asked()
    {
        var episode = Started();
        episode.Close(ClosureReason.FamilyDisengaged, Today, null, true, false, 1, Worker, Now);

        var again = episode.Close(ClosureReason.OutcomesMet, Today, null, false, false, 2, Worker, Now);
        var complete = episode.CompleteClosure(false, 2, Worker, Now);

        Assert.Equal(EarlyHelpEpisode.AwaitingCheckMessage, Assert.Single(again.Refusal!.Errors).Message);
        Assert.Equal(EarlyHelpEpisode.AwaitingCheckMessage, Assert.Single(complete.Refusal!.Errors).Message);
        Assert.Equal(EarlyHelpStatus.AwaitingFrontDoorCheck, episode.Status);
        Assert.Equal(2, episode.Version);
    }

    [Fact]
    public void Once_the_front_door_has_decided_the_closure_completes_with_the_reason_first_given()
    {
        var episode = Started();
        episode.Close(ClosureReason.ConsentWithdrawn, Today, null, true, false, 1, Worker, Now);

        var step = episode.CompleteClosure(true, 2, Lead, Now.AddDays(1));

        Assert.Equal(ClosureStep.Closed, step.Value);
        Assert.Equal(EarlyHelpStatus.Closed, episode.Status);
        Assert.Equal(ClosureReason.ConsentWithdrawn, episode.ClosureReason);
        Assert.Equal(3, episode.Version);
        Assert.Equal(EarlyHelpEventKind.Closed, episode.Events[^1].Kind);
    }

    [Fact]
    public void Asking_to_close_again_after_the_decision_also_completes_the_closure()
    {
        var episode = Started();
        episode.Close(ClosureReason.FamilyDisengaged, Today, null, true, false, 1, Worker, Now);

        var step = episode.Close(null, null, null, true, true, 2, Worker, Now);

        Assert.Equal(ClosureStep.Closed, step.Value);
        Assert.Equal(ClosureReason.FamilyDisengaged, episode.ClosureReason);
    }

    [Fact]
    public void Completing_a_closure_that_never_waited_is_refused()
    {
        var episode = Started();

        Assert.NotNull(episode.CompleteClosure(true, 1, Worker, Now).Refusal);
        Assert.Equal(EarlyHelpStatus.Open, episode.Status);
    }

    [Fact]
    public void A_closed_episode_cannot_be_closed_again_or_change_lead()
    {
        var episode = Started();
        episode.Close(ClosureReason.OutcomesMet, Today, null, false, false, 1, Worker, Now);

        Assert.NotNull(episode.Close(ClosureReason.OutcomesMet, Today, null, false, false, 2, Worker, Now).Refusal);
        Assert.NotNull(episode.ChangeLead(Other, true, "Moved", 2, Worker, Now));
    }

    [Theory]
    [InlineData(null, "2026-11-23", "Reason")]
    [InlineData("OutcomesMet", null, "ClosedOn")]
    [InlineData("OutcomesMet", "2026-11-24", "ClosedOn")]
    [InlineData("OutcomesMet", "2026-10-23", "ClosedOn")]
    public void A_close_without_a_reason_or_with_a_date_outside_the_episode_is_refused(string? reason, string? closedOn, string field)
    {
        var episode = Started();
        ClosureReason? why = reason is null ? null : Enum.Parse<ClosureReason>(reason);
        DateOnly? on = closedOn is null ? null : DateOnly.Parse(closedOn, System.Globalization.CultureInfo.InvariantCulture);

        var outcome = episode.Close(why, on, null, false, false, 1, Worker, Now);

        Assert.Equal(field, Assert.Single(outcome.Refusal!.Errors).Field);
        Assert.Equal(EarlyHelpStatus.Open, episode.Status);
    }

    [Fact]
    public void A_stale_version_is_refused_for_every_change()
    {
        var episode = Started();

        Assert.Equal("Version", episode.Close(ClosureReason.OutcomesMet, Today, null, false, false, 7, Worker, Now).Refusal!.Errors[0].Field);
        Assert.Equal("Version", episode.ChangeLead(Other, true, "Moved team", 7, Worker, Now)!.Errors[0].Field);
        Assert.Equal("Version", episode.CompleteClosure(true, 7, Worker, Now).Refusal!.Errors[0].Field);
        Assert.Equal(1, episode.Version);
    }

    [Fact]
    public void Changing_the_lead_professional_keeps_who_it_was_and_why()
    {
        var episode = Started();

        var refusal = episode.ChangeLead(Other, true, " Family asked for the school to lead ", 1, Worker, Now);

        Assert.Null(refusal);
        Assert.Equal(Other, episode.LeadProfessionalId);
        Assert.Equal(2, episode.Version);
        var change = episode.Events[^1];
        Assert.Equal((EarlyHelpEventKind.LeadProfessionalChanged, Lead, Other, "Family asked for the school to lead"),
            (change.Kind, change.FromLead!.Value, change.ToLead!.Value, change.Note));
    }

    [Fact]
    public void A_new_lead_must_be_someone_else_in_the_team_with_a_reason()
    {
        var episode = Started();

        Assert.Equal("LeadProfessionalId", episode.ChangeLead(Lead, true, "Same", 1, Worker, Now)!.Errors[0].Field);
        Assert.Equal("LeadProfessionalId", episode.ChangeLead(Other, false, "Not in team", 1, Worker, Now)!.Errors[0].Field);
        Assert.Equal("LeadProfessionalId", episode.ChangeLead(null, true, "Nobody", 1, Worker, Now)!.Errors[0].Field);
        Assert.Equal("Reason", episode.ChangeLead(Other, true, " ", 1, Worker, Now)!.Errors[0].Field);
        Assert.Equal(Lead, episode.LeadProfessionalId);
    }
}

public class ConcernsRemainTests
{
    // 23 November: GMT, so the London date is the UTC date.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static RecentConcern DaysAgo(int days, ConcernTheme themes = ConcernTheme.Neglect) => new(Now.AddDays(-days), themes);

    [Fact]
    public void An_active_alert_alone_means_concerns_remain() =>
        Assert.True(EarlyHelpEpisode.ConcernsRemain(true, [], Now));

    [Fact]
    public void No_alert_and_no_entries_means_none_remain() =>
        Assert.False(EarlyHelpEpisode.ConcernsRemain(false, [], Now));

    [Theory]
    [InlineData(0, true)]
    [InlineData(89, true)]
    [InlineData(90, true)]
    [InlineData(91, false)]
    [InlineData(365, false)]
    public void An_entry_with_concerns_counts_for_90_days(int daysAgo, bool remain) =>
        Assert.Equal(remain, EarlyHelpEpisode.ConcernsRemain(false, [DaysAgo(daysAgo)], Now));

    [Fact]
    public void The_window_is_counted_in_London_dates_not_hours()
    {
        // 90 days ago, just after midnight London time: earlier in the day than now, but the same date, so it counts.
        var early = new DateTimeOffset(2026, 8, 25, 0, 5, 0, TimeSpan.FromHours(1));

        Assert.True(EarlyHelpEpisode.ConcernsRemain(false, [new RecentConcern(early, ConcernTheme.DomesticAbuse)], Now));
        Assert.False(EarlyHelpEpisode.ConcernsRemain(false, [new RecentConcern(early.AddMinutes(-10), ConcernTheme.DomesticAbuse)], Now));
    }

    [Fact]
    public void A_recent_entry_without_concern_themes_does_not_count() =>
        Assert.False(EarlyHelpEpisode.ConcernsRemain(false, [DaysAgo(1, ConcernTheme.None)], Now));

    [Fact]
    public void Any_theme_counts() =>
        Assert.True(EarlyHelpEpisode.ConcernsRemain(false, [DaysAgo(120), DaysAgo(10, ConcernTheme.Education | ConcernTheme.Missing)], Now));

    [Fact]
    public void The_query_window_reaches_back_at_least_as_far_as_the_rule() =>
        Assert.True(EarlyHelpEpisode.ConcernWindowStart(Now) <= Now.AddDays(-EarlyHelpEpisode.ConcernWindowDays - 1));
}
