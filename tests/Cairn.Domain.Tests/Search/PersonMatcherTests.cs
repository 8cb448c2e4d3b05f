using Cairn.Domain.People;
using Cairn.Domain.Search;

namespace Cairn.Domain.Tests.Search;

/// <summary>
/// The matcher per kind of slip, both ways: the person sought is found (above the threshold, with the reason) and no
/// stranger near them (twin, sibling, namesake born elsewhere, a child born the same day at the same address, people
/// with a similar name) is ranked above them.
/// </summary>
public class PersonMatcherTests
{
    private static readonly PersonMatcher Matcher = new(NameVariants.Shipped);
    private static readonly DateOnly Born = new(2016, 5, 3);
    private const string Home = "YO1 7HH";

    private static MatchCandidate Record(string given, string family, DateOnly? dob = null, string? postcode = Home, string? nhs = null,
        Sex sex = Sex.Female, params PersonName[] others) =>
        new(given, family, others, dob, nhs, postcode is null ? [] : [postcode], sex);

    /// <summary>People a careless ranking would put first: each differs from the target in something a searcher would notice.</summary>
    private static IEnumerable<MatchCandidate> Crowd(MatchCandidate target)
    {
        var dob = target.DateOfBirth ?? Born;
        yield return Record("Maja", target.FamilyName, dob); // twin, same home
        yield return Record("Zofia", target.FamilyName, dob.AddYears(2)); // sibling
        yield return Record(target.GivenName, target.FamilyName, dob.AddYears(-7), "LS6 1AN"); // namesake elsewhere
        yield return Record("Grace", "Okafor", dob); // born the same day, same home
        yield return Record(target.GivenName, "Okafor", dob.AddDays(40), "LS6 1AN"); // same given name
        yield return Record("Hannah", target.FamilyName + "son", dob.AddDays(-200), "LS6 1AN"); // similar surname
    }

    private static PersonMatch AssertFoundFirst(MatchQuery query, MatchCandidate target, string reason, bool allowNamesakeTie = false)
    {
        var match = Matcher.Match(query, target);
        Assert.True(match.Score >= PersonMatcher.Threshold(query), $"target scored {match.Score}: {string.Join("; ", match.Reasons)}");
        Assert.Contains(match.Reasons, r => r.Contains(reason, StringComparison.Ordinal));
        foreach (var stranger in Crowd(target))
        {
            var other = Matcher.Match(query, stranger);
            var namesake = stranger.GivenName == target.GivenName && stranger.FamilyName == target.FamilyName;
            if (allowNamesakeTie && namesake)
            {
                Assert.True(other.Score <= match.Score, $"{stranger.GivenName} {stranger.FamilyName} {other.Score} above {match.Score}");
            }
            else
            {
                Assert.True(other.Score < match.Score, $"{stranger.GivenName} {stranger.FamilyName} {stranger.DateOfBirth} scored {other.Score}"
                    + $" ({string.Join("; ", other.Reasons)}), target {match.Score}");
            }
        }

        return match;
    }

    [Theory]
    [InlineData("Elizabeth Nowak", "Elizabeth", "Nowak", "same family name")]
    [InlineData("ELIZABETH nowak", "Elizabeth", "Nowak", "same given name")]
    [InlineData("Nowak, Elizabeth", "Elizabeth", "Nowak", "same given name")]
    [InlineData("Liz Nowak", "Elizabeth", "Nowak", "nickname of Elizabeth")]
    [InlineData("Kasia Kowalska", "Katarzyna", "Kowalska", "nickname of Katarzyna")]
    [InlineData("Mo Khan", "Mohammed", "Khan", "nickname of Mohammed")]
    [InlineData("Muhammad Khan", "Mohammed", "Khan", "another spelling of Mohammed")]
    [InlineData("Maxamed Cali", "Mohamed", "Ali", "another spelling of Ali")]
    [InlineData("Femi Adeyemi", "Oluwafemi", "Adeyemi", "nickname of Oluwafemi")]
    [InlineData("Paco Fernandez", "Francisco", "Fernández", "nickname of Francisco")]
    [InlineData("Mei Wong", "Mei", "Huang", "another spelling of Huang")]
    [InlineData("Ayse Yilmaz", "Ayşe", "Yılmaz", "same given name")]
    [InlineData("Kathryn Smyth", "Catherine", "Smith", "given name")]
    [InlineData("Ava Brown", "Eva", "Brown", "given name: sounds alike")]
    [InlineData("Zfia Nowka", "Zofia", "Nowak", "a slip of the keyboard")]
    [InlineData("Lukasz Wojcik", "Łukasz", "Wójcik", "same family name")]
    [InlineData("Amelia Smith", "Amelia", "Smith-Jones", "part of a double-barrelled surname")]
    [InlineData("Amelia Smith-Jones", "Amelia", "Jones", "part of a double-barrelled surname")]
    [InlineData("Amelia Smithjones", "Amelia", "Smith-Jones", "same family name")]
    [InlineData("Łuc Nowak", "Łucja", "Nowak", "begins with the letters typed")]
    public void A_name_as_it_is_really_typed_finds_the_person_with_the_date_of_birth_and_without(string typed, string given, string family,
        string reason)
    {
        var target = Record(given, family, Born);

        AssertFoundFirst(MatchQuery.FreeText(typed, Born, null, null), target, reason);
        AssertFoundFirst(MatchQuery.FreeText(typed, null, null, null), target, reason, allowNamesakeTie: true);
    }

    [Theory]
    [InlineData(2016, 5, 4, "date of birth: one day out")]
    [InlineData(2016, 5, 2, "date of birth: one day out")]
    [InlineData(2016, 3, 5, "date of birth: day and month swapped")]
    [InlineData(2017, 5, 3, "date of birth: a slip in the year")]
    [InlineData(2061, 5, 3, "date of birth: a slip in the year")]
    [InlineData(2016, 6, 3, "date of birth: another month")]
    [InlineData(2016, 5, 30, "date of birth: a slip in the day")]
    public void A_date_of_birth_one_slip_out_still_finds_the_person_first(int year, int month, int day, string reason)
    {
        var target = Record("Elizabeth", "Nowak", Born);

        AssertFoundFirst(MatchQuery.FreeText("Elizabeth Nowak", new DateOnly(year, month, day), null, null), target, reason);
    }

    [Fact]
    public void A_date_of_birth_one_day_out_across_a_month_end_is_one_day_out()
    {
        Assert.Equal(DateOfBirthAgreement.OneDayOut, DateOfBirthSlip.Compare(new DateOnly(2016, 5, 31), new DateOnly(2016, 6, 1)));
    }

    [Fact]
    public void A_date_of_birth_far_out_counts_against_the_person()
    {
        var target = Record("Elizabeth", "Nowak", Born);

        var far = Matcher.Match(MatchQuery.FreeText("Elizabeth Nowak", new DateOnly(2009, 11, 20), null, null), target);
        var near = Matcher.Match(MatchQuery.FreeText("Elizabeth Nowak", Born.AddDays(1), null, null), target);

        Assert.Contains("a different date of birth", far.Reasons);
        Assert.True(far.Score < near.Score);
    }

    [Fact]
    public void A_new_surname_with_the_same_date_of_birth_and_postcode_finds_the_person_first()
    {
        var target = Record("Amy", "Green", Born);

        var match = AssertFoundFirst(MatchQuery.FreeText("Amy Harrison", Born, null, Home), target, "same postcode");

        Assert.Contains("same date of birth", match.Reasons);
    }

    [Fact]
    public void A_previous_surname_or_an_alias_finds_the_person()
    {
        var target = Record("Chloe", "Walker", Born, others:
        [
            new PersonName("Chloe", "Brennan", NameKind.Previous, new DateOnly(2020, 1, 1)),
            new PersonName("Mimi", "", NameKind.Alias, null),
        ]);

        AssertFoundFirst(MatchQuery.FreeText("Chloe Brennan", Born, null, null), target, "previous surname");
        AssertFoundFirst(MatchQuery.FreeText("Mimi Walker", Born, null, null), target, "alias");
    }

    [Fact]
    public void Given_and_family_names_entered_the_wrong_way_round_are_found_and_said()
    {
        var target = Record("Ayesha", "Khan", Born);

        AssertFoundFirst(MatchQuery.Structured("Khan", "Ayesha", Born, null, null, null), target, "given and family names swapped");
    }

    [Fact]
    public void The_same_nhs_number_is_decisive_whatever_else_differs()
    {
        var target = Record("Elizabeth", "Nowak", Born, nhs: "9434765919");
        var lookalike = Record("Jane", "Doe", new DateOnly(2012, 1, 1), nhs: null);
        var query = MatchQuery.FreeText("Jane Doe", new DateOnly(2012, 1, 1), "9434765919", Home);

        var decisive = Matcher.Match(query, target);

        Assert.True(decisive.SameNhsNumber);
        Assert.Contains("same NHS number", decisive.Reasons);
        Assert.True(decisive.Score > Matcher.Match(query, lookalike).Score);
    }

    [Fact]
    public void A_different_nhs_number_counts_against_a_record_with_the_same_name()
    {
        var query = MatchQuery.FreeText("Elizabeth Nowak", Born, "9434765919", null);

        var other = Matcher.Match(query, Record("Elizabeth", "Nowak", Born, nhs: "4010232137"));
        var unknown = Matcher.Match(query, Record("Elizabeth", "Nowak", Born));

        Assert.False(other.SameNhsNumber);
        Assert.True(other.Score < unknown.Score);
    }

    [Fact]
    public void A_missing_date_of_birth_on_the_record_is_neither_for_nor_against()
    {
        var query = MatchQuery.FreeText("Elizabeth Nowak", Born, null, null);

        var unknown = Matcher.Match(query, Record("Elizabeth", "Nowak", null));

        Assert.Contains("no date of birth on record", unknown.Reasons);
        Assert.Equal(PersonMatcher.GivenWeight + PersonMatcher.FamilyWeight, unknown.Score);
    }

    [Fact]
    public void Sex_recorded_differently_counts_against_but_does_not_hide()
    {
        var query = MatchQuery.FreeText("Alex Nowak", Born, null, null, Sex.Male);

        var female = Matcher.Match(query, Record("Alex", "Nowak", Born, sex: Sex.Female));
        var male = Matcher.Match(query, Record("Alex", "Nowak", Born, sex: Sex.Male));

        Assert.Contains("sex recorded differently", female.Reasons);
        Assert.True(female.Score < male.Score);
        Assert.True(female.Score >= PersonMatcher.Threshold(query));
    }

    [Theory]
    [InlineData("Barbara Nowak")] // the given name is someone else's
    [InlineData("Elizabeth Kowalczyk")] // the family name is someone else's
    [InlineData("Tomasz Kowalczyk")]
    public void A_name_mostly_someone_elses_is_not_shown(string typed)
    {
        var query = MatchQuery.FreeText(typed, null, null, null);

        Assert.True(Matcher.Match(query, Record("Elizabeth", "Nowak", Born)).Score < PersonMatcher.Threshold(query));
    }

    [Fact]
    public void Twins_are_not_likely_duplicates_of_each_other_but_the_same_child_typed_with_a_slip_is()
    {
        var existing = Record("Olivia", "Nowak", Born, postcode: null);

        var twin = Matcher.Match(MatchQuery.Structured("Amelia", "Nowak", Born, null, null, Sex.Female), existing);
        var slip = Matcher.Match(MatchQuery.Structured("Olivai", "Nowak", Born.AddDays(1), null, null, Sex.Female), existing);

        Assert.True(twin.Score < PersonMatcher.DuplicateScore, $"twin {twin.Score}");
        Assert.True(slip.Score >= PersonMatcher.DuplicateScore, $"slip {slip.Score}");
    }
}
