using static Cairn.Domain.Returns.Ssda903.Ssda903Layout;

namespace Cairn.Domain.Returns.Ssda903;

public static partial class Ssda903Rules
{
    private static readonly DateOnly PreviousPermanenceFrom = new(2016, 4, 1);
    private static readonly int[] SeventeenAndEighteen = [17, 18];

    /// <summary>Motherhood, previous permanence, respite and UPN rules, and the open periods carried over from last year.</summary>
    private static IEnumerable<Ssda903Rule> MoreRules()
    {
        yield return Rule("607", c => c.Failing(Header, r => c.IsFemale(r.Child) && !r.Has("MOTHER")
            && c.Episodes(r.Child).Any(e => !IsRespite(e) && e.Has("REC") && e["REC"] != EpisodeBuilder.ContinuingEpisode
                && e.Date("DEC") is { } dec && c.Year.Contains(dec))));
        yield return Rule("625", c => c.Failing(Header, r => r.Date("MC_DOB") is { } born
            && (born > c.Year.End || (LeftCare(c, r.Child) is { } left && born > left))));
        yield return Rule("630", c => c.EpisodesByChild.Where(g => g.Any(e => e["RNE"] == "S" && !IsRespite(e)
                && e.Date("DECOM") is { } start && c.Year.Contains(start))
            && c.Rows(PrevPerm).All(p => p.Child != g.Key)).Select(g => g.Key));
        yield return Rule("634", c => c.Failing(PrevPerm, r => c.Episodes(r.Child) is { Count: > 0 } episodes
            && !episodes.Any(e => e["RNE"] == "S" && e.Date("DECOM") >= PreviousPermanenceFrom)
            && episodes[0].Date("DECOM") < PreviousPermanenceFrom));
        yield return Rule("210", c => c.Failing(Header, r => r["UPN"] == "UN4" && LookedAfterAtEnd(c, r.Child)
            && c.FirstEpisode(r.Child)?.Date("DECOM") is { } start && start < c.Year.End.AddDays(-7)));
        yield return Rule("580", c => c.Failing(MissingEpisodes, r => LeftCare(c, r.Child) is { } left
            && c.LastEpisode(r.Child)?["REC"] != "E8" && r.Date("MIS_START") <= left && (r.Date("MIS_END") is not { } end || end > left)));
        yield return Rule("426", c => c.EpisodesByChild.Where(g => g.Any(e => e["LS"] == "V3") && g.Any(e => e["LS"] == "V4"))
            .Select(g => g.Key));
        yield return Rule("366", c => c.FailingPairs((previous, next) => previous["LS"] == "V3" && next["LS"] == "V3"
            && next["RNE"] is "P" or "T" or "B" or "U" && next.Date("DECOM") == previous.Date("DEC")));

        yield return Rule("3001", c => c.Failing(Oc3, r => r["ACCOM"] is "Z1" or "Z2" && r.Date("DOB") is { } dob
            && c.Year.Contains(dob.AddYears(17))));
        yield return Rule("1007", c => c.Failing(Oc3, r => r.Date("DOB") is { } dob && SeventeenAndEighteen.Select(dob.AddYears)
            .Any(birthday => c.Year.Contains(birthday) && c.Episodes(r.Child).Any(e => e.Date("DECOM") <= birthday
                && (e.Date("DEC") is not { } dec || dec > birthday)))));

        yield return Rule("207", c => c.Failing(Header, r => LastYearHeaderRow(c, r.Child)?["MOTHER"] == "1" && r["MOTHER"] == "0"));
        yield return Rule("624", c => c.Failing(Header, r => LastYearHeaderRow(c, r.Child)?["MC_DOB"] is { } before
            && r["MC_DOB"] is { } now && before != now));
        yield return Rule("626", c => c.Failing(Header, r => r["MOTHER"] == "1" && r.Date("MC_DOB") < c.Year.Start
            && LastYearHeaderRow(c, r.Child)?["MOTHER"] == "0"));
        yield return SameEpisodeAsLastYear("452", "PL_LA");
        yield return SameEpisodeAsLastYear("453", "PL_DISTANCE");
        yield return Rule("576", c => OpenLastYearNotCarried(c, MissingEpisodes, "MIS_START", "MIS_END"));
    }

    private static Ssda903Row? LastYearHeaderRow(Ssda903Context c, string child) =>
        c.Previous?[Header].FirstOrDefault(p => p.Child == child);

    /// <summary>The last episode of last year and the first of this year are the same episode (same DECOM) but the field differs.</summary>
    private static Ssda903Rule SameEpisodeAsLastYear(string code, string field) =>
        Rule(code, c => c.EpisodesByChild.Where(g => c.LastEpisodeLastYear(g.Key) is { } last
            && last["DECOM"] == g.First()["DECOM"] && last[field] != g.First()[field]).Select(g => g.Key));

    /// <summary>Children with a period open at the end of last year's table and no row starting the same day this year.</summary>
    private static IEnumerable<string> OpenLastYearNotCarried(Ssda903Context c, string table, string start, string end) =>
        c.Previous is not { } previous
            ? []
            : previous[table].Where(p => !p.Has(end) && !c.Rows(table).Any(r => r.Child == p.Child && r[start] == p[start]))
                .Select(p => p.Child);
}
