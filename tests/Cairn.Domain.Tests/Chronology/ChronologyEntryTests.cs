using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;

namespace Cairn.Domain.Tests.Chronology;

public class ChronologyEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly AgencyId Police = AgencyId.New();
    private static readonly ProfessionalId Officer = ProfessionalId.New();
    private static readonly PersonId Child = PersonId.New();
    private static readonly PersonId Sibling = PersonId.New();
    private static readonly PersonId Mother = PersonId.New();

    private static ChronologyContent Incident() => new(Now.AddHours(-3), ChronologyCategory.Incident, Significance.Significant,
        ContactMode.FaceToFace, null, "  Police called to the home after a neighbour heard shouting  ", "  ", new VoiceOfChild(" ", null, null));

    private static ChronologyEntry Recorded(params (PersonId, bool)[] subjects) =>
        ChronologyEntry.Record(Incident(), subjects, Police, AgencyKind.Police, Officer, Now).Value!;

    [Fact]
    public void An_entry_about_no_one_is_refused()
    {
        var outcome = ChronologyEntry.Record(Incident(), [], Police, AgencyKind.Police, Officer, Now);

        Assert.Equal(new FieldError("Subjects", "Select at least one person this entry is about"), Assert.Single(outcome.Refusal!.Errors));
    }

    [Fact]
    public void Content_is_validated_for_a_child_when_any_subject_is_a_child()
    {
        var missed = Incident() with { Category = ChronologyCategory.Appointment, AppointmentOutcome = AppointmentOutcome.DidNotAttend };

        Assert.False(ChronologyEntry.Record(missed, [(Mother, false), (Child, true)], Police, AgencyKind.Police, Officer, Now).Succeeded);
        Assert.True(ChronologyEntry.Record(missed, [(Mother, false)], Police, AgencyKind.Police, Officer, Now).Succeeded);
    }

    [Fact]
    public void Record_creates_one_subject_per_distinct_person_with_the_filter_fields_copied()
    {
        var entry = Recorded((Child, true), (Sibling, true), (Child, true), (Mother, false));

        Assert.Equal([Child, Sibling, Mother], entry.Subjects.Select(s => s.PersonId));
        Assert.All(entry.Subjects, s =>
        {
            Assert.Equal(entry.Id, s.EntryId);
            Assert.Equal(Now.AddHours(-3), s.OccurredAt);
            Assert.Equal(Significance.Significant, s.Significance);
            Assert.Equal(ChronologyCategory.Incident, s.Category);
            Assert.Equal(Police, s.AgencyId);
        });
    }

    [Fact]
    public void Record_trims_the_content_and_stamps_who_and_when()
    {
        var entry = Recorded((Child, true));

        Assert.Equal("Police called to the home after a neighbour heard shouting", entry.Content.Summary);
        Assert.Null(entry.Content.Detail);
        Assert.Null(entry.Content.Voice);
        Assert.Equal(Officer, entry.RecordedBy);
        Assert.Equal(Now, entry.RecordedAt);
        Assert.Equal(AgencyKind.Police, entry.AgencyKind);
        Assert.Equal(1, entry.Version);
        Assert.Empty(entry.Revisions);
    }

    [Fact]
    public void Amend_refuses_a_stale_version()
    {
        var entry = Recorded((Child, true));

        var outcome = entry.Amend(Incident() with { Summary = "Changed" }, 2, "Typo", true, Officer, Now);

        Assert.Equal("Version", Assert.Single(outcome.Refusal!.Errors).Field);
        Assert.Empty(entry.Revisions);
        Assert.Equal(1, entry.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Amend_refuses_a_blank_reason(string reason)
    {
        var entry = Recorded((Child, true));

        var outcome = entry.Amend(Incident() with { Summary = "Changed" }, 1, reason, true, Officer, Now);

        Assert.Equal(new FieldError("Reason", "Enter the reason for the amendment"), Assert.Single(outcome.Refusal!.Errors));
        Assert.Empty(entry.Revisions);
    }

    [Fact]
    public void Amend_refuses_invalid_content_for_a_child()
    {
        var entry = Recorded((Child, true));

        var outcome = entry.Amend(Incident() with { Category = ChronologyCategory.HomeVisit, Voice = null }, 1, "Was a visit", true, Officer, Now);

        Assert.Equal("ChildsWords", Assert.Single(outcome.Refusal!.Errors).Field);
        Assert.Equal(ChronologyCategory.Incident, entry.Content.Category);
    }

    [Fact]
    public void Amend_keeps_the_original_and_refreshes_the_subjects()
    {
        var entry = Recorded((Child, true), (Mother, false));
        var original = entry.Content;
        var editor = ProfessionalId.New();
        var later = Now.AddHours(1);
        var corrected = Incident() with { OccurredAt = Now.AddDays(-1), Significance = Significance.Critical, Category = ChronologyCategory.Police };

        var revision = entry.Amend(corrected, 1, " Wrong day ", concernsAChild: true, editor, later).Value!;

        Assert.Equal(new ChronologyRevision(entry.Id, 1, original, "Wrong day", editor, later), revision);
        Assert.Same(original, Assert.Single(entry.Revisions).Before);
        Assert.Equal(2, entry.Version);
        Assert.Equal(Significance.Critical, entry.Content.Significance);
        Assert.Equal("Police called to the home after a neighbour heard shouting", entry.Content.Summary);
        Assert.All(entry.Subjects, s =>
        {
            Assert.Equal(Now.AddDays(-1), s.OccurredAt);
            Assert.Equal(Significance.Critical, s.Significance);
            Assert.Equal(ChronologyCategory.Police, s.Category);
        });
    }

    [Fact]
    public void Each_amendment_keeps_its_own_revision()
    {
        var entry = Recorded((Child, true));

        Assert.True(entry.Amend(Incident() with { Summary = "Second" }, 1, "One", true, Officer, Now).Succeeded);
        Assert.True(entry.Amend(Incident() with { Summary = "Third" }, 2, "Two", true, Officer, Now).Succeeded);

        Assert.Equal(["Police called to the home after a neighbour heard shouting", "Second"], entry.Revisions.Select(r => r.Before.Summary));
        Assert.Equal([1, 2], entry.Revisions.Select(r => r.Version));
        Assert.Equal("Third", entry.Content.Summary);
        Assert.Equal(3, entry.Version);
    }
}
