using Cairn.Domain.Search;

namespace Cairn.Domain.Tests.Search;

public class NameTextTests
{
    [Theory]
    [InlineData("Zoë", "zoe")]
    [InlineData("JOSÉ", "jose")]
    [InlineData("François", "francois")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("Wałęsa", "walesa")]
    [InlineData("Søren", "soren")]
    [InlineData("Straße", "strasse")]
    [InlineData("Æsa", "aesa")]
    [InlineData("Đorđe", "dorde")]
    [InlineData("O'Neill", "oneill")]
    [InlineData("O’Neill", "oneill")]
    [InlineData("O`Neill", "oneill")]
    [InlineData("Smith-Jones", "smith jones")]
    [InlineData("  Mary   Ann  ", "mary ann")]
    [InlineData("St. John", "st john")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Folding_removes_accents_case_and_punctuation(string? text, string folded)
    {
        Assert.Equal(folded, NameText.Fold(text));
    }

    [Theory]
    [InlineData("Mary-Jane Smith", new[] { "mary", "jane", "maryjane", "smith" })]
    [InlineData("Smith-Jones", new[] { "smith", "jones", "smithjones" })]
    [InlineData("Anna-Maria-Louise", new[] { "anna", "maria", "louise", "annamarialouise" })]
    [InlineData("O'Neill", new[] { "oneill" })]
    [InlineData("Ana ANA ana", new[] { "ana" })]
    [InlineData("  ", new string[0])]
    [InlineData(null, new string[0])]
    public void Tokens_are_distinct_folded_words_with_hyphenated_names_also_joined(string? name, string[] tokens)
    {
        Assert.Equal(tokens, NameText.Tokens(name));
    }

    [Fact]
    public void Deletion_keys_are_the_token_and_each_single_deletion()
    {
        Assert.Equal(["smith", "mith", "sith", "smth", "smih", "smit"], NameText.DeletionKeys("smith"));
        Assert.Equal(["anna", "nna", "ana", "ann"], NameText.DeletionKeys("anna"));
    }

    [Fact]
    public void A_single_letter_has_no_empty_deletion_key()
    {
        // An empty key would match every other single letter.
        Assert.Equal(["a"], NameText.DeletionKeys("a"));
    }

    [Fact]
    public void Any_token_and_one_random_edit_of_it_share_a_deletion_key()
    {
        var random = new Random(1123);
        const string letters = "abcdefghijklmnopqrstuvwxyz";

        for (var run = 0; run < 2_000; run++)
        {
            var token = new string(Enumerable.Range(0, random.Next(2, 13)).Select(_ => letters[random.Next(letters.Length)]).ToArray());
            var edited = Edit(token, random, letters);

            Assert.True(NameText.EditDistance(token, edited) <= 1, $"{token} -> {edited}");
            Assert.True(
                NameText.DeletionKeys(token).Intersect(NameText.DeletionKeys(edited), StringComparer.Ordinal).Any(),
                $"{token} and {edited} share no deletion key");
        }
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("smith", "smith", 0)]
    [InlineData("smith", "smyth", 1)]
    [InlineData("smith", "smiht", 1)]
    [InlineData("jones", "jnoes", 1)]
    [InlineData("smith", "smit", 1)]
    [InlineData("smith", "smiths", 1)]
    [InlineData("smith", "msiht", 2)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)]
    [InlineData("mohammed", "muhammad", 2)]
    [InlineData("abc", "xyz", 3)]
    public void Edit_distance_counts_substitutions_insertions_deletions_and_adjacent_swaps(string a, string b, int distance)
    {
        Assert.Equal(distance, NameText.EditDistance(a, b));
        Assert.Equal(distance, NameText.EditDistance(b, a));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    [InlineData(20, 2)]
    public void Tolerance_grows_with_length(int length, int tolerance)
    {
        Assert.Equal(tolerance, NameText.Tolerance(length));
    }

    [Theory]
    [InlineData("smith", "smith", 1.0)]
    [InlineData("smi", "smith", 0.8)]
    [InlineData("smyth", "smith", 0.6)]
    [InlineData("smiht", "smith", 0.6)]
    [InlineData("jonathon", "jonathan", 0.6)]
    [InlineData("johnathon", "jonathan", 0.5)]
    [InlineData("al", "al", 1.0)]
    [InlineData("ali", "alison", 0.8)]
    public void A_token_scores_by_how_it_matches(string query, string name, double score)
    {
        Assert.Equal(score, NameText.MatchScore([query], [name])!.Value, precision: 10);
    }

    [Theory]
    [InlineData("brown", "smith")]
    [InlineData("bran", "brown")]
    [InlineData("jonas", "james")]
    [InlineData("ali", "aly")]
    [InlineData("amy", "ami")]
    [InlineData("jonathan", "jon")]
    public void A_token_with_no_match_within_tolerance_gives_no_score(string query, string name)
    {
        Assert.Null(NameText.MatchScore([query], [name]));
    }

    [Fact]
    public void Exact_beats_prefix_beats_typo()
    {
        var exact = NameText.MatchScore(["jones"], ["jones"]);
        var prefix = NameText.MatchScore(["jon"], ["jones"]);
        var typo = NameText.MatchScore(["jnoes"], ["jones"]);

        Assert.True(exact > prefix);
        Assert.True(prefix > typo);
        Assert.True(typo > 0);
    }

    [Fact]
    public void The_best_matching_name_token_counts()
    {
        Assert.Equal(1.0, NameText.MatchScore(["smith"], ["smyth", "smit", "smith"]));
    }

    [Fact]
    public void Every_query_token_must_match_something()
    {
        Assert.Null(NameText.MatchScore(["jane", "brown"], ["jane", "smith"]));
        Assert.Equal(0.9, NameText.MatchScore(["jane", "smi"], ["jane", "smith"])!.Value, precision: 10);
    }

    [Fact]
    public void An_empty_query_matches_nothing()
    {
        Assert.Null(NameText.MatchScore([], ["jane"]));
        Assert.Null(NameText.MatchScore(["jane"], []));
    }

    [Theory]
    [InlineData("al", "ali")]
    [InlineData("jo", "joe")]
    [InlineData("a", "b")]
    public void Short_tokens_need_an_exact_match(string query, string name)
    {
        Assert.Null(NameText.MatchScore([query], [name]));
        Assert.Equal(1.0, NameText.MatchScore([query], [query]));
    }

    private static string Edit(string token, Random random, string letters)
    {
        var at = random.Next(token.Length);
        var letter = letters[random.Next(letters.Length)];
        return random.Next(4) switch
        {
            0 => string.Concat(token.AsSpan(0, at), letter.ToString(), token.AsSpan(at + 1)),
            1 => token.Insert(random.Next(token.Length + 1), letter.ToString()),
            2 => token.Remove(at, 1),
            _ => Transpose(token, random.Next(token.Length - 1)),
        };
    }

    private static string Transpose(string token, int at)
    {
        var chars = token.ToCharArray();
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        return new string(chars);
    }
}
