using Cairn.Domain.Concerns;
using Cairn.Domain.Escalation;
using Cairn.Domain.FrontDoor;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;

namespace Cairn.Domain.Tests.FrontDoor;

public class ContactTests
{
    private static readonly PersonId Child = PersonId.New();
    private static readonly AreaId Area = AreaId.New();
    private static readonly Guid Group = Guid.NewGuid();
    private static readonly ProfessionalId Recorder = ProfessionalId.New();
    private static readonly ProfessionalId Practitioner = ProfessionalId.New();
    private static readonly ProfessionalId Manager = ProfessionalId.New();
    private static readonly ProfessionalId OtherManager = ProfessionalId.New();

    // Monday 23 November 2026, 10:00: the decision is due at the close of Tuesday.
    private static readonly DateTimeOffset Monday = At(2026, 11, 23, 10, 0);
    private static readonly DateTimeOffset DueTuesday = At(2026, 11, 24, 17, 0);

    private static readonly IndicatorSeen Bruise = new("S01", "Injury or disclosure suggesting physical abuse, including any bruise on a non-mobile baby");
    private static readonly IndicatorSeen Dash = new("S04", "High-risk domestic abuse (DASH high), or abuse in a household with a child under two");

    private static ContactDraft Draft(Referrer? referrer = null, ConcernTheme themes = ConcernTheme.PhysicalAbuse, DateTimeOffset? receivedAt = null,
        ContactSource source = ContactSource.School) =>
        new(source, referrer ?? new Referrer("Ms A Teacher", "Hillside Primary", "Class teacher", "01632 960123", null, false),
            "  Child arrived with a bruise on the cheek and said dad was angry.  ", themes, receivedAt);

    private static Contact Received(DateTimeOffset? at = null, ContactDraft? draft = null, PoliceIncident? incident = null) =>
        Contact.Receive(draft ?? Draft(), Child, Area, Group, Recorder, null, incident, at ?? Monday, Calendar).Value!;

    private static TriageDraft Triage(ThresholdLevel? level = ThresholdLevel.Statutory, TriageOutcome? outcome = TriageOutcome.StrategyDiscussion,
        string? reasons = "Bruise to the face with a disclosure; two earlier police notifications of domestic abuse.", IReadOnlyList<IndicatorSeen>? indicators = null) =>
        new(level, outcome, reasons, indicators ?? [Bruise]);

    private static Contact Decided(DateTimeOffset? at = null)
    {
        var contact = Received();
        Assert.Null(contact.Decide(Triage(), Practitioner, contact.Version, at ?? Monday.AddHours(2)));
        return contact;
    }

    // ---- Receiving ----

    [Fact]
    public void A_contact_received_Friday_1655_before_a_bank_holiday_Monday_is_due_for_decision_on_Tuesday_at_close()
    {
        var contact = Received(At(2026, 8, 28, 16, 55));

        Assert.Equal(At(2026, 9, 1, 17, 0), contact.DecisionDueAt);
        Assert.Equal(contact.DecisionDueAt, contact.NextEscalationAt);
    }

    [Fact]
    public void A_contact_received_on_a_working_morning_is_due_at_the_close_of_the_next_working_day()
    {
        var contact = Received();

        Assert.Equal(DueTuesday, contact.DecisionDueAt);
        Assert.Equal(ContactStatus.AwaitingDecision, contact.Status);
        Assert.Equal(1, contact.Version);
        Assert.Equal(0, contact.EscalationLevel);
        Assert.True(contact.IsOpen);
        var received = Assert.Single(contact.Events);
        Assert.Equal((ContactEventKind.Received, Recorder, Monday), (received.Kind, received.By, received.At));
    }

    [Fact]
    public void The_decision_clock_runs_from_when_the_contact_was_received_not_when_it_was_recorded()
    {
        var draft = Draft(receivedAt: At(2026, 11, 23, 16, 0));

        var contact = Received(At(2026, 11, 24, 9, 30), draft);

        Assert.Equal(At(2026, 11, 23, 16, 0), contact.ReceivedAt);
        Assert.Equal(DueTuesday, contact.DecisionDueAt);
    }

    [Fact]
    public void A_received_contact_keeps_what_was_entered_tidied()
    {
        var referrer = new Referrer("  Ms A Teacher ", "  ", " Class teacher ", " 01632 960123 ", "", false);

        var contact = Contact.Receive(Draft(referrer), Child, Area, Group, Recorder, Practitioner, null, Monday, Calendar).Value!;

        Assert.Equal(new Referrer("Ms A Teacher", null, "Class teacher", "01632 960123", null, false), contact.Referrer);
        Assert.Equal("Child arrived with a bruise on the cheek and said dad was angry.", contact.Concerns);
        Assert.Equal((Child, Area, Group, Recorder, Practitioner, ContactSource.School), (contact.ChildId, contact.AreaId, contact.GroupId, contact.RecordedBy, contact.ReferredBy, contact.Source));
        Assert.Null(contact.Incident);
    }

    [Fact]
    public void An_anonymous_referrer_keeps_no_details()
    {
        var caller = new Referrer("Pat Neighbour", "Residents' association", "Neighbour", "07700 900123", "pat@example.org", true);

        var contact = Received(draft: Draft(caller, source: ContactSource.Public));

        Assert.Equal(Referrer.AnonymousCaller, contact.Referrer);
        Assert.Null(contact.Referrer.Name);
        Assert.Null(contact.Referrer.Phone);
        Assert.Null(contact.Referrer.Email);
    }

    [Fact]
    public void The_incident_themes_are_added_to_those_the_recorder_chose()
    {
        var incident = new PoliceIncident(IncidentType.DrugsOrAlcohol, Monday.AddHours(-10), null, "  WS-20261122-0417 ");
        var police = new Referrer("PC Sam Example", "Westshire Police", null, null, "sam.example@police.example", false);

        var contact = Received(draft: Draft(police, ConcernTheme.Neglect, source: ContactSource.Police), incident: incident);

        Assert.Equal(ConcernTheme.Neglect | ConcernTheme.ParentalSubstanceMisuse | ConcernTheme.ParentalAlcoholMisuse, contact.Themes);
        Assert.Equal("WS-20261122-0417", contact.Incident!.Reference);
        Assert.Equal(IncidentType.DrugsOrAlcohol, contact.Incident.Type);
    }

    [Fact]
    public void A_contact_with_an_invalid_incident_is_refused()
    {
        var incident = new PoliceIncident(IncidentType.DomesticAbuse, Monday.AddHours(-10), null, "WS-1");

        var outcome = Contact.Receive(Draft(), Child, Area, Group, Recorder, null, incident, Monday, Calendar);

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.Value);
        Assert.Equal(new HashSet<string> { "Risk" }, Fields(outcome.Refusal));
    }

    [Fact]
    public void An_invalid_contact_is_refused()
    {
        var outcome = Contact.Receive(new ContactDraft(ContactSource.School, null, "", ConcernTheme.None, null), Child, Area, Group, Recorder, null, null, Monday, Calendar);

        Assert.Null(outcome.Value);
        Assert.Equal(new HashSet<string> { "Anonymous", "Concerns" }, Fields(outcome.Refusal));
    }

    // ---- Deciding ----

    [Theory]
    [InlineData(ThresholdLevel.Universal, TriageOutcome.NoFurtherAction, true)]
    [InlineData(ThresholdLevel.Universal, TriageOutcome.EarlyHelp, false)]
    [InlineData(ThresholdLevel.Universal, TriageOutcome.Assessment, false)]
    [InlineData(ThresholdLevel.Universal, TriageOutcome.StrategyDiscussion, false)]
    [InlineData(ThresholdLevel.Universal, TriageOutcome.ImmediateProtection, false)]
    [InlineData(ThresholdLevel.EarlyHelp, TriageOutcome.NoFurtherAction, true)]
    [InlineData(ThresholdLevel.EarlyHelp, TriageOutcome.EarlyHelp, true)]
    [InlineData(ThresholdLevel.EarlyHelp, TriageOutcome.Assessment, false)]
    [InlineData(ThresholdLevel.EarlyHelp, TriageOutcome.StrategyDiscussion, false)]
    [InlineData(ThresholdLevel.EarlyHelp, TriageOutcome.ImmediateProtection, false)]
    [InlineData(ThresholdLevel.Targeted, TriageOutcome.NoFurtherAction, false)]
    [InlineData(ThresholdLevel.Targeted, TriageOutcome.EarlyHelp, true)]
    [InlineData(ThresholdLevel.Targeted, TriageOutcome.Assessment, true)]
    [InlineData(ThresholdLevel.Targeted, TriageOutcome.StrategyDiscussion, false)]
    [InlineData(ThresholdLevel.Targeted, TriageOutcome.ImmediateProtection, false)]
    [InlineData(ThresholdLevel.Statutory, TriageOutcome.NoFurtherAction, false)]
    [InlineData(ThresholdLevel.Statutory, TriageOutcome.EarlyHelp, false)]
    [InlineData(ThresholdLevel.Statutory, TriageOutcome.Assessment, true)]
    [InlineData(ThresholdLevel.Statutory, TriageOutcome.StrategyDiscussion, true)]
    [InlineData(ThresholdLevel.Statutory, TriageOutcome.ImmediateProtection, true)]
    public void Each_level_of_need_allows_only_its_outcomes(ThresholdLevel level, TriageOutcome outcome, bool fits)
    {
        var contact = Received();

        var refusal = contact.Decide(Triage(level, outcome), Practitioner, contact.Version, Monday.AddHours(1));

        Assert.Equal(fits, Contact.Fits(level, outcome));
        if (fits)
        {
            Assert.Null(refusal);
            Assert.Equal(ContactStatus.AwaitingSignOff, contact.Status);
        }
        else
        {
            var error = Assert.Single(refusal!.Errors);
            Assert.Equal("Outcome", error.Field);
            Assert.StartsWith("The outcome does not fit the level of need", error.Message, StringComparison.Ordinal);
            Assert.Equal(ContactStatus.AwaitingDecision, contact.Status);
            Assert.Null(contact.Level);
        }
    }

    [Fact]
    public void An_undefined_level_fits_nothing()
    {
        Assert.All(Enum.GetValues<TriageOutcome>(), o => Assert.False(Contact.Fits((ThresholdLevel)9, o)));
    }

    [Fact]
    public void A_decision_with_nothing_chosen_is_refused_naming_every_field()
    {
        var contact = Received();

        var refusal = contact.Decide(new TriageDraft(null, null, null, []), Practitioner, contact.Version, Monday.AddHours(1));

        Assert.Equal(new HashSet<string> { "Level", "Outcome", "Reasons", "Indicators" }, Fields(refusal));
        Assert.Equal(1, contact.Version);
    }

    [Fact]
    public void An_undefined_level_or_outcome_is_refused()
    {
        var contact = Received();

        Assert.Equal(new HashSet<string> { "Level" }, Fields(contact.Decide(Triage(level: (ThresholdLevel)9), Practitioner, 1, Monday)));
        Assert.Equal(new HashSet<string> { "Outcome" }, Fields(contact.Decide(Triage(outcome: (TriageOutcome)9), Practitioner, 1, Monday)));
    }

    [Theory]
    [InlineData("Bruise, see notes")] // 17 characters
    [InlineData("Bruise to face seen")] // 19 characters
    [InlineData("   Bruise to face seen     ")] // 19 once trimmed
    public void Reasons_of_fewer_than_20_characters_are_refused(string reasons)
    {
        var contact = Received();

        Assert.Equal(new HashSet<string> { "Reasons" }, Fields(contact.Decide(Triage(reasons: reasons), Practitioner, 1, Monday)));
    }

    [Fact]
    public void Reasons_of_exactly_20_characters_are_enough()
    {
        var contact = Received();

        Assert.Null(contact.Decide(Triage(reasons: " Bruise to face seen. "), Practitioner, 1, Monday));
        Assert.Equal("Bruise to face seen.", contact.Reasons);
    }

    [Fact]
    public void Reasons_longer_than_the_limit_are_refused()
    {
        var contact = Received();

        Assert.Equal(new HashSet<string> { "Reasons" }, Fields(contact.Decide(Triage(reasons: new string('r', ContactDraft.MaxConcernsLength + 1)), Practitioner, 1, Monday)));
    }

    [Fact]
    public void A_decision_must_cite_at_least_one_indicator()
    {
        var contact = Received();

        Assert.Equal(new HashSet<string> { "Indicators" }, Fields(contact.Decide(Triage(indicators: []), Practitioner, 1, Monday)));
    }

    [Fact]
    public void A_decision_is_recorded_and_waits_for_sign_off()
    {
        var contact = Received();
        var at = Monday.AddHours(3);

        var refusal = contact.Decide(Triage(reasons: "  Bruise to the face with a disclosure of being hit.  ", indicators: [Bruise, Dash, Bruise]), Practitioner, 1, at);

        Assert.Null(refusal);
        Assert.Equal(ContactStatus.AwaitingSignOff, contact.Status);
        Assert.Equal(ThresholdLevel.Statutory, contact.Level);
        Assert.Equal(TriageOutcome.StrategyDiscussion, contact.Outcome);
        Assert.Equal("Bruise to the face with a disclosure of being hit.", contact.Reasons);
        Assert.Equal([Bruise, Dash], contact.Indicators);
        Assert.Equal(Practitioner, contact.DecidedBy);
        Assert.Equal(at, contact.DecidedAt);
        Assert.Equal(2, contact.Version);
        Assert.True(contact.IsOpen);
        var decided = contact.Events[^1];
        Assert.Equal((ContactEventKind.Decided, Practitioner, at, "Statutory: StrategyDiscussion"), (decided.Kind, decided.By, decided.At, decided.Note));
    }

    [Fact]
    public void A_decision_on_a_stale_version_is_refused()
    {
        var contact = Received();

        var refusal = contact.Decide(Triage(), Practitioner, 0, Monday);

        Assert.Equal(new HashSet<string> { "Version" }, Fields(refusal));
        Assert.Equal(ContactStatus.AwaitingDecision, contact.Status);
        Assert.Null(contact.Level);
    }

    [Fact]
    public void A_contact_cannot_be_decided_twice()
    {
        var contact = Decided();

        var refusal = contact.Decide(Triage(ThresholdLevel.Universal, TriageOutcome.NoFurtherAction), OtherManager, contact.Version, Monday.AddHours(4));

        Assert.Equal(new HashSet<string> { "Contact" }, Fields(refusal));
        Assert.Equal(ThresholdLevel.Statutory, contact.Level);
        Assert.Equal(Practitioner, contact.DecidedBy);
        Assert.Equal(2, contact.Version);
    }

    [Fact]
    public void A_signed_off_contact_cannot_be_decided_again()
    {
        var contact = Decided();
        Assert.Null(contact.SignOff(Manager, true, null, contact.Version, Monday.AddHours(5)));

        var refusal = contact.Decide(Triage(), Practitioner, contact.Version, Monday.AddHours(6));

        Assert.Equal(new HashSet<string> { "Contact" }, Fields(refusal));
        Assert.Equal(ContactStatus.Decided, contact.Status);
    }

    // ---- Sign-off ----

    [Fact]
    public void A_manager_other_than_the_decider_signs_the_decision_off()
    {
        var contact = Decided();
        var at = Monday.AddHours(5);

        var refusal = contact.SignOff(Manager, true, "  Agreed: strategy discussion today.  ", contact.Version, at);

        Assert.Null(refusal);
        Assert.Equal(ContactStatus.Decided, contact.Status);
        Assert.False(contact.IsOpen);
        Assert.Equal(Manager, contact.SignedOffBy);
        Assert.Equal(at, contact.SignedOffAt);
        Assert.Null(contact.NextEscalationAt);
        Assert.Equal(3, contact.Version);
        var signed = contact.Events[^1];
        Assert.Equal((ContactEventKind.SignedOff, Manager, at, "Agreed: strategy discussion today."), (signed.Kind, signed.By, signed.At, signed.Note));
    }

    [Fact]
    public void A_blank_sign_off_note_is_kept_as_none()
    {
        var contact = Decided();

        Assert.Null(contact.SignOff(Manager, true, "   ", contact.Version, Monday.AddHours(5)));
        Assert.Null(contact.Events[^1].Note);
    }

    [Fact]
    public void Only_a_manager_can_sign_off()
    {
        var contact = Decided();

        var refusal = contact.SignOff(OtherManager, false, null, contact.Version, Monday.AddHours(5));

        Assert.Equal(new HashSet<string> { "Contact" }, Fields(refusal));
        Assert.Equal(ContactStatus.AwaitingSignOff, contact.Status);
        Assert.Null(contact.SignedOffBy);
    }

    [Fact]
    public void The_decider_cannot_sign_off_their_own_decision_even_as_a_manager()
    {
        var contact = Decided();

        var refusal = contact.SignOff(Practitioner, true, null, contact.Version, Monday.AddHours(5));

        Assert.Equal(new HashSet<string> { "Contact" }, Fields(refusal));
        Assert.Equal(ContactStatus.AwaitingSignOff, contact.Status);
    }

    [Fact]
    public void There_is_nothing_to_sign_off_before_a_decision_or_after_sign_off()
    {
        var contact = Received();
        Assert.Equal(new HashSet<string> { "Contact" }, Fields(contact.SignOff(Manager, true, null, contact.Version, Monday)));

        Assert.Null(contact.Decide(Triage(), Practitioner, contact.Version, Monday));
        Assert.Null(contact.SignOff(Manager, true, null, contact.Version, Monday));
        Assert.Equal(new HashSet<string> { "Contact" }, Fields(contact.SignOff(OtherManager, true, null, contact.Version, Monday)));
        Assert.Equal(Manager, contact.SignedOffBy);
    }

    [Fact]
    public void A_sign_off_on_a_stale_version_is_refused()
    {
        var contact = Decided();

        var refusal = contact.SignOff(Manager, true, null, contact.Version - 1, Monday.AddHours(5));

        Assert.Equal(new HashSet<string> { "Version" }, Fields(refusal));
        Assert.Equal(ContactStatus.AwaitingSignOff, contact.Status);
    }

    // ---- Returning ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_decision_is_returned_only_with_a_reason(string? reason)
    {
        var contact = Decided();

        var refusal = contact.Return(Manager, true, reason, contact.Version, Monday.AddHours(5));

        Assert.Equal(new HashSet<string> { "Note" }, Fields(refusal));
        Assert.Equal(ContactStatus.AwaitingSignOff, contact.Status);
        Assert.Equal(ThresholdLevel.Statutory, contact.Level);
    }

    [Fact]
    public void A_returned_decision_is_cleared_kept_in_the_history_and_can_be_made_again()
    {
        var contact = Decided();
        var at = Monday.AddHours(5);

        var refusal = contact.Return(Manager, true, "  Check the health visitor's records first. ", contact.Version, at);

        Assert.Null(refusal);
        Assert.Equal(ContactStatus.AwaitingDecision, contact.Status);
        Assert.Null(contact.Level);
        Assert.Null(contact.Outcome);
        Assert.Null(contact.Reasons);
        Assert.Empty(contact.Indicators);
        Assert.Null(contact.DecidedBy);
        Assert.Null(contact.DecidedAt);
        Assert.Null(contact.SignedOffBy);
        Assert.Equal(3, contact.Version);
        Assert.Equal(DueTuesday, contact.NextEscalationAt);
        var returned = contact.Events[^1];
        Assert.Equal((ContactEventKind.ReturnedByManager, Manager, at), (returned.Kind, returned.By, returned.At));
        Assert.Contains("Statutory: StrategyDiscussion", returned.Note, StringComparison.Ordinal);
        Assert.EndsWith(": Check the health visitor's records first.", returned.Note, StringComparison.Ordinal);
        Assert.Equal([ContactEventKind.Received, ContactEventKind.Decided, ContactEventKind.ReturnedByManager], contact.Events.Select(e => e.Kind));

        Assert.Null(contact.Decide(Triage(ThresholdLevel.Targeted, TriageOutcome.Assessment), Practitioner, contact.Version, at.AddHours(1)));
        Assert.Equal(ThresholdLevel.Targeted, contact.Level);
    }

    [Fact]
    public void Only_a_manager_other_than_the_decider_can_return_a_decision_and_only_while_it_waits()
    {
        var contact = Decided();

        Assert.Equal(new HashSet<string> { "Contact" }, Fields(contact.Return(OtherManager, false, "Needs more checks done", contact.Version, Monday)));
        Assert.Equal(new HashSet<string> { "Contact" }, Fields(contact.Return(Practitioner, true, "Needs more checks done", contact.Version, Monday)));
        Assert.Equal(new HashSet<string> { "Version" }, Fields(contact.Return(Manager, true, "Needs more checks done", contact.Version + 1, Monday)));
        Assert.Equal(ContactStatus.AwaitingSignOff, contact.Status);

        Assert.Null(contact.Return(Manager, true, "Needs more checks done", contact.Version, Monday));
        Assert.Equal(new HashSet<string> { "Contact" }, Fields(contact.Return(Manager, true, "Needs more checks done", contact.Version, Monday)));
    }

    // ---- Escalation ----

    [Fact]
    public void Nothing_escalates_before_the_decision_is_due()
    {
        var contact = Received();

        Assert.Null(contact.Sweep(DueTuesday.AddMinutes(-1), EscalationLadder.Default, Calendar));
        Assert.Equal(0, contact.EscalationLevel);
        Assert.Equal(1, contact.Version);
        Assert.False(contact.IsOverdue(DueTuesday.AddMinutes(-1)));
    }

    [Fact]
    public void At_the_due_time_the_contact_escalates_to_the_first_rung_once()
    {
        var contact = Received();

        var first = contact.Sweep(DueTuesday, EscalationLadder.Default, Calendar);
        var again = contact.Sweep(DueTuesday.AddMinutes(1), EscalationLadder.Default, Calendar);

        Assert.True(contact.IsOverdue(DueTuesday));
        Assert.Equal(new ContactEscalation(contact.Id, 1, EscalationAudience.SenderAndRecipientManager, DueTuesday), first);
        Assert.Null(again);
        Assert.Equal(1, contact.EscalationLevel);
        var escalated = Assert.Single(contact.Events, e => e.Kind == ContactEventKind.Escalated);
        Assert.Equal((1, (ProfessionalId?)null, DueTuesday), (escalated.Level, escalated.By, escalated.At));
    }

    [Fact]
    public void Each_further_rung_waits_its_working_hours_after_the_due_time_and_the_ladder_stops_at_the_top()
    {
        var contact = Received();
        var ladder = EscalationLadder.Default;

        contact.Sweep(DueTuesday, ladder, Calendar);
        // Rung 2 is 4 working hours after Tuesday's close: Wednesday 13:00.
        Assert.Equal(At(2026, 11, 25, 13, 0), contact.NextEscalationAt);
        Assert.Null(contact.Sweep(At(2026, 11, 25, 12, 59), ladder, Calendar));
        var second = contact.Sweep(At(2026, 11, 25, 13, 0), ladder, Calendar);
        // Rung 3 is 8 working hours after: Wednesday's close.
        Assert.Equal(At(2026, 11, 25, 17, 0), contact.NextEscalationAt);
        Assert.Null(contact.Sweep(At(2026, 11, 25, 16, 59), ladder, Calendar));
        var third = contact.Sweep(At(2026, 11, 25, 17, 0), ladder, Calendar);
        var beyond = contact.Sweep(At(2026, 12, 24, 11, 0), ladder, Calendar);

        Assert.Equal((2, EscalationAudience.SafeguardingLead, DueTuesday), (second!.Level, second.Audience, second.DueAt));
        Assert.Equal((3, EscalationAudience.HeadOfService, DueTuesday), (third!.Level, third.Audience, third.DueAt));
        Assert.Null(beyond);
        Assert.Null(contact.NextEscalationAt);
        Assert.Equal(3, contact.EscalationLevel);
        Assert.Equal([1, 2, 3], contact.Events.Where(e => e.Kind == ContactEventKind.Escalated).Select(e => e.Level!.Value));
    }

    [Fact]
    public void A_sweep_with_a_shorter_ladder_than_the_contact_has_climbed_stops_the_clock()
    {
        var contact = Received();
        contact.Sweep(DueTuesday, EscalationLadder.Default, Calendar);
        var oneRung = new EscalationLadder([new EscalationStep(1, TimeSpan.Zero, EscalationAudience.SenderAndRecipientManager)]);

        var result = contact.Sweep(At(2026, 11, 25, 13, 0), oneRung, Calendar);

        Assert.Null(result);
        Assert.Null(contact.NextEscalationAt);
        Assert.Equal(1, contact.EscalationLevel);
        Assert.Single(contact.Events, e => e.Kind == ContactEventKind.Escalated);
    }

    [Fact]
    public void A_decision_waiting_for_sign_off_still_escalates()
    {
        var contact = Decided();

        var escalation = contact.Sweep(DueTuesday, EscalationLadder.Default, Calendar);

        Assert.Equal(1, escalation!.Level);
        Assert.Equal(ContactStatus.AwaitingSignOff, contact.Status);
    }

    [Fact]
    public void Nothing_escalates_once_signed_off()
    {
        var contact = Decided();
        Assert.Null(contact.SignOff(Manager, true, null, contact.Version, Monday.AddHours(5)));

        Assert.Null(contact.Sweep(DueTuesday, EscalationLadder.Default, Calendar));
        Assert.Null(contact.Sweep(At(2026, 12, 24, 11, 0), EscalationLadder.Default, Calendar));

        Assert.False(contact.IsOverdue(DueTuesday));
        Assert.Equal(0, contact.EscalationLevel);
        Assert.DoesNotContain(contact.Events, e => e.Kind == ContactEventKind.Escalated);
    }

    [Fact]
    public void A_late_sign_off_stops_further_rungs()
    {
        var contact = Decided();
        contact.Sweep(DueTuesday, EscalationLadder.Default, Calendar);
        Assert.Null(contact.SignOff(Manager, true, null, contact.Version, DueTuesday.AddMinutes(30)));

        Assert.Null(contact.Sweep(At(2026, 11, 25, 13, 0), EscalationLadder.Default, Calendar));
        Assert.Equal(1, contact.EscalationLevel);
    }
}
