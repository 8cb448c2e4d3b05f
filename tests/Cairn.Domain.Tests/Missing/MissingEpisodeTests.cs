using Cairn.Domain.Escalation;
using Cairn.Domain.Missing;
using Cairn.Domain.Tests.Casework;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Missing;

/// <summary>
/// Missing episodes (L43): implausible times are refused, a return starts the 72-hour clock for offering an independent return
/// home interview (T18), an offer stops it, and a miss climbs the escalation ladder one rung per sweep.
/// </summary>
public sealed class MissingEpisodeTests
{
    private static readonly WorkingCalendar Calendar = new([]);
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Born = new(2012, 5, 1);
    private static readonly ProfessionalId Worker = ProfessionalId.New();

    private static Outcome<MissingEpisode> Start(DateTimeOffset? startedAt, DateTimeOffset? endedAt = null, MissingFrom? from = MissingFrom.Placement,
        string? reportedBy = "Carer", string? context = null, bool alreadyMissing = false) =>
        MissingEpisode.Start(PersonId.New(), Born, from, startedAt, reportedBy, context, endedAt, null, alreadyMissing, Worker, Now);

    private static MissingEpisode Returned(int hoursAgo = 1)
    {
        var episode = Start(Now.AddHours(-hoursAgo - 5)).Value!;
        Assert.Null(episode.End(Now.AddHours(-hoursAgo), "At a friend's house", episode.Version, Now));
        return episode;
    }

    [Fact]
    public void The_return_interview_clock_is_T18s_72_hours()
    {
        Assert.Equal(("72", "hours"), StatutoryTimescalesTests.Published["T18"]);
        Assert.Equal(72, MissingEpisode.ReturnInterviewHours);
        Assert.Equal(Now.AddHours(-1).AddHours(72), Returned().InterviewDueAt);
    }

    public static TheoryData<string, int?, int?, MissingFrom?, string?, bool, string?> Starts => new()
    {
        // case, start (hours from now), end (hours from now), from, reported by, already missing, field refused (null: accepted)
        { "a start an hour ago", -1, null, MissingFrom.Home, "Parent", false, null },
        { "a start and return together", -30, -2, MissingFrom.Placement, "Police", false, null },
        { "a start in the future", 1, null, MissingFrom.Home, "Parent", false, "StartedAt" },
        { "a start before the child was born", -24 * 365 * 20, null, MissingFrom.Home, "Parent", false, "StartedAt" },
        { "no start", null, null, MissingFrom.Home, "Parent", false, "StartedAt" },
        { "no place missing from", -1, null, null, "Parent", false, "From" },
        { "a place not known", -1, null, (MissingFrom)9, "Parent", false, "From" },
        { "no one reporting", -1, null, MissingFrom.Home, " ", false, "ReportedBy" },
        { "a reporter too long", -1, null, MissingFrom.Home, new string('x', 201), false, "ReportedBy" },
        { "a second open episode", -1, null, MissingFrom.Home, "Parent", true, "StartedAt" },
        { "a return before the start", -1, -2, MissingFrom.Home, "Parent", false, "EndedAt" },
        { "a return in the future", -1, 2, MissingFrom.Home, "Parent", false, "EndedAt" },
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public void A_start_is_refused_when_implausible(string @case, int? startHours, int? endHours, MissingFrom? from, string? reportedBy,
        bool alreadyMissing, string? refused)
    {
        var outcome = Start(startHours is { } s ? Now.AddHours(s) : null, endHours is { } e ? Now.AddHours(e) : null, from, reportedBy,
            alreadyMissing: alreadyMissing);

        Assert.True(refused is null == outcome.Succeeded, @case);
        if (refused is not null)
        {
            Assert.Contains(outcome.Refusal!.Errors, x => x.Field == refused);
        }
        else
        {
            Assert.Equal(endHours is null, outcome.Value!.IsMissing);
            Assert.Equal(endHours is null ? null : Now.AddHours(endHours.Value + 72), outcome.Value.InterviewDueAt);
        }
    }

    public static TheoryData<string, int?, int, string?> Ends => new()
    {
        // case, end (hours from now), version sent, field refused (null: accepted)
        { "a return now", 0, 1, null },
        { "a return an hour after the start", -4, 1, null },
        { "no return time", null, 1, "EndedAt" },
        { "a return before the start", -6, 1, "EndedAt" },
        { "a return in the future", 1, 1, "EndedAt" },
        { "a stale version", 0, 0, Refusal.VersionField },
    };

    [Theory]
    [MemberData(nameof(Ends))]
    public void A_return_is_refused_when_implausible_or_stale(string @case, int? endHours, int version, string? refused)
    {
        var episode = Start(Now.AddHours(-5)).Value!;

        var refusal = episode.End(endHours is { } h ? Now.AddHours(h) : null, "Home", version, Now);

        Assert.True(refused is null == refusal is null, @case);
        Assert.Equal(refused is null, !episode.IsMissing);
        Assert.Equal(refused is null ? 2 : 1, episode.Version);
        if (refused is not null)
        {
            Assert.Contains(refusal!.Errors, x => x.Field == refused);
            Assert.Null(episode.NextEscalationAt);
        }
    }

    [Fact]
    public void A_second_return_is_refused()
    {
        var episode = Returned();

        Assert.Equal("EndedAt", episode.End(Now, null, episode.Version, Now)!.Errors[0].Field);
    }

    public static TheoryData<string, bool, int?, string?, int, string?> Offers => new()
    {
        // case, returned, offered (hours from now), by, version sent (offset from current), field refused (null: accepted)
        { "an offer after the return", true, 0, "Return interview service", 0, null },
        { "an offer while still missing", false, 0, "Return interview service", 0, "OfferedAt" },
        { "an offer before the return", true, -3, "Return interview service", 0, "OfferedAt" },
        { "an offer in the future", true, 1, "Return interview service", 0, "OfferedAt" },
        { "an offer with no time", true, null, "Return interview service", 0, "OfferedAt" },
        { "an offer by no one", true, 0, "", 0, "OfferedBy" },
        { "a stale offer", true, 0, "Return interview service", -1, Refusal.VersionField },
    };

    [Theory]
    [MemberData(nameof(Offers))]
    public void An_offer_is_refused_unless_after_the_return_and_not_in_the_future(string @case, bool returned, int? offeredHours, string? by,
        int versionOffset, string? refused)
    {
        var episode = returned ? Returned(hoursAgo: 2) : Start(Now.AddHours(-5)).Value!;

        var refusal = episode.OfferInterview(offeredHours is { } h ? Now.AddHours(h) : null, by, episode.Version + versionOffset, Now);

        Assert.True(refused is null == refusal is null, @case);
        Assert.Equal(refused is null, episode.InterviewOfferedAt is not null);
        if (refused is not null)
        {
            Assert.Contains(refusal!.Errors, x => x.Field == refused);
        }
        else
        {
            Assert.Null(episode.NextEscalationAt);
        }
    }

    public static TheoryData<string, bool, ReturnInterviewAnswer?, int?, string?, string?> Outcomes => new()
    {
        // case, offered, answer, held (days from today), summary, field refused (null: accepted)
        { "accepted, not yet held", true, ReturnInterviewAnswer.Accepted, null, null, null },
        { "accepted and held today", true, ReturnInterviewAnswer.Accepted, 0, "Talked about the friends they stay with", null },
        { "declined", true, ReturnInterviewAnswer.Declined, null, null, null },
        { "declined with a date held", true, ReturnInterviewAnswer.Declined, 0, null, "HeldOn" },
        { "held in the future", true, ReturnInterviewAnswer.Accepted, 1, null, "HeldOn" },
        { "held before the offer", true, ReturnInterviewAnswer.Accepted, -3, null, "HeldOn" },
        { "a summary with no date held", true, ReturnInterviewAnswer.Accepted, null, "A summary", "HeldOn" },
        { "a summary too long", true, ReturnInterviewAnswer.Accepted, 0, new string('x', 1001), "Summary" },
        { "no answer", true, null, null, null, "Answer" },
        { "not yet offered", false, ReturnInterviewAnswer.Accepted, null, null, "Answer" },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void An_outcome_needs_an_offer_and_a_plausible_date_held(string @case, bool offered, ReturnInterviewAnswer? answer, int? heldDays,
        string? summary, string? refused)
    {
        var episode = Returned(hoursAgo: 2);
        if (offered)
        {
            Assert.Null(episode.OfferInterview(Now.AddHours(-1), "Return interview service", episode.Version, Now));
        }

        var refusal = episode.RecordInterviewOutcome(answer, heldDays is { } d ? Now.InLondon().AddDays(d) : null, summary, episode.Version, Now);

        Assert.True(refused is null == refusal is null, @case);
        Assert.Equal(refused is null ? answer : null, episode.InterviewAnswer);
        if (refused is not null)
        {
            Assert.Contains(refusal!.Errors, x => x.Field == refused);
        }
    }

    [Fact]
    public void A_return_not_offered_an_interview_in_72_hours_is_marked_overdue_and_climbs_one_rung_per_sweep()
    {
        var episode = Returned(hoursAgo: 0);
        var due = episode.InterviewDueAt!.Value;

        Assert.Null(episode.Sweep(due.AddMinutes(-1), EscalationLadder.Default, Calendar));
        Assert.False(episode.InterviewOverdue);
        Assert.False(episode.InterviewLateAt(due));
        Assert.True(episode.InterviewLateAt(due.AddMinutes(1)));

        var first = episode.Sweep(due.AddMinutes(1), EscalationLadder.Default, Calendar);
        var again = episode.Sweep(due.AddMinutes(2), EscalationLadder.Default, Calendar);

        Assert.Equal((1, EscalationAudience.SenderAndRecipientManager, due), (first!.Level, first.Audience, first.DueAt));
        Assert.Null(again);
        Assert.True(episode.InterviewOverdue);
        var second = episode.Sweep(episode.NextEscalationAt!.Value, EscalationLadder.Default, Calendar);
        Assert.Equal((2, EscalationAudience.SafeguardingLead), (second!.Level, second.Audience));
    }

    [Fact]
    public void An_offer_in_time_is_never_escalated_and_a_late_offer_stops_the_ladder_but_stays_marked_overdue()
    {
        var inTime = Returned(hoursAgo: 0);
        Assert.Null(inTime.OfferInterview(Now, "Return interview service", inTime.Version, Now));
        var late = Returned(hoursAgo: 0);
        var due = late.InterviewDueAt!.Value;
        Assert.NotNull(late.Sweep(due.AddMinutes(1), EscalationLadder.Default, Calendar));

        Assert.Null(late.OfferInterview(due.AddHours(1), "Return interview service", late.Version, due.AddHours(1)));

        Assert.Null(inTime.Sweep(due.AddDays(30), EscalationLadder.Default, Calendar));
        Assert.False(inTime.InterviewOverdue);
        Assert.Null(late.Sweep(due.AddDays(30), EscalationLadder.Default, Calendar));
        Assert.Equal((1, true, null), (late.EscalationLevel, late.InterviewOverdue, late.NextEscalationAt));
    }

    [Fact]
    public void A_child_still_missing_is_never_swept_for_an_interview()
    {
        var episode = Start(Now.AddDays(-10)).Value!;

        Assert.Null(episode.Sweep(Now.AddDays(30), EscalationLadder.Default, Calendar));
        Assert.False(episode.InterviewOverdue);
    }

    public static TheoryData<string, int[], int?, int, bool> Counts => new()
    {
        // case, days ago each closed episode started, days ago the open one started (null: none), count, missing now
        { "none", [], null, 0, false },
        { "two this year, one older", [10, 200, 400], null, 2, false },
        { "missing now since long ago", [30], 500, 2, true },
        { "exactly 12 months ago counts", [365], null, 1, false },
    };

    [Theory]
    [MemberData(nameof(Counts))]
    public void Counts_are_the_last_12_months_and_the_current_episode(string @case, int[] closed, int? open, int count, bool missingNow)
    {
        var now = new DateTimeOffset(2027, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var episodes = closed.Select(d => (MissingEpisodeId.New(), now.AddDays(-d), (DateTimeOffset?)now.AddDays(-d + 1))).ToList();
        var openId = MissingEpisodeId.New();
        if (open is { } o)
        {
            episodes.Add((openId, now.AddDays(-o), null));
        }

        var counts = MissingCounts.Of(episodes, now);

        Assert.Equal(count, counts.InLast12Months);
        Assert.Equal(missingNow ? openId : null, counts.CurrentEpisode);
        Assert.Equal(missingNow ? now.AddDays(-open!.Value) : null, counts.MissingSince);
        Assert.True(@case.Length > 0);
    }

    public static TheoryData<string, string, string, string?, bool> Periods => new()
    {
        // case, started (UTC), period from, period to (null: ongoing), counted
        { "inside", "2026-06-10T12:00:00Z", "2026-06-01", "2026-06-30", true },
        { "on the first day", "2026-05-31T23:30:00Z", "2026-06-01", "2026-06-30", true },
        { "just after midnight in London after the last day", "2026-06-30T23:30:00Z", "2026-06-01", "2026-06-30", false },
        { "before", "2026-05-31T12:00:00Z", "2026-06-01", null, false },
        { "ongoing placement", "2027-01-01T12:00:00Z", "2026-06-01", null, true },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void An_episode_counts_for_a_placement_when_it_started_during_it_by_the_London_date(string @case, string started, string from,
        string? to, bool counted)
    {
        var at = DateTimeOffset.Parse(started, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(counted == MissingCounts.During(at, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), @case);
    }
}
