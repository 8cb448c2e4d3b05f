using Cairn.Domain.Chronology;

namespace Cairn.Domain.Tests.Chronology;

public class ChronologyContentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly VoiceOfChild Heard = new("I like it when Nan picks me up", "Seen alone in her bedroom", null);

    private static ChronologyContent Entry(ChronologyCategory category = ChronologyCategory.Incident, AppointmentOutcome? outcome = null,
        VoiceOfChild? voice = null, string summary = "Police called to the home after a neighbour heard shouting") =>
        new(Now.AddHours(-2), category, Significance.Significant, ContactMode.FaceToFace, outcome, summary, null, voice);

    [Fact]
    public void Did_not_attend_is_refused_for_a_child_with_was_not_brought_explained()
    {
        var refusal = Entry(ChronologyCategory.Appointment, AppointmentOutcome.DidNotAttend).Validate(concernsAChild: true, Now);

        Assert.NotNull(refusal);
        Assert.Equal(
            new FieldError("AppointmentOutcome",
                "Record a child's missed appointment as 'Was not brought', not 'Did not attend'. Children depend on the adults around them to bring them to appointments."),
            Assert.Single(refusal.Errors));
    }

    [Fact]
    public void Did_not_attend_is_allowed_for_an_adult_only_entry()
    {
        Assert.Null(Entry(ChronologyCategory.Appointment, AppointmentOutcome.DidNotAttend).Validate(concernsAChild: false, Now));
    }

    [Theory]
    [InlineData(AppointmentOutcome.Attended)]
    [InlineData(AppointmentOutcome.WasNotBrought)]
    [InlineData(AppointmentOutcome.CancelledByFamily)]
    [InlineData(AppointmentOutcome.CancelledByService)]
    [InlineData(AppointmentOutcome.NoAccess)]
    public void Other_outcomes_are_allowed_for_a_child(AppointmentOutcome outcome)
    {
        Assert.Null(Entry(ChronologyCategory.Appointment, outcome).Validate(concernsAChild: true, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData((AppointmentOutcome)42)]
    public void An_appointment_without_a_known_outcome_is_refused(AppointmentOutcome? outcome)
    {
        var refusal = Entry(ChronologyCategory.Appointment, outcome).Validate(concernsAChild: false, Now);

        Assert.Equal(new FieldError("AppointmentOutcome", "Select the outcome of the appointment"), Assert.Single(refusal!.Errors));
    }

    [Theory]
    [InlineData(ChronologyCategory.Incident)]
    [InlineData(ChronologyCategory.HealthAttendance)]
    [InlineData(ChronologyCategory.Meeting)]
    public void An_outcome_on_anything_but_an_appointment_is_refused(ChronologyCategory category)
    {
        var refusal = Entry(category, AppointmentOutcome.Attended).Validate(concernsAChild: false, Now);

        Assert.Equal(new FieldError("AppointmentOutcome", "An outcome applies only to an appointment"), Assert.Single(refusal!.Errors));
    }

    [Theory]
    [InlineData(ChronologyCategory.HomeVisit)]
    [InlineData(ChronologyCategory.Assessment)]
    public void A_visit_or_assessment_of_a_child_without_the_childs_voice_is_refused(ChronologyCategory category)
    {
        foreach (var voice in new[] { null, new VoiceOfChild(null, null, null), new VoiceOfChild(" ", "Seen alone", " ") })
        {
            var refusal = Entry(category, voice: voice).Validate(concernsAChild: true, Now);

            Assert.Equal("ChildsWords", Assert.Single(refusal!.Errors).Field);
        }
    }

    [Theory]
    [InlineData(ChronologyCategory.HomeVisit)]
    [InlineData(ChronologyCategory.Assessment)]
    public void The_childs_words_without_how_they_were_gathered_are_refused(ChronologyCategory category)
    {
        var refusal = Entry(category, voice: new VoiceOfChild("I don't like it when Dad shouts", " ", null)).Validate(concernsAChild: true, Now);

        Assert.Equal(new FieldError("HowGathered", "Enter how the child's views were gathered, for example seen alone at school"),
            Assert.Single(refusal!.Errors));
    }

    [Fact]
    public void The_childs_words_with_how_they_were_gathered_are_accepted()
    {
        Assert.Null(Entry(ChronologyCategory.HomeVisit, voice: Heard).Validate(concernsAChild: true, Now));
    }

    [Fact]
    public void Why_the_childs_voice_could_not_be_gathered_is_accepted()
    {
        var voice = new VoiceOfChild(null, null, "Baby aged 3 months; observed with mother, settled and responsive");

        Assert.Null(Entry(ChronologyCategory.HomeVisit, voice: voice).Validate(concernsAChild: true, Now));
    }

    [Theory]
    [InlineData(ChronologyCategory.HomeVisit)]
    [InlineData(ChronologyCategory.Assessment)]
    public void The_voice_of_a_child_is_not_required_when_no_child_is_concerned(ChronologyCategory category)
    {
        Assert.Null(Entry(category).Validate(concernsAChild: false, Now));
    }

    [Theory]
    [InlineData(ChronologyCategory.Incident, false)]
    [InlineData(ChronologyCategory.HomeVisit, true)]
    [InlineData(ChronologyCategory.Assessment, true)]
    [InlineData(ChronologyCategory.Meeting, false)]
    [InlineData(ChronologyCategory.Appointment, false)]
    public void Only_visits_and_assessments_require_the_voice_of_the_child(ChronologyCategory category, bool required)
    {
        Assert.Equal(required, Entry(category).RequiresVoiceOfChild);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_summary_is_required(string summary)
    {
        var refusal = Entry(summary: summary).Validate(concernsAChild: true, Now);

        Assert.Equal(new FieldError("Summary", "Enter a summary of what happened"), Assert.Single(refusal!.Errors));
    }

    [Fact]
    public void A_summary_of_the_maximum_length_is_accepted_and_one_more_refused()
    {
        Assert.Null(Entry(summary: new string('a', ChronologyContent.MaxSummaryLength)).Validate(true, Now));

        var refusal = Entry(summary: new string('a', ChronologyContent.MaxSummaryLength + 1)).Validate(true, Now);

        Assert.Equal(new FieldError("Summary", "The summary must be 200 characters or fewer; put the rest in the detail"), Assert.Single(refusal!.Errors));
    }

    [Fact]
    public void Detail_over_the_maximum_length_is_refused()
    {
        Assert.Null((Entry() with { Detail = new string('a', ChronologyContent.MaxDetailLength) }).Validate(true, Now));

        var refusal = (Entry() with { Detail = new string('a', ChronologyContent.MaxDetailLength + 1) }).Validate(true, Now);

        Assert.Equal("Detail", Assert.Single(refusal!.Errors).Field);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(60 * 24, false)]
    [InlineData(5, true)]
    [InlineData(0, true)]
    [InlineData(-60, true)]
    public void When_it_happened_must_not_be_in_the_future_beyond_five_minutes_of_clock_drift(int minutesAhead, bool accepted)
    {
        var refusal = (Entry() with { OccurredAt = Now.AddMinutes(minutesAhead) }).Validate(true, Now);

        if (accepted)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.Equal(new FieldError("OccurredAt", "The date and time it happened must be in the past"), Assert.Single(refusal!.Errors));
        }
    }

    [Fact]
    public void Unknown_enum_values_are_refused()
    {
        var content = Entry() with { Category = (ChronologyCategory)77, Significance = (Significance)0, ContactMode = (ContactMode)9 };

        var refusal = content.Validate(false, Now);

        Assert.Equal(["Category", "Significance", "ContactMode"], refusal!.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_voice_with_only_blanks_is_empty()
    {
        Assert.True(new VoiceOfChild(" ", null, "").IsEmpty);
        Assert.False(new VoiceOfChild(null, null, "Asleep").IsEmpty);
    }
}
