using Cairn.Domain.Returns;
using Cairn.Domain.Returns.Ssda903;

namespace Cairn.Domain.Tests.Returns.Ssda903;

/// <summary>Episodes derived from legal status and placement history as the SSDA903 guide defines them.</summary>
public sealed class EpisodeBuilderTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static LookedAfterChild Child(LegalStatusPeriod[] legalStatuses, PlacementPeriod[] placements) => new()
    {
        ChildId = "T1",
        Sex = "M",
        DateOfBirth = D(2014, 1, 1),
        Ethnicity = "WBRI",
        Upn = "UN3",
        CategoryOfNeed = "N1",
        HomePostcode = "YO1 0AJ",
        LegalStatuses = legalStatuses,
        Placements = placements,
    };

    private static PlacementPeriod Placement(DateOnly start, DateOnly? end, string carer, string type = "U6", string? reason = null) =>
        new(start, end, type, "PR1", "SC100001", "YO10 3AB", carer, reason);

    public static TheoryData<string, string, string, string> Changes => new()
    {
        // what changes on 1 June 2025, legal status after, carer after, the second episode's RNE
        { "legal status only", "C2", "carer-1", "L" },
        { "placement and carers", "C1", "carer-2", "P" },
        { "placement, same carers", "C1", "carer-1", "T" },
        { "legal status and placement and carers", "C2", "carer-2", "B" },
        { "legal status and placement, same carers", "C2", "carer-1", "U" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_change_of_legal_status_placement_or_carers_starts_an_episode_with_its_reason(
        string change, string legalStatusAfter, string carerAfter, string rne)
    {
        var placementChanges = rne != "L";
        LegalStatusPeriod[] legalStatuses = legalStatusAfter == "C1"
            ? [new("C1", D(2025, 1, 1), null)]
            : [new("C1", D(2025, 1, 1), D(2025, 6, 1)), new(legalStatusAfter, D(2025, 6, 1), null)];
        var child = Child(
            legalStatuses,
            placementChanges
                ? [Placement(D(2025, 1, 1), D(2025, 6, 1), "carer-1", reason: "CARPL"), Placement(D(2025, 6, 1), null, carerAfter, "U4")]
                : [Placement(D(2025, 1, 1), null, "carer-1", reason: "CARPL")]);

        var episodes = EpisodeBuilder.Episodes(child);

        Assert.True(episodes.Count == 2, change);
        Assert.Equal(("S", D(2025, 1, 1), D(2025, 6, 1), "X1"), (episodes[0].ReasonForNewEpisode, episodes[0].Start, episodes[0].End,
            episodes[0].ReasonCeased));
        Assert.Equal((rne, D(2025, 6, 1), (DateOnly?)null), (episodes[1].ReasonForNewEpisode, episodes[1].Start, episodes[1].End));
        Assert.Equal(placementChanges ? "CARPL" : null, episodes[0].ReasonPlaceChange);
    }

    [Fact]
    public void A_gap_in_care_starts_a_new_period_of_care_and_the_last_episode_ends_with_the_reason_care_ceased()
    {
        var child = Child(
            [new("V2", D(2024, 5, 1), D(2024, 8, 1), "E4A"), new("C1", D(2025, 2, 1), null)],
            [Placement(D(2024, 5, 1), D(2024, 8, 1), "carer-1"), Placement(D(2025, 2, 1), null, "carer-2")]);

        var episodes = EpisodeBuilder.Episodes(child);

        Assert.Equal(["S", "S"], episodes.Select(e => e.ReasonForNewEpisode));
        Assert.Equal("E4A", episodes[0].ReasonCeased);
        Assert.Null(episodes[0].ReasonPlaceChange);
    }

    [Fact]
    public void Two_records_of_the_same_legal_status_with_the_same_placement_are_one_episode()
    {
        var child = Child([new("C2", D(2025, 1, 1), D(2025, 3, 1)), new("C2", D(2025, 3, 1), null)], [Placement(D(2025, 1, 1), null, "c")]);
        Assert.Single(EpisodeBuilder.Episodes(child));
    }

    [Fact]
    public void The_return_holds_only_episodes_open_in_the_year_and_one_ending_after_31_March_is_open_on_it()
    {
        var child = Child(
            [new("C2", D(2023, 1, 1), D(2026, 5, 1), "E8")],
            [Placement(D(2023, 1, 1), D(2024, 6, 1), "carer-1", reason: "CARPL"), Placement(D(2024, 6, 1), null, "carer-2")]);

        var ssda903 = EpisodeBuilder.Build(CollectionYear.Ending(2026), Ssda903Examples.Authority, [child], Ssda903Examples.Resolve);

        var episode = Assert.Single(ssda903[Ssda903Layout.Episodes]);
        Assert.Equal("01/06/2024", episode["DECOM"]);
        Assert.Null(episode["DEC"]);
        Assert.Null(episode["REC"]);
    }

    [Fact]
    public void Distance_is_straight_line_miles_to_one_decimal_and_the_placement_is_in_or_out_of_the_authority()
    {
        // YO1 0AJ (460000, 452000) to YO10 3AB (463000, 450000): sqrt(3000² + 2000²) m = 3605.55 m = 2.24 miles.
        var child = Child([new("C2", D(2025, 1, 1), null)], [Placement(D(2025, 1, 1), null, "c")]);
        var episode = Assert.Single(EpisodeBuilder.Build(CollectionYear.Ending(2026), Ssda903Examples.Authority, [child],
            Ssda903Examples.Resolve)[Ssda903Layout.Episodes]);
        Assert.Equal(("2.2", Ssda903Examples.Authority, "IN"), (episode["PL_DISTANCE"], episode["PL_LA"], episode["PL_LOCATION"]));

        var away = Ssda903Examples.Return()[Ssda903Layout.Episodes].Single(e => e.Child == Ssda903Examples.WentMissing);
        Assert.Equal(("E06000065", "OUT"), (away["PL_LA"], away["PL_LOCATION"]));
    }

    [Fact]
    public void Unaccompanied_children_and_respite_have_no_postcodes_that_give_a_distance()
    {
        var uasc = Child([new("V2", D(2025, 1, 1), null)], [Placement(D(2025, 1, 1), null, "c")]) with { Uasc = new UascStatus(null) };
        var respite = Child([new("V3", D(2025, 5, 1), D(2025, 5, 4), "E8")], [Placement(D(2025, 5, 1), D(2025, 5, 4), "c")]) with
        {
            ChildId = "T2",
        };

        var ssda903 = EpisodeBuilder.Build(CollectionYear.Ending(2026), Ssda903Examples.Authority, [uasc, respite], Ssda903Examples.Resolve);

        var first = ssda903[Ssda903Layout.Episodes].Single(e => e.Child == "T1");
        Assert.Equal((null, "YO10 3AB", null), (first["HOME_POST"], first["PL_POST"], first["PL_DISTANCE"]));
        Assert.Equal("1", ssda903[Ssda903Layout.Header].Single(h => h.Child == "T1")["UASC"]);
        var second = ssda903[Ssda903Layout.Episodes].Single(e => e.Child == "T2");
        Assert.Equal((null, null, null), (second["HOME_POST"], second["PL_POST"], second["PL_LA"]));
    }

    [Fact]
    public void Provider_and_URN_follow_the_placement_type()
    {
        var child = Child([new("C2", D(2025, 1, 1), null)],
            [new PlacementPeriod(D(2025, 1, 1), D(2025, 2, 1), "T1", "PR3", "SC1", "YO10 3AB", "c"),
             new PlacementPeriod(D(2025, 2, 1), null, "K2", "PR4", null, "YO10 3AB", "d")]);
        var rows = EpisodeBuilder.Build(CollectionYear.Ending(2025), Ssda903Examples.Authority, [child], Ssda903Examples.Resolve)
            [Ssda903Layout.Episodes];
        Assert.Equal((null, null), (rows[0]["PLACE_PROVIDER"], rows[0]["URN"]));
        Assert.Equal(("PR4", "XXXXXXX"), (rows[1]["PLACE_PROVIDER"], rows[1]["URN"]));
    }

    [Fact]
    public void Twelve_months_continuously_looked_after_counts_from_1_April_and_not_respite()
    {
        var year = CollectionYear.Ending(2026);
        var since = EpisodeBuilder.Episodes(Child([new("C2", D(2025, 4, 1), null)], [Placement(D(2025, 4, 1), null, "c")]));
        var later = EpisodeBuilder.Episodes(Child([new("C2", D(2025, 4, 2), null)], [Placement(D(2025, 4, 2), null, "c")]));
        var respite = EpisodeBuilder.Episodes(Child([new("V4", D(2024, 1, 1), null)], [Placement(D(2024, 1, 1), null, "c")]));
        Assert.True(EpisodeBuilder.ContinuouslyLookedAfter(since, year));
        Assert.False(EpisodeBuilder.ContinuouslyLookedAfter(later, year));
        Assert.False(EpisodeBuilder.ContinuouslyLookedAfter(respite, year));
    }
}
