using System.Globalization;
using Cairn.Domain.Returns;
using Cairn.Domain.Returns.CinCensus;

namespace Cairn.Domain.Tests.Returns.CinCensus;

/// <summary>Builders of synthetic 2024/25 census data (period 1 April 2024 to 31 March 2025).</summary>
internal static class ACensus
{
    public static readonly CollectionYear Year = CollectionYear.Ending(2025);

    public static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? MaybeD(string? date) => date is null ? null : D(date);

    /// <summary>A UPN with its right check letter from its last twelve characters.</summary>
    public static string Upn(string lastTwelve) => CinUpn.WithCheckLetter(lastTwelve);

    public static CinEpisode Referral(string date, bool nfa = false) => new()
    {
        ReferralDate = D(date),
        ReferralSource = "1A",
        PrimaryNeedCode = nfa ? null : "N1",
        ReferralNfa = nfa,
    };

    public static CinAssessment Assessment(string start, string? authorised, params string[] factors) =>
        new() { StartDate = D(start), AuthorisationDate = MaybeD(authorised), Factors = factors };

    public static CinPlan Plan(string start, string? end) => new(D(start), MaybeD(end));

    public static CinSection47 S47(string start, string? conference, bool notRequired = false) =>
        new() { StartDate = D(start), DateOfInitialCpc = MaybeD(conference), IcpcNotRequired = notRequired };

    public static CinChildProtectionPlan Cpp(string start, string? end, params string[] reviews) => new()
    {
        StartDate = D(start),
        EndDate = MaybeD(end),
        InitialCategoryOfAbuse = "NEG",
        LatestCategoryOfAbuse = "NEG",
        NumberOfPreviousCpp = 0,
        ReviewDates = reviews.Select(D).ToList(),
    };

    /// <summary>
    /// A child who passes every child-level rule: referred on 1 May 2024, assessed, on a CIN plan until a section 47
    /// enquiry's conference on Friday 19 July put them on a child protection plan, reviewed in October and still open.
    /// </summary>
    public static CinChild Child(string id = "C1") => new()
    {
        LaChildId = id,
        Upn = Upn("938123456780"),
        PersonBirthDate = D("2015-06-01"),
        Sex = "M",
        Ethnicity = "WBRI",
        Disabilities = ["NONE"],
        Episodes =
        [
            Referral("2024-05-01") with
            {
                Assessments = [Assessment("2024-05-02", "2024-06-10", "3A")],
                CinPlans = [Plan("2024-06-12", "2024-07-19")],
                Section47s = [S47("2024-07-01", "2024-07-19") with { InitialCpcTarget = D("2024-07-22") }],
                ChildProtectionPlans = [Cpp("2024-07-19", null, "2024-10-18")],
            },
        ],
    };

    public static CinCensusReturn Return(params CinChild[] children) =>
        new() { Header = CinCensusHeader.For(Year, "938"), Children = children };
}
