using System.Globalization;

namespace Cairn.Domain.Returns.CinCensus;

/// <summary>One code of a census code list, with the DfE's wording and the years it may be returned in.</summary>
public sealed record CinCode(string CodeList, string Code, string Description, string ValidYears)
{
    /// <summary>Whether the code may be returned in the year: "all", "to 2023/24", "2024/25+" or "retired".</summary>
    public bool IsValidIn(CollectionYear year)
    {
        if (ValidYears == "all")
        {
            return true;
        }

        if (ValidYears == "retired")
        {
            return false;
        }

        if (ValidYears.StartsWith("to ", StringComparison.Ordinal))
        {
            return year.EndingYear <= CollectionYear.Parse(ValidYears[3..]).EndingYear;
        }

        if (ValidYears.EndsWith('+'))
        {
            return year.EndingYear >= CollectionYear.Parse(ValidYears[..^1]).EndingYear;
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Unknown valid_years '{ValidYears}'."));
    }
}

/// <summary>The census code lists (data/returns/cin_codes.csv): SEX, ETHNIC, DISABILITY, REFERRAL_SOURCE and the rest.</summary>
public static class CinCodes
{
    public const string Sex = "SEX";
    public const string GenderCurrent = "GENDER_CURRENT";
    public const string Ethnic = "ETHNIC";
    public const string UpnUnknown = "UPN_UNKNOWN";
    public const string Disability = "DISABILITY";
    public const string ReferralSource = "REFERRAL_SOURCE";
    public const string PrimaryNeed = "PRIMARY_NEED";
    public const string ReasonForClosure = "REASON_FOR_CLOSURE";
    public const string CategoryOfAbuse = "CATEGORY_OF_ABUSE";
    public const string AssessmentFactor = "ASSESSMENT_FACTOR";

    public static IReadOnlyList<CinCode> All { get; } = ReturnsData.Rows("cin_codes.csv")
        .Select(r => new CinCode(r["code_list"], r["code"], r["description"], r["valid_years"]))
        .ToList()
        .AsReadOnly();

    /// <summary>The codes of one list that may be returned in the year.</summary>
    public static IReadOnlyList<CinCode> In(string codeList, CollectionYear year) =>
        All.Where(c => c.CodeList == codeList && c.IsValidIn(year)).ToList();

    public static bool IsValid(string codeList, string? code, CollectionYear year) =>
        code is not null && All.Any(c => c.CodeList == codeList && c.Code == code && c.IsValidIn(year));
}
