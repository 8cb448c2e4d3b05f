using Cairn.Domain.People;

namespace Cairn.Domain.Search;

/// <summary>Which of a person's names a word was meant as: free text may be either.</summary>
public enum NamePart
{
    Any = 0,
    Given = 1,
    Family = 2,
}

/// <summary>One word of a name as typed: its folded form and, for a hyphenated word, its parts.</summary>
public sealed record QueryWord(string Joined, IReadOnlyList<string> Parts, NamePart Part);

/// <summary>
/// What a professional knows about the person they are looking for. Names are words; the NHS number is its ten digits
/// and the postcode in its usual form ("YO1 7HH"), both already checked by the caller.
/// </summary>
public sealed record MatchQuery(IReadOnlyList<QueryWord> Words, DateOnly? DateOfBirth, string? NhsNumber, string? Postcode, Sex? Sex)
{
    /// <summary>A name typed in one box, given and family names in any order.</summary>
    public static MatchQuery FreeText(string? name, DateOnly? dateOfBirth, string? nhsNumber, string? postcode, Sex? sex = null) =>
        new(WordsOf(name, NamePart.Any), dateOfBirth, nhsNumber, postcode, sex);

    /// <summary>Given and family names in their own boxes, as on the create-person form.</summary>
    public static MatchQuery Structured(string? givenName, string? familyName, DateOnly? dateOfBirth, string? nhsNumber, string? postcode,
        Sex? sex) =>
        new([.. WordsOf(givenName, NamePart.Given), .. WordsOf(familyName, NamePart.Family)], dateOfBirth, nhsNumber, postcode, sex);

    /// <summary>Every folded token the words hold, whole and in parts.</summary>
    public IEnumerable<string> Tokens => Words.SelectMany(w => w.Parts.Append(w.Joined)).Distinct(StringComparer.Ordinal);

    private static List<QueryWord> WordsOf(string? text, NamePart part)
    {
        var words = new List<QueryWord>();
        foreach (var word in (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = NameText.Fold(word).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0)
            {
                words.Add(new QueryWord(string.Concat(parts), parts.Length > 1 ? parts : [], part));
            }
        }

        return words;
    }
}

/// <summary>What a record holds that matching weighs: names current and other, date of birth, NHS number, current postcodes, sex.</summary>
public sealed record MatchCandidate(string GivenName, string FamilyName, IReadOnlyList<PersonName> OtherNames, DateOnly? DateOfBirth,
    string? NhsNumber, IReadOnlyCollection<string> Postcodes, Sex Sex);

/// <summary>How well a record answers a query, and why, in words a professional can check.</summary>
public sealed record PersonMatch(double Score, IReadOnlyList<string> Reasons, bool SameNhsNumber);

/// <summary>
/// Weighs names, date of birth, NHS number, postcode and sex as evidence for and against a record being the person
/// sought (a simplified Fellegi–Sunter record linkage: each agreement adds its weight, each disagreement takes some away).
/// An exact NHS number is decisive. Names tolerate slips of the keyboard (Damerau–Levenshtein), sound-alike spellings
/// (<see cref="Caverphone"/>, Jaro–Winkler), nicknames, short forms and transliterations (<see cref="NameVariants"/>),
/// accents, part of a double-barrelled surname, given and family names swapped and previous names or aliases.
/// A date of birth one day out, with day and month swapped or with a slip in the year, month or day still counts.
/// </summary>
public sealed class PersonMatcher(NameVariants variants)
{
    public const double GivenWeight = 5.0;
    public const double FamilyWeight = 6.0;
    public const double UnmatchedWordPenalty = -3.0;
    /// <summary>Decisive: more than every other agreement together, even against every disagreement.</summary>
    public const double NhsNumberWeight = 40.0;
    public const double DifferentNhsNumberWeight = -10.0;
    public const double SamePostcodeWeight = 3.0;
    public const double SameDistrictWeight = 1.0;
    public const double SameSexWeight = 0.5;
    public const double DifferentSexWeight = -2.0;

    /// <summary>A likely duplicate when creating a record: about a full name and a date of birth, or the same NHS number.</summary>
    public const double DuplicateScore = 12.0;

    private const int MaxPenalisedWords = 2;

    /// <summary>The short forms and spellings the matcher knows, for finding candidates by them too.</summary>
    public NameVariants Variants => variants;

    public static double DateOfBirthWeight(DateOfBirthAgreement agreement) => agreement switch
    {
        DateOfBirthAgreement.Same => 7.0,
        DateOfBirthAgreement.DayAndMonthSwapped => 4.5,
        DateOfBirthAgreement.OneDayOut => 4.0,
        DateOfBirthAgreement.YearSlip => 3.5,
        DateOfBirthAgreement.MonthSlip or DateOfBirthAgreement.DaySlip => 2.5,
        DateOfBirthAgreement.Different => -6.0,
        _ => 0.0,
    };

    /// <summary>What a record matching every term exactly would score.</summary>
    public static double MaximumScore(MatchQuery query)
    {
        var score = 0.0;
        if (query.Words.Count > 0)
        {
            var given = query.Words.Any(w => w.Part == NamePart.Given) || query.Words.Count(w => w.Part == NamePart.Any) > 1;
            var family = query.Words.Any(w => w.Part is NamePart.Family or NamePart.Any);
            score += (given ? GivenWeight : 0.0) + (family ? FamilyWeight : 0.0);
        }

        score += query.DateOfBirth is null ? 0.0 : DateOfBirthWeight(DateOfBirthAgreement.Same);
        score += query.NhsNumber is null ? 0.0 : NhsNumberWeight;
        score += query.Postcode is null ? 0.0 : SamePostcodeWeight;
        return score;
    }

    /// <summary>
    /// The least a record must score to be shown: half of a perfect match, and never more than a surname with a slip in it.
    /// A date of birth alone does not reach it when a name was typed and none of it matches.
    /// </summary>
    public static double Threshold(MatchQuery query) => Math.Min(4.5, MaximumScore(query) / 2.0);

    public PersonMatch Match(MatchQuery query, MatchCandidate candidate)
    {
        var reasons = new List<string>();
        var score = 0.0;
        var sameNhs = false;
        if (query.NhsNumber is { } nhs && candidate.NhsNumber is { } recorded)
        {
            sameNhs = string.Equals(nhs, recorded, StringComparison.Ordinal);
            score += sameNhs ? NhsNumberWeight : DifferentNhsNumberWeight;
            reasons.Add(sameNhs ? "same NHS number" : "a different NHS number");
        }

        score += MatchNames(query, candidate, reasons);

        var agreement = DateOfBirthSlip.Compare(query.DateOfBirth, candidate.DateOfBirth);
        score += DateOfBirthWeight(agreement);
        var dobReason = agreement switch
        {
            DateOfBirthAgreement.Same => "same date of birth",
            DateOfBirthAgreement.OneDayOut => "date of birth: one day out",
            DateOfBirthAgreement.DayAndMonthSwapped => "date of birth: day and month swapped",
            DateOfBirthAgreement.YearSlip => "date of birth: a slip in the year",
            DateOfBirthAgreement.MonthSlip => "date of birth: another month",
            DateOfBirthAgreement.DaySlip => "date of birth: a slip in the day",
            DateOfBirthAgreement.Different => "a different date of birth",
            _ => query.DateOfBirth is not null ? "no date of birth on record" : null,
        };
        if (dobReason is not null)
        {
            reasons.Add(dobReason);
        }

        if (query.Postcode is { } postcode && candidate.Postcodes.Count > 0)
        {
            if (candidate.Postcodes.Contains(postcode, StringComparer.OrdinalIgnoreCase))
            {
                score += SamePostcodeWeight;
                reasons.Add("same postcode");
            }
            else if (candidate.Postcodes.Any(p => string.Equals(Outward(p), Outward(postcode), StringComparison.OrdinalIgnoreCase)))
            {
                score += SameDistrictWeight;
                reasons.Add("same postcode district");
            }
        }

        if (query.Sex is { } sex && sex != Sex.Unknown && candidate.Sex != Sex.Unknown)
        {
            score += sex == candidate.Sex ? SameSexWeight : DifferentSexWeight;
            if (sex != candidate.Sex)
            {
                reasons.Add("sex recorded differently");
            }
        }

        return new PersonMatch(Math.Round(score, 2), reasons, sameNhs);
    }

    private static string Outward(string postcode) => postcode.Split(' ')[0];

    private double MatchNames(MatchQuery query, MatchCandidate candidate, List<string> reasons)
    {
        if (query.Words.Count == 0)
        {
            return 0.0;
        }

        var tokens = RecordTokens(candidate);
        var best = new Dictionary<NamePart, (double Score, string Reason, List<string> Notes)>();
        var unmatched = 0;
        var swapped = false;
        foreach (var word in query.Words)
        {
            (double Quality, RecordToken Token, string Detail, bool AsPart)? found = null;
            foreach (var token in tokens)
            {
                var (quality, detail, asPart) = WordQuality(word, token.Token);
                if (word.Part != NamePart.Any && word.Part != token.Part)
                {
                    quality *= 0.9;
                }

                if (token.Source is not null)
                {
                    quality *= 0.9;
                }

                if (token.IsPart)
                {
                    quality *= 0.95;
                }

                if (quality > 0 && (found is null || quality > found.Value.Quality))
                {
                    found = (quality, token, detail, asPart);
                }
            }

            if (found is not { } f)
            {
                unmatched++;
                continue;
            }

            swapped |= word.Part != NamePart.Any && word.Part != f.Token.Part;
            var weight = f.Token.Part == NamePart.Given ? GivenWeight : FamilyWeight;
            var label = f.Token.Part == NamePart.Given ? "given name" : "family name";
            var notes = new List<string>();
            if (f.Token.Source is { } source)
            {
                notes.Add(SourceReason(source, f.Token.Part));
            }

            if (f.Token.IsPart || f.AsPart)
            {
                notes.Add("part of a double-barrelled surname");
            }

            var score = weight * f.Quality;
            if (!best.TryGetValue(f.Token.Part, out var current) || score > current.Score)
            {
                best[f.Token.Part] = (score, f.Detail.Length == 0 ? "same " + label : $"{label}: {f.Detail}", notes);
            }
        }

        var total = UnmatchedWordPenalty * Math.Min(unmatched, MaxPenalisedWords);
        foreach (var part in new[] { NamePart.Given, NamePart.Family })
        {
            if (best.TryGetValue(part, out var b))
            {
                total += b.Score;
                reasons.Add(b.Reason);
                reasons.AddRange(b.Notes);
            }
        }

        if (swapped)
        {
            reasons.Add("given and family names swapped");
        }

        return total;
    }

    private static string SourceReason(NameKind source, NamePart part) => (source, part) switch
    {
        (NameKind.Previous, NamePart.Family) => "previous surname",
        (NameKind.Previous, _) => "previous given name",
        (NameKind.Birth, NamePart.Family) => "surname at birth",
        (NameKind.Birth, _) => "given name at birth",
        _ => "alias",
    };

    /// <summary>How well a word answers a name token (0 to 1), in words, and whether only one part of the word matched.</summary>
    private (double Quality, string Detail, bool AsPart) WordQuality(QueryWord word, string token)
    {
        var (quality, detail) = TokenQuality(word.Joined, token);
        var asPart = false;
        foreach (var part in word.Parts)
        {
            var (partQuality, partDetail) = TokenQuality(part, token);
            if (partQuality * 0.9 > quality)
            {
                (quality, detail, asPart) = (partQuality * 0.9, partDetail, true);
            }
        }

        return (quality, detail, asPart);
    }

    private (double Quality, string Detail) TokenQuality(string typed, string token)
    {
        if (string.Equals(typed, token, StringComparison.Ordinal))
        {
            return (1.0, "");
        }

        (double Quality, string Detail) best = (0.0, "");
        if (variants.Relate(typed, token) is { } variant)
        {
            best = variant.Kind == VariantKind.Short ? (0.85, $"nickname of {variant.Name}") : (0.9, $"another spelling of {variant.Name}");
        }

        var tolerance = NameText.Tolerance(Math.Max(typed.Length, token.Length));
        if (tolerance > 0 && Math.Abs(typed.Length - token.Length) <= tolerance)
        {
            var distance = NameText.EditDistance(typed, token);
            if (distance <= tolerance)
            {
                best = Better(best, (distance == 1 ? 0.78 : 0.68, "a slip of the keyboard"));
            }
        }

        var similarity = NameText.JaroWinkler(typed, token);
        var code = Caverphone.Encode(typed);
        if (code.Length > 0 && string.Equals(code, Caverphone.Encode(token), StringComparison.Ordinal) && similarity >= 0.6)
        {
            best = Better(best, (0.5 + (0.3 * similarity), "sounds alike"));
        }

        if (typed.Length >= 3 && token.StartsWith(typed, StringComparison.Ordinal))
        {
            best = Better(best, (0.6, "begins with the letters typed"));
        }

        if (typed.Length >= 4 && similarity >= 0.88)
        {
            best = Better(best, (0.6, "a similar spelling"));
        }

        return best;
    }

    private static (double, string) Better((double Quality, string Detail) a, (double Quality, string Detail) b) => b.Quality > a.Quality ? b : a;

    private sealed record RecordToken(string Token, NamePart Part, NameKind? Source, bool IsPart);

    private static List<RecordToken> RecordTokens(MatchCandidate candidate)
    {
        var tokens = new List<RecordToken>();
        AddName(tokens, candidate.GivenName, candidate.FamilyName, null);
        foreach (var other in candidate.OtherNames)
        {
            AddName(tokens, other.GivenName, other.FamilyName, other.Kind);
        }

        return tokens;
    }

    private static void AddName(List<RecordToken> tokens, string given, string family, NameKind? source)
    {
        foreach (var token in NameText.Tokens(given))
        {
            tokens.Add(new RecordToken(token, NamePart.Given, source, false));
        }

        var parts = NameText.Fold(family).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            tokens.Add(new RecordToken(part, NamePart.Family, source, parts.Length > 1));
        }

        if (parts.Length > 1)
        {
            tokens.Add(new RecordToken(string.Concat(parts), NamePart.Family, source, false));
        }
    }
}
