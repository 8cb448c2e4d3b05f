using Cairn.Domain.Education;

namespace Cairn.Domain.Tests.Education;

public class EducationRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly PersonId Child = PersonId.New();
    private static readonly ProfessionalId Teacher = ProfessionalId.New();
    private static readonly ProfessionalId Worker = ProfessionalId.New();

    private static EducationDraft AtSchool() => new(EducationStatus.AtSchool, Today.AddYears(-2), true, " EHCP: autism ", " School census ");

    private static EducationRecord Recorded() => EducationRecord.Record(Child, AtSchool(), Teacher, Now).Value!;

    [Fact]
    public void The_first_record_is_version_1_with_its_history()
    {
        var record = Recorded();

        Assert.Equal((EducationStatus.AtSchool, true, "EHCP: autism", false, 1), (record.Status, record.HasComplexNeeds, record.ComplexNeeds, record.ElectivelyHomeEducated, record.Version));
        var revision = Assert.Single(record.Revisions);
        Assert.Equal(("School census", Teacher, 1), (revision.Reason, revision.RecordedBy, revision.Version));
    }

    [Fact]
    public void Home_education_is_recorded_as_a_change_that_keeps_the_earlier_details()
    {
        var record = Recorded();

        var refusal = record.Change(new EducationDraft(EducationStatus.ElectivelyHomeEducated, Today, true, "EHCP: autism", "Parents wrote to the school"), 1, Worker, Now);

        Assert.Null(refusal);
        Assert.True(record.ElectivelyHomeEducated);
        Assert.Equal(2, record.Version);
        Assert.Equal([EducationStatus.AtSchool, EducationStatus.ElectivelyHomeEducated], record.Revisions.Select(r => r.Status));
        Assert.Equal((Worker, "Parents wrote to the school"), (record.Revisions[^1].RecordedBy, record.Revisions[^1].Reason));
    }

    [Fact]
    public void A_stale_version_is_refused_and_nothing_changes()
    {
        var record = Recorded();

        var refusal = record.Change(AtSchool() with { Status = EducationStatus.MissingEducation }, 5, Worker, Now);

        Assert.Equal("Version", refusal!.Errors[0].Field);
        Assert.Equal(EducationStatus.AtSchool, record.Status);
        Assert.Single(record.Revisions);
    }

    [Fact]
    public void A_change_that_changes_nothing_is_refused()
    {
        var record = Recorded();

        Assert.Equal("Status", record.Change(AtSchool() with { Reason = "Checked again" }, 1, Worker, Now)!.Errors[0].Field);
    }

    [Theory]
    [InlineData(null, "2025-01-01", false, null, "why", "Status")]
    [InlineData("AtSchool", null, false, null, "why", "Since")]
    [InlineData("AtSchool", "2026-11-24", false, null, "why", "Since")]
    [InlineData("AtSchool", "2025-01-01", true, " ", "why", "ComplexNeeds")]
    [InlineData("AtSchool", "2025-01-01", false, "EHCP", "why", "ComplexNeeds")]
    [InlineData("AtSchool", "2025-01-01", false, null, " ", "Reason")]
    public void Missing_or_inconsistent_details_are_refused(string? status, string? since, bool complex, string? needs, string reason, string field)
    {
        EducationStatus? s = status is null ? null : Enum.Parse<EducationStatus>(status);
        DateOnly? on = since is null ? null : DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture);

        var outcome = EducationRecord.Record(Child, new EducationDraft(s, on, complex, needs, reason), Teacher, Now);

        Assert.Equal(field, Assert.Single(outcome.Refusal!.Errors).Field);
    }
}
