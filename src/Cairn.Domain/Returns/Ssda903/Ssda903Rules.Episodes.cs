using Cairn.Domain.Placements;
using static Cairn.Domain.Returns.Ssda903.Ssda903Layout;

namespace Cairn.Domain.Returns.Ssda903;

public static partial class Ssda903Rules
{
    private static readonly string[] PlacementFields = ["PLACE", "PLACE_PROVIDER", "PL_POST", "URN"];
    private static readonly DateOnly PlacementOrdersFrom = new(2005, 12, 1);
    private static readonly DateOnly EarliestEpisode = new(1991, 10, 14);

    private static bool PlacementSame(Ssda903Row previous, Ssda903Row next) => PlacementFields.All(f => previous[f] == next[f]);

    private static IEnumerable<Ssda903Rule> EpisodeRules()
    {
        yield return Rule("142", c => c.FailingPairs((previous, _) => !previous.Has("DEC")));
        yield return Rule("148", c => c.Failing(Episodes, r => r.Has("DEC") != r.Has("REC")));
        yield return Rule("302", c => c.Failing(Episodes, r => r.Date("DECOM") < c.DateOfBirth(r.Child)));
        yield return Rule("353", c => c.Failing(Episodes, r => r.Date("DECOM") < EarliestEpisode));
        yield return Rule("354", c => c.Failing(Episodes, r => r.Date("DECOM") > c.Year.End));
        yield return Rule("385", c => c.Failing(Episodes, r => r.Date("DEC") > c.Year.End));
        yield return Rule("355", c => c.Failing(Episodes, r => Days(r, "DECOM", "DEC") == 0));
        yield return Rule("356", c => c.Failing(Episodes, r => Days(r, "DECOM", "DEC") < 0));
        yield return Rule("501", c => c.FailingPairs((previous, next) => next.Date("DECOM") < previous.Date("DEC")));
        yield return Rule("431", c => c.FailingPairs((previous, next) => next["RNE"] == "S" && next.Date("DECOM") == previous.Date("DEC")));
        yield return Rule("432", c => c.FailingPairs((previous, next) =>
            previous.Has("REC") && previous["REC"] != EpisodeBuilder.ContinuingEpisode && next["RNE"] != "S"));
        yield return Rule("433", c => c.FailingPairs((previous, next) =>
            next["RNE"] is "L" or "P" or "T" or "U" or "B" && next.Date("DECOM") != previous.Date("DEC")));
        yield return Rule("388", c => c.EpisodesByChild.Where(g =>
        {
            var list = g.ToList();
            return list.Select((e, i) => (e, i)).Any(p => p.e["REC"] == EpisodeBuilder.ContinuingEpisode
                && (p.i + 1 == list.Count || list[p.i + 1].Date("DECOM") != p.e.Date("DEC")));
        }).Select(g => g.Key));
        yield return Rule("434", c => c.FailingPairs((previous, next) =>
            next["RNE"] == "L" && (previous["LS"] == next["LS"] || !PlacementSame(previous, next))));
        yield return Rule("435", c => c.FailingPairs((previous, next) =>
            next["RNE"] is "P" or "T" && (previous["LS"] != next["LS"] || PlacementSame(previous, next))));
        yield return Rule("436", c => c.FailingPairs((previous, next) =>
            next["RNE"] is "B" or "U" && (previous["LS"] == next["LS"] || PlacementSame(previous, next))));
        yield return Rule("437", c => c.FailingPairs((previous, _) => previous["REC"] is "E2" or "E15"));
        yield return Rule("504", c => c.FailingPairs((previous, next) =>
            next["RNE"] != "S" && next.Date("DECOM") == previous.Date("DEC") && previous["CIN"] != next["CIN"]));
        yield return Rule("352", c => c.Failing(Episodes, r => r["RNE"] == "S" && c.AgeOf(r.Child, r.Date("DECOM")) >= 18));
        yield return Rule("358", c => c.Failing(Episodes, r => r["LS"] is "J1" or "J2" or "J3" && c.AgeOf(r.Child, r.Date("DECOM")) < 10));
        yield return Rule("446", c => c.Failing(Episodes, r => r["LS"] == "E1" && r.Date("DECOM") < PlacementOrdersFrom));
        yield return Rule("361", c => c.Failing(Episodes, r => r["LS"] == "L1" && Days(r, "DECOM", "DEC") > 3));
        yield return Rule("362", c => c.Failing(Episodes, r => r["LS"] == "L2" && Days(r, "DECOM", "DEC") > 21));
        yield return Rule("363", c => c.Failing(Episodes, r => r["LS"] == "L3" && Days(r, "DECOM", "DEC") > 7));
        yield return Rule("365", c => c.Failing(Episodes, r => r["LS"] == "V3" && Days(r, "DECOM", "DEC") > 17));
        yield return Rule("386", c => c.Failing(Episodes, r => r["REC"] is "E11" or "E12" && c.AgeOf(r.Child, r.Date("DEC")) >= 18));
        yield return Rule("387", c => c.Failing(Episodes, r => r["REC"] is "E5" or "E6" && c.AgeOf(r.Child, r.Date("DEC")) < 14));
        yield return Rule("389", c => c.Failing(Episodes, r => r["REC"] == "E7" && c.AgeOf(r.Child, r.Date("DEC")) < 16));
        yield return Rule("407", c => c.Failing(Episodes, r =>
            r["REC"] is "E45" or "E46" or "E47" or "E48" && c.AgeOf(r.Child, r.Date("DEC")) >= 18));
        yield return Rule("460", c => c.Failing(Episodes, r => r["REC"] == "E17" && c.AgeOf(r.Child, r.Date("DEC")) < 18));
        yield return Rule("357", c => c.EpisodesByChild.Where(g => c.PreviousEpisodes(g.Key).Count == 0
            && g.First().Date("DECOM") >= c.Year.Start && g.First()["RNE"] != "S").Select(g => g.Key));
    }

    private static IEnumerable<Ssda903Rule> PlacementRules()
    {
        yield return Rule("213", c => c.Failing(Episodes, r => r.Has("PLACE_PROVIDER") && r["PLACE"] is { } place
            && (place is "T0" or "T1" or "T2" or "T3" || (c.Year.EndingYear >= 2026 && place.StartsWith('Z') && place.Length == 3))));
        yield return Rule("526", c => c.Failing(Episodes, r => !r.Has("PLACE_PROVIDER") && r["PLACE"] is { } place
            && PlacementCodes.NeedsProvider(place) && place != "T4"));
        yield return ProviderRule("527", "PR1", p => p is "P1" or "R2" or "R5");
        yield return ProviderRule("528", "PR2", p => p is "P1" or "R2" or "R5");
        yield return ProviderRule("529", "PR3", p => p is "P1" or "K1" or "K2" || p.StartsWith('U') || p is "A3" or "A4" or "A5" or "A6");
        yield return ProviderRule("530", "PR4", p => p == "P1");
        yield return ProviderRule("531", "PR5", p => p == "P1");
        yield return ProviderRule("550", "PR0", p => p != "P1");
        yield return Rule("217", c => c.Failing(Episodes, r => r["PLACE"] is "A3" or "A5" && r.Date("DECOM") >= PlacementOrdersFrom
            && r["RNE"] is not ("S" or "T" or "U")));
        yield return Rule("218", c => c.Failing(Episodes, r => !r.Has("URN") && r["PLACE"] is { } place && PlacementCodes.NeedsUrn(place)
            && place != "Z1" && !(r["PL_LA"] is { } la && OutsideEngland.Contains(la))
            && (r.Date("DEC") is not { } dec || dec >= c.Year.Start)));
        yield return Rule("222", c => c.Failing(Episodes, r => r["URN"] is { } urn && urn != PlacementCodes.UrnPlaceholder
            && r["PLACE"] is { } place && (!PlacementCodes.NeedsUrn(place) || place == "Z1")));
        yield return Rule("225", c => c.FailingPairs((previous, next) => previous["REC"] == EpisodeBuilder.ContinuingEpisode
            && !previous.Has("REASON_PLACE_CHANGE") && !IsTemporary(previous["PLACE"]) && next["RNE"] is "P" or "B" or "T" or "U"
            && !IsTemporary(next["PLACE"])));
        yield return Rule("226", c => c.Failing(Episodes, r => r.Has("REASON_PLACE_CHANGE") && IsTemporary(r["PLACE"])));
        yield return Rule("233", c => c.Failing(Episodes, r => r.Has("REASON_PLACE_CHANGE") && !r.Has("DEC")));
        yield return Rule("234", c => c.Failing(Episodes, r => r["REASON_PLACE_CHANGE"] == "CUSTOD" && c.AgeOf(r.Child, r.Date("DEC")) < 10));
        yield return Rule("214", c => c.Failing(Episodes, r => IsRespite(r) && (r.Has("PL_POST") || r.Has("URN"))));
        yield return Rule("398", c => c.Failing(Episodes, r => IsRespite(r) && (r.Has("HOME_POST") || r.Has("PL_POST"))));
        yield return Rule("420", c => c.Failing(Episodes, r => IsRespite(r) && r.Has("PL_LA")));
        yield return Rule("392c", c => c.Failing(Episodes, r =>
            new[] { r["HOME_POST"], r["PL_POST"] }.Any(p => p is not null && !Places.Postcode.TryParse(p, out _, out _))));
        yield return Rule("392d", c => c.Failing(Episodes, r => r["PLACE"] != "P1" && r.Has("HOME_POST")
            && string.Equals(r["HOME_POST"]?.Replace(" ", "", StringComparison.Ordinal), r["PL_POST"]?.Replace(" ", "", StringComparison.Ordinal),
                StringComparison.OrdinalIgnoreCase)));
        yield return Rule("164", c => c.Failing(Episodes, r => r["PL_DISTANCE"] is { } d
            && !(double.TryParse(d, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var miles)
                 && miles is >= 0 and <= 999.9)));
        yield return Rule("454", c => c.Failing(Episodes, r => double.TryParse(r["PL_DISTANCE"], System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var miles) && miles > 350));
        yield return Rule("406", c => c.Failing(Episodes, r => r.Has("PL_DISTANCE")
            && (c.Header(r.Child)?["UASC"] == "1" || c.Rows(Uasc).Any(u => u.Child == r.Child))));
        yield return Rule("169", c => c.Failing(Episodes, r => !IsRespite(r) && r["PL_LA"] is { } la && !PlacementAuthority().IsMatch(la)));
        yield return Rule("371", c => MinimumAge(c, p => p is "H5" or "K3", 16));
        yield return Rule("372", c => MinimumAge(c, p => p == "R5", 10));
        yield return Rule("373", c => MinimumAge(c, p => p == "S1", 4));
        yield return Rule("374", c => MinimumAge(c, p => p == "P3", 14));
        yield return Rule("375", c => c.Failing(Episodes, r => r["PLACE"] == "T1" && Days(r, "DECOM", "DEC") > 42));
        yield return Rule("376", c => c.Failing(Episodes, r => r["PLACE"] == "T3" && Days(r, "DECOM", "DEC") > 21));
        yield return Rule("379", c => c.Failing(Episodes, r => r["PLACE"] == "T4" && Days(r, "DECOM", "DEC") > 7));
        yield return Rule("378", c => c.Failing(Episodes, r => r["PLACE"] == "P1" && r["LS"] == "V2"));
        yield return Rule("380", c => c.Failing(Episodes, r => r["RNE"] == "S" && IsTemporary(r["PLACE"])));
        yield return Rule("381", c => c.Failing(Episodes, r => r.Has("REC") && r["REC"] != EpisodeBuilder.ContinuingEpisode
            && IsTemporary(r["PLACE"])));
        yield return Rule("382", c => c.Failing(Episodes, r => IsRespite(r) && IsTemporary(r["PLACE"])));
        yield return Rule("384", c => c.Failing(Episodes, r => IsRespite(r) && r["PLACE"] is "U1" or "U4"));
        yield return Rule("390", c => c.Failing(Episodes, r => r["REC"] is "E11" or "E12" && r["PLACE"] is not ("A3" or "A4" or "A5" or "A6")));
        yield return Rule("408", c => c.Failing(Episodes, r => r["PLACE"] is "A5" or "A6" && r["LS"] is not ("E1" or "D1")));
    }

    private static Ssda903Rule ProviderRule(string code, string provider, Func<string, bool> notWith) =>
        Rule(code, c => c.Failing(Episodes, r => r["PLACE_PROVIDER"] == provider && r["PLACE"] is { } place && notWith(place)));

    private static IEnumerable<string> MinimumAge(Ssda903Context c, Func<string, bool> place, int age) =>
        c.Failing(Episodes, r => r["PLACE"] is { } p && place(p) && c.AgeOf(r.Child, r.Date("DECOM")) < age);
}
