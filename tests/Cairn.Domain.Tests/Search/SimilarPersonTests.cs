using Cairn.Domain.Search;

namespace Cairn.Domain.Tests.Search;

public class SimilarPersonTests
{
    private static readonly DateOnly Birthday = new(2019, 3, 14);

    [Theory]
    [InlineData("Jane", "Smith", "Jane", "Smith")]
    [InlineData("Jane", "Smith", "JANE", "smith")]
    [InlineData("Zoë", "Smith", "Zoe", "Smith")]
    [InlineData("Jane", "Smith", "Jane", "Smyth")]
    [InlineData("Jane", "O'Neill", "Jane", "ONeill")]
    [InlineData("Jane", "Smith-Jones", "Jane", "Smith Jones")]
    [InlineData("Jonathan", "Smith", "Jon", "Smith")]
    [InlineData("Jonathan", "Smith", "Jonathon", "Smith")]
    [InlineData("Mary-Jane", "Smith", "Maryjane", "Smith")]
    [InlineData("Mary Jane", "Smith", "Jane", "Smith")]
    [InlineData("", "Smith", "", "Smith")]
    [InlineData("Christopher", "Featherstonehaugh", "Christopher", "Fetherstonhaugh")]
    [InlineData("José", "García", "Jose", "GARCIA")]
    [InlineData("Łukasz", "Wójcik", "Lukasz", "Wojcik")]
    // Either direction: "jon" tolerates no slip, but "john" tolerates one.
    [InlineData("Jon", "Smith", "John", "Smith")]
    [InlineData("Alex", "Smith", "Alexander", "Smith")]
    [InlineData("Mohammed", "Khan", "Muhammad", "Khan")]
    [InlineData("Anna", "Nowak", "Anna", "Nowack")]
    // The longer family name sets the tolerance: two slips once either has 8 letters.
    [InlineData("Ruth", "Stephens", "Ruth", "Stevens")]
    // Even a short family name allows one slip: a warning costs a click, a missed duplicate a child's history.
    [InlineData("Jane", "Lee", "Jane", "Lea")]
    [InlineData("Mary", "Smith-Jones", "Mary", "SmithJones")]
    [InlineData("Sean", "O'Neill", "Sean", "O Neill")]
    // Three slips as written, but one once the spaces are gone.
    [InlineData("Ana", "Smith Jones Brown", "Ana", "SmithJonesBrowne")]
    public void The_same_birthday_and_close_names_are_probably_the_same_person(string givenA, string familyA, string givenB, string familyB)
    {
        Assert.True(SimilarPerson.ProbablySame(givenA, familyA, Birthday, givenB, familyB, Birthday));
        Assert.True(SimilarPerson.ProbablySame(givenB, familyB, Birthday, givenA, familyA, Birthday));
    }

    [Theory]
    [InlineData("Jane", "Smith", "Jane", "Brown")]
    [InlineData("Jane", "Smith", "Jane", "Smithson")]
    // Two slips while both family names are shorter than 8 letters; three even when long.
    [InlineData("John", "Smith", "John", "Smythe")]
    [InlineData("Ruth", "Steven", "Ruth", "Stephen")]
    [InlineData("Jane", "Lee", "Jane", "Lay")]
    [InlineData("Anna", "Kowalczyk", "Anna", "Kowalski")]
    // A hyphenated family name against one of its parts is another family name.
    [InlineData("Mary", "Smith-Jones", "Mary", "Smith")]
    [InlineData("Jane", "Smith", "Amy", "Smith")]
    [InlineData("John", "Smith", "James", "Smith")]
    [InlineData("Jon", "Smith", "Jan", "Smith")]
    [InlineData("Ella", "Smith", "Ellie", "Smith")]
    [InlineData("Jane", "Smith", "", "Smith")]
    [InlineData("Al", "Smith", "Alan", "Smith")]
    public void Different_names_are_not_the_same_person(string givenA, string familyA, string givenB, string familyB)
    {
        Assert.False(SimilarPerson.ProbablySame(givenA, familyA, Birthday, givenB, familyB, Birthday));
        Assert.False(SimilarPerson.ProbablySame(givenB, familyB, Birthday, givenA, familyA, Birthday));
    }

    [Fact]
    public void A_different_or_unknown_date_of_birth_is_never_the_same_person()
    {
        Assert.False(SimilarPerson.ProbablySame("Jane", "Smith", Birthday, "Jane", "Smith", Birthday.AddDays(1)));
        Assert.False(SimilarPerson.ProbablySame("Jane", "Smith", null, "Jane", "Smith", Birthday));
        Assert.False(SimilarPerson.ProbablySame("Jane", "Smith", Birthday, "Jane", "Smith", null));
        Assert.False(SimilarPerson.ProbablySame("Jane", "Smith", null, "Jane", "Smith", null));
    }
}
