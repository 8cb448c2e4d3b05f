using Cairn.Domain.People;

namespace Cairn.Domain.Tests.People;

public class RelationshipTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly PersonId Mother = PersonId.New();
    private static readonly PersonId Child = PersonId.New();
    private static readonly ProfessionalId Worker = ProfessionalId.New();

    private static Outcome<Relationship> Record(PersonId from, PersonId to, RelationshipType type, DateOnly? started = null,
        DateOnly? ended = null, string? notes = null) =>
        Relationship.Record(from, to, type, started, ended, notes, Worker, Now, Today);

    [Fact]
    public void A_relationship_is_recorded_one_way()
    {
        var relationship = Record(Mother, Child, RelationshipType.Parent, new DateOnly(2019, 3, 14), notes: "  ").Value!;

        Assert.Equal(Mother, relationship.FromPersonId);
        Assert.Equal(Child, relationship.ToPersonId);
        Assert.Equal(RelationshipType.Parent, relationship.Type);
        Assert.Null(relationship.Notes);
        Assert.Null(relationship.EndedOn);
        Assert.Equal(1, relationship.Version);
    }

    [Fact]
    public void A_relationship_to_oneself_is_refused()
    {
        var outcome = Record(Child, Child, RelationshipType.Sibling);

        Assert.Equal(new FieldError("OtherPersonId", "A person cannot be related to themselves"), Assert.Single(outcome.Refusal!.Errors));
    }

    [Fact]
    public void An_unknown_type_is_refused()
    {
        Assert.Equal("Type", Assert.Single(Record(Mother, Child, (RelationshipType)0).Refusal!.Errors).Field);
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var outcome = Record(Mother, Child, RelationshipType.PartnerOfParent, new DateOnly(2025, 5, 1), new DateOnly(2025, 4, 30));

        Assert.Equal("EndedOn", Assert.Single(outcome.Refusal!.Errors).Field);
        Assert.True(Record(Mother, Child, RelationshipType.PartnerOfParent, new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 1)).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_person_posing_risk_needs_notes(string? notes)
    {
        var outcome = Record(PersonId.New(), Child, RelationshipType.PersonPosingRisk, notes: notes);

        Assert.Equal(new FieldError("Notes", "Describe the risk this person poses and where that information came from"), Assert.Single(outcome.Refusal!.Errors));
    }

    [Fact]
    public void A_person_posing_risk_with_notes_is_recorded()
    {
        var relationship = Record(PersonId.New(), Child, RelationshipType.PersonPosingRisk, notes: " Schedule 1 offender, police disclosure ").Value!;

        Assert.Equal("Schedule 1 offender, police disclosure", relationship.Notes);
    }

    [Theory]
    [InlineData("2025-01-01", null, "2024-12-31", false)]
    [InlineData("2025-01-01", null, "2025-01-01", true)]
    [InlineData(null, "2025-06-30", "2025-06-30", true)]
    [InlineData(null, "2025-06-30", "2025-07-01", false)]
    [InlineData(null, null, "1900-01-01", true)]
    public void Currency_follows_the_dates(string? started, string? ended, string on, bool current)
    {
        var relationship = Record(Mother, Child, RelationshipType.Parent, Date(started), Date(ended)).Value!;

        Assert.Equal(current, relationship.IsCurrentOn(Date(on)!.Value));
    }

    [Fact]
    public void Ending_keeps_the_relationship_with_its_end_date_and_moves_the_version_on()
    {
        var relationship = Record(Mother, Child, RelationshipType.PartnerOfParent, new DateOnly(2025, 5, 1)).Value!;

        Assert.Equal("EndedOn", Assert.Single(relationship.End(new DateOnly(2025, 4, 30), 1, Today)!.Errors).Field);
        Assert.Null(relationship.End(new DateOnly(2026, 1, 31), 1, Today));
        Assert.Equal(new DateOnly(2026, 1, 31), relationship.EndedOn);
        Assert.Equal(2, relationship.Version);
        Assert.Equal("EndedOn", Assert.Single(relationship.End(new DateOnly(2026, 2, 1), 2, Today)!.Errors).Field);
        Assert.Equal(new DateOnly(2026, 1, 31), relationship.EndedOn);
        Assert.Equal(2, relationship.Version);
    }

    [Fact]
    public void Ending_from_a_stale_version_is_refused_and_changes_nothing()
    {
        var relationship = Record(Mother, Child, RelationshipType.PartnerOfParent, new DateOnly(2025, 5, 1)).Value!;

        var refusal = relationship.End(new DateOnly(2026, 1, 31), 7, Today);

        Assert.True(refusal!.IsConflict);
        Assert.Equal(Relationship.Stale.Errors, refusal!.Errors);
        Assert.Null(relationship.EndedOn);
        Assert.Equal(1, relationship.Version);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void A_relationship_ends_today_or_in_the_past(int daysFromToday, bool allowed)
    {
        var relationship = Record(Mother, Child, RelationshipType.SignificantAdult).Value!;

        var refusal = relationship.End(Today.AddDays(daysFromToday), 1, Today);

        Assert.Equal(allowed, refusal is null);
        Assert.Equal(allowed ? Today : (DateOnly?)null, relationship.EndedOn);
    }

    [Theory]
    [InlineData(1, null, "StartedOn")]
    [InlineData(null, 1, "EndedOn")]
    public void Dates_in_the_future_are_refused(int? startDays, int? endDays, string field)
    {
        var outcome = Record(Mother, Child, RelationshipType.Parent, startDays is { } s ? Today.AddDays(s) : null, endDays is { } e ? Today.AddDays(e) : null);

        Assert.Equal(field, Assert.Single(outcome.Refusal!.Errors).Field);
    }

    [Fact]
    public void Notes_longer_than_the_limit_are_refused()
    {
        var outcome = Record(Mother, Child, RelationshipType.PersonPosingRisk, notes: new string('x', Relationship.MaxNotesLength + 1));

        Assert.Equal("Notes", Assert.Single(outcome.Refusal!.Errors).Field);
    }

    [Fact]
    public void The_same_current_relationship_cannot_be_recorded_twice_and_siblings_count_both_ways()
    {
        var sister = PersonId.New();
        var existing = new[]
        {
            Record(Mother, Child, RelationshipType.Parent).Value!,
            Record(Child, sister, RelationshipType.Sibling).Value!,
        };

        Assert.Equal("Type", Assert.Single(Relationship.AlreadyRecorded(existing, Mother, Child, RelationshipType.Parent, Today)!.Errors).Field);
        Assert.NotNull(Relationship.AlreadyRecorded(existing, sister, Child, RelationshipType.Sibling, Today));
        Assert.Null(Relationship.AlreadyRecorded(existing, Child, Mother, RelationshipType.Parent, Today));
        Assert.Null(Relationship.AlreadyRecorded(existing, Mother, Child, RelationshipType.PersonPosingRisk, Today));
    }

    [Fact]
    public void An_ended_relationship_can_be_recorded_again()
    {
        var partner = Record(Mother, Child, RelationshipType.PartnerOfParent, new DateOnly(2024, 1, 1)).Value!;
        partner.End(new DateOnly(2025, 1, 1), 1, Today);

        Assert.Null(Relationship.AlreadyRecorded([partner], Mother, Child, RelationshipType.PartnerOfParent, Today));
    }

    [Fact]
    public void The_other_person_is_read_from_either_side()
    {
        var relationship = Record(Mother, Child, RelationshipType.Parent).Value!;

        Assert.Equal(Child, relationship.OtherThan(Mother));
        Assert.Equal(Mother, relationship.OtherThan(Child));
        Assert.True(relationship.Involves(Child));
        Assert.False(relationship.Involves(PersonId.New()));
    }

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
