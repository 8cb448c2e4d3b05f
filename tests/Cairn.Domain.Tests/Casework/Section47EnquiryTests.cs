using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.FrontDoor;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;

namespace Cairn.Domain.Tests.Casework;

/// <summary>The section 47 enquiry's rules (L17, L20): how it starts, what its outcome must say, who authorises it, and the legal status.</summary>
public sealed class Section47EnquiryTests
{
    private static readonly PersonId Child = PersonId.New();
    private static readonly ProfessionalId SocialWorker = ProfessionalId.New();
    private static readonly ProfessionalId Manager = ProfessionalId.New();
    private static readonly ProfessionalId OtherManager = ProfessionalId.New();

    // Held on Monday 23 November 2026 at 11:00 (London); the enquiry's outcome comes a week later.
    private static readonly DateTimeOffset HeldAt = At(2026, 11, 23, 11, 0);
    private static readonly DateTimeOffset Now = At(2026, 11, 23, 14, 0);
    private static readonly DateTimeOffset WeekLater = At(2026, 11, 30, 10, 0);
    private static readonly DateOnly OutcomeDay = new(2026, 11, 30);
    private const string Reasons = "Joint visit with the police; the child's account was consistent and the medical found no injury.";

    private static StrategyDiscussion Discussion(bool held = true, bool s47 = true, DateTimeOffset? heldAt = null)
    {
        var at = heldAt ?? HeldAt;
        var discussion = StrategyDiscussion.Require(Child, ContactId.New(), at.AddHours(-2), Calendar);
        if (held)
        {
            StrategyAttendee[] attendees =
            [
                new("A Social Worker", AgencyKind.ChildrensSocialCare, "Social worker", SocialWorker),
                new("DC Example", AgencyKind.Police, "Detective constable", null),
                new("Dr Example", AgencyKind.GeneralPractice, "GP", null),
            ];
            Assert.Null(discussion.Record(at, true, attendees, s47, "Section 47 enquiry: joint visit today with the police.", SocialWorker,
                discussion.Version, at.AddMinutes(30)));
        }

        return discussion;
    }

    private static Outcome<Section47Enquiry> Start(StrategyDiscussion? discussion = null, bool alreadyStarted = false, ProfessionalId? lead = null,
        bool leadIsSocialWorker = true, string? police = "Joint visit with DC Example", string? health = "Child protection medical today",
        DateTimeOffset? now = null) =>
        Section47Enquiry.Start(discussion ?? Discussion(), alreadyStarted, lead ?? SocialWorker, leadIsSocialWorker, police, health, SocialWorker,
            now ?? Now);

    private static Section47Enquiry Started() => Start().Value!;

    private static Section47Enquiry WithOutcome(Section47Outcome outcome = Section47Outcome.NotSubstantiated, ProfessionalId? by = null)
    {
        var enquiry = Started();
        Assert.Null(enquiry.RecordOutcome(outcome, OutcomeDay, Reasons,
            outcome == Section47Outcome.SubstantiatedAtContinuingRisk ? OutcomeDay : null, by ?? SocialWorker, enquiry.Version, WeekLater));
        return enquiry;
    }

    private static Section47Enquiry Completed(Section47Outcome outcome)
    {
        var enquiry = WithOutcome(outcome);
        Assert.Null(enquiry.Authorise(Manager, enquiry.Version, WeekLater.AddHours(1)));
        return enquiry;
    }

    // ---- Starting (L17) ----

    [Fact]
    public void An_enquiry_starts_from_a_held_discussion_that_decided_on_one_for_its_child_on_the_day_it_was_held()
    {
        var enquiry = Started();

        Assert.Equal((Child, Section47Status.Open, new DateOnly(2026, 11, 23), SocialWorker, 1),
            (enquiry.ChildId, enquiry.Status, enquiry.StartedOn, enquiry.LeadSocialWorkerId, enquiry.Version));
        Assert.Equal(("Joint visit with DC Example", "Child protection medical today"), (enquiry.PoliceRole, enquiry.HealthRole));
        Assert.Equal(Section47EventKind.Started, Assert.Single(enquiry.Events).Kind);
        Assert.True(enquiry.IsOpen);
        Assert.False(enquiry.ConferenceRequired);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void An_enquiry_cannot_start_from_a_discussion_not_held_or_that_decided_against_one(bool held, bool s47)
    {
        var refused = Start(Discussion(held, s47)).Refusal;

        Assert.Equal("StrategyDiscussionId", Assert.Single(refused!.Errors).Field);
        Assert.Equal(RefusalKind.Invalid, refused.Kind);
    }

    [Fact]
    public void A_second_enquiry_from_the_same_discussion_is_a_conflict()
    {
        var refused = Start(alreadyStarted: true).Refusal;

        Assert.True(refused!.IsConflict);
        Assert.Same(Section47Enquiry.AlreadyStarted.Errors[0].Message, refused.Errors[0].Message);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void A_discussion_held_more_than_30_days_ago_is_too_old_to_start_from(int daysAgo, bool allowed)
    {
        var refused = Start(now: HeldAt.AddDays(daysAgo)).Refusal;

        Assert.Equal(allowed, refused is null);
        if (!allowed)
        {
            Assert.Contains("StrategyDiscussionId", Fields(refused));
        }
    }

    [Fact]
    public void The_lead_must_be_named_and_a_social_worker_and_the_roles_not_too_long()
    {
        var tooLong = new string('x', Section47Enquiry.MaxRoleLength + 1);

        Assert.Equal(["LeadSocialWorkerId"], Fields(Section47Enquiry.Start(Discussion(), false, null, true, null, null, SocialWorker, Now).Refusal));
        Assert.Equal(["LeadSocialWorkerId", "PoliceRole", "HealthRole"], Fields(Start(leadIsSocialWorker: false, police: tooLong, health: tooLong).Refusal));
    }

    [Fact]
    public void Roles_may_be_left_blank_at_the_start_and_blank_text_is_not_kept()
    {
        var enquiry = Start(police: "  ", health: null).Value!;

        Assert.Equal((null, null), (enquiry.PoliceRole, enquiry.HealthRole));
    }

    // ---- Roles ----

    [Fact]
    public void Roles_are_recorded_while_open_with_the_version_read()
    {
        var enquiry = Started();
        var newLead = ProfessionalId.New();

        Assert.True(enquiry.RecordRoles(newLead, true, "No police role", "GP records shared", SocialWorker, 7, Now)!.IsConflict);
        Assert.Null(enquiry.RecordRoles(newLead, true, "No police role: no crime suspected", "GP records shared", SocialWorker, 1, Now));

        Assert.Equal((newLead, "No police role: no crime suspected", 2), (enquiry.LeadSocialWorkerId, enquiry.PoliceRole, enquiry.Version));
        Assert.Equal(Section47EventKind.RolesRecorded, enquiry.Events[^1].Kind);
        Assert.Equal(["LeadSocialWorkerId"], Fields(enquiry.RecordRoles(newLead, false, null, null, SocialWorker, 2, Now)));
    }

    [Fact]
    public void Roles_cannot_change_once_the_outcome_is_recorded()
    {
        var enquiry = WithOutcome();

        Assert.Equal(["Status"], Fields(enquiry.RecordRoles(SocialWorker, true, null, null, SocialWorker, enquiry.Version, WeekLater)));
    }

    // ---- The outcome (L20) ----

    [Fact]
    public void An_outcome_needs_its_kind_day_and_reasons()
    {
        var enquiry = Started();

        Assert.Equal(["Outcome", "OutcomeOn", "OutcomeReasons"], Fields(enquiry.RecordOutcome(null, null, "Too short", null, SocialWorker, 1, WeekLater)));
        Assert.Equal(["Outcome"], Fields(enquiry.RecordOutcome((Section47Outcome)9, OutcomeDay, Reasons, null, SocialWorker, 1, WeekLater)));
        Assert.Equal(["OutcomeReasons"], Fields(enquiry.RecordOutcome(Section47Outcome.NotSubstantiated, OutcomeDay,
            new string('x', Section47Enquiry.MaxReasonsLength + 1), null, SocialWorker, 1, WeekLater)));
        Assert.Equal((Section47Status.Open, 1), (enquiry.Status, enquiry.Version));
    }

    [Theory]
    [InlineData(1)] // the future
    [InlineData(-8)] // before the enquiry started
    [InlineData(-800)] // more than two years ago
    public void An_implausible_outcome_day_is_refused(int offset)
    {
        var enquiry = Started();

        var refused = enquiry.RecordOutcome(Section47Outcome.NotSubstantiated, OutcomeDay.AddDays(offset), Reasons, null, SocialWorker, 1, WeekLater);

        Assert.Contains("OutcomeOn", Fields(refused));
        Assert.Equal(Section47Status.Open, enquiry.Status);
    }

    [Fact]
    public void A_continuing_risk_needs_the_day_the_conference_was_decided_on_no_earlier_than_the_outcome_and_not_in_the_future()
    {
        var enquiry = Started();
        const Section47Outcome risk = Section47Outcome.SubstantiatedAtContinuingRisk;

        Assert.Equal(["ConferenceDecidedOn"], Fields(enquiry.RecordOutcome(risk, OutcomeDay, Reasons, null, SocialWorker, 1, WeekLater)));
        Assert.Equal(["ConferenceDecidedOn"], Fields(enquiry.RecordOutcome(risk, OutcomeDay, Reasons, OutcomeDay.AddDays(-1), SocialWorker, 1, WeekLater)));
        Assert.Equal(["ConferenceDecidedOn"], Fields(enquiry.RecordOutcome(risk, OutcomeDay, Reasons, OutcomeDay.AddDays(1), SocialWorker, 1, WeekLater)));
        Assert.Null(enquiry.RecordOutcome(risk, OutcomeDay, Reasons, OutcomeDay, SocialWorker, 1, WeekLater));

        Assert.Equal((Section47Status.OutcomeRecorded, risk, OutcomeDay, (ProfessionalId?)SocialWorker, 2),
            (enquiry.Status, enquiry.Outcome!.Value, enquiry.ConferenceDecidedOn!.Value, enquiry.OutcomeRecordedBy, enquiry.Version));
        Assert.True(enquiry.ConferenceRequired);
        Assert.Equal(Section47EventKind.OutcomeRecorded, enquiry.Events[^1].Kind);
    }

    [Theory]
    [InlineData(Section47Outcome.NotSubstantiated)]
    [InlineData(Section47Outcome.SubstantiatedNotAtContinuingRisk)]
    public void A_conference_day_without_a_continuing_risk_is_refused(Section47Outcome outcome)
    {
        var enquiry = Started();

        Assert.Equal(["ConferenceDecidedOn"], Fields(enquiry.RecordOutcome(outcome, OutcomeDay, Reasons, OutcomeDay, SocialWorker, 1, WeekLater)));
    }

    [Fact]
    public void An_outcome_is_recorded_once_and_with_the_version_read()
    {
        var stale = Started();
        Assert.True(stale.RecordOutcome(Section47Outcome.NotSubstantiated, OutcomeDay, Reasons, null, SocialWorker, 5, WeekLater)!.IsConflict);

        var enquiry = WithOutcome();
        Assert.Equal(["Outcome"], Fields(enquiry.RecordOutcome(Section47Outcome.NotSubstantiated, OutcomeDay, Reasons, null, SocialWorker,
            enquiry.Version, WeekLater)));
    }

    // ---- Authorising and returning (L20) ----

    [Fact]
    public void A_manager_authorises_the_outcome_and_the_enquiry_is_complete()
    {
        var enquiry = WithOutcome(Section47Outcome.SubstantiatedAtContinuingRisk);
        var at = WeekLater.AddHours(2);

        Assert.True(enquiry.Authorise(Manager, 1, at)!.IsConflict);
        Assert.Null(enquiry.Authorise(Manager, enquiry.Version, at));

        Assert.Equal((Section47Status.Completed, (ProfessionalId?)Manager, (DateTimeOffset?)at), (enquiry.Status, enquiry.AuthorisedBy, enquiry.AuthorisedAt));
        Assert.False(enquiry.IsOpen);
        Assert.True(enquiry.ConferenceRequired);
        Assert.Equal(Section47EventKind.OutcomeAuthorised, enquiry.Events[^1].Kind);
        Assert.Equal(["Status"], Fields(enquiry.Authorise(OtherManager, enquiry.Version, at)));
    }

    [Fact]
    public void Nothing_is_authorised_before_an_outcome_is_recorded()
    {
        var enquiry = Started();

        Assert.Equal(["Status"], Fields(enquiry.Authorise(Manager, enquiry.Version, WeekLater)));
        Assert.Equal(Section47Status.Open, enquiry.Status);
    }

    [Fact]
    public void The_one_who_recorded_the_outcome_cannot_authorise_it()
    {
        var enquiry = WithOutcome(by: Manager);

        var refused = enquiry.Authorise(Manager, enquiry.Version, WeekLater);

        Assert.Equal(RefusalKind.NotAllowed, refused!.Kind);
        Assert.Equal(Section47Status.OutcomeRecorded, enquiry.Status);
        Assert.Null(enquiry.Authorise(OtherManager, enquiry.Version, WeekLater));
    }

    [Fact]
    public void A_returned_outcome_opens_the_enquiry_again_with_the_reason_and_can_be_recorded_again()
    {
        var enquiry = WithOutcome(Section47Outcome.SubstantiatedAtContinuingRisk);
        const string why = "The health visitor's concerns about the baby's weight are not in the reasons.";

        Assert.Equal(["Reason"], Fields(enquiry.ReturnOutcome("Add more", Manager, enquiry.Version, WeekLater)));
        Assert.True(enquiry.ReturnOutcome(why, Manager, 1, WeekLater)!.IsConflict);
        Assert.Null(enquiry.ReturnOutcome(why, Manager, enquiry.Version, WeekLater));

        Assert.Equal((Section47Status.Open, (Section47Outcome?)null, (DateOnly?)null, (ProfessionalId?)null),
            (enquiry.Status, enquiry.Outcome, enquiry.ConferenceDecidedOn, enquiry.OutcomeRecordedBy));
        Assert.False(enquiry.ConferenceRequired);
        Assert.Equal((Section47EventKind.OutcomeReturned, why), (enquiry.Events[^1].Kind, enquiry.Events[^1].Note));
        Assert.Equal(["Status"], Fields(enquiry.ReturnOutcome(why, Manager, enquiry.Version, WeekLater)));
        Assert.Null(enquiry.RecordOutcome(Section47Outcome.SubstantiatedNotAtContinuingRisk, OutcomeDay, Reasons, null, SocialWorker,
            enquiry.Version, WeekLater));
    }

    [Fact]
    public void A_completed_outcome_cannot_be_returned()
    {
        var enquiry = Completed(Section47Outcome.NotSubstantiated);

        Assert.Equal(["Status"], Fields(enquiry.ReturnOutcome("Changed my mind about the outcome now.", OtherManager, enquiry.Version, WeekLater)));
    }

    // ---- The legal status follows, never lowered (L20) ----

    [Theory]
    [InlineData(null, LegalStatusKind.Section47Enquiry)]
    [InlineData(LegalStatusKind.None, LegalStatusKind.Section47Enquiry)]
    [InlineData(LegalStatusKind.EarlyHelp, LegalStatusKind.Section47Enquiry)]
    [InlineData(LegalStatusKind.ChildInNeed, LegalStatusKind.Section47Enquiry)]
    [InlineData(LegalStatusKind.Section47Enquiry, null)]
    [InlineData(LegalStatusKind.ChildProtectionPlan, null)]
    [InlineData(LegalStatusKind.LookedAfterSection20, null)]
    [InlineData(LegalStatusKind.LookedAfterCareOrder, null)]
    [InlineData(LegalStatusKind.LookedAfterInterimCareOrder, null)]
    [InlineData(LegalStatusKind.PoliceProtection, null)]
    [InlineData(LegalStatusKind.CareLeaver, null)]
    public void While_open_the_child_is_under_the_enquiry_unless_a_status_at_or_above_it_holds(LegalStatusKind? current, LegalStatusKind? expected) =>
        Assert.Equal(expected, Section47Enquiry.StatusWhileOpen(current));

    [Theory]
    [InlineData(Section47Outcome.NotSubstantiated, LegalStatusKind.Section47Enquiry, LegalStatusKind.ChildInNeed)]
    [InlineData(Section47Outcome.SubstantiatedNotAtContinuingRisk, LegalStatusKind.Section47Enquiry, LegalStatusKind.ChildInNeed)]
    [InlineData(Section47Outcome.SubstantiatedAtContinuingRisk, LegalStatusKind.Section47Enquiry, null)]
    [InlineData(Section47Outcome.NotSubstantiated, LegalStatusKind.ChildProtectionPlan, null)]
    [InlineData(Section47Outcome.NotSubstantiated, LegalStatusKind.LookedAfterCareOrder, null)]
    [InlineData(Section47Outcome.NotSubstantiated, LegalStatusKind.ChildInNeed, null)]
    [InlineData(Section47Outcome.NotSubstantiated, null, null)]
    public void After_authorisation_no_continuing_risk_makes_a_child_still_under_the_enquiry_a_child_in_need(Section47Outcome outcome,
        LegalStatusKind? current, LegalStatusKind? expected) =>
        Assert.Equal(expected, Completed(outcome).StatusAfterCompletion(current));

    [Fact]
    public void The_status_stays_while_the_outcome_waits_for_authorisation_or_another_enquiry_is_open()
    {
        Assert.Null(WithOutcome().StatusAfterCompletion(LegalStatusKind.Section47Enquiry));
        Assert.Null(Completed(Section47Outcome.NotSubstantiated).StatusAfterCompletion(LegalStatusKind.Section47Enquiry, anotherEnquiryOpen: true));
    }
}
