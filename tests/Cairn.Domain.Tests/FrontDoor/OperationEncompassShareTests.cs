using Cairn.Domain.Escalation;
using Cairn.Domain.Shares;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;

namespace Cairn.Domain.Tests.FrontDoor;

/// <summary>
/// Operation Encompass (L06): after a domestic abuse incident the police tell the child's school before the next school
/// day starts, and the school's designated safeguarding lead acts on it by that day's close.
/// </summary>
public class OperationEncompassShareTests
{
    private static readonly ProfessionalId Officer = ProfessionalId.New();
    private static readonly AgencyId Police = AgencyId.New();
    private static readonly AgencyId School = AgencyId.New();

    private static Share Notified(DateTimeOffset at) =>
        Share.Send(new ShareDraft(ShareKind.PoliceNotification, new ShareRecipient(School, null, null), [PersonId.New()], Urgency.BeforeNextSchoolDay, null,
            "Operation Encompass notification", "Police attended a domestic abuse incident at the child's home overnight."), Officer, Police, at, Calendar).Value!;

    [Fact]
    public void An_incident_notified_in_the_night_is_due_by_that_morning_s_start_and_acted_on_by_its_close()
    {
        // Tuesday 24 November 2026, 02:00.
        var share = Notified(At(2026, 11, 24, 2, 0));

        Assert.Equal(At(2026, 11, 24, 9, 0), share.ReceiptDueAt);
        Assert.Equal(At(2026, 11, 24, 17, 0), share.ActionDueAt);
        Assert.Null(share.WorkingDays);
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(9, 0)]
    [InlineData(16, 59)]
    public void An_incident_notified_during_the_school_day_is_due_by_the_next_day_s_start(int hour, int minute)
    {
        var share = Notified(At(2026, 11, 24, hour, minute));

        Assert.Equal(At(2026, 11, 25, 9, 0), share.ReceiptDueAt);
        Assert.Equal(At(2026, 11, 25, 17, 0), share.ActionDueAt);
        Assert.False(share.ArrivedOutOfHours);
    }

    [Theory]
    [InlineData(24, 17, 0)] // Tuesday at close
    [InlineData(24, 22, 30)] // Tuesday night
    [InlineData(25, 8, 59)] // Wednesday before the start
    public void An_incident_notified_after_the_close_is_due_by_the_coming_morning(int day, int hour, int minute)
    {
        var share = Notified(At(2026, 11, day, hour, minute));

        Assert.Equal(At(2026, 11, 25, 9, 0), share.ReceiptDueAt);
        Assert.Equal(At(2026, 11, 25, 17, 0), share.ActionDueAt);
    }

    [Theory]
    [InlineData(28, 18, 0)] // Friday evening
    [InlineData(29, 11, 0)] // Saturday
    [InlineData(31, 23, 0)] // the bank holiday Monday night
    public void An_incident_before_a_bank_holiday_Monday_is_due_on_Tuesday_morning(int day, int hour, int minute)
    {
        var share = Notified(At(2026, 8, day, hour, minute));

        Assert.Equal(At(2026, 9, 1, 9, 0), share.ReceiptDueAt);
        Assert.Equal(At(2026, 9, 1, 17, 0), share.ActionDueAt);
    }

    [Fact]
    public void An_incident_during_Friday_before_a_bank_holiday_is_due_on_Tuesday_not_Monday()
    {
        var share = Notified(At(2026, 8, 28, 11, 0));

        Assert.Equal(At(2026, 9, 1, 9, 0), share.ReceiptDueAt);
    }

    [Fact]
    public void Across_the_October_clock_change_the_school_day_starts_at_nine_GMT()
    {
        // Friday 23 October 2026 10:00 BST; the clocks go back on Sunday 25 October.
        var share = Notified(At(2026, 10, 23, 10, 0));

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero), share.ReceiptDueAt);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 17, 0, 0, TimeSpan.Zero), share.ActionDueAt);
    }

    [Fact]
    public void On_the_night_the_clocks_go_back_the_morning_start_is_nine_GMT()
    {
        // Sunday 25 October 2026, 01:30 the first time round (BST).
        var share = Notified(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero), share.ReceiptDueAt);
    }

    [Fact]
    public void Across_the_March_clock_change_the_school_day_starts_at_nine_BST()
    {
        // Friday 27 March 2026 10:00 GMT; the clocks go forward on Sunday 29 March.
        var share = Notified(At(2026, 3, 27, 10, 0));

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero), share.ReceiptDueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 16, 0, 0, TimeSpan.Zero), share.ActionDueAt);
    }

    [Fact]
    public void Due_times_match_the_next_day_start()
    {
        var sent = At(2026, 11, 24, 10, 0);

        var (receipt, action) = Share.DueTimes(Urgency.BeforeNextSchoolDay, null, sent, Calendar, ShareTimescales.Default);

        Assert.Equal(Share.NextDayStart(sent, Calendar), receipt);
        Assert.Equal((At(2026, 11, 25, 9, 0), At(2026, 11, 25, 17, 0)), (receipt, action));
    }

    [Fact]
    public void A_notification_out_of_hours_goes_straight_to_the_school_not_to_emergency_duty()
    {
        var sent = At(2026, 11, 24, 2, 0);

        var share = Notified(sent);

        Assert.Equal(ShareStatus.Delivered, share.Status);
        Assert.True(share.ArrivedOutOfHours);
        Assert.Equal(sent, share.DeliveredAt);
        Assert.Equal(share.ReceiptDueAt, share.NextEscalationAt);
        Assert.Equal([ShareEventKind.Sent], share.Events.Select(e => e.Kind));
    }

    [Fact]
    public void An_unreceived_notification_escalates_at_the_morning_start()
    {
        var share = Notified(At(2026, 11, 24, 2, 0));

        Assert.Null(share.Sweep(At(2026, 11, 24, 8, 59), EscalationLadder.Default, Calendar));
        var escalation = share.Sweep(At(2026, 11, 24, 9, 0), EscalationLadder.Default, Calendar);

        Assert.Equal((ShareClock.Receipt, 1, At(2026, 11, 24, 9, 0)), (escalation!.Clock, escalation.Level, escalation.DueAt));
    }
}
