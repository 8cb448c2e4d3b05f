using Cairn.Domain.People;

namespace Cairn.Domain.Tests.People;

public class PersonTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly AreaId Area = AreaId.New();
    private static readonly ProfessionalId Worker = ProfessionalId.New();

    private static PersonDetails AChild() => new(PersonKind.Child, "Amira", "Khan", new DateOnly(2019, 3, 14), null, Sex.Female,
        "APKN", "943 476 5919", "G820200125001", "Urdu", true);

    private static PersonDetails AnAdult() => new(PersonKind.Adult, "Sam", "Khan", null, null, Sex.Unknown, null, null, null, null, false);

    [Fact]
    public void Valid_details_pass()
    {
        Assert.Null(AChild().Validate(Today));
        Assert.Null(AnAdult().Validate(Today));
    }

    [Fact]
    public void An_unborn_child_may_have_no_given_name()
    {
        var unborn = AChild() with { GivenName = "", DateOfBirth = null, ExpectedDateOfBirth = Today.AddMonths(3) };

        Assert.Null(unborn.Validate(Today));
    }

    public static TheoryData<string, PersonDetails, string, string> Invalid => new()
    {
        { "missing family name", AChild() with { FamilyName = "  " }, "FamilyName", "Enter the person's family name" },
        { "missing given name with a date of birth", AChild() with { GivenName = "" }, "GivenName", "Enter the person's given name" },
        { "name too long", AChild() with { GivenName = new string('a', 101) }, "FamilyName", "Names must be 100 characters or fewer" },
        { "child without either date", AChild() with { DateOfBirth = null }, "DateOfBirth", "Enter the child's date of birth, or the expected date of birth for an unborn child" },
        { "date of birth tomorrow", AChild() with { DateOfBirth = Today.AddDays(1) }, "DateOfBirth", "Date of birth must be today or in the past. For an unborn child, enter the expected date of birth instead" },
        { "date of birth over 120 years ago", AnAdult() with { DateOfBirth = Today.AddYears(-120).AddDays(-1) }, "DateOfBirth", "Enter a real date of birth" },
        { "child aged 25 or more", AChild() with { DateOfBirth = Today.AddYears(-25).AddDays(-1) }, "DateOfBirth", "A child's record is for people under 25 (care leavers up to 25). Record an older person as an adult" },
        { "expected more than 10 months ahead", AChild() with { DateOfBirth = null, ExpectedDateOfBirth = Today.AddMonths(10).AddDays(1) }, "ExpectedDateOfBirth", "Expected date of birth must be within the next 10 months. If the child has been born, enter their date of birth" },
        { "expected over a month ago", AChild() with { DateOfBirth = null, ExpectedDateOfBirth = Today.AddMonths(-1).AddDays(-1) }, "ExpectedDateOfBirth", "Expected date of birth must be within the next 10 months. If the child has been born, enter their date of birth" },
        { "unknown ethnicity code", AChild() with { EthnicityCode = "XXXX" }, "EthnicityCode", "Select the person's ethnicity from the list" },
        { "ethnicity code in lower case", AChild() with { EthnicityCode = "wbri" }, "EthnicityCode", "Select the person's ethnicity from the list" },
        { "NHS number too short", AChild() with { NhsNumber = "943 476 591" }, "NhsNumber", "Enter an NHS number with 10 digits, like 943 476 5919" },
        { "NHS number check digit", AChild() with { NhsNumber = "943 476 5918" }, "NhsNumber", "Enter a valid NHS number: the check digit does not match. Check it against the person's NHS letter or GP record" },
        { "UPN shape", AChild() with { Upn = "G82020012500" }, "Upn", "Enter a UPN of 13 characters: a letter, 11 digits, then a digit or a letter" },
        { "UPN check letter", AChild() with { Upn = "H820200125001" }, "Upn", "Enter a valid UPN: the check letter does not match. Check it with the child's school" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_details_are_refused_with_one_error_on_the_field(string because, PersonDetails details, string field, string message)
    {
        var refusal = details.Validate(Today);

        Assert.NotNull(refusal);
        var error = Assert.Single(refusal.Errors);
        Assert.Equal(new FieldError(field, message), error);
        Assert.False(string.IsNullOrEmpty(because));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10)]
    public void An_expected_date_of_birth_from_a_month_ago_to_ten_months_ahead_is_accepted(int months)
    {
        var unborn = AChild() with { DateOfBirth = null, ExpectedDateOfBirth = Today.AddMonths(months) };

        Assert.Null(unborn.Validate(Today));
    }

    [Fact]
    public void A_date_of_birth_today_is_accepted()
    {
        Assert.Null((AChild() with { DateOfBirth = Today }).Validate(Today));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var details = AChild() with { FamilyName = "", DateOfBirth = Today.AddDays(1), EthnicityCode = "NOPE", NhsNumber = "1", Upn = "X" };

        var refusal = details.Validate(Today);

        Assert.NotNull(refusal);
        Assert.Equal(["FamilyName", "DateOfBirth", "EthnicityCode", "NhsNumber", "Upn"], refusal.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Create_refuses_invalid_details()
    {
        var outcome = Person.Create(AChild() with { FamilyName = "" }, Area, Worker, Now);

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.Value);
        Assert.Equal("FamilyName", Assert.Single(outcome.Refusal!.Errors).Field);
    }

    [Fact]
    public void Create_normalises_identifiers_and_trims_names()
    {
        var person = Person.Create(AChild() with { GivenName = " Amira ", FamilyName = " Khan ", Upn = " g820200125001 " }, Area, Worker, Now).Value!;

        Assert.Equal("9434765919", person.NhsNumber);
        Assert.Equal("G820200125001", person.Upn);
        Assert.Equal("Amira", person.GivenName);
        Assert.Equal("Khan", person.FamilyName);
        Assert.Equal("Amira Khan", person.FullName);
        Assert.Equal(1, person.Version);
        Assert.Equal(Area, person.AreaId);
        Assert.Equal(Worker, person.CreatedBy);
        Assert.Equal(Now, person.CreatedAt);
    }

    [Fact]
    public void Blank_optional_fields_are_stored_as_null()
    {
        var person = Person.Create(AChild() with { NhsNumber = " ", Upn = "", EthnicityCode = " ", FirstLanguage = "  " }, Area, Worker, Now).Value!;

        Assert.Null(person.NhsNumber);
        Assert.Null(person.Upn);
        Assert.Null(person.EthnicityCode);
        Assert.Null(person.FirstLanguage);
    }

    [Fact]
    public void An_expected_date_is_dropped_once_a_date_of_birth_is_known()
    {
        var person = Person.Create(AChild() with { ExpectedDateOfBirth = Today.AddMonths(1) }, Area, Worker, Now).Value!;

        Assert.Null(person.ExpectedDateOfBirth);
        Assert.False(person.IsUnborn);
    }

    [Fact]
    public void A_child_with_only_an_expected_date_is_unborn_and_has_no_age()
    {
        var person = Person.Create(AChild() with { DateOfBirth = null, ExpectedDateOfBirth = Today.AddMonths(2) }, Area, Worker, Now).Value!;

        Assert.True(person.IsUnborn);
        Assert.Null(person.AgeOn(Today));
    }

    [Theory]
    [InlineData("2026-03-13", 6)]
    [InlineData("2026-03-14", 7)]
    [InlineData("2019-03-14", 0)]
    public void Age_counts_whole_years(string on, int age)
    {
        var person = Person.Create(AChild(), Area, Worker, Now).Value!;

        Assert.Equal(age, person.AgeOn(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Amend_refuses_a_stale_version()
    {
        var person = Person.Create(AChild(), Area, Worker, Now).Value!;

        var outcome = person.Amend(AChild() with { GivenName = "Amina" }, expectedVersion: 0, "Spelling", Worker, Now);

        Assert.Equal("Version", Assert.Single(outcome.Refusal!.Errors).Field);
        Assert.Equal("Amira", person.GivenName);
        Assert.Equal(1, person.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Amend_requires_a_reason(string reason)
    {
        var person = Person.Create(AChild(), Area, Worker, Now).Value!;

        var outcome = person.Amend(AChild() with { GivenName = "Amina" }, 1, reason, Worker, Now);

        Assert.Equal(new FieldError("Reason", "Enter the reason for the change"), Assert.Single(outcome.Refusal!.Errors));
        Assert.Equal("Amira", person.GivenName);
        Assert.Equal(1, person.Version);
    }

    [Fact]
    public void Amend_refuses_invalid_details()
    {
        var person = Person.Create(AChild(), Area, Worker, Now).Value!;

        var outcome = person.Amend(AChild() with { NhsNumber = "943 476 5918" }, 1, "Corrected", Worker, Now);

        Assert.Equal("NhsNumber", Assert.Single(outcome.Refusal!.Errors).Field);
        Assert.Equal("9434765919", person.NhsNumber);
        Assert.Equal(1, person.Version);
    }

    [Fact]
    public void Amend_keeps_a_revision_of_the_old_details_and_the_old_name()
    {
        var person = Person.Create(AChild(), Area, Worker, Now).Value!;
        var before = person.Snapshot();
        var editor = ProfessionalId.New();
        var later = Now.AddDays(3);

        var revision = person.Amend(AChild() with { FamilyName = "Ahmed", NhsNumber = "4010232137" }, 1, " Adopted name ", editor, later).Value!;

        Assert.Equal(new PersonRevision(person.Id, 1, before, "Adopted name", editor, later), revision);
        Assert.Equal("Khan", revision.Before.FamilyName);
        Assert.Equal("9434765919", revision.Before.NhsNumber);
        Assert.Equal("Ahmed", person.FamilyName);
        Assert.Equal("4010232137", person.NhsNumber);
        Assert.Equal(2, person.Version);
        Assert.Equal(new PersonName("Amira", "Khan", NameKind.Previous, new DateOnly(2026, 11, 26)), Assert.Single(person.OtherNames));
    }

    [Fact]
    public void Amend_without_a_name_change_adds_no_previous_name()
    {
        var person = Person.Create(AChild(), Area, Worker, Now).Value!;

        var outcome = person.Amend(AChild() with { GivenName = " Amira ", FirstLanguage = "English" }, 1, "Language", Worker, Now);

        Assert.True(outcome.Succeeded);
        Assert.Empty(person.OtherNames);
        Assert.Equal("English", person.FirstLanguage);
        Assert.Equal(2, person.Version);
    }

    [Fact]
    public void Successive_amendments_each_need_the_latest_version()
    {
        var person = Person.Create(AChild(), Area, Worker, Now).Value!;

        Assert.True(person.Amend(AChild() with { GivenName = "Amina" }, 1, "First", Worker, Now).Succeeded);
        Assert.False(person.Amend(AChild() with { GivenName = "Aminah" }, 1, "Second from a stale page", Worker, Now).Succeeded);
        Assert.True(person.Amend(AChild() with { GivenName = "Aminah" }, 2, "Second", Worker, Now).Succeeded);

        Assert.Equal(3, person.Version);
        Assert.Equal(["Amira", "Amina"], person.OtherNames.Select(n => n.GivenName));
    }

    [Fact]
    public void Another_name_needs_a_given_or_family_name_and_bumps_the_version()
    {
        var person = Person.Create(AChild(), Area, Worker, Now).Value!;

        Assert.Equal("OtherGivenName", Assert.Single(person.AddOtherName(" ", "", NameKind.Alias, null)!.Errors).Field);
        Assert.Equal(1, person.Version);

        Assert.Null(person.AddOtherName(" Mimi ", "", NameKind.Alias, null));
        Assert.Equal(new PersonName("Mimi", "", NameKind.Alias, null), Assert.Single(person.OtherNames));
        Assert.Equal(2, person.Version);
    }
}
