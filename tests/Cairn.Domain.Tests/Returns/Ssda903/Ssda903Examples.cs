using Cairn.Domain.Places;
using Cairn.Domain.Returns;
using Cairn.Domain.Returns.Ssda903;

namespace Cairn.Domain.Tests.Returns.Ssda903;

/// <summary>
/// A small synthetic area for the 903 tests (no real person): a girl accommodated under section 20 in foster care and then
/// moved; a boy on an interim then a full care order with a placement change and reviews; a care leaver; a boy in a children's
/// home out of area who went missing. The postcodes' grid references are made up.
/// </summary>
public static class Ssda903Examples
{
    public const string Authority = "E06000014";
    public const string Accommodated = "A1001";
    public const string CareOrder = "B2002";
    public const string CareLeaver = "C3003";
    public const string WentMissing = "D4004";

    public static readonly CollectionYear Year = CollectionYear.Ending(2026);

    private static readonly Dictionary<string, PostcodeLocation> Postcodes = new()
    {
        ["YO1 0AJ"] = new(Authority, 460000, 452000),
        ["YO10 3AB"] = new(Authority, 463000, 450000),
        ["YO24 1AB"] = new(Authority, 457000, 450000),
        ["YO31 7AA"] = new(Authority, 461000, 453500),
        ["YO26 5AA"] = new(Authority, 456000, 452500),
        ["HG1 1AA"] = new("E06000065", 430000, 455000),
    };

    public static PostcodeLocation? Resolve(string postcode) => Postcodes.GetValueOrDefault(postcode);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static LookedAfterChild AccommodatedGirl { get; } = new()
    {
        ChildId = Accommodated,
        Sex = "F",
        DateOfBirth = D(2012, 5, 10),
        Ethnicity = "WBRI",
        Upn = "A123456789012",
        IsMother = false,
        CategoryOfNeed = "N4",
        HomePostcode = "YO1 0AJ",
        LegalStatuses = [new("V2", D(2025, 6, 1), null)],
        Placements =
        [
            new(D(2025, 6, 1), D(2025, 11, 15), "U6", "PR1", "SC100001", "YO10 3AB", "carer-1", "CREQB"),
            new(D(2025, 11, 15), null, "U6", "PR1", "SC100001", "YO24 1AB", "carer-2"),
        ],
        Reviews = [new(D(2025, 6, 27), "PN1"), new(D(2025, 9, 20), "PN1"), new(D(2026, 3, 10), "PN6")],
        PreviousPermanence = new("Z1"),
        SocialWorkers = [new("SW123456", D(2025, 6, 1), null, "OTHERS")],
    };

    public static LookedAfterChild CareOrderBoy { get; } = new()
    {
        ChildId = CareOrder,
        Sex = "M",
        DateOfBirth = D(2016, 2, 3),
        Ethnicity = "MWBC",
        Upn = "B234567890123",
        CategoryOfNeed = "N1",
        HomePostcode = "YO31 7AA",
        LegalStatuses = [new("C1", D(2024, 9, 1), D(2025, 5, 20)), new("C2", D(2025, 5, 20), null)],
        Placements =
        [
            new(D(2024, 9, 1), D(2025, 8, 1), "U6", "PR4", "SC999001", "YO26 5AA", "carer-3", "CARPL"),
            new(D(2025, 8, 1), null, "U4", "PR1", "SC100001", "YO10 3AB", "carer-4"),
        ],
        Reviews = [new(D(2024, 9, 25), "PN1"), new(D(2025, 6, 10), "PN1"), new(D(2025, 12, 1), "PN2")],
        PreviousPermanence = new("Z1"),
        Outcomes = new()
        {
            SdqScore = 14,
            Convicted = false,
            Immunisations = true,
            TeethCheck = true,
            HealthAssessment = true,
            SubstanceMisuse = false,
        },
        SocialWorkers = [new("SW200001", D(2024, 9, 1), D(2025, 10, 1), "OTHERS"), new("SW200002", D(2025, 10, 1), null, "LEFTRL")],
    };

    public static LookedAfterChild CareLeaverGirl { get; } = new()
    {
        ChildId = CareLeaver,
        Sex = "F",
        DateOfBirth = D(2006, 9, 1),
        Ethnicity = "BAFR",
        Upn = "C345678901234",
        IsMother = false,
        CategoryOfNeed = "N5",
        HomePostcode = "YO26 5AA",
        LegalStatuses = [new("V2", D(2022, 1, 10), D(2024, 9, 1), "E17")],
        Placements = [new(D(2022, 1, 10), D(2024, 9, 1), "U6", "PR1", "SC100001", "YO24 1AB", "carer-5")],
        CareLeaver = new("YES", "F2", "Z1"),
    };

    public static LookedAfterChild MissingBoy { get; } = new()
    {
        ChildId = WentMissing,
        Sex = "M",
        DateOfBirth = D(2010, 3, 3),
        Ethnicity = "WBRI",
        Upn = "D456789012345",
        CategoryOfNeed = "N1",
        HomePostcode = "YO1 0AJ",
        LegalStatuses = [new("C2", D(2023, 3, 1), null)],
        Placements = [new(D(2023, 3, 1), null, "K2", "PR4", "SC500001", "HG1 1AA", "home-1")],
        Reviews = [new(D(2025, 5, 1), "PN1"), new(D(2025, 11, 1), "PN5")],
        MissingEpisodes = [new("M", D(2025, 7, 4), D(2025, 7, 5)), new("A", D(2025, 10, 10), D(2025, 10, 10))],
        Outcomes = new()
        {
            SdqScore = 20,
            Convicted = false,
            Immunisations = true,
            TeethCheck = false,
            HealthAssessment = true,
            SubstanceMisuse = true,
            InterventionReceived = false,
            InterventionOffered = true,
        },
        SocialWorkers = [new("SW300003", D(2023, 3, 1), null, "OTHERS")],
        DeprivationOfLiberty = [new(D(2026, 5, 1), D(2026, 9, 1))],
    };

    public static IReadOnlyList<LookedAfterChild> Children { get; } = [AccommodatedGirl, CareOrderBoy, CareLeaverGirl, MissingBoy];

    public static Ssda903Return Return(CollectionYear? year = null) =>
        EpisodeBuilder.Build(year ?? Year, Authority, Children, Resolve);
}
