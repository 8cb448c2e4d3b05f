using Cairn.Domain.Health;

namespace Cairn.Domain.Tests.Health;

public class DiagnosisTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly PersonId Child = PersonId.New();
    private static readonly ProfessionalId Doctor = ProfessionalId.New();

    private static Diagnosis Recorded() =>
        Diagnosis.Record(Child, " Autism spectrum condition ", Today.AddMonths(-4), " Consultant paediatrician, county hospital ", "  ", Doctor, Now).Value!;

    [Fact]
    public void A_diagnosis_is_recorded_as_current_and_trimmed()
    {
        var diagnosis = Recorded();

        Assert.Equal("Autism spectrum condition", diagnosis.Condition);
        Assert.Equal("Consultant paediatrician, county hospital", diagnosis.Source);
        Assert.Null(diagnosis.Notes);
        Assert.Equal(DiagnosisStatus.Current, diagnosis.Status);
        Assert.Equal(Today.AddMonths(-4), diagnosis.DiagnosedOn);
        Assert.Equal(1, diagnosis.Version);
        Assert.Empty(diagnosis.Changes);
    }

    [Theory]
    [InlineData("", "2026-01-01", "GP", "Condition", "Enter the diagnosis")]
    [InlineData("ADHD", null, "GP", "DiagnosedOn", "Enter the date of the diagnosis")]
    [InlineData("ADHD", "2026-11-24", "GP", "DiagnosedOn", "The date of the diagnosis must be today or in the past")]
    [InlineData("ADHD", "2026-01-01", " ", "Source", "Enter who made the diagnosis")]
    public void Missing_or_wrong_details_are_refused(string condition, string? diagnosedOn, string source, string field, string message)
    {
        DateOnly? on = diagnosedOn is null ? null : DateOnly.Parse(diagnosedOn, System.Globalization.CultureInfo.InvariantCulture);

        var outcome = Diagnosis.Record(Child, condition, on, source, null, Doctor, Now);

        Assert.Equal(new FieldError(field, message), Assert.Single(outcome.Refusal!.Errors));
    }

    [Fact]
    public void A_diagnosis_made_today_is_accepted()
    {
        Assert.True(Diagnosis.Record(Child, "ADHD", Today, "GP", null, Doctor, Now).Succeeded);
    }

    [Fact]
    public void A_status_change_is_kept_with_its_reason()
    {
        var diagnosis = Recorded();
        var later = Now.AddMonths(1);

        Assert.Null(diagnosis.ChangeStatus(DiagnosisStatus.Superseded, " Rediagnosed by CAMHS ", 1, Doctor, later));
        Assert.Null(diagnosis.ChangeStatus(DiagnosisStatus.Queried, "Second opinion requested", 2, Doctor, later));

        Assert.Equal(DiagnosisStatus.Queried, diagnosis.Status);
        Assert.Equal(3, diagnosis.Version);
        Assert.Equal(
            [
                new DiagnosisStatusChange(diagnosis.Id, DiagnosisStatus.Current, DiagnosisStatus.Superseded, "Rediagnosed by CAMHS", Doctor, later),
                new DiagnosisStatusChange(diagnosis.Id, DiagnosisStatus.Superseded, DiagnosisStatus.Queried, "Second opinion requested", Doctor, later),
            ],
            diagnosis.Changes);
    }

    [Fact]
    public void A_status_change_from_a_stale_page_is_refused()
    {
        var diagnosis = Recorded();

        Assert.Equal("Version", Assert.Single(diagnosis.ChangeStatus(DiagnosisStatus.Superseded, "Reason", 2, Doctor, Now)!.Errors).Field);
        Assert.Equal(DiagnosisStatus.Current, diagnosis.Status);
        Assert.Empty(diagnosis.Changes);
    }

    [Theory]
    [InlineData(DiagnosisStatus.Current)]
    [InlineData((DiagnosisStatus)9)]
    public void A_status_that_is_the_same_or_unknown_is_refused(DiagnosisStatus status)
    {
        var diagnosis = Recorded();

        Assert.Equal("Status", Assert.Single(diagnosis.ChangeStatus(status, "Reason", 1, Doctor, Now)!.Errors).Field);
        Assert.Empty(diagnosis.Changes);
    }

    [Fact]
    public void A_status_change_needs_a_reason()
    {
        var diagnosis = Recorded();

        Assert.Equal("Reason", Assert.Single(diagnosis.ChangeStatus(DiagnosisStatus.Superseded, " ", 1, Doctor, Now)!.Errors).Field);
        Assert.Equal(1, diagnosis.Version);
    }
}
