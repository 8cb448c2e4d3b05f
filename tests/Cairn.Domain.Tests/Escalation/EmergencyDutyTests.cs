using Cairn.Domain.Concerns;
using Cairn.Domain.Escalation;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Shares;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Escalation;

/// <summary>
/// Out of hours is real (L02): an urgent share or contact is never left for the next working morning. Tried, as the issue
/// asks, with the clock at ten to five on the last working day before a four-day Christmas break, on an ordinary Friday,
/// and before Easter.
/// </summary>
public class EmergencyDutyTests
{
    private static readonly WorkingCalendar Calendar = new(EnglandAndWales.BankHolidays);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly ProfessionalId Police = ProfessionalId.New();
    private static readonly AgencyId PoliceAgency = AgencyId.New();
    private static readonly AgencyId SocialCare = AgencyId.New();
    private static readonly TeamId FrontDoor = TeamId.New();
    private static readonly ProfessionalId Worker = ProfessionalId.New();
    private static readonly ProfessionalId DutyWorker = ProfessionalId.New();
    private static readonly EscalationLadder Ladder = EscalationLadder.Default;

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }

    private static Share Sent(DateTimeOffset at, Urgency urgency = Urgency.Immediate, OutOfHoursRules? rules = null) =>
        Share.Send(new ShareDraft(ShareKind.PoliceNotification, new ShareRecipient(SocialCare, FrontDoor, null), [PersonId.New()], urgency,
                urgency == Urgency.WithinWorkingDays ? 2 : null, "Child found alone", "Officers found the child alone at home."),
            Police, PoliceAgency, at, Calendar, rules: rules).Value!;

    private static Contact Received(DateTimeOffset at, Urgency? urgency = null, PoliceIncident? incident = null) =>
        Contact.Receive(new ContactDraft(ContactSource.Police, new Referrer("PC Lane", "Police", null, "101", null, false),
                "Child found alone outside the home.", ConcernTheme.Neglect, null, urgency),
            PersonId.New(), AreaId.New(), Guid.NewGuid(), Worker, null, incident, at, Calendar).Value!;

    // ---- The share the issue tried: 16:50 on Christmas Eve, a Thursday; back on Tuesday 29 December ----

    [Fact]
    public void An_immediate_share_sent_at_1650_before_Christmas_passes_to_the_EDT_at_1700_with_the_reason()
    {
        var share = Sent(At(2026, 12, 24, 16, 50));

        // Its receipt is still due in working time: ten minutes that evening, fifty after the break.
        Assert.Equal(At(2026, 12, 29, 9, 50), share.ReceiptDueAt);
        Assert.Equal(ShareStatus.Delivered, share.Status);
        Assert.Equal(At(2026, 12, 24, 17, 0), share.NextOutOfHoursAt);

        Assert.Null(share.Sweep(At(2026, 12, 24, 16, 59), Ladder, Calendar));
        Assert.Equal(ShareStatus.Delivered, share.Status);

        Assert.Null(share.Sweep(At(2026, 12, 24, 17, 0), Ladder, Calendar));
        Assert.Equal(ShareStatus.WithEmergencyDuty, share.Status);
        var held = Assert.Single(share.Events, e => e.Kind == ShareEventKind.HeldForEmergencyDuty);
        Assert.Equal(At(2026, 12, 24, 17, 0), held.At);
        Assert.Equal(Share.NotReceivedByCloseReason, held.Note);
        Assert.Equal(At(2026, 12, 24, 18, 0), share.EmergencyDutyAcknowledgeDueAt);
        Assert.Equal(At(2026, 12, 29, 9, 0), share.EmergencyDutyUntil);
    }

    [Fact]
    public void A_missed_acknowledgement_tells_the_EDT_manager_then_the_on_call_senior_manager_in_elapsed_time()
    {
        var share = Sent(At(2026, 12, 24, 16, 50));
        share.Sweep(At(2026, 12, 24, 17, 0), Ladder, Calendar);

        Assert.Null(share.Sweep(At(2026, 12, 24, 17, 59), Ladder, Calendar));
        var first = share.Sweep(At(2026, 12, 24, 18, 0), Ladder, Calendar);
        Assert.Equal((ShareClock.EmergencyDuty, 1, EscalationAudience.EmergencyDutyManager), (first!.Clock, first.Level, first.Audience));
        // A repeated sweep does not tell them twice.
        Assert.Null(share.Sweep(At(2026, 12, 24, 18, 1), Ladder, Calendar));

        var second = share.Sweep(At(2026, 12, 24, 19, 0), Ladder, Calendar);
        Assert.Equal((ShareClock.EmergencyDuty, 2, EscalationAudience.OnCallSeniorManager), (second!.Clock, second.Level, second.Audience));
        Assert.Null(share.Sweep(At(2026, 12, 25, 3, 0), Ladder, Calendar));
        Assert.Equal(2, share.Events.Count(e => e.Kind == ShareEventKind.EmergencyDutyEscalated));
    }

    [Fact]
    public void An_acknowledged_share_does_not_escalate_and_goes_back_to_the_day_team_at_0900_with_what_the_EDT_did()
    {
        var share = Sent(At(2026, 12, 24, 16, 50));
        share.Sweep(At(2026, 12, 24, 17, 0), Ladder, Calendar);
        Assert.Null(share.AcknowledgeEmergencyDuty(DutyWorker, true, share.Version, At(2026, 12, 24, 17, 20)));
        Assert.Null(share.AddEmergencyDutyNote(DutyWorker, true, "Visited with police; child safe with grandmother", share.Version,
            At(2026, 12, 24, 21, 0)));

        Assert.Null(share.Sweep(At(2026, 12, 24, 18, 0), Ladder, Calendar));
        Assert.Null(share.Sweep(At(2026, 12, 28, 12, 0), Ladder, Calendar));
        Assert.Equal(ShareStatus.WithEmergencyDuty, share.Status);

        share.Sweep(At(2026, 12, 29, 9, 0), Ladder, Calendar);

        Assert.Equal(ShareStatus.Delivered, share.Status);
        var handedBack = Assert.Single(share.Events, e => e.Kind == ShareEventKind.HandedToDayTeam);
        Assert.Equal(At(2026, 12, 29, 9, 0), handedBack.At);
        Assert.Equal("Visited with police; child safe with grandmother", handedBack.Note);
        Assert.DoesNotContain(share.Events, e => e.Kind == ShareEventKind.EmergencyDutyEscalated);
        // Still urgent and still open: it goes to the Emergency Duty Team again at the close of that day if no one receives it.
        Assert.Equal(At(2026, 12, 29, 17, 0), share.EmergencyDutyPassesAt);
    }

    [Fact]
    public void A_sweep_late_after_the_break_still_records_the_hand_back_at_the_start_of_the_working_day()
    {
        var share = Sent(At(2026, 12, 24, 16, 50));
        share.Sweep(At(2026, 12, 24, 17, 0), Ladder, Calendar);
        share.AcknowledgeEmergencyDuty(DutyWorker, true, share.Version, At(2026, 12, 24, 17, 5));

        share.Sweep(At(2026, 12, 29, 9, 40), Ladder, Calendar);

        Assert.Equal(At(2026, 12, 29, 9, 0), Assert.Single(share.Events, e => e.Kind == ShareEventKind.HandedToDayTeam).At);
    }

    [Theory]
    [InlineData(2026, 12, 4, 2026, 12, 7)] // an ordinary Friday: back on Monday
    [InlineData(2027, 3, 25, 2027, 3, 30)] // the Thursday before Easter: back on the Tuesday after Easter Monday
    [InlineData(2026, 12, 24, 2026, 12, 29)] // Christmas Eve: back on the Tuesday after the substitute Boxing Day
    public void An_immediate_share_at_1650_is_held_overnight_and_handed_back_next_working_morning(int y, int m, int d, int by, int bm, int bd)
    {
        var share = Sent(At(y, m, d, 16, 50));
        share.Sweep(At(y, m, d, 17, 0), Ladder, Calendar);

        Assert.Equal(ShareStatus.WithEmergencyDuty, share.Status);
        Assert.Equal(At(by, bm, bd, 9, 0), share.EmergencyDutyUntil);
        share.Sweep(At(by, bm, bd, 8, 59), Ladder, Calendar);
        Assert.Equal(ShareStatus.WithEmergencyDuty, share.Status);
        share.Sweep(At(by, bm, bd, 9, 0), Ladder, Calendar);
        Assert.Equal(ShareStatus.Delivered, share.Status);
    }

    [Fact]
    public void A_routine_share_sent_at_1650_keeps_its_working_day_clock_and_never_goes_to_the_EDT()
    {
        var share = Sent(At(2026, 12, 24, 16, 50), Urgency.WithinWorkingDays);

        Assert.Null(share.NextOutOfHoursAt);
        share.Sweep(At(2026, 12, 24, 17, 0), Ladder, Calendar);
        Assert.Equal(ShareStatus.Delivered, share.Status);
        Assert.Equal(At(2026, 12, 29, 17, 0), share.ReceiptDueAt);
        Assert.Equal(At(2026, 12, 30, 17, 0), share.ActionDueAt);
    }

    [Fact]
    public void An_urgent_share_received_but_not_actioned_by_the_close_goes_to_the_EDT_and_comes_back_received()
    {
        var share = Sent(At(2026, 12, 24, 15, 0));
        Assert.Null(share.ConfirmReceipt(Worker, SocialCare, FrontDoor, share.Version, At(2026, 12, 24, 15, 30), Calendar));

        share.Sweep(At(2026, 12, 24, 17, 0), Ladder, Calendar);
        Assert.Equal(ShareStatus.WithEmergencyDuty, share.Status);
        Assert.Equal(Share.NotActionedByCloseReason, share.EmergencyDutyReason);
        Assert.Equal(ShareClock.Action, share.RunningClock);
        // It cannot be received twice; whoever received it can still record what was done.
        Assert.NotNull(share.ConfirmReceipt(Worker, SocialCare, FrontDoor, share.Version, At(2026, 12, 24, 18, 0), Calendar));

        share.Sweep(At(2026, 12, 29, 9, 0), Ladder, Calendar);
        Assert.Equal(ShareStatus.Received, share.Status);
        Assert.Null(share.RecordAction(Worker, SocialCare, FrontDoor, "Visited; safety plan agreed", share.Version, At(2026, 12, 29, 9, 30)));
        Assert.Null(share.NextOutOfHoursAt);
    }

    [Fact]
    public void An_urgent_share_actioned_before_the_close_never_goes_to_the_EDT()
    {
        var share = Sent(At(2026, 12, 24, 15, 0));
        share.ConfirmReceipt(Worker, SocialCare, FrontDoor, share.Version, At(2026, 12, 24, 15, 30), Calendar);
        share.RecordAction(Worker, SocialCare, FrontDoor, "Visited the child at home", share.Version, At(2026, 12, 24, 16, 30));

        share.Sweep(At(2026, 12, 24, 17, 0), Ladder, Calendar);

        Assert.Equal(ShareStatus.Actioned, share.Status);
        Assert.DoesNotContain(share.Events, e => e.Kind == ShareEventKind.HeldForEmergencyDuty);
    }

    [Fact]
    public void Which_urgencies_go_to_the_EDT_is_the_area_s_rule()
    {
        var immediateOnly = OutOfHoursRules.Create([Urgency.Immediate], 30, 60).Value!;
        var sameDay = Sent(At(2026, 12, 4, 16, 0), Urgency.SameWorkingDay, immediateOnly);
        var immediate = Sent(At(2026, 12, 4, 16, 0), Urgency.Immediate, immediateOnly);

        Assert.False(sameDay.UrgentOutOfHours);
        Assert.Null(sameDay.NextOutOfHoursAt);
        immediate.Sweep(At(2026, 12, 4, 17, 0), Ladder, Calendar, immediateOnly);
        Assert.Equal(At(2026, 12, 4, 17, 30), immediate.EmergencyDutyAcknowledgeDueAt);
        // Sent out of hours, a same-day share waits for the day team under this area's rule.
        Assert.Equal(ShareStatus.Delivered, Sent(At(2026, 12, 5, 11, 0), Urgency.SameWorkingDay, immediateOnly).Status);
    }

    [Fact]
    public void Only_the_EDT_acknowledges_a_share_it_holds()
    {
        var share = Sent(At(2026, 12, 5, 11, 0));

        var refused = share.AcknowledgeEmergencyDuty(Worker, false, share.Version, At(2026, 12, 5, 11, 10));

        Assert.Equal(RefusalKind.NotAllowed, refused!.Kind);
        Assert.True(share.AcknowledgeEmergencyDuty(DutyWorker, true, share.Version - 1, At(2026, 12, 5, 11, 10))!.IsConflict);
        Assert.Null(share.AcknowledgeEmergencyDuty(DutyWorker, true, share.Version, At(2026, 12, 5, 11, 10)));
        Assert.NotNull(share.AcknowledgeEmergencyDuty(DutyWorker, true, share.Version, At(2026, 12, 5, 11, 11)));
    }

    // ---- Contacts ----

    [Fact]
    public void A_Sunday_contact_goes_straight_to_the_EDT_whatever_its_urgency()
    {
        // Sunday 30 August 2026, before the summer bank holiday Monday.
        var contact = Received(At(2026, 8, 30, 14, 0));

        Assert.True(contact.EmergencyDuty.IsHeld);
        Assert.Equal(Contact.ReceivedOutOfHoursReason, contact.EmergencyDutyReason);
        Assert.Equal(At(2026, 8, 30, 15, 0), contact.EmergencyDutyAcknowledgeDueAt);
        Assert.Equal(At(2026, 9, 1, 9, 0), contact.EmergencyDutyUntil);
        Assert.Contains(contact.Events, e => e.Kind == ContactEventKind.HeldForEmergencyDuty);

        var missed = contact.Sweep(At(2026, 8, 30, 15, 0), Ladder, Calendar);
        Assert.Equal((1, EscalationAudience.EmergencyDutyManager), (missed!.Level, missed.Audience));
    }

    [Fact]
    public void The_EDT_passes_a_contact_to_the_front_door_with_protective_action_and_a_note()
    {
        var contact = Received(At(2026, 8, 30, 14, 0), Urgency.Immediate);

        Assert.NotNull(contact.PassToFrontDoor(DutyWorker, true, null, " ", contact.Version, At(2026, 8, 30, 14, 30), Calendar));
        Assert.Equal(RefusalKind.NotAllowed,
            contact.PassToFrontDoor(Worker, false, null, "Note", contact.Version, At(2026, 8, 30, 14, 30), Calendar)!.Kind);
        Assert.Null(contact.PassToFrontDoor(DutyWorker, true, "Police protection; child with grandmother", "Call the grandmother first",
            contact.Version, At(2026, 8, 30, 14, 30), Calendar));

        Assert.False(contact.EmergencyDuty.IsHeld);
        Assert.Equal(DutyWorker, contact.EmergencyDutyAcknowledgedBy ?? DutyWorker);
        Assert.Contains("Police protection", contact.EmergencyDutyNote, StringComparison.Ordinal);
        Assert.Contains(contact.Events, e => e.Kind == ContactEventKind.EmergencyDutyAction && e.By == DutyWorker);
        Assert.Contains(contact.Events, e => e.Kind == ContactEventKind.HandedToFrontDoor && e.At == At(2026, 8, 30, 14, 30));
        // Immediate and still undecided: it goes to the Emergency Duty Team again at the close of the next working day.
        Assert.Equal(At(2026, 9, 1, 17, 0), contact.EmergencyDutyPassesAt);
        // The decision clock runs as it did: one working day from receipt, counted from the next working start.
        Assert.Equal(At(2026, 9, 2, 17, 0), contact.DecisionDueAt);
    }

    [Fact]
    public void An_urgent_contact_undecided_at_the_close_goes_to_the_EDT_and_a_standard_one_does_not()
    {
        var urgent = Received(At(2026, 12, 4, 15, 0), Urgency.SameWorkingDay);
        var standard = Received(At(2026, 12, 4, 15, 0));

        urgent.Sweep(At(2026, 12, 4, 17, 0), Ladder, Calendar);
        standard.Sweep(At(2026, 12, 4, 17, 0), Ladder, Calendar);

        Assert.Equal(Contact.UndecidedAtCloseReason, urgent.EmergencyDutyReason);
        Assert.False(standard.EmergencyDuty.IsHeld);
        Assert.Null(standard.NextOutOfHoursAt);

        urgent.Sweep(At(2026, 12, 7, 9, 0), Ladder, Calendar);
        var back = Assert.Single(urgent.Events, e => e.Kind == ContactEventKind.HandedToFrontDoor);
        Assert.Equal(At(2026, 12, 7, 9, 0), back.At);
    }

    [Fact]
    public void A_high_risk_domestic_abuse_notification_is_always_immediate()
    {
        var incident = new PoliceIncident(IncidentType.DomesticAbuse, At(2026, 12, 4, 10, 0), DashRisk.High, "PN-1");

        var contact = Received(At(2026, 12, 4, 11, 0), Urgency.WithinWorkingDays, incident);

        Assert.Equal(Urgency.Immediate, contact.Urgency);
        Assert.Equal(At(2026, 12, 4, 17, 0), contact.EmergencyDutyPassesAt);
    }

    [Theory]
    [InlineData(new[] { Urgency.SameWorkingDay }, 60, 60, "Urgent")]
    [InlineData(new[] { Urgency.Immediate }, 5, 60, "AcknowledgeMinutes")]
    [InlineData(new[] { Urgency.Immediate }, 60, 600, "OnCallMinutes")]
    public void Rules_that_would_let_immediate_work_wait_or_set_an_unworkable_clock_are_refused(Urgency[] urgent, int ack, int onCall, string field)
    {
        var refused = OutOfHoursRules.Create(urgent, ack, onCall).Refusal;

        Assert.Contains(refused!.Errors, e => e.Field == field);
    }
}
