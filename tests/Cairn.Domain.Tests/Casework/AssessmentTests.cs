using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Casework;

/// <summary>
/// Assessments (issue #13; L25, L26, L27, L32; T02): what each type needs to start, the 45 working days of a child and family
/// assessment, the sections a submission needs, late reasons, a manager's authorisation, currency and citations.
/// </summary>
public sealed class AssessmentTests
{
    private static readonly WorkingCalendar Calendar = new(EnglandAndWales.BankHolidays);
    private static readonly PersonId Child = PersonId.New();
    private static readonly ProfessionalId Worker = ProfessionalId.New();
    private static readonly ProfessionalId Manager = ProfessionalId.New();
    private static readonly AgencyId SocialCare = AgencyId.New();

    /// <summary>Wednesday 1 April 2026, 10:00 in London: Good Friday, Easter Monday and two May bank holidays lie ahead.</summary>
    private static readonly DateTimeOffset Referral = London(2026, 4, 1, 10);

    private static DateTimeOffset London(int year, int month, int day, int hour) =>
        new DateTimeOffset(new DateTime(year, month, day, hour, 0, 0), LocalDate.London.GetUtcOffset(new DateTime(year, month, day, hour, 0, 0)));

    private static AssessmentStart ChildAndFamily(DateOnly? startedOn = null) => new()
    {
        Type = AssessmentType.ChildAndFamily,
        Basis = AssessmentBasis.Section17,
        StartedOn = startedOn ?? new DateOnly(2026, 4, 1),
        Lead = Worker,
        LeadAgency = SocialCare,
    };

    private static Assessment Started(AssessmentStart? start = null, DateTimeOffset? now = null) =>
        Assessment.Start(Child, start ?? ChildAndFamily(), true, Calendar, Worker, now ?? Referral).Value
        ?? throw new InvalidOperationException("The test assessment was refused");

    private static readonly AssessmentSections Complete = new()
    {
        VoiceOfChild = "Said she likes school and is scared when her parents shout at night.",
        Health = "Registered with Riverside Medical Practice; immunisations up to date; the GP has no concerns.",
        GpInvolved = true,
        Findings = "Home conditions adequate; parental conflict witnessed by the child.",
        Analysis = "The conflict is the main risk to her emotional wellbeing.",
        Recommendations = "Child in need plan with a domestic abuse programme for both parents.",
    };

    /// <summary>An assessment with every section recorded, submitted by the worker at <paramref name="at"/>.</summary>
    private static Assessment Submitted(DateTimeOffset at, string? lateReason = null)
    {
        var a = Started();
        Assert.Null(a.Update(Complete, Worker, a.Version, Referral.AddDays(10)));
        Assert.Null(a.Submit(lateReason, Worker, a.Version, at));
        return a;
    }

    private static Assessment Authorised(DateTimeOffset at)
    {
        var a = Submitted(Referral.AddDays(20));
        Assert.Null(a.Authorise(null, Manager, a.Version, at));
        return a;
    }

    [Fact]
    public void A_child_and_family_assessment_is_due_45_working_days_after_the_referral_with_bank_holidays_counted_T02()
    {
        var a = Started();

        // 45 weekdays after 1 April 2026 is 3 June; Good Friday, Easter Monday and the two May bank holidays make it 9 June.
        Assert.Equal(new DateOnly(2026, 6, 9), a.DueOn);
        Assert.Equal(45, Calendar.WorkingDaysBetween(a.StartedOn, a.DueOn!.Value));
        Assert.Equal(London(2026, 6, 9, 17), a.DueAt);
        Assert.Equal((0, a.DueAt), (a.EscalationLevel, a.NextEscalationAt));
        Assert.Equal(AssessmentStatus.InProgress, a.Status);
    }

    [Theory]
    [InlineData(AssessmentType.ParentingCapacity)]
    [InlineData(AssessmentType.Risk)]
    [InlineData(AssessmentType.OtherAgency)]
    [InlineData(AssessmentType.InitialHealth)]
    public void Other_types_have_no_national_timescale_and_never_escalate(AssessmentType type)
    {
        var a = Started(new AssessmentStart
        {
            Type = type,
            Name = "EHCP needs assessment",
            SubjectId = PersonId.New(),
            SubjectIsParent = true,
            StartedOn = new DateOnly(2026, 4, 1),
            Lead = Worker,
            LeadAgency = SocialCare,
        });

        Assert.Null(a.DueOn);
        Assert.Null(a.NextEscalationAt);
        Assert.False(a.IsOverdue(new DateOnly(2027, 1, 1)));
        Assert.Null(a.Sweep(London(2027, 1, 1, 12), EscalationLadder.Default, Calendar));
    }

    [Fact]
    public void A_child_and_family_assessment_needs_its_section_and_a_lead_and_each_is_named()
    {
        var refused = Assessment.Start(Child, new AssessmentStart { Type = AssessmentType.ChildAndFamily }, true, Calendar, Worker, Referral).Refusal;

        Assert.NotNull(refused);
        Assert.Equal(RefusalKind.Invalid, refused.Kind);
        Assert.Equal(["Basis", "StartedOn", "LeadId"], refused.Errors.Select(e => e.Field));
        Assert.Contains("referral date", refused.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_agencys_assessment_needs_its_name_and_keeps_it_as_the_name_shown()
    {
        var unnamed = new AssessmentStart { Type = AssessmentType.OtherAgency, StartedOn = new DateOnly(2026, 4, 1), Lead = Worker, LeadAgency = SocialCare };

        Assert.Equal("Name", Assessment.Start(Child, unnamed, true, Calendar, Worker, Referral).Refusal!.Errors.Single().Field);
        var named = Started(unnamed with { Name = "  EHCP needs assessment " });
        Assert.Equal("EHCP needs assessment", named.TypeName);
        Assert.Null(named.Basis);
    }

    [Fact]
    public void A_parenting_capacity_assessment_is_of_a_parent_or_carer_of_the_child_L32()
    {
        var start = new AssessmentStart { Type = AssessmentType.ParentingCapacity, StartedOn = new DateOnly(2026, 4, 1), Lead = Worker, LeadAgency = SocialCare };
        var mother = PersonId.New();

        Assert.Equal("SubjectId", Assessment.Start(Child, start, true, Calendar, Worker, Referral).Refusal!.Errors.Single().Field);
        var notAParent = Assessment.Start(Child, start with { SubjectId = mother }, true, Calendar, Worker, Referral).Refusal!;
        Assert.Contains("parent or carer", notAParent.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(mother, Started(start with { SubjectId = mother, SubjectIsParent = true }).SubjectId);
    }

    [Fact]
    public void A_social_care_only_type_is_refused_as_not_allowed_to_another_agency_and_others_are_open_to_any()
    {
        var refused = Assessment.Start(Child, ChildAndFamily(), mayRecord: false, Calendar, Worker, Referral).Refusal!;

        Assert.Equal(RefusalKind.NotAllowed, refused.Kind);
        Assert.False(AssessmentTypes.MayBeRecordedBy(AssessmentType.ChildAndFamily, AgencyKind.School));
        Assert.False(AssessmentTypes.MayBeRecordedBy(AssessmentType.ParentingCapacity, AgencyKind.HealthVisiting));
        Assert.True(AssessmentTypes.MayBeRecordedBy(AssessmentType.ChildAndFamily, AgencyKind.ChildrensSocialCare));
        Assert.True(AssessmentTypes.MayBeRecordedBy(AssessmentType.OtherAgency, AgencyKind.School));
        Assert.True(AssessmentTypes.MayBeRecordedBy(AssessmentType.ReviewHealth, AgencyKind.GeneralPractice));
    }

    [Fact]
    public void The_start_must_not_be_in_the_future_nor_more_than_two_years_ago()
    {
        Assert.Equal("StartedOn", Assessment.Start(Child, ChildAndFamily(new DateOnly(2026, 4, 2)), true, Calendar, Worker, Referral).Refusal!.Errors.Single().Field);
        Assert.Equal("StartedOn", Assessment.Start(Child, ChildAndFamily(new DateOnly(2024, 3, 31)), true, Calendar, Worker, Referral).Refusal!.Errors.Single().Field);
        Assert.NotNull(Started(ChildAndFamily(new DateOnly(2024, 4, 1))).DueOn);
    }

    [Fact]
    public void Submitting_needs_the_voice_of_the_child_and_health_L26()
    {
        var a = Started();
        Assert.Null(a.Update(Complete with { VoiceOfChild = "  ", Health = null }, Worker, 1, Referral.AddDays(1)));

        var refused = a.Submit(null, Worker, a.Version, Referral.AddDays(2))!;

        Assert.Equal(["VoiceOfChild", "Health"], refused.Errors.Select(e => e.Field));
        Assert.Equal((AssessmentStatus.InProgress, 2), (a.Status, a.Version));
    }

    [Fact]
    public void No_GP_involvement_recorded_is_a_flag_not_a_refusal_L26()
    {
        var a = Started();
        Assert.True(a.NoGpInvolvement);
        Assert.Null(a.Update(Complete with { GpInvolved = false }, Worker, 1, Referral.AddDays(1)));

        Assert.Null(a.Submit(null, Worker, a.Version, Referral.AddDays(2)));
        Assert.True(a.NoGpInvolvement);
    }

    [Fact]
    public void Submitting_after_the_due_date_needs_a_reason_of_20_characters_and_keeps_it_T02()
    {
        var a = Started();
        Assert.Null(a.Update(Complete, Worker, 1, Referral.AddDays(1)));
        var late = London(2026, 6, 10, 10);

        Assert.Equal("LateReason", a.Submit(null, Worker, a.Version, late)!.Errors.Single().Field);
        Assert.Equal("LateReason", a.Submit("Too busy", Worker, a.Version, late)!.Errors.Single().Field);
        Assert.Null(a.Submit("The family were abroad for three weeks in May.", Worker, a.Version, late));
        Assert.Equal("The family were abroad for three weeks in May.", a.LateReason);
    }

    [Fact]
    public void Submitting_on_the_due_date_needs_no_reason()
    {
        var a = Submitted(London(2026, 6, 9, 16));

        Assert.Equal(AssessmentStatus.AwaitingAuthorisation, a.Status);
        Assert.Null(a.LateReason);
    }

    [Fact]
    public void Authorising_late_needs_a_reason_when_the_lead_gave_none_and_not_when_they_did()
    {
        var onTime = Submitted(London(2026, 6, 1, 10));
        var late = London(2026, 6, 12, 10);
        Assert.Equal("LateReason", onTime.Authorise(null, Manager, onTime.Version, late)!.Errors.Single().Field);
        Assert.Null(onTime.Authorise("Authorisation waited for the manager's return from leave.", Manager, onTime.Version, late));

        var explained = Submitted(London(2026, 6, 11, 10), "The family were abroad for three weeks in May.");
        Assert.Null(explained.Authorise(null, Manager, explained.Version, late));
        Assert.Equal((AssessmentStatus.Authorised, new DateOnly(2026, 6, 12), (DateTimeOffset?)null),
            (explained.Status, explained.CompletedOn, explained.NextEscalationAt));
    }

    [Fact]
    public void Whoever_submitted_it_may_neither_authorise_nor_return_it()
    {
        var a = Submitted(Referral.AddDays(20));

        var authorise = a.Authorise(null, Worker, a.Version, Referral.AddDays(21))!;
        var giveBack = a.Return("The analysis does not weigh the father's history.", Worker, a.Version, Referral.AddDays(21))!;

        Assert.Equal(RefusalKind.NotAllowed, authorise.Kind);
        Assert.Equal(RefusalKind.NotAllowed, giveBack.Kind);
        Assert.Equal(AssessmentStatus.AwaitingAuthorisation, a.Status);
    }

    [Fact]
    public void A_returned_assessment_is_in_progress_again_with_the_reason_in_its_history()
    {
        var a = Submitted(Referral.AddDays(20));

        Assert.Equal("Reason", a.Return("Too short", Manager, a.Version, Referral.AddDays(21))!.Errors.Single().Field);
        Assert.Null(a.Return("The analysis does not weigh the father's history.", Manager, a.Version, Referral.AddDays(21)));

        Assert.Equal((AssessmentStatus.InProgress, (ProfessionalId?)null), (a.Status, a.SubmittedBy));
        Assert.Equal("The analysis does not weigh the father's history.", a.Events[^1].Note);
        Assert.Null(a.Submit(null, Worker, a.Version, Referral.AddDays(22)));
        Assert.Null(a.Authorise(null, Manager, a.Version, Referral.AddDays(23)));
    }

    [Fact]
    public void A_stale_version_is_a_conflict_and_an_authorised_assessment_cannot_change()
    {
        var a = Started();
        Assert.True(a.Update(Complete, Worker, a.Version + 1, Referral)!.IsConflict);
        Assert.True(a.Submit(null, Worker, 0, Referral)!.IsConflict);

        var done = Authorised(Referral.AddDays(30));
        var refused = done.Update(Complete, Worker, done.Version, Referral.AddDays(31))!;
        Assert.Equal("Status", refused.Errors.Single().Field);
    }

    [Fact]
    public void Currency_runs_the_areas_months_from_authorisation_current_on_the_last_day_and_out_of_date_the_next_L25()
    {
        var a = Authorised(London(2026, 5, 15, 11));
        var area = AssessmentCurrency.Create(new Dictionary<AssessmentType, int?> { [AssessmentType.ChildAndFamily] = 3 }).Value!;

        Assert.Equal(new DateOnly(2026, 8, 15), a.CurrentUntil(area));
        Assert.Equal(AssessmentCurrencyState.Current, a.CurrencyOn(new DateOnly(2026, 8, 15), area));
        Assert.Equal(AssessmentCurrencyState.OutOfDate, a.CurrencyOn(new DateOnly(2026, 8, 16), area));
        Assert.Equal(AssessmentCurrencyState.Current, a.CurrencyOn(new DateOnly(2026, 8, 16), AssessmentCurrency.Default));
        Assert.Equal(AssessmentCurrencyState.InProgress, Started().CurrencyOn(new DateOnly(2026, 8, 16), area));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    [InlineData(null)]
    public void An_area_period_is_from_1_to_36_months(int? months)
    {
        var refused = AssessmentCurrency.Create(new Dictionary<AssessmentType, int?> { [AssessmentType.Risk] = months }).Refusal!;

        Assert.Equal("Months[Risk]", refused.Errors.Single().Field);
        Assert.Equal(36, AssessmentCurrency.Create(new Dictionary<AssessmentType, int?> { [AssessmentType.Risk] = 36 }).Value!.MonthsFor(AssessmentType.Risk));
    }

    [Fact]
    public void An_assessment_not_yet_authorised_cannot_be_cited_L25()
    {
        var refused = AssessmentCitation.Cite(Submitted(Referral.AddDays(20)), AssessmentCurrency.Default, CitedByKind.Plan, Guid.NewGuid(),
            "Relied on for the plan.", Worker, Referral.AddDays(25)).Refusal!;

        Assert.Contains("not authorised yet", refused.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_of_date_assessment_is_cited_only_with_a_note_and_the_citation_keeps_that_it_was_out_of_date_L25()
    {
        var a = Authorised(London(2026, 5, 15, 11));
        var later = London(2027, 5, 20, 11);

        var refused = AssessmentCitation.Cite(a, AssessmentCurrency.Default, CitedByKind.Contact, Guid.NewGuid(), null, Worker, later).Refusal!;
        Assert.Contains("out of date", refused.Errors.Single().Message, StringComparison.Ordinal);
        var cited = AssessmentCitation.Cite(a, AssessmentCurrency.Default, CitedByKind.Contact, Guid.NewGuid(),
            "Nothing has changed at home since; a new assessment is booked.", Worker, later).Value!;

        Assert.True(cited.OutOfDateWhenCited);
        var current = AssessmentCitation.Cite(a, AssessmentCurrency.Default, CitedByKind.Plan, Guid.NewGuid(), null, Worker, London(2026, 6, 1, 9)).Value!;
        Assert.False(current.OutOfDateWhenCited);
    }

    [Fact]
    public void Parenting_capacity_is_missing_for_each_parent_without_a_current_authorised_assessment_L32()
    {
        var mother = PersonId.New();
        var father = PersonId.New();
        var start = new AssessmentStart
        {
            Type = AssessmentType.ParentingCapacity,
            SubjectId = mother,
            SubjectIsParent = true,
            StartedOn = new DateOnly(2026, 4, 1),
            Lead = Worker,
            LeadAgency = SocialCare,
        };
        var ofMother = Started(start);
        Assert.Null(ofMother.Update(Complete, Worker, ofMother.Version, Referral.AddDays(1)));
        Assert.Null(ofMother.Submit(null, Worker, ofMother.Version, Referral.AddDays(2)));
        Assert.Null(ofMother.Authorise(null, Manager, ofMother.Version, Referral.AddDays(3)));
        var ofFatherInProgress = Started(start with { SubjectId = father });
        var today = new DateOnly(2026, 6, 1);

        Assert.Equal([father], ParentingCapacity.Missing(true, [mother, father], [ofMother, ofFatherInProgress], AssessmentCurrency.Default, today));
        Assert.Empty(ParentingCapacity.Missing(false, [mother, father], [], AssessmentCurrency.Default, today));
        Assert.Equal([mother, father],
            ParentingCapacity.Missing(true, [mother, father], [ofMother], AssessmentCurrency.Default, new DateOnly(2027, 6, 1)));
    }

    [Fact]
    public void An_overdue_assessment_climbs_one_rung_per_sweep_and_stops_once_authorised()
    {
        var a = Started();
        var due = a.DueAt!.Value;

        Assert.Null(a.Sweep(due.AddMinutes(-1), EscalationLadder.Default, Calendar));
        var first = a.Sweep(due, EscalationLadder.Default, Calendar)!;
        Assert.Equal((1, EscalationAudience.SenderAndRecipientManager, new DateOnly(2026, 6, 9)), (first.Level, first.Audience, first.DueOn));
        Assert.Null(a.Sweep(due, EscalationLadder.Default, Calendar));
        Assert.Equal(2, a.Sweep(a.NextEscalationAt!.Value, EscalationLadder.Default, Calendar)!.Level);

        Assert.Null(a.Update(Complete, Worker, a.Version, due.AddDays(2)));
        Assert.Null(a.Submit("The family were abroad for three weeks in May.", Worker, a.Version, due.AddDays(2)));
        Assert.Null(a.Authorise(null, Manager, a.Version, due.AddDays(3)));
        Assert.Null(a.NextEscalationAt);
        Assert.Null(a.Sweep(due.AddDays(30), EscalationLadder.Default, Calendar));
    }
}
