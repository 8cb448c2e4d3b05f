using Cairn.Domain.Escalation;
using Cairn.Domain.Shares;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Shares;

public class ShareTests
{
    private static readonly WorkingCalendar Calendar = new(EnglandAndWales.BankHolidays);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly ProfessionalId Sender = ProfessionalId.New();
    private static readonly AgencyId Police = AgencyId.New();
    private static readonly AgencyId SocialCare = AgencyId.New();
    private static readonly TeamId FrontDoor = TeamId.New();
    private static readonly ProfessionalId Worker = ProfessionalId.New();
    private static readonly ProfessionalId Colleague = ProfessionalId.New();

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }

    private static ShareDraft Draft(Urgency urgency = Urgency.WithinWorkingDays, int? days = 3, ShareRecipient? to = null) =>
        new(ShareKind.PoliceNotification, to ?? new ShareRecipient(SocialCare, FrontDoor, null), [PersonId.New()], urgency, days,
            "Child present at a domestic incident", "Officers attended at 22:10; the child was in the house.");

    private static Share Sent(DateTimeOffset at, Urgency urgency = Urgency.WithinWorkingDays, int? days = 3, ShareRecipient? to = null) =>
        Share.Send(Draft(urgency, days, to), Sender, Police, at, Calendar).Value!;

    // ---- Due times ----

    [Fact]
    public void Sent_Friday_1655_before_a_bank_holiday_Monday_is_due_on_Tuesday()
    {
        // 28 August 2026 is a Friday; 31 August is the summer bank holiday.
        var share = Sent(At(2026, 8, 28, 16, 55), Urgency.WithinWorkingDays, 1);

        Assert.Equal(At(2026, 9, 1, 17, 0), share.ReceiptDueAt);
        Assert.Equal(At(2026, 9, 1, 17, 0), share.ActionDueAt);
        Assert.Equal(ShareStatus.Delivered, share.Status);
    }

    [Fact]
    public void An_immediate_share_sent_Friday_1655_before_a_bank_holiday_goes_to_emergency_duty_and_is_due_Tuesday_morning()
    {
        var share = Sent(At(2026, 8, 28, 16, 55), Urgency.Immediate);

        // In hours at 16:55, so it is delivered at once: 5 working minutes on Friday, then 55 on Tuesday.
        Assert.Equal(ShareStatus.Delivered, share.Status);
        Assert.Equal(At(2026, 9, 1, 9, 55), share.ReceiptDueAt);
        Assert.Equal(At(2026, 9, 1, 12, 55), share.ActionDueAt);
    }

    [Theory]
    [InlineData(2026, 8, 28, 17, 30)] // Friday evening
    [InlineData(2026, 8, 29, 11, 0)] // Saturday
    [InlineData(2026, 8, 31, 10, 0)] // bank holiday Monday
    [InlineData(2026, 9, 1, 8, 30)] // Tuesday before opening
    public void An_urgent_share_out_of_hours_is_held_for_emergency_duty_until_the_next_working_start(int y, int m, int d, int h, int min)
    {
        var share = Sent(At(y, m, d, h, min), Urgency.Immediate);

        Assert.Equal(ShareStatus.WithEmergencyDuty, share.Status);
        Assert.True(share.ArrivedOutOfHours);
        Assert.Equal(At(2026, 9, 1, 9, 0), share.DeliveredAt);
        Assert.Equal(At(2026, 9, 1, 10, 0), share.ReceiptDueAt);
        Assert.Contains(share.Events, e => e.Kind == ShareEventKind.HeldForEmergencyDuty);
    }

    [Fact]
    public void A_non_urgent_share_out_of_hours_is_delivered_at_once_with_its_clock_starting_next_working_day()
    {
        var share = Sent(At(2026, 8, 29, 11, 0), Urgency.WithinWorkingDays, 2);

        Assert.Equal(ShareStatus.Delivered, share.Status);
        Assert.Equal(At(2026, 8, 29, 11, 0), share.DeliveredAt);
        // Arriving on Saturday counts as arriving on Tuesday (Monday is the bank holiday): two working days later is Thursday.
        Assert.Equal(At(2026, 9, 3, 17, 0), share.ActionDueAt);
    }

    [Fact]
    public void A_same_day_share_is_due_for_action_by_the_close_of_the_day_it_arrives()
    {
        var share = Sent(At(2026, 11, 23, 10, 0), Urgency.SameWorkingDay);

        Assert.Equal(At(2026, 11, 23, 12, 0), share.ReceiptDueAt);
        Assert.Equal(At(2026, 11, 23, 17, 0), share.ActionDueAt);
    }

    [Fact]
    public void A_same_day_share_late_in_the_day_is_due_for_receipt_no_later_than_the_close()
    {
        var share = Sent(At(2026, 11, 23, 16, 30), Urgency.SameWorkingDay);

        Assert.Equal(At(2026, 11, 23, 17, 0), share.ReceiptDueAt);
        Assert.Equal(At(2026, 11, 23, 17, 0), share.ActionDueAt);
    }

    [Fact]
    public void Working_hours_span_the_autumn_clock_change_correctly()
    {
        // Friday 23 October 2026 16:30 BST; clocks go back on Sunday 25 October; Monday is GMT.
        var share = Sent(At(2026, 10, 23, 16, 30), Urgency.Immediate);

        Assert.Equal(At(2026, 10, 26, 9, 30), share.ReceiptDueAt);
        Assert.Equal(TimeSpan.Zero, London.GetUtcOffset(share.ReceiptDueAt.UtcDateTime));
    }

    // ---- Sending ----

    [Fact]
    public void A_share_with_nothing_filled_in_is_refused_naming_every_field()
    {
        var outcome = Share.Send(new ShareDraft(null, null, [], null, null, " ", null), Sender, Police, At(2026, 11, 23, 10, 0), Calendar);

        var fields = outcome.Refusal!.Errors.Select(e => e.Field).ToHashSet();
        Assert.Equal(new HashSet<string> { "Kind", "Recipient", "Children", "Urgency", "Subject", "Message" }, fields);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(21)]
    public void Within_working_days_needs_a_number_of_days_from_1_to_20(int? days)
    {
        var outcome = Share.Send(Draft(Urgency.WithinWorkingDays, days), Sender, Police, At(2026, 11, 23, 10, 0), Calendar);

        Assert.Equal("WorkingDays", Assert.Single(outcome.Refusal!.Errors).Field);
    }

    [Fact]
    public void Sending_records_the_step_and_starts_the_receipt_clock()
    {
        var share = Sent(At(2026, 11, 23, 10, 0));

        Assert.Equal(ShareEventKind.Sent, Assert.Single(share.Events).Kind);
        Assert.Equal(share.ReceiptDueAt, share.NextEscalationAt);
        Assert.Equal(ShareClock.Receipt, share.RunningClock);
        Assert.Equal(1, share.Version);
    }

    // ---- Lifecycle ----

    [Fact]
    public void Receipt_by_someone_in_the_team_starts_the_action_clock()
    {
        var share = Sent(At(2026, 11, 23, 10, 0));

        Assert.Null(share.ConfirmReceipt(Worker, SocialCare, FrontDoor, 1, At(2026, 11, 23, 11, 0), Calendar));

        Assert.Equal(ShareStatus.Received, share.Status);
        Assert.Equal(Worker, share.ReceivedBy);
        Assert.Equal(share.ActionDueAt, share.NextEscalationAt);
        Assert.Equal(ShareClock.Action, share.RunningClock);
        Assert.Equal(2, share.Version);
    }

    [Fact]
    public void Someone_outside_the_recipient_team_cannot_confirm_receipt()
    {
        var share = Sent(At(2026, 11, 23, 10, 0));

        var refusal = share.ConfirmReceipt(Worker, SocialCare, TeamId.New(), 1, At(2026, 11, 23, 11, 0), Calendar);

        Assert.NotNull(refusal);
        Assert.Equal(ShareStatus.Delivered, share.Status);
    }

    [Fact]
    public void A_named_share_can_be_received_only_by_that_person()
    {
        var share = Sent(At(2026, 11, 23, 10, 0), to: new ShareRecipient(SocialCare, FrontDoor, Worker));

        Assert.NotNull(share.ConfirmReceipt(Colleague, SocialCare, FrontDoor, 1, At(2026, 11, 23, 11, 0), Calendar));
        Assert.Null(share.ConfirmReceipt(Worker, SocialCare, FrontDoor, 1, At(2026, 11, 23, 11, 0), Calendar));
    }

    [Fact]
    public void A_share_to_an_agency_can_be_received_by_anyone_in_it()
    {
        var share = Sent(At(2026, 11, 23, 10, 0), to: new ShareRecipient(SocialCare, null, null));

        Assert.Null(share.ConfirmReceipt(Colleague, SocialCare, null, 1, At(2026, 11, 23, 11, 0), Calendar));
    }

    [Fact]
    public void The_action_cannot_be_recorded_before_receipt()
    {
        var share = Sent(At(2026, 11, 23, 10, 0));

        var refusal = share.RecordAction(Worker, SocialCare, FrontDoor, "Strategy discussion held", 1, At(2026, 11, 23, 11, 0));

        Assert.Contains("Confirm receipt", Assert.Single(refusal!.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recording_the_action_closes_the_share_and_stops_the_clocks()
    {
        var share = Sent(At(2026, 11, 23, 10, 0));
        share.ConfirmReceipt(Worker, SocialCare, FrontDoor, 1, At(2026, 11, 23, 11, 0), Calendar);

        Assert.Null(share.RecordAction(Colleague, SocialCare, FrontDoor, " Strategy discussion held; s47 started ", 2, At(2026, 11, 23, 15, 0)));

        Assert.Equal(ShareStatus.Actioned, share.Status);
        Assert.Equal("Strategy discussion held; s47 started", share.Outcome);
        Assert.Equal(Colleague, share.ClosedBy);
        Assert.Null(share.NextEscalationAt);
        Assert.False(share.IsOpen);
    }

    [Fact]
    public void Recording_the_action_needs_what_was_done()
    {
        var share = Sent(At(2026, 11, 23, 10, 0));
        share.ConfirmReceipt(Worker, SocialCare, FrontDoor, 1, At(2026, 11, 23, 11, 0), Calendar);

        Assert.Equal("Outcome", share.RecordAction(Worker, SocialCare, FrontDoor, "  ", 2, At(2026, 11, 23, 15, 0))!.Errors[0].Field);
    }

    [Fact]
    public void A_stale_version_is_refused_as_a_conflict()
    {
        var share = Sent(At(2026, 11, 23, 10, 0));
        share.ConfirmReceipt(Worker, SocialCare, FrontDoor, 1, At(2026, 11, 23, 11, 0), Calendar);

        var refusal = share.Decline(Colleague, SocialCare, FrontDoor, "Not ours", 1, At(2026, 11, 23, 12, 0));

        Assert.Equal("Version", Assert.Single(refusal!.Errors).Field);
        Assert.Equal(ShareStatus.Received, share.Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Declining_needs_a_reason_and_ends_the_share(bool afterReceipt)
    {
        var share = Sent(At(2026, 11, 23, 10, 0));
        if (afterReceipt)
        {
            share.ConfirmReceipt(Worker, SocialCare, FrontDoor, 1, At(2026, 11, 23, 11, 0), Calendar);
        }

        Assert.NotNull(share.Decline(Worker, SocialCare, FrontDoor, "", share.Version, At(2026, 11, 23, 12, 0)));
        Assert.Null(share.Decline(Worker, SocialCare, FrontDoor, "This child lives in another area: send to them", share.Version, At(2026, 11, 23, 12, 0)));
        Assert.Equal(ShareStatus.Declined, share.Status);
        Assert.Null(share.NextEscalationAt);
    }

    [Fact]
    public void Redirecting_moves_the_share_and_keeps_the_clocks()
    {
        var share = Sent(At(2026, 11, 23, 10, 0));
        var receiptDue = share.ReceiptDueAt;
        var actionDue = share.ActionDueAt;
        var health = new ShareRecipient(AgencyId.New(), null, null);

        Assert.Null(share.Redirect(Worker, SocialCare, FrontDoor, health, "Health visiting hold the case", 1, At(2026, 11, 23, 11, 0)));

        Assert.Equal(health, share.Recipient);
        Assert.Equal(receiptDue, share.ReceiptDueAt);
        Assert.Equal(actionDue, share.ActionDueAt);
        Assert.Equal(ShareStatus.Delivered, share.Status);
        Assert.Contains(share.Events, e => e.Kind == ShareEventKind.Redirected && e.Note == "Health visiting hold the case");
    }

    [Fact]
    public void A_share_redirected_after_receipt_must_be_received_again_by_the_new_recipient()
    {
        var share = Sent(At(2026, 11, 23, 10, 0));
        share.ConfirmReceipt(Worker, SocialCare, FrontDoor, 1, At(2026, 11, 23, 11, 0), Calendar);

        share.Redirect(Worker, SocialCare, FrontDoor, new ShareRecipient(Police, null, null), "Police matter", 2, At(2026, 11, 23, 12, 0));

        Assert.Equal(ShareStatus.Delivered, share.Status);
        Assert.Null(share.ReceivedBy);
        Assert.Equal(ShareClock.Receipt, share.RunningClock);
    }

    [Fact]
    public void Redirecting_to_the_same_recipient_or_without_a_reason_is_refused()
    {
        var share = Sent(At(2026, 11, 23, 10, 0));

        Assert.Equal("Recipient", share.Redirect(Worker, SocialCare, FrontDoor, share.Recipient, "Why", 1, At(2026, 11, 23, 11, 0))!.Errors[0].Field);
        Assert.Equal("Reason", share.Redirect(Worker, SocialCare, FrontDoor, new ShareRecipient(Police, null, null), " ", 1, At(2026, 11, 23, 11, 0))!.Errors[0].Field);
    }

    [Fact]
    public void Only_the_sender_can_close_a_share_unconfirmed_and_must_say_why()
    {
        var share = Sent(At(2026, 11, 23, 10, 0));

        Assert.NotNull(share.CloseUnconfirmed(Worker, "Not needed", 1, At(2026, 11, 23, 11, 0)));
        Assert.NotNull(share.CloseUnconfirmed(Sender, "", 1, At(2026, 11, 23, 11, 0)));
        Assert.Null(share.CloseUnconfirmed(Sender, "Family moved away; sent to their new area instead", 1, At(2026, 11, 23, 11, 0)));
        Assert.Equal(ShareStatus.Closed, share.Status);
    }

    [Theory]
    [InlineData(ShareStatus.Actioned)]
    [InlineData(ShareStatus.Declined)]
    [InlineData(ShareStatus.Closed)]
    public void Nothing_more_happens_to_a_finished_share(ShareStatus how)
    {
        var share = Sent(At(2026, 11, 23, 10, 0));
        share.ConfirmReceipt(Worker, SocialCare, FrontDoor, 1, At(2026, 11, 23, 11, 0), Calendar);
        _ = how switch
        {
            ShareStatus.Actioned => share.RecordAction(Worker, SocialCare, FrontDoor, "Done", 2, At(2026, 11, 23, 12, 0)),
            ShareStatus.Declined => share.Decline(Worker, SocialCare, FrontDoor, "Not ours", 2, At(2026, 11, 23, 12, 0)),
            _ => share.CloseUnconfirmed(Sender, "Withdrawn", 2, At(2026, 11, 23, 12, 0)),
        };
        var version = share.Version;

        Assert.NotNull(share.ConfirmReceipt(Worker, SocialCare, FrontDoor, version, At(2026, 11, 23, 13, 0), Calendar));
        Assert.NotNull(share.RecordAction(Worker, SocialCare, FrontDoor, "Again", version, At(2026, 11, 23, 13, 0)));
        Assert.NotNull(share.Decline(Worker, SocialCare, FrontDoor, "Again", version, At(2026, 11, 23, 13, 0)));
        Assert.NotNull(share.Redirect(Worker, SocialCare, FrontDoor, new ShareRecipient(Police, null, null), "Again", version, At(2026, 11, 23, 13, 0)));
        Assert.NotNull(share.CloseUnconfirmed(Sender, "Again", version, At(2026, 11, 23, 13, 0)));
        Assert.Equal(how, share.Status);
        Assert.Equal(version, share.Version);
    }

    [Fact]
    public void Only_the_emergency_duty_team_adds_a_note_to_a_share_held_for_it()
    {
        var share = Sent(At(2026, 11, 21, 22, 0), Urgency.Immediate);

        Assert.NotNull(share.AddEmergencyDutyNote(Worker, false, "Visited", 1, At(2026, 11, 21, 23, 0)));
        Assert.Null(share.AddEmergencyDutyNote(Worker, true, "Visited the home with police; child safe with grandmother", 1, At(2026, 11, 21, 23, 0)));
        Assert.Equal("Visited the home with police; child safe with grandmother", share.EmergencyDutyNote);
    }

    // ---- Escalation ----

    [Fact]
    public void Nothing_escalates_before_the_due_time()
    {
        var share = Sent(At(2026, 11, 23, 10, 0), Urgency.Immediate);

        Assert.Null(share.Sweep(At(2026, 11, 23, 10, 59), EscalationLadder.Default, Calendar));
        Assert.Equal(0, share.EscalationLevel);
    }

    [Fact]
    public void An_unconfirmed_share_climbs_the_ladder_one_rung_at_a_time_and_never_twice()
    {
        var share = Sent(At(2026, 11, 23, 10, 0), Urgency.Immediate);

        var first = share.Sweep(At(2026, 11, 23, 11, 0), EscalationLadder.Default, Calendar);
        var again = share.Sweep(At(2026, 11, 23, 11, 1), EscalationLadder.Default, Calendar);
        var second = share.Sweep(At(2026, 11, 23, 15, 0), EscalationLadder.Default, Calendar);
        var third = share.Sweep(At(2026, 11, 24, 11, 0), EscalationLadder.Default, Calendar);
        var beyond = share.Sweep(At(2026, 12, 24, 11, 0), EscalationLadder.Default, Calendar);

        Assert.Equal((1, EscalationAudience.SenderAndRecipientManager, ShareClock.Receipt), (first!.Level, first.Audience, first.Clock));
        Assert.Null(again);
        Assert.Equal((2, EscalationAudience.SafeguardingLead), (second!.Level, second.Audience));
        Assert.Equal((3, EscalationAudience.HeadOfService), (third!.Level, third.Audience));
        Assert.Null(beyond);
        Assert.Null(share.NextEscalationAt);
        Assert.Equal(3, share.Events.Count(e => e.Kind == ShareEventKind.Escalated));
    }

    [Fact]
    public void The_next_rung_is_timed_in_working_hours_after_the_due_time()
    {
        // Due Friday 16:30 (an hour after 15:30); rung 2 is 4 working hours later: half an hour on Friday, 3.5 on Monday.
        var share = Sent(At(2026, 11, 20, 15, 30), Urgency.Immediate);

        share.Sweep(At(2026, 11, 20, 16, 30), EscalationLadder.Default, Calendar);

        Assert.Equal(At(2026, 11, 23, 12, 30), share.NextEscalationAt);
    }

    [Fact]
    public void Receipt_resets_the_ladder_for_the_action_clock()
    {
        var share = Sent(At(2026, 11, 23, 10, 0), Urgency.Immediate);
        share.Sweep(At(2026, 11, 23, 11, 0), EscalationLadder.Default, Calendar);

        share.ConfirmReceipt(Worker, SocialCare, FrontDoor, share.Version, At(2026, 11, 23, 11, 30), Calendar);
        var escalation = share.Sweep(At(2026, 11, 23, 13, 59), EscalationLadder.Default, Calendar);

        Assert.Equal(0, share.EscalationLevel);
        Assert.Equal(share.ActionDueAt, share.NextEscalationAt);
        Assert.Null(escalation);
        var onAction = share.Sweep(At(2026, 11, 23, 14, 0), EscalationLadder.Default, Calendar)!;
        Assert.Equal((ShareClock.Action, 1), (onAction.Clock, onAction.Level));
    }

    [Fact]
    public void A_share_held_overnight_is_handed_to_the_day_team_in_the_morning()
    {
        var share = Sent(At(2026, 11, 23, 20, 0), Urgency.Immediate);
        share.AddEmergencyDutyNote(Worker, true, "Spoke to mother by phone", 1, At(2026, 11, 23, 21, 0));

        share.Sweep(At(2026, 11, 24, 9, 0), EscalationLadder.Default, Calendar);

        Assert.Equal(ShareStatus.Delivered, share.Status);
        Assert.Contains(share.Events, e => e.Kind == ShareEventKind.HandedToDayTeam && e.Note == "Spoke to mother by phone");
    }

    [Fact]
    public void The_ladder_is_data_an_area_can_change()
    {
        var ladder = new EscalationLadder([new EscalationStep(1, TimeSpan.Zero, EscalationAudience.SafeguardingLead)]);
        var share = Sent(At(2026, 11, 23, 10, 0), Urgency.Immediate);

        var escalation = share.Sweep(At(2026, 11, 23, 11, 0), ladder, Calendar);

        Assert.Equal(EscalationAudience.SafeguardingLead, escalation!.Audience);
        Assert.Null(share.NextEscalationAt);
    }
}
