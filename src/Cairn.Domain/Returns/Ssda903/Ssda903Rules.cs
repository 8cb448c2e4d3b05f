using System.Globalization;
using System.Text.RegularExpressions;
using static Cairn.Domain.Returns.Ssda903.Ssda903Layout;

namespace Cairn.Domain.Returns.Ssda903;

/// <summary>
/// The 903 rules Cairn implements, keyed by the DfE's rule code, and those it does not (with why). Each check follows the rule's
/// message in the catalogue and the open validator's reading of it; rules that exist only in some years run only in the years
/// whose catalogue has them.
/// </summary>
public static partial class Ssda903Rules
{
    private static readonly Lazy<IReadOnlyDictionary<string, Ssda903Rule>> AllRules = new(() =>
        CodeAndDateRules().Concat(ChildRules()).Concat(EpisodeRules()).Concat(PlacementRules()).Concat(OutcomeRules())
            .Concat(AdoptionRules()).Concat(MissingRules()).Concat(SocialWorkerRules()).Concat(DeprivationOfLibertyRules())
            .Concat(LastYearRules()).Concat(IntegrityRules()).Concat(MoreRules())
            .ToDictionary(r => r.Code, StringComparer.Ordinal));

    /// <summary>Every implemented rule by code.</summary>
    public static IReadOnlyDictionary<string, Ssda903Rule> Implemented => AllRules.Value;

    private static readonly string[] Temporary = ["T0", "T1", "T2", "T3", "T4"];
    private static readonly string[] Respite = ["V3", "V4"];
    private static readonly string[] OutsideEngland = ["SCO", "WAL", "NIR", "NUK", "CON"];
    private static readonly DateOnly SocialWorkerReasonsFrom = new(2023, 4, 1);

    private static Ssda903Rule Rule(string code, Func<Ssda903Context, IEnumerable<string>> failures) => new(code, failures);

    /// <summary>A coded field: blank fails when required; a code not valid in the year fails.</summary>
    private static Ssda903Rule Code(string code, string table, string field, string list, bool required) =>
        Rule(code, c => c.Failing(table, r => r[field] is not { } value ? required : !c.IsValid(list, value)));

    /// <summary>A date field: blank fails when required; text that is not a dd/mm/yyyy date fails.</summary>
    private static Ssda903Rule Date(string code, string table, string field, bool required) =>
        Rule(code, c => c.Failing(table, r => required ? r.Date(field) is null : r.HasInvalidDate(field)));

    private static bool IsRespite(Ssda903Row episode) => episode["LS"] is { } ls && Respite.Contains(ls);

    private static bool IsTemporary(string? place) => place is not null && Temporary.Contains(place);

    private static int? Days(Ssda903Row row, string from, string to) =>
        row.Date(from) is { } start && row.Date(to) is { } end ? end.DayNumber - start.DayNumber : null;

    private static IEnumerable<Ssda903Rule> CodeAndDateRules()
    {
        yield return Code("101", Header, "SEX", "SEX", required: true);
        yield return Code("103", Header, "ETHNIC", "ETHNIC", required: true);
        yield return Code("105", Header, "UASC", "UASC", required: true);
        yield return Code("143", Episodes, "RNE", "RNE", required: true);
        yield return Code("144", Episodes, "LS", "LS", required: true);
        yield return Code("145", Episodes, "CIN", "CIN_NEED", required: true);
        yield return Code("146", Episodes, "PLACE", "PLACE", required: true);
        yield return Code("149", Episodes, "REC", "REC", required: false);
        yield return Code("178", Episodes, "PLACE_PROVIDER", "PLACE_PROVIDER", required: false);
        yield return Code("179", Episodes, "PL_LOCATION", "PL_LOCATION", required: false);
        yield return Code("1009", Episodes, "REASON_PLACE_CHANGE", "REASON_PLACE_CHANGE", required: false);
        yield return Code("167", Reviews, "REVIEW_CODE", "REVIEW_CODE", required: true);
        yield return Code("1006", MissingEpisodes, "MISSING", "MISSING", required: false);
        yield return Code("131", Oc3, "IN_TOUCH", "IN_TOUCH", required: false);
        yield return Code("132", Oc3, "ACTIV", "ACTIV", required: false);
        yield return Code("133", Oc3, "ACCOM", "ACCOM", required: false);
        yield return Code("114", Ad1, "FOSTER_CARE", "FOSTER_CARE", required: false);
        yield return Code("175", Ad1, "NB_ADOPTR", "NB_ADOPTR", required: false);
        yield return Code("176", Ad1, "SEX_ADOPTR", "SEX_ADOPTR", required: false);
        yield return Code("177", Ad1, "LS_ADOPTR", "LS_ADOPTR", required: false);
        yield return Code("120", PlacedAdoption, "REASON_PLACED_CEASED", "REASON_PLACED_CEASED", required: false);
        yield return Code("196", Oc2, "SDQ_REASON", "SDQ_REASON", required: false);
        yield return Code("631", PrevPerm, "PREV_PERM", "PREV_PERM", required: false);
        yield return Code("SW13STG1", SocialWorkerEpisodes, "SW_REASON", "SW_REASON", required: false);

        yield return Date("102", Header, "DOB", required: true);
        yield return Date("171", Header, "MC_DOB", required: false);
        yield return Date("141", Episodes, "DECOM", required: true);
        yield return Date("147", Episodes, "DEC", required: false);
        yield return Date("166", Reviews, "REVIEW", required: true);
        yield return Date("104", Uasc, "DUC", required: false);
        yield return Date("112", Ad1, "DATE_INT", required: false);
        yield return Date("113", Ad1, "DATE_MATCH", required: false);
        yield return Date("115", PlacedAdoption, "DATE_PLACED", required: false);
        yield return Date("116", PlacedAdoption, "DATE_PLACED_CEASED", required: false);
        yield return Date("1004", MissingEpisodes, "MIS_START", required: false);
        yield return Date("1005", MissingEpisodes, "MIS_END", required: false);
        yield return Date("SW04STG1", SocialWorkerEpisodes, "SW_DECOM", required: false);
        yield return Date("SW05STG1", SocialWorkerEpisodes, "SW_DEC", required: false);
        yield return Date("700", DeprivationOfLiberty, "DOLO_START", required: false);
        yield return Date("701", DeprivationOfLiberty, "DOLO_END", required: false);

        yield return Rule("181", c => c.Failing(Oc2, r => Oc2Flags.Any(f => r[f] is { } v && v is not ("0" or "1"))));
        yield return Rule("180", c => c.Failing(Oc2, r => r["SDQ_SCORE"] is { } s
            && !(int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 40)));
        yield return Rule("633", c => c.Failing(PrevPerm, r => r["LA_PERM"] is { } la && !LaPerm().IsMatch(la)));
    }

    private static readonly string[] Oc2Flags =
    [
        "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED",
    ];

    private static IEnumerable<Ssda903Rule> ChildRules()
    {
        yield return Rule("168", c => c.Failing(Header, r => r["UPN"] is { } upn && !Upn().IsMatch(upn)));
        yield return Rule("442", c => c.Failing(Header, r => !r.Has("UPN")));
        yield return Rule("444", c => c.Rows(Header).Where(r => r["UPN"] is { } u && !u.StartsWith("UN", StringComparison.Ordinal))
            .GroupBy(r => r["UPN"]).Where(g => g.Select(r => r.Child).Distinct().Count() > 1).SelectMany(g => g.Select(r => r.Child)));
        yield return Rule("301", c => c.Failing(Header, r => r.Date("DOB") > c.Year.End));
        yield return Rule("351", c => c.Failing(Header, r => Ssda903Context.Age(r.Date("DOB"), c.Year.Start) > 25));
        yield return Rule("232", c => c.Failing(Header, r => r["SEX"] == "U"));
        yield return Rule("209", c => c.Failing(Header, r => r["UPN"] == "UN1" && SchoolAgeBy(r.Date("DOB"), c.Year)));
        yield return Rule("174", c => c.Failing(Header, r => r.Has("MC_DOB") && r["SEX"] is "M" or "1"));
        yield return Rule("611", c => c.Failing(Header, r => r["MOTHER"] == "1" && !r.Has("MC_DOB")));
        yield return Rule("612", c => c.Failing(Header, r => r.Has("MC_DOB") && r["MOTHER"] != "1"));
        yield return Rule("620", c => c.Failing(Header, r => r["MOTHER"] == "1" && Ssda903Context.Age(r.Date("DOB"), c.Year.Start) < 11));
        yield return Rule("621", c => c.Failing(Header, r => r.Date("MC_DOB") is { } mc && r.Date("DOB") is { } dob && mc <= dob));
        yield return Rule("393", c => c.Failing(Header, r => c.IsFemale(r.Child) && !r.Has("MOTHER")
            && c.Episodes(r.Child).Any(e => !IsRespite(e))));
        yield return Rule("399", c => c.Failing(Header, r =>
        {
            var episodes = c.Episodes(r.Child);
            return episodes.Count > 0 && episodes.All(IsRespite)
                && (r.Has("MOTHER") || c.Rows(Reviews).Any(v => v.Child == r.Child));
        }));
        yield return Rule("303", c => c.Failing(Uasc, r => r.Has("DUC") && c.Header(r.Child)?["UASC"] != "1"));
        yield return Rule("304", c => c.Failing(Uasc, r => r.Date("DUC") is { } duc && r.Date("DOB") is { } dob && duc > dob.AddYears(18)));
        yield return Rule("440", c => c.Failing(Reviews, r => r["REVIEW_CODE"] == "PN0"
            && Ssda903Context.Age(c.DateOfBirth(r.Child), r.Date("REVIEW")) >= 4));
        yield return Rule("441", c => c.Failing(Reviews, r => r["REVIEW_CODE"] is { } code && code != "PN0"
            && Ssda903Context.Age(c.DateOfBirth(r.Child), r.Date("REVIEW")) < 4));
        yield return Rule("EPI", c => c.Failing(Header, r => c.Episodes(r.Child).Count == 0 && c.Rows(Oc3).All(o => o.Child != r.Child)));
    }

    /// <summary>Of compulsory school age (5 by 31 August before the year's end) during the year.</summary>
    private static bool SchoolAgeBy(DateOnly? dob, CollectionYear year) =>
        dob is { } d && Ssda903Context.Age(d, new DateOnly(year.EndingYear - 1, 8, 31)) >= 5
        && Ssda903Context.Age(d, year.Start) < 16;

    [GeneratedRegex(@"^[A-HJ-NP-RT-Z](\d{12}|\d{11}[A-Z])$|^UN[1-5]$")]
    private static partial Regex Upn();

    [GeneratedRegex(@"^(\d{3}|WAL|SCO|NIR|NUK)$")]
    private static partial Regex LaPerm();

    [GeneratedRegex(@"^(E\d{8}|SCO|WAL|NIR|NUK|CON)$")]
    private static partial Regex PlacementAuthority();
}
