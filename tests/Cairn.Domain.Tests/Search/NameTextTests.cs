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
    [InlineData("Søren Ørsted", "soren orsted")]
    [InlineData("STRAẞE", "strasse")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("Guðrún", "gudrun")]
    [InlineData("Þór", "thor")]
    [InlineData("Yıldız", "yildiz")]
    [InlineData("İlkay", "ilkay")]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("Мария", "мария")]
    // Compatibility forms (NFKD): full-width letters and ligatures, as some keyboards and documents produce.
    [InlineData("ＪＯＨＮ", "john")]
    [InlineData("ﬁnlay", "finlay")]
    [InlineData("O'Neill", "oneill")]
    [InlineData("O’Neill", "oneill")]
    [InlineData("O`Neill", "oneill")]
    [InlineData("O´Neill", "oneill")]
    [InlineData("O\u02BCNeill", "oneill")]
    [InlineData("Smith-Jones", "smith jones")]
    [InlineData("Smith–Jones", "smith jones")]
    [InlineData("Smith, John", "smith john")]
    [InlineData("J.R. Smith", "j r smith")]
    [InlineData("(Smith)", "smith")]
    [InlineData("Henry 8th", "henry 8th")]
    [InlineData("  Mary   Ann  ", "mary ann")]
    [InlineData("  Mary \t Ann  ", "mary ann")]
    [InlineData("St. John", "st john")]
    [InlineData(" - ' ", "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Folding_removes_accents_case_and_punctuation(string? text, string folded)
    {
        Assert.Equal(folded, NameText.Fold(text));
    }

    [Fact]
    public void Folding_keeps_spacing_vowel_signs_inside_the_word()
    {
        // प्रिया (Priya): the vowel sign ि is a spacing mark and must not split the name.
        var folded = NameText.Fold("प्रिया");

        Assert.NotEmpty(folded);
        Assert.DoesNotContain(' ', folded);
    }

    [Fact]
    public void Folding_keeps_letters_outside_the_basic_plane_whole()
    {
        // 𐐷 (Deseret) is one letter written as two UTF-16 code units; neither half is a letter on its own.
        Assert.Equal("a𐐷b", NameText.Fold("A𐐷B"));
    }

    [Theory]
    [InlineData("John Smith", new[] { "john", "smith" })]
    [InlineData("Mary-Jane Smith", new[] { "mary", "jane", "maryjane", "smith" })]
    [InlineData("Smith-Jones", new[] { "smith", "jones", "smithjones" })]
    [InlineData("Anna-Maria-Louise", new[] { "anna", "maria", "louise", "annamarialouise" })]
    [InlineData("Anne-Marie O'Brien-Smith", new[] { "anne", "marie", "annemarie", "obrien", "smith", "obriensmith" })]
    [InlineData("Smith Smith-Jones", new[] { "smith", "jones", "smithjones" })]
    [InlineData("Łukasz Wójcik", new[] { "lukasz", "wojcik" })]
    [InlineData("O'Neill", new[] { "oneill" })]
    [InlineData("Ana ANA ana", new[] { "ana" })]
    [InlineData("  ", new string[0])]
    [InlineData("  -  '  ", new string[0])]
    [InlineData(null, new string[0])]
    public void Tokens_are_distinct_folded_words_with_hyphenated_names_also_joined(string? name, string[] tokens)
    {
        Assert.Equal(tokens, NameText.Tokens(name));
    }

    [Fact]
    public void Deletion_keys_are_the_token_and_each_single_deletion()
    {
        Assert.Equal(["smith", "mith", "sith", "smth", "smih", "smit"], NameText.DeletionKeys("smith"));
        Assert.Equal(["john", "ohn", "jhn", "jon", "joh"], NameText.DeletionKeys("john"));
        Assert.Equal(["anna", "nna", "ana", "ann"], NameText.DeletionKeys("anna"));
        Assert.Equal(["aaa", "aa"], NameText.DeletionKeys("aaa"));
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

    [Fact]
    public void Tokens_sharing_a_deletion_key_are_at_most_two_edits_apart()
    {
        // The converse bound keeps the index honest: a shared key means one deletion from each side at most.
        var random = new Random(99);
        var distantPairs = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var a = RandomToken(random, "abcd", 1, 7);
            var b = RandomToken(random, "abcd", 1, 7);
            var shareKey = NameText.DeletionKeys(a).Intersect(NameText.DeletionKeys(b), StringComparer.Ordinal).Any();
            if (NameText.EditDistance(a, b) >= 3)
            {
                Assert.False(shareKey, $"{a} and {b} share a key");
                distantPairs++;
            }
        }

        Assert.True(distantPairs > 1_000, "the generator should produce plenty of distant pairs");
        Assert.Empty(NameText.DeletionKeys("smith").Intersect(NameText.DeletionKeys("brown"), StringComparer.Ordinal));
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
    [InlineData("john", "jon", 1)]
    [InlineData("jhon", "john", 1)]
    [InlineData("ab", "ba", 1)]
    [InlineData("abcdef", "badcfe", 3)]
    [InlineData("kitten", "sitting", 3)]
    // Optimal string alignment, not unrestricted Damerau-Levenshtein (which gives 2): a swapped pair is not edited again.
    [InlineData("ca", "abc", 3)]
    [InlineData("mohammed", "muhammad", 2)]
    [InlineData("stephen", "steven", 2)]
    [InlineData("abc", "xyz", 3)]
    [InlineData("smith", "brown", 5)]
    public void Edit_distance_counts_substitutions_insertions_deletions_and_adjacent_swaps(string a, string b, int distance)
    {
        Assert.Equal(distance, NameText.EditDistance(a, b));
        Assert.Equal(distance, NameText.EditDistance(b, a));
    }

    [Theory]
    [InlineData(90, 3)]
    [InlineData(200, 0)]
    [InlineData(200, 5)]
    public void Edit_distance_handles_text_too_long_for_the_stack(int length, int substitutions)
    {
        var original = new string('a', length);
        var edited = original.ToCharArray();
        for (var i = 0; i < substitutions; i++)
        {
            edited[i * 7] = 'b';
        }

        Assert.Equal(substitutions, NameText.EditDistance(original, new string(edited)));
        Assert.Equal(length, NameText.EditDistance(original, new string('z', length / 2)));
    }

    [Fact]
    public void Edit_distance_agrees_with_the_full_matrix_on_random_pairs()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            // Lengths either side of the stack limit, so both buffers are used.
            var maxLength = i % 10 == 0 ? 120 : 10;
            var a = RandomToken(random, "abc", 0, maxLength);
            var b = RandomToken(random, "abc", 0, maxLength);

            Assert.Equal(FullMatrixDistance(a, b), NameText.EditDistance(a, b));
        }
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

    [Theory]
    [InlineData("José", "Jose")]
    [InlineData("Jose", "José")]
    [InlineData("JOHN smith", "john smith")]
    [InlineData("Łukasz Wójcik", "Lukasz Wojcik")]
    [InlineData("oneill", "O'Neill")]
    [InlineData("O'Neill", "ONeill")]
    [InlineData("smith", "Smith-Jones")]
    [InlineData("jones", "Smith-Jones")]
    [InlineData("smithjones", "Smith-Jones")]
    [InlineData("smith john", "John Smith")]
    [InlineData("john", "John Smith")]
    public void Names_match_exactly_after_folding(string query, string name)
    {
        Assert.Equal(1.0, Score(query, name));
    }

    [Theory]
    [InlineData("Smith-Jones", "Smith-Jones")]
    [InlineData("Smith-Jones", "Smith Jones")]
    [InlineData("Mary-Jane Smith", "Mary Jane Smith")]
    [InlineData("Anne-Marie-Louise", "Anne Marie Louise")]
    [InlineData("Smith-Jones", "Jones Smith")]
    public void A_hyphenated_query_word_matches_a_name_holding_its_parts(string query, string name)
    {
        Assert.Equal(1.0, Score(query, name));
    }

    [Fact]
    public void A_hyphenated_query_word_matches_a_name_holding_its_joined_form()
    {
        // "smith" is a prefix of "smithjones" (0.8), the joined form is exact (1.0), and "jones" is let off
        // because the joined form it belongs to matched.
        Assert.Equal((0.8 + 1.0) / 2, Score("Smith-Jones", "SmithJones")!.Value, precision: 10);
        Assert.Equal((0.8 + 1.0 + 1.0) / 3, Score("Mary-Jane Smith", "Maryjane Smith")!.Value, precision: 10);
    }

    [Theory]
    [InlineData("Smith-Jones", "Smith")]
    [InlineData("Smith-Jones", "Jones")]
    [InlineData("Smith-Jones", "Smith Brown")]
    [InlineData("Smith-Jones Smith", "Smith")]
    public void A_hyphenated_query_word_needs_all_its_parts_or_its_joined_form(string query, string name)
    {
        Assert.Null(Score(query, name));
    }

    [Fact]
    public void Only_tokens_tied_to_a_matched_join_are_let_off()
    {
        // "jo" sits inside the matched "smithjones", but the rest ("nes") is no query token.
        Assert.Null(NameText.MatchScore(["smith", "jo", "smithjones"], ["smithjones"]));
        Assert.Equal(0.9, NameText.MatchScore(["smith", "jo", "nes", "smithjones"], ["smithjones"])!.Value, precision: 10);

        // A join is let off only when every part matched a name token itself: "jones" here is only let off,
        // so "jonesbrown" is still missing.
        Assert.Null(NameText.MatchScore(["smith", "jones", "smithjones", "brown", "jonesbrown"], ["smithjones", "brown"]));
        Assert.Null(NameText.MatchScore(["smith", "jones", "smithjones"], ["smith", "brown"]));
    }

    [Theory]
    [InlineData("alex", "Alexander")]
    [InlineData("Joh", "John")]
    [InlineData("jon", "Jonathan")]
    [InlineData("smi", "Smith-Jones")]
    public void A_prefix_of_three_or_more_letters_matches(string query, string name)
    {
        Assert.Equal(0.8, Score(query, name));
    }

    [Theory]
    [InlineData("Jo", "John")]
    [InlineData("a", "Alexander")]
    [InlineData("Alexander", "Alex")]
    public void A_shorter_prefix_or_a_longer_query_does_not_match(string query, string name)
    {
        Assert.Null(Score(query, name));
    }

    [Theory]
    [InlineData("Smyth", "Smith", 0.6)]
    [InlineData("Jhon", "John", 0.6)]
    [InlineData("john", "Jon", 0.6)]
    [InlineData("Micheal", "Michael", 0.6)]
    [InlineData("Wojcik", "Wójcick", 0.6)]
    [InlineData("Mohammed", "Muhammad", 0.5)]
    [InlineData("Muhammad", "Mohammed", 0.5)]
    [InlineData("Stephens", "Stevens", 0.5)]
    public void Slips_are_tolerated_by_the_length_of_the_query_word(string query, string name, double score)
    {
        Assert.Equal(score, Score(query, name));
    }

    [Theory]
    // Three letters or fewer: exact or prefix only, so "Jon" does not find "John".
    [InlineData("Jon", "John")]
    [InlineData("Jan", "Jon")]
    [InlineData("Ann", "Ian")]
    [InlineData("Al", "Ali")]
    // Four to seven letters: not two slips.
    [InlineData("Ella", "Ellie")]
    [InlineData("Stephen", "Steven")]
    [InlineData("Mohamed", "Muhammad")]
    // Eight or more: not three.
    [InlineData("Muhammad", "Mohamed")]
    public void More_slips_than_the_length_allows_do_not_match(string query, string name)
    {
        Assert.Null(Score(query, name));
    }

    [Theory]
    [InlineData("Brown", "Smith")]
    [InlineData("john brown", "John Smith")]
    [InlineData("john smith", "John")]
    [InlineData("", "John Smith")]
    [InlineData("John", "")]
    public void Every_query_word_must_match_the_name(string query, string name)
    {
        Assert.Null(Score(query, name));
    }

    [Fact]
    public void Exact_beats_prefix_beats_one_slip_beats_two()
    {
        var exact = Score("muhammad", "Muhammad");
        var prefix = Score("muham", "Muhammad");
        var oneSlip = Score("muhamad", "Muhammad");
        var twoSlips = Score("mohammed", "Muhammad");

        Assert.True(exact > prefix, $"{exact} > {prefix}");
        Assert.True(prefix > oneSlip, $"{prefix} > {oneSlip}");
        Assert.True(oneSlip > twoSlips, $"{oneSlip} > {twoSlips}");
        Assert.True(twoSlips > 0.0);
    }

    [Fact]
    public void The_score_is_the_mean_of_each_query_words_best_match()
    {
        Assert.Equal((1.0 + 0.6) / 2, Score("john smyth", "John Smith")!.Value, precision: 10);
        Assert.Equal((0.8 + 1.0) / 2, Score("alex smith", "Alexander Smith")!.Value, precision: 10);
    }

    private static double? Score(string query, string name) => NameText.MatchScore(NameText.Tokens(query), NameText.Tokens(name));

    private static string RandomToken(Random random, string alphabet, int minLength, int maxLength) =>
        new(Enumerable.Range(0, random.Next(minLength, maxLength + 1)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

    /// <summary>The textbook full-matrix algorithm, to check the three-row one against.</summary>
    private static int FullMatrixDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
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
