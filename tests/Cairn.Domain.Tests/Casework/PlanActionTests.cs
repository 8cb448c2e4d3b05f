using Cairn.Domain.Casework;
using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Casework;

/// <summary>
/// The live actions of an agreed plan (L23): they follow each version agreed, say where each action stands between versions, and
/// climb the escalation ladder one rung per sweep once overdue.
/// </summary>
public sealed class PlanActionTests
{
    private static readonly WorkingCalendar Calendar = new([]);
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly ProfessionalId Worker = ProfessionalId.New();
    private static readonly ProfessionalId Nurse = ProfessionalId.New();
    private static readonly AgencyId Agency = AgencyId.New();

    private static PlanSectionDraft Outcome(params PlannedActionDraft[] actions) =>
        new() { Kind = PlanSectionKind.Outcome, Title = "Sam is healthy", Actions = actions };

    private static PlannedActionDraft Action(string what, DateOnly due, Guid? key = null, ProfessionalId? owner = null) =>
        new() { Key = key, What = what, Owner = owner ?? Nurse, DueOn = due };

    private static readonly PlanSectionDraft[] Views =
    [
        new() { Kind = PlanSectionKind.ChildsView, Text = "I want to see the dentist." },
        new() { Kind = PlanSectionKind.FamilysView, Text = "Dad agrees." },
    ];

    private static Plan Agreed(params PlannedActionDraft[] actions)
    {
        var plan = Plan.Start(PersonId.New(), PlanType.ChildInNeed, null, Worker, [Outcome(actions), .. Views], _ => Agency, Worker, Now.AddDays(-30))
            .Value!;
        Assert.Null(plan.Agree(Today.AddDays(-20), "Child in need meeting", Worker, plan.Version, Now.AddDays(-20)));
        return plan;
    }

    /// <summary>Revises the plan, rewrites its outcome with <paramref name="actions"/>, confirms the rest and agrees it.</summary>
    private static void ReviseAndAgree(Plan plan, IReadOnlyList<PlanAction> live, params PlannedActionDraft[] actions)
    {
        Assert.Null(plan.Revise(k => live.FirstOrDefault(a => a.Key == k)?.Status, Worker, plan.Version, Now));
        foreach (var section in plan.Draft!.Sections.ToList())
        {
            var refusal = section.Kind == PlanSectionKind.Outcome
                ? plan.SaveSection(Outcome(actions) with { Key = section.Key, Title = "Sam is healthy and well" }, _ => Agency, Worker, plan.Version, Now)
                    .Refusal
                : plan.ConfirmSection(section.Key, Worker, plan.Version, Now);
            Assert.Null(refusal);
        }

        Assert.Null(plan.Agree(Today, "Review", Worker, plan.Version, Now));
    }

    [Fact]
    public void Sync_adds_a_row_for_each_action_agreed_with_its_owner_due_date_and_a_clock_at_the_close_of_the_due_day()
    {
        var plan = Agreed(Action("Dentist appointment", Today.AddDays(5)), Action("Immunisations up to date", Today.AddDays(30)));

        var rows = PlanAction.Sync(plan, plan.Current!, [], Calendar, Now);

        Assert.Equal(2, rows.Count);
        var dentist = rows.Single(r => r.What == "Dentist appointment");
        Assert.Equal((Nurse, Agency, Today.AddDays(5), PlanActionStatus.NotStarted, true), (dentist.OwnerId, dentist.OwnerAgencyId, dentist.DueOn,
            dentist.Status, dentist.InForce));
        Assert.Equal(Calendar.CloseOf(Today.AddDays(5)), dentist.NextEscalationAt);
        Assert.Equal(plan.ChildId, dentist.ChildId);
    }

    [Fact]
    public void Sync_updates_kept_actions_retires_dropped_ones_and_restarts_the_clock_only_on_a_new_due_date()
    {
        var plan = Agreed(Action("Dentist appointment", Today.AddDays(-3)), Action("Immunisations", Today.AddDays(-2)),
            Action("Eye test", Today.AddDays(-1)));
        var live = PlanAction.Sync(plan, plan.Current!, [], Calendar, Now.AddDays(-20)).ToList();
        var dentist = live.Single(r => r.What == "Dentist appointment");
        var immunisations = live.Single(r => r.What == "Immunisations");
        var eyes = live.Single(r => r.What == "Eye test");
        Assert.NotNull(immunisations.Sweep(Now, EscalationLadder.Default, Calendar));
        var immunisationsClock = immunisations.NextEscalationAt;

        ReviseAndAgree(plan, live,
            Action("Dentist appointment", Today.AddDays(10), dentist.Key),
            Action("Immunisations, all of them", Today.AddDays(-2), immunisations.Key),
            Action("Hearing test", Today.AddDays(20)));
        var added = PlanAction.Sync(plan, plan.Current!, live, Calendar, Now);

        Assert.Equal("Hearing test", Assert.Single(added).What);
        Assert.Equal((Today.AddDays(10), Calendar.CloseOf(Today.AddDays(10)), 0), (dentist.DueOn, dentist.NextEscalationAt, dentist.EscalationLevel));
        Assert.Equal(("Immunisations, all of them", 1, immunisationsClock), (immunisations.What, immunisations.EscalationLevel,
            immunisations.NextEscalationAt));
        Assert.False(eyes.InForce);
        Assert.Null(eyes.NextEscalationAt);
        Assert.False(eyes.IsOverdue(Today));
    }

    [Fact]
    public void An_overdue_action_climbs_one_rung_per_sweep_and_never_twice_for_the_same_rung()
    {
        var plan = Agreed(Action("Dentist appointment", Today.AddDays(-1)));
        var row = Assert.Single(PlanAction.Sync(plan, plan.Current!, [], Calendar, Now));
        var due = Calendar.CloseOf(Today.AddDays(-1));

        Assert.Null(row.Sweep(due.AddMinutes(-1), EscalationLadder.Default, Calendar));
        var first = row.Sweep(due, EscalationLadder.Default, Calendar);
        Assert.Null(row.Sweep(due, EscalationLadder.Default, Calendar));
        var second = row.Sweep(Calendar.AddWorkingHours(due, TimeSpan.FromHours(4)), EscalationLadder.Default, Calendar);
        Assert.Null(row.Sweep(Calendar.AddWorkingHours(due, TimeSpan.FromHours(4)), EscalationLadder.Default, Calendar));
        var third = row.Sweep(due.AddDays(6), EscalationLadder.Default, Calendar);

        Assert.Equal((1, EscalationAudience.SenderAndRecipientManager, Nurse), (first!.Level, first.Audience, first.Owner));
        Assert.Equal((2, EscalationAudience.SafeguardingLead), (second!.Level, second.Audience));
        Assert.Equal((3, EscalationAudience.HeadOfService), (third!.Level, third.Audience));
        Assert.Null(row.Sweep(due.AddDays(30), EscalationLadder.Default, Calendar));
        Assert.Null(row.Sweep(due.AddDays(60), EscalationLadder.Default, Calendar));
        Assert.Equal(3, row.EscalationLevel);
    }

    [Fact]
    public void A_done_action_stops_escalating_and_one_no_longer_needed_says_why()
    {
        var plan = Agreed(Action("Dentist appointment", Today.AddDays(-1)));
        var row = Assert.Single(PlanAction.Sync(plan, plan.Current!, [], Calendar, Now));

        Assert.Equal("Note", Assert.Single(row.Update(PlanActionStatus.NoLongerNeeded, null, row.Version, Now)!.Errors).Field);
        Assert.True(row.Update(PlanActionStatus.Done, null, row.Version - 1, Now)!.IsConflict);
        Assert.Null(row.Update(PlanActionStatus.Done, "Seen on 9 March", row.Version, Now));

        Assert.Equal((PlanActionStatus.Done, Today, "Seen on 9 March"), (row.Status, row.CompletedOn, row.Note));
        Assert.False(row.IsOverdue(Today.AddDays(10)));
        Assert.Null(row.Sweep(Now.AddDays(10), EscalationLadder.Default, Calendar));
    }

    [Fact]
    public void Ending_the_plan_takes_every_action_out_of_force()
    {
        var plan = Agreed(Action("Dentist appointment", Today.AddDays(-1)), Action("Eye test", Today.AddDays(3)));
        var rows = PlanAction.Sync(plan, plan.Current!, [], Calendar, Now);

        PlanAction.EndAll(rows);

        Assert.All(rows, r => Assert.Equal((false, (DateTimeOffset?)null), (r.InForce, r.NextEscalationAt)));
        Assert.Contains("no longer part of the plan", rows[0].Update(PlanActionStatus.Done, null, rows[0].Version, Now)!.Errors[0].Message,
            StringComparison.Ordinal);
    }
}
