using Cairn.Domain.Casework;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;

namespace Cairn.Domain.Tests.Casework;

/// <summary>Pre-proceedings and care proceedings (L30): started and ended with plausible dates, an advocate (or why not) for each parent.</summary>
public sealed class ProceedingsTests
{
    private static readonly PersonId Child = PersonId.New();
    private static readonly PersonId Mother = PersonId.New();
    private static readonly PersonId Father = PersonId.New();
    private static readonly ProfessionalId SocialWorker = ProfessionalId.New();
    private static readonly DateTimeOffset Now = At(2026, 11, 23, 10, 0);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Outcome<Proceedings> Start(ProceedingsKind? kind = ProceedingsKind.PreProceedings, DateOnly? on = null,
        bool alreadyOpen = false) =>
        Proceedings.Start(Child, kind, on ?? Today.AddDays(-7), alreadyOpen, SocialWorker, Now);

    private static Proceedings Started() => Start().Value!;

    [Fact]
    public void Starting_records_the_kind_and_date_and_opens_the_proceedings()
    {
        var proceedings = Start(ProceedingsKind.CareProceedings).Value!;

        Assert.Equal((Child, ProceedingsKind.CareProceedings, Today.AddDays(-7), SocialWorker, Now, 1),
            (proceedings.ChildId, proceedings.Kind, proceedings.StartedOn, proceedings.StartedBy, proceedings.StartedAt, proceedings.Version));
        Assert.True(proceedings.IsOpen);
        Assert.Empty(proceedings.Advocates);
    }

    public static TheoryData<ProceedingsKind?, DateOnly?, bool, string[]> BadStarts => new()
    {
        { null, Today, false, ["Kind"] },
        { (ProceedingsKind)9, Today, false, ["Kind"] },
        { ProceedingsKind.PreProceedings, null, false, ["StartedOn"] },
        { ProceedingsKind.PreProceedings, Today.AddDays(1), false, ["StartedOn"] },
        { ProceedingsKind.PreProceedings, Today.AddYears(-2).AddDays(-1), false, ["StartedOn"] },
        { ProceedingsKind.PreProceedings, Today, true, ["Kind"] },
        { null, null, false, ["Kind", "StartedOn"] },
    };

    [Theory]
    [MemberData(nameof(BadStarts))]
    public void Starting_needs_a_kind_a_date_in_the_last_two_years_and_nothing_of_the_kind_already_open(ProceedingsKind? kind, DateOnly? on,
        bool alreadyOpen, string[] fields)
    {
        var outcome = Proceedings.Start(Child, kind, on, alreadyOpen, SocialWorker, Now);

        Assert.Equal(fields, outcome.Refusal!.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-730)]
    public void Today_and_two_years_ago_are_accepted(int days)
    {
        Assert.True(Start(on: Today.AddDays(days)).Succeeded);
    }

    [Fact]
    public void Each_parent_without_an_advocate_or_a_reason_is_a_prompt_until_one_is_recorded_L30()
    {
        var proceedings = Started();
        Assert.Equal([Mother, Father], proceedings.WithoutAdvocate([Mother, Father]));

        Assert.Null(proceedings.RecordAdvocate(Mother, true, "  J Smith, Family Rights Group ", null, SocialWorker, proceedings.Version, Now));
        Assert.Equal([Father], proceedings.WithoutAdvocate([Mother, Father]));

        Assert.Null(proceedings.RecordAdvocate(Father, true, null, "Declined an advocate, in writing", SocialWorker, proceedings.Version, Now));
        Assert.Empty(proceedings.WithoutAdvocate([Mother, Father]));

        var mother = proceedings.Advocates.Single(a => a.FamilyMemberId == Mother);
        Assert.Equal(("J Smith, Family Rights Group", (string?)null, proceedings.Id, SocialWorker, Now),
            (mother.Advocate, mother.NoAdvocateReason, mother.ProceedingsId, mother.RecordedBy, mother.RecordedAt));
        Assert.Equal(3, proceedings.Version);
    }

    [Fact]
    public void A_later_entry_for_a_family_member_replaces_the_earlier()
    {
        var proceedings = Started();
        Assert.Null(proceedings.RecordAdvocate(Mother, true, null, "Wanted time to think about it", SocialWorker, proceedings.Version, Now));

        Assert.Null(proceedings.RecordAdvocate(Mother, true, "A Advocate, Local Advocacy", null, SocialWorker, proceedings.Version, Now.AddDays(1)));

        var entry = Assert.Single(proceedings.Advocates);
        Assert.Equal(("A Advocate, Local Advocacy", (string?)null), (entry.Advocate, entry.NoAdvocateReason));
    }

    public static TheoryData<bool, string?, string?, string> BadAdvocates => new()
    {
        { false, "An advocate", null, "FamilyMemberId" },
        { true, null, null, "Advocate" },
        { true, "  ", " ", "Advocate" },
        { true, "An advocate", "And a reason", "Advocate" },
        { true, new string('a', FamilyAdvocate.MaxLength + 1), null, "Advocate" },
        { true, null, new string('r', FamilyAdvocate.MaxLength + 1), "NoAdvocateReason" },
    };

    [Theory]
    [MemberData(nameof(BadAdvocates))]
    public void An_entry_is_for_a_family_member_and_has_an_advocate_or_a_reason_but_not_both(bool isFamilyMember, string? advocate, string? reason,
        string field)
    {
        var proceedings = Started();

        var refusal = proceedings.RecordAdvocate(Mother, isFamilyMember, advocate, reason, SocialWorker, proceedings.Version, Now);

        Assert.Equal([field], Fields(refusal));
        Assert.Empty(proceedings.Advocates);
        Assert.Equal(1, proceedings.Version);
    }

    [Fact]
    public void A_stale_version_is_a_conflict()
    {
        var proceedings = Started();

        Assert.Equal(RefusalKind.Conflict, proceedings.RecordAdvocate(Mother, true, "An advocate", null, SocialWorker, 0, Now)!.Kind);
        Assert.Equal(RefusalKind.Conflict, proceedings.End(Today, 2, Now)!.Kind);
    }

    [Fact]
    public void Ending_needs_a_date_from_the_start_to_today_and_happens_once()
    {
        var proceedings = Started();

        Assert.Equal(["EndedOn"], Fields(proceedings.End(null, proceedings.Version, Now)));
        Assert.Equal(["EndedOn"], Fields(proceedings.End(proceedings.StartedOn.AddDays(-1), proceedings.Version, Now)));
        Assert.Equal(["EndedOn"], Fields(proceedings.End(Today.AddDays(1), proceedings.Version, Now)));

        Assert.Null(proceedings.End(Today, proceedings.Version, Now));

        Assert.Equal(((DateOnly?)Today, false, 2), (proceedings.EndedOn, proceedings.IsOpen, proceedings.Version));
        Assert.Equal("These proceedings have already ended", proceedings.End(Today, proceedings.Version, Now)!.Errors[0].Message);
    }
}
