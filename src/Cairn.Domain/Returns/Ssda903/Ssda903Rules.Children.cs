using static Cairn.Domain.Returns.Ssda903.Ssda903Layout;

namespace Cairn.Domain.Returns.Ssda903;

public static partial class Ssda903Rules
{
    private static readonly string[] AdoptionFields = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"];
    private static readonly string[] CareLeaverFields = ["IN_TOUCH", "ACTIV", "ACCOM"];
    private static readonly string[] Oc2Core = ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"];

    private static IEnumerable<Ssda903Rule> OutcomeRules()
    {
        yield return Rule("197a", c => c.Failing(Oc2, r => r.Has("SDQ_SCORE") && r.Has("SDQ_REASON")));
        yield return Rule("182", c => c.Failing(Oc2, r => Oc2Flags.Any(r.Has) && !Oc2Core.All(r.Has)));
        yield return Rule("192", c => c.Failing(Oc2, r => r["SUBSTANCE_MISUSE"] == "1" && !r.Has("INTERVENTION_RECEIVED")));
        yield return Rule("193", c => c.Failing(Oc2, r => r["SUBSTANCE_MISUSE"] != "1"
            && (r.Has("INTERVENTION_RECEIVED") || r.Has("INTERVENTION_OFFERED"))));
        yield return Rule("158", c => c.Failing(Oc2, r => r["INTERVENTION_RECEIVED"] == "1" && r.Has("INTERVENTION_OFFERED")));
        yield return Rule("159", c => c.Failing(Oc2, r => r["SUBSTANCE_MISUSE"] == "1" && r["INTERVENTION_RECEIVED"] == "0"
            && !r.Has("INTERVENTION_OFFERED")));
        yield return Rule("542", c => c.Failing(Oc2, r => r.Has("CONVICTED") && c.AgeOf(r.Child, c.Year.End) < 10));
        yield return Rule("546", c => c.Failing(Oc2, r => r.Has("HEALTH_CHECK") && c.AgeOf(r.Child, c.Year.End) >= 5));
        yield return Rule("153", c => c.Failing(Oc3, r => CareLeaverFields.Any(r.Has) && !CareLeaverFields.All(r.Has)));
        yield return Rule("345", c => c.Failing(Oc3, r => r["IN_TOUCH"] == "YES" && (r["ACTIV"] == "0" || r["ACCOM"] == "0")));
        yield return Rule("391", c => c.Failing(Oc3, r => r.Date("DOB") is not { } dob
            || !Enumerable.Range(17, 5).Any(age => c.Year.Contains(dob.AddYears(age)))));
    }

    private static IEnumerable<Ssda903Rule> AdoptionRules()
    {
        yield return Rule("151", c => c.Failing(Ad1, r => AdoptionFields.Any(r.Has) && !AdoptionFields.All(r.Has)));
        yield return Rule("333", c => c.Failing(Ad1, r => r.Date("DATE_INT") > r.Date("DATE_MATCH")));
        yield return Rule("511", c => c.Failing(Ad1, r => r["NB_ADOPTR"] == "2" && r["SEX_ADOPTR"] is not ("MM" or "FF" or "MF")));
        yield return Rule("514", c => c.Failing(Ad1, r => r["LS_ADOPTR"] == "L0" && (r["NB_ADOPTR"] == "2"
            || r["SEX_ADOPTR"] is "MM" or "FF" or "MF")));
        yield return Rule("517", c => c.Failing(Ad1, r => r["LS_ADOPTR"] == "L3" && r["SEX_ADOPTR"] != "MF"));
        yield return Rule("518", c => c.Failing(Ad1, r => r["LS_ADOPTR"] == "L4" && r["SEX_ADOPTR"] is not ("MM" or "FF")));
        yield return Rule("524", c => c.Failing(Ad1, r => r["LS_ADOPTR"] == "L12" && r["SEX_ADOPTR"] is not ("MM" or "FF")));
        yield return Rule("119", c => c.Failing(PlacedAdoption, r => r.Has("DATE_PLACED_CEASED") != r.Has("REASON_PLACED_CEASED")));
        yield return Rule("184", c => c.Failing(PlacedAdoption, r => r.Date("DATE_PLACED") < c.DateOfBirth(r.Child)));
        yield return Rule("522", c => c.Failing(PlacedAdoption, r => r.Date("DATE_PLACED") > r.Date("DATE_PLACED_CEASED")));
        yield return Rule("563", c => c.Failing(PlacedAdoption, r => !r.Has("DATE_PLACED")
            && (r.Has("DATE_PLACED_CEASED") || r.Has("REASON_PLACED_CEASED"))));
        yield return Rule("635", c => c.Failing(PrevPerm, r => r["PREV_PERM"] == "Z1" && (r.Has("LA_PERM") || r.Has("DATE_PERM"))));
    }

    private static IEnumerable<Ssda903Rule> MissingRules()
    {
        yield return Rule("564", c => c.Failing(MissingEpisodes, r => r.Has("MISSING") && !r.Has("MIS_START")));
        yield return Rule("565", c => c.Failing(MissingEpisodes, r => r.Has("MIS_START") && !r.Has("MISSING")));
        yield return Rule("566", c => c.Failing(MissingEpisodes, r => r.Has("MIS_END") && !r.Has("MISSING")));
        yield return Rule("567", c => c.Failing(MissingEpisodes, r => r.Date("MIS_END") < r.Date("MIS_START")));
        yield return Rule("570", c => c.Failing(MissingEpisodes, r => r.Date("MIS_START") > c.Year.End));
        yield return Rule("571", c => c.Failing(MissingEpisodes, r => r.Date("MIS_END") is { } end && !c.Year.Contains(end)));
        yield return Rule("586", c => c.Failing(MissingEpisodes, r => r.Date("MIS_START") < c.DateOfBirth(r.Child)));
        yield return Rule("574", c => c.Rows(MissingEpisodes).GroupBy(r => r.Child)
            .Where(g => Overlap(g, "MIS_START", "MIS_END")).Select(g => g.Key));
        yield return Rule("581", c => c.Failing(MissingEpisodes, r => c.FirstEpisode(r.Child)?.Date("DECOM") is { } first
            && r.Date("MIS_START") < first && c.PreviousEpisodes(r.Child).Count == 0));
        yield return Rule("577", c => c.Failing(MissingEpisodes, r => !r.Has("MIS_END") && LeftCare(c, r.Child) is not null));
        yield return Rule("578", c => c.Failing(MissingEpisodes, r => LeftCare(c, r.Child) is { } left && r.Date("MIS_START") > left));
    }

    /// <summary>The day the child ceased to be looked after, if their last episode this year ended care.</summary>
    private static DateOnly? LeftCare(Ssda903Context c, string child) =>
        c.LastEpisode(child) is { } last && last.Has("REC") && last["REC"] != EpisodeBuilder.ContinuingEpisode
            ? last.Date("DEC")
            : null;

    /// <summary>Whether a period starts before the one before it ended (or while it is still open).</summary>
    private static bool Overlap(IEnumerable<Ssda903Row> rows, string start, string end)
    {
        var sorted = rows.Where(r => r.Date(start) is not null).OrderBy(r => r.Date(start)).ToList();
        return sorted.Zip(sorted.Skip(1)).Any(p => p.First.Date(end) is not { } ended || p.Second.Date(start) < ended);
    }

    private static IEnumerable<Ssda903Rule> SocialWorkerRules()
    {
        const string table = SocialWorkerEpisodes;
        yield return Rule("SW01aSTG1", c => c.Failing(table, r => !r.Has("SW_ID") || !r.Has("SW_DECOM")));
        yield return Rule("SW01bSTG1", c => c.Failing(table, r => r.Date("SW_DECOM") >= SocialWorkerReasonsFrom
            && (!r.Has("SW_ID") || !r.Has("SW_REASON"))));
        yield return Rule("SW02STG1", c => c.Failing(table, r => r["SW_ID"] is { } id
            && !id.StartsWith("SW", StringComparison.Ordinal) && !id.StartsWith("XX", StringComparison.Ordinal)));
        yield return Rule("SW06STG2", c => c.Failing(table, r => r.Date("SW_DECOM") > c.Year.End));
        yield return Rule("SW07STG2", c => c.Failing(table, r => r.Date("SW_DEC") is { } end && !c.Year.Contains(end)));
        yield return Rule("SW08STG2", c => c.Rows(table).GroupBy(r => r.Child).Where(g =>
        {
            var sorted = g.OrderBy(r => r.Date("SW_DECOM")).ToList();
            return sorted.Zip(sorted.Skip(1)).Any(p => !p.First.Has("SW_DEC"));
        }).Select(g => g.Key));
        yield return Rule("SW09STG2", c => c.Failing(table, r => Days(r, "SW_DECOM", "SW_DEC") == 0));
        yield return Rule("SW10STG2", c => c.Rows(table).GroupBy(r => r.Child).Where(g =>
        {
            // An episode still open when the next starts is SW08's failure; this one is a start before a recorded end.
            var sorted = g.Where(r => r.Date("SW_DECOM") is not null).OrderBy(r => r.Date("SW_DECOM")).ToList();
            return sorted.Zip(sorted.Skip(1)).Any(p => p.Second["SW_REASON"] != "FCONTA"
                && p.First.Date("SW_DEC") is { } ended && p.Second.Date("SW_DECOM") < ended);
        }).Select(g => g.Key));
        yield return Rule("SW11bSTG2", c => c.Rows(table).GroupBy(r => r.Child).Where(g =>
            LookedAfterAtEnd(c, g.Key) && g.All(r => r.Date("SW_DEC") is { } end && end < c.Year.End)).Select(g => g.Key));
        yield return Rule("SW17STG2", c => c.EpisodesByChild.Select(g => g.Key).Where(child => LookedAfterAtEnd(c, child)
            && !c.Rows(table).Any(r => r.Child == child && r.Date("SW_DECOM") <= c.Year.End && !r.Has("SW_DEC"))));
    }

    private static bool LookedAfterAtEnd(Ssda903Context c, string child) =>
        c.LastEpisode(child) is { } last && !last.Has("DEC") && !IsRespite(last);

    private static IEnumerable<Ssda903Rule> DeprivationOfLibertyRules()
    {
        const string table = DeprivationOfLiberty;
        yield return Rule("702", c => c.Failing(table, r => r.Date("DOLO_END") < r.Date("DOLO_START")));
        yield return Rule("703", c => c.Failing(table, r => r.Date("DOLO_START") > c.Year.End));
        yield return Rule("704", c => c.Failing(table, r => r.Date("DOLO_END") is { } end && !c.Year.Contains(end)));
        yield return Rule("705", c => c.Rows(table).GroupBy(r => r.Child).Where(g => Overlap(g, "DOLO_START", "DOLO_END")).Select(g => g.Key));
        yield return Rule("707", c => c.Failing(table, r => !r.Has("DOLO_END") && LeftCare(c, r.Child) is not null));
        yield return Rule("708", c => c.Failing(table, r => r.Date("DOLO_START") < c.DateOfBirth(r.Child)));
        yield return Rule("709", c => c.Failing(table, r => PlacementsDuring(c, r).Any(p => p is not ("K2" or "Z12" or "Z13"))));
        yield return Rule("710", c => c.Failing(table, r => PlacementsDuring(c, r).Any(p => p is "K1" or "P1" or "R5" or "K3")));
    }

    private static IEnumerable<string?> PlacementsDuring(Ssda903Context c, Ssda903Row order) =>
        c.Episodes(order.Child).Where(e => order.Date("DOLO_START") is { } start
                && (e.Date("DEC") is not { } dec || dec > start)
                && (order.Date("DOLO_END") is not { } end || e.Date("DECOM") < end))
            .Select(e => e["PLACE"]);

    private static IEnumerable<Ssda903Rule> LastYearRules()
    {
        yield return LastYearHeader("202", "SEX");
        yield return LastYearHeader("203", "DOB");
        yield return LastYearHeader("204", "ETHNIC");
        yield return LastYearHeader("208", "UPN");
        yield return Rule("502", c => c.EpisodesByChild.Where(g => OpenAtEndOfLastYear(c, g.Key) is { } open
            && g.First()["DECOM"] != open["DECOM"]).Select(g => g.Key));
        foreach (var (code, field) in new[]
                 {
                     ("503A", "RNE"), ("503B", "LS"), ("503C", "CIN"), ("503D", "PLACE"), ("503E", "PLACE_PROVIDER"), ("503F", "URN"),
                     ("503G", "PL_DISTANCE"), ("503H", "PL_LA"), ("503J", "PL_LOCATION"),
                 })
        {
            yield return Rule(code, c => c.EpisodesByChild.Where(g => OpenAtEndOfLastYear(c, g.Key) is { } open
                && g.First()["DECOM"] == open["DECOM"] && g.First()[field] != open[field]).Select(g => g.Key));
        }

        yield return Rule("NoE", c => c.Previous is null
            ? []
            : c.EpisodesByChild.Where(g => g.First().Date("DECOM") < c.Year.Start && c.PreviousEpisodes(g.Key).Count == 0).Select(g => g.Key));
    }

    private static Ssda903Row? OpenAtEndOfLastYear(Ssda903Context c, string child) =>
        c.LastEpisodeLastYear(child) is { } last && !last.Has("DEC") ? last : null;

    private static Ssda903Rule LastYearHeader(string code, string field) =>
        Rule(code, c => c.Previous is not { } previous
            ? []
            : c.Failing(Header, r => previous[Header].FirstOrDefault(p => p.Child == r.Child) is { } before
                && before[field] is { } earlier && r[field] is { } now && earlier != now
                && !(field == "SEX" && SexCodesChanged(earlier, now))));

    /// <summary>2024/25 replaced sex codes 1 and 2 with M and F: the same child is not a change.</summary>
    private static bool SexCodesChanged(string earlier, string now) => (earlier, now) is ("1", "M") or ("2", "F");

    private static IEnumerable<Ssda903Rule> IntegrityRules()
    {
        var inHeader = new[]
        {
            ("INT01", Ad1), ("INT02", PlacedAdoption), ("INT03", Episodes), ("INT04", MissingEpisodes), ("INT05", Oc2), ("INT06", Oc3),
            ("INT07", PrevPerm), ("INT08", Reviews), ("INT09", Uasc),
        };
        foreach (var (code, table) in inHeader)
        {
            yield return Rule(code, c => c.Failing(table, r => c.Header(r.Child) is null));
        }

        var sameDob = new[]
        {
            ("INT11", Ad1), ("INT12", PlacedAdoption), ("INT13", MissingEpisodes), ("INT14", Oc2), ("INT15", Oc3), ("INT16", PrevPerm),
            ("INT17", Reviews), ("INT18", Uasc),
        };
        foreach (var (code, table) in sameDob)
        {
            yield return Rule(code, c => c.Failing(table, r => c.Header(r.Child) is { } header && header["DOB"] != r["DOB"]));
        }

        yield return Rule("INT21", c => c.Failing(Uasc, r => c.Header(r.Child) is { } header && header["SEX"] != r["SEX"]));
        var once = new[] { ("INT31", Ad1), ("INT32", Header), ("INT33", Oc2), ("INT34", Oc3), ("INT35", PrevPerm), ("INT36", Uasc) };
        foreach (var (code, table) in once)
        {
            yield return Rule(code, c => c.Rows(table).GroupBy(r => r.Child).Where(g => g.Count() > 1).Select(g => g.Key));
        }
    }
}
