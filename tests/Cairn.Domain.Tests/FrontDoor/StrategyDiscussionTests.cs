using Cairn.Domain.Agencies;
using Cairn.Domain.Escalation;
using Cairn.Domain.FrontDoor;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;

namespace Cairn.Domain.Tests.FrontDoor;

public class StrategyDiscussionTests
{
    private static readonly PersonId Child = PersonId.New();
    private static readonly ContactId FromContact = ContactId.New();
    private static readonly ProfessionalId SocialWorker = ProfessionalId.New();

    // Monday 23 November 2026, 10:00: the discussion is due by the close of Tuesday.
    private static readonly DateTimeOffset Monday = At(2026, 11, 23, 10, 0);
    private const string Agreed = "Section 47 enquiry: joint visit today by social worker and police; GP to share records.";

    private static readonly StrategyAttendee SocialCare = new("Alex Social Worker", AgencyKind.ChildrensSocialCare, "Team manager", SocialWorker);
    private static readonly StrategyAttendee Officer = new("DC Jordan Example", AgencyKind.Police, "Child protection investigator", null);
    private static readonly StrategyAttendee Gp = new("Dr Robin Example", AgencyKind.GeneralPractice, "Named GP for safeguarding", null);

    private static StrategyDiscussion Required(DateTimeOffset? at = null) => StrategyDiscussion.Require(Child, FromContact, at ?? Monday, Calendar);

    private static Refusal? Record(StrategyDiscussion discussion, IReadOnlyList<StrategyAttendee>? attendees = null, DateTimeOffset? heldAt = null, bool? s47 = true,
        string? decision = Agreed, bool byPhone = true, int? version = null, DateTimeOffset? now = null) =>
        discussion.Record(heldAt ?? discussion.RequiredAt.AddHours(2), byPhone, attendees ?? [SocialCare, Officer, Gp], s47, decision, SocialWorker,
            version ?? discussion.Version, now ?? discussion.RequiredAt.AddHours(3));

    private static StrategyDiscussion Held(DateTimeOffset heldAt, bool s47 = true)
    {
        var discussion = Required(heldAt.AddHours(-1));
        Assert.Null(Record(discussion, heldAt: heldAt, s47: s47, now: heldAt.AddHours(1)));
        return discussion;
    }

    // ---- The area's timescale (L17) ----

    [Fact]
    public void By_default_a_discussion_is_due_by_the_close_of_the_next_working_day_and_an_area_may_allow_up_to_five()
    {
        Assert.Equal(At(2026, 11, 24, 17, 0), Required().DueAt);
        // Three working days from Monday 10:00 is Thursday at the close.
        Assert.Equal(At(2026, 11, 26, 17, 0), StrategyDiscussion.Require(Child, FromContact, Monday, Calendar, 3).DueAt);
        Assert.Equal(Calendar.AddWorkingDays(Monday, 5), StrategyDiscussion.Require(Child, FromContact, Monday, Calendar, 5).DueAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void A_timescale_outside_one_to_five_working_days_is_refused(int? days)
    {
        Assert.Equal("StrategyDiscussionWorkingDays", Assert.Single(StrategyDiscussion.CheckDueWorkingDays(days)!.Errors).Field);
        if (days is { } set)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => StrategyDiscussion.Require(Child, FromContact, Monday, Calendar, set));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void One_to_five_working_days_can_be_saved(int days) => Assert.Null(StrategyDiscussion.CheckDueWorkingDays(days));

    // ---- Escalating when overdue (L16, L17) ----

    [Fact]
    public void An_overdue_discussion_climbs_one_rung_at_the_due_time_and_the_next_rung_only_when_that_falls_due()
    {
        var discussion = Required();
        var due = discussion.DueAt; // Tuesday 17:00

        Assert.Null(discussion.Sweep(due.AddMinutes(-1), EscalationLadder.Default, Calendar));
        Assert.Equal((0, 1), (discussion.EscalationLevel, discussion.Version));

        var first = discussion.Sweep(due, EscalationLadder.Default, Calendar);
        Assert.Equal((1, EscalationAudience.SenderAndRecipientManager), (first!.Level, first.Audience));
        // Four working hours after Tuesday 17:00 is Wednesday 13:00.
        Assert.Equal(At(2026, 11, 25, 13, 0), discussion.NextEscalationAt);
        Assert.Null(discussion.Sweep(due.AddHours(1), EscalationLadder.Default, Calendar));
        Assert.Null(discussion.Sweep(At(2026, 11, 25, 12, 59), EscalationLadder.Default, Calendar));

        var second = discussion.Sweep(At(2026, 11, 25, 13, 0), EscalationLadder.Default, Calendar);
        Assert.Equal((2, EscalationAudience.SafeguardingLead), (second!.Level, second.Audience));
        Assert.Equal(2, discussion.EscalationLevel);
        Assert.Null(discussion.Sweep(At(2026, 11, 25, 13, 1), EscalationLadder.Default, Calendar));
    }

    [Fact]
    public void The_top_rung_is_the_last_and_the_sweep_then_stops_looking()
    {
        var discussion = Required();
        var now = discussion.DueAt;
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(discussion.Sweep(now, EscalationLadder.Default, Calendar));
            now = discussion.NextEscalationAt ?? now;
        }

        Assert.Equal(3, discussion.EscalationLevel);
        Assert.Null(discussion.NextEscalationAt);
        Assert.Null(discussion.Sweep(now.AddDays(10), EscalationLadder.Default, Calendar));
    }

    [Fact]
    public void A_held_discussion_never_escalates()
    {
        var discussion = Required();
        Assert.Null(Record(discussion));

        Assert.Null(discussion.NextEscalationAt);
        Assert.Null(discussion.Sweep(discussion.DueAt.AddDays(3), EscalationLadder.Default, Calendar));
        Assert.Equal(0, discussion.EscalationLevel);
    }

    // ---- Requiring ----

    [Fact]
    public void A_discussion_is_due_within_one_working_day()
    {
        var discussion = Required();

        Assert.Equal(At(2026, 11, 24, 17, 0), discussion.DueAt);
        Assert.Equal((StrategyDiscussionStatus.Required, 1, Monday, Child, FromContact), (discussion.Status, discussion.Version, discussion.RequiredAt, discussion.ChildId, discussion.ContactId));
        Assert.False(discussion.IsOverdue(At(2026, 11, 24, 16, 59)));
        Assert.True(discussion.IsOverdue(At(2026, 11, 24, 17, 0)));
    }

    [Fact]
    public void A_discussion_required_Friday_1655_before_a_bank_holiday_is_due_Tuesday_at_close()
    {
        Assert.Equal(At(2026, 9, 1, 17, 0), Required(At(2026, 8, 28, 16, 55)).DueAt);
    }

    // ---- Recording ----

    [Fact]
    public void A_discussion_by_phone_with_social_care_police_and_health_is_recorded()
    {
        var discussion = Required();
        var heldAt = At(2026, 11, 23, 14, 0);
        var now = At(2026, 11, 23, 15, 0);
        var attendees = new[] { SocialCare with { Name = "  Alex Social Worker ", Role = " Team manager " }, Officer, Gp, new StrategyAttendee(" ", AgencyKind.School, "DSL", null) };

        var refusal = discussion.Record(heldAt, true, attendees, true, "  " + Agreed + "  ", SocialWorker, 1, now);

        Assert.Null(refusal);
        Assert.Equal(StrategyDiscussionStatus.Held, discussion.Status);
        Assert.Equal((heldAt, true, true, Agreed), (discussion.HeldAt!.Value, discussion.ByPhone, discussion.StartSection47!.Value, discussion.Decision));
        Assert.Equal((SocialWorker, now, 2), (discussion.RecordedBy!.Value, discussion.RecordedAt!.Value, discussion.Version));
        Assert.Equal([SocialCare, Officer, Gp], discussion.Attendees);
        Assert.False(discussion.IsOverdue(At(2026, 11, 30, 10, 0)));
    }

    [Fact]
    public void A_discussion_held_in_person_deciding_no_enquiry_is_recorded()
    {
        var discussion = Required();

        Assert.Null(Record(discussion, s47: false, byPhone: false));
        Assert.False(discussion.ByPhone);
        Assert.False(discussion.StartSection47);
    }

    [Theory]
    [InlineData(AgencyKind.GeneralPractice)]
    [InlineData(AgencyKind.HealthVisiting)]
    [InlineData(AgencyKind.Midwifery)]
    [InlineData(AgencyKind.Hospital)]
    [InlineData(AgencyKind.Camhs)]
    public void Any_health_agency_counts_for_health(AgencyKind health)
    {
        Assert.Null(Record(Required(), [SocialCare, Officer, Gp with { Agency = health }]));
    }

    [Theory]
    [InlineData(AgencyKind.ChildrensSocialCare, "children's social care")]
    [InlineData(AgencyKind.Police, "police")]
    [InlineData(AgencyKind.GeneralPractice, "health")]
    public void Each_missing_required_agency_is_named(AgencyKind missing, string named)
    {
        var attendees = new[] { SocialCare, Officer, Gp }.Where(a => a.Agency != missing).Append(new StrategyAttendee("Sam Teacher", AgencyKind.School, "DSL", null)).ToList();
        var discussion = Required();

        var refusal = Record(discussion, attendees);

        var error = Assert.Single(refusal!.Errors);
        Assert.Equal("Attendees", error.Field);
        Assert.Equal($"A strategy discussion needs someone from {named}. Add who took part for {named}.", error.Message);
        Assert.Equal(StrategyDiscussionStatus.Required, discussion.Status);
        Assert.Empty(discussion.Attendees);
    }

    [Fact]
    public void With_nobody_there_every_required_agency_is_named_in_its_own_error()
    {
        var refusal = Record(Required(), []);

        var messages = refusal!.Errors.Where(e => e.Field == "Attendees").Select(e => e.Message).ToList();
        Assert.Equal(3, messages.Count);
        Assert.Contains("someone from children's social care", messages[0], StringComparison.Ordinal);
        Assert.Contains("someone from police", messages[1], StringComparison.Ordinal);
        Assert.Contains("someone from health", messages[2], StringComparison.Ordinal);
    }

    [Fact]
    public void An_attendee_without_a_name_does_not_count()
    {
        var refusal = Record(Required(), [SocialCare, Officer with { Name = "  " }, Gp]);

        Assert.Contains("police", Assert.Single(refusal!.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_it_was_held_is_required_and_cannot_be_in_the_future()
    {
        var discussion = Required();
        var now = At(2026, 11, 23, 15, 0);

        Assert.Equal(new HashSet<string> { "HeldAt" }, Fields(discussion.Record(null, true, [SocialCare, Officer, Gp], true, Agreed, SocialWorker, 1, now)));
        Assert.Equal(new HashSet<string> { "HeldAt" }, Fields(Record(discussion, heldAt: now.AddMinutes(6), now: now)));
        Assert.Null(Record(discussion, heldAt: now.AddMinutes(5), now: now));
    }

    [Fact]
    public void It_cannot_have_been_held_more_than_a_day_before_it_was_required()
    {
        Assert.Equal(new HashSet<string> { "HeldAt" }, Fields(Record(Required(), heldAt: Monday.AddDays(-1).AddMinutes(-1))));
        Assert.Null(Record(Required(), heldAt: Monday.AddDays(-1)));
    }

    [Fact]
    public void The_section_47_decision_is_required()
    {
        Assert.Equal(new HashSet<string> { "StartSection47" }, Fields(Record(Required(), s47: null)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("Joint visit agreed")] // 18 characters
    [InlineData("  S47: joint visit ok  ")] // 19 once trimmed
    public void What_was_agreed_needs_at_least_20_characters(string? decision)
    {
        Assert.Equal(new HashSet<string> { "Decision" }, Fields(Record(Required(), decision: decision)));
    }

    [Fact]
    public void A_stale_version_is_refused()
    {
        var discussion = Required();

        Assert.Equal(new HashSet<string> { "Version" }, Fields(Record(discussion, version: 2)));
        Assert.Equal(StrategyDiscussionStatus.Required, discussion.Status);
    }

    [Fact]
    public void A_discussion_cannot_be_recorded_twice()
    {
        var discussion = Required();
        Assert.Null(Record(discussion));

        var refusal = Record(discussion, s47: false, decision: "No enquiry after all: family moved away.");

        Assert.Equal(new HashSet<string> { "StrategyDiscussion" }, Fields(refusal));
        Assert.True(discussion.StartSection47);
        Assert.Equal(Agreed, discussion.Decision);
        Assert.Equal(3, discussion.Attendees.Count);
    }

    // ---- The section 47 guard ----

    private static readonly DateOnly Starting = new(2026, 11, 23);

    [Fact]
    public void A_section_47_cannot_start_without_a_strategy_discussion()
    {
        Assert.Equal(new HashSet<string> { "Kind" }, Fields(StrategyDiscussion.AllowsSection47([], Starting)));
    }

    [Fact]
    public void A_section_47_cannot_start_when_the_discussion_decided_against_one()
    {
        Assert.NotNull(StrategyDiscussion.AllowsSection47([Held(At(2026, 11, 23, 9, 30), s47: false)], Starting));
    }

    [Fact]
    public void A_section_47_cannot_start_on_a_discussion_not_yet_held()
    {
        Assert.Equal(new HashSet<string> { "Kind" }, Fields(StrategyDiscussion.AllowsSection47([Required(At(2026, 11, 20, 10, 0))], Starting)));
    }

    [Fact]
    public void A_section_47_cannot_start_on_a_discussion_held_more_than_30_days_before()
    {
        Assert.Equal(new HashSet<string> { "Kind" }, Fields(StrategyDiscussion.AllowsSection47([Held(At(2026, 10, 23, 12, 0))], Starting)));
    }

    [Fact]
    public void A_section_47_can_start_after_a_held_discussion_that_decided_on_one()
    {
        Assert.Null(StrategyDiscussion.AllowsSection47([Held(At(2026, 11, 23, 9, 30))], Starting));
        Assert.Null(StrategyDiscussion.AllowsSection47([Held(At(2026, 11, 20, 16, 0))], Starting));
        // 30 days before is still within the window.
        Assert.Null(StrategyDiscussion.AllowsSection47([Held(At(2026, 10, 24, 12, 0))], Starting));
    }

    [Fact]
    public void One_discussion_deciding_on_an_enquiry_is_enough_among_others()
    {
        var discussions = new[] { Held(At(2026, 11, 2, 11, 0), s47: false), Required(At(2026, 11, 20, 10, 0)), Held(At(2026, 11, 20, 15, 0)) };

        Assert.Null(StrategyDiscussion.AllowsSection47(discussions, Starting));
    }

    [Fact]
    public void The_window_can_be_set()
    {
        var discussion = Held(At(2026, 11, 13, 12, 0));

        Assert.Null(StrategyDiscussion.AllowsSection47([discussion], Starting, withinDays: 10));
        Assert.NotNull(StrategyDiscussion.AllowsSection47([discussion], Starting, withinDays: 9));
    }

    [Fact]
    public void A_discussion_held_just_after_midnight_London_time_30_days_before_counts()
    {
        // Held 00:30 BST on Saturday 24 October 2026 (23:30 UTC on the 23rd); the enquiry starts on 23 November, 30 days later.
        var discussion = Held(At(2026, 10, 24, 0, 30));

        Assert.Null(StrategyDiscussion.AllowsSection47([discussion], Starting));
    }
}
