using Cairn.Domain.Returns.Ssda903;
using static Cairn.Domain.Returns.Ssda903.Ssda903Layout;
using static Cairn.Domain.Tests.Returns.Ssda903.Ssda903Examples;
using R = Cairn.Domain.Returns.Ssda903.Ssda903Return;

namespace Cairn.Domain.Tests.Returns.Ssda903;

/// <summary>
/// For each implemented rule: a passing return and a failing one (the realistic example return, edited), the child the failure
/// must name, the collection year, and whether last year's return is loaded (built from the same children).
/// </summary>
public sealed record RuleCase(Func<R, R> Pass, Func<R, R> Fail, string Child, int Year = 2026, bool LastYear = false,
    Func<R, R>? FailLastYear = null);

public static class Ssda903RuleCases
{
    private const string A = Accommodated;
    private const string B = CareOrder;
    private const string C = CareLeaver;
    private const string Dm = WentMissing;
    private const string Sw = SocialWorkerEpisodes;
    private const string Stranger = "Z9999";

    private static R Same(R r) => r;

    private static RuleCase Case(string child, Func<R, R> fail) => new(Same, fail, child);

    private static RuleCase Case(string child, Func<R, R> pass, Func<R, R> fail) => new(pass, fail, child);

    private static RuleCase Episode(string child, int index, params (string, string?)[] changes) =>
        Case(child, r => r.Set(Episodes, child, index, changes));

    private static R Adoption(R r, params (string, string?)[] changes) =>
        r.Add(Ad1, A, [("DATE_INT", "01/09/2025"), ("DATE_MATCH", "01/11/2025"), ("FOSTER_CARE", "0"), ("NB_ADOPTR", "2"),
            ("SEX_ADOPTR", "MF"), ("LS_ADOPTR", "L3"), .. changes]);

    private static R Decision(R r, params (string, string?)[] changes) =>
        r.Add(PlacedAdoption, B, [("DATE_PLACED", "01/10/2025"), .. changes]);

    private static R Uasc(R r, params (string, string?)[] changes) =>
        r.Set(Header, Dm, 0, ("UASC", "1")).Add(Ssda903Layout.Uasc, Dm, [("SEX", "M"), ("DUC", "01/01/2026"), .. changes]);

    /// <summary>The missing boy's deprivation of liberty order (01/05/2026 to 01/09/2026, on the 2026/27 return), changed.</summary>
    private static R Dolo(R r, params (string, string?)[] changes) => r.Set(DeprivationOfLiberty, Dm, 0, changes);

    private static R Born(R r, string child, string dob) => r.SetAll(Header, child, ("DOB", dob));

    public static IReadOnlyDictionary<string, RuleCase> All { get; } = new Dictionary<string, RuleCase>
    {
        // Codes valid for the year, every coded field.
        ["101"] = Case(A, r => r.Set(Header, A, 0, ("SEX", "2"))),
        ["103"] = Case(A, r => r.Set(Header, A, 0, ("ETHNIC", "WELSH"))),
        ["105"] = Case(A, r => r.Set(Header, A, 0, ("UASC", "2"))),
        ["143"] = Episode(A, 1, ("RNE", "Q")),
        ["144"] = Episode(A, 1, ("LS", "Z9")),
        ["145"] = Episode(A, 1, ("CIN", "N9")),
        ["146"] = Episode(A, 1, ("PLACE", "H5")),
        ["149"] = Episode(A, 0, ("REC", "E99")),
        ["178"] = Episode(A, 1, ("PLACE_PROVIDER", "PR9")),
        ["179"] = Episode(A, 1, ("PL_LOCATION", "MID")),
        ["1009"] = Episode(A, 0, ("REASON_PLACE_CHANGE", "MOVED")),
        ["167"] = Case(A, r => r.Set(Reviews, A, 0, ("REVIEW_CODE", "PN9"))),
        ["1006"] = Case(Dm, r => r.Set(MissingEpisodes, Dm, 0, ("MISSING", "X"))),
        ["131"] = Case(C, r => r.Set(Oc3, C, 0, ("IN_TOUCH", "MAYBE"))),
        ["132"] = Case(C, r => r.Set(Oc3, C, 0, ("ACTIV", "Z9"))),
        ["133"] = Case(C, r => r.Set(Oc3, C, 0, ("ACCOM", "S1"))),
        ["114"] = Case(A, r => Adoption(r), r => Adoption(r, ("FOSTER_CARE", "2"))),
        ["175"] = Case(A, r => Adoption(r), r => Adoption(r, ("NB_ADOPTR", "3"))),
        ["176"] = Case(A, r => Adoption(r), r => Adoption(r, ("SEX_ADOPTR", "XY"))),
        ["177"] = Case(A, r => Adoption(r), r => Adoption(r, ("LS_ADOPTR", "L9"))),
        ["120"] = Case(B, r => Decision(r, ("DATE_PLACED_CEASED", "01/12/2025"), ("REASON_PLACED_CEASED", "RD1")),
            r => Decision(r, ("DATE_PLACED_CEASED", "01/12/2025"), ("REASON_PLACED_CEASED", "RD9"))),
        ["196"] = Case(B, r => r.Set(Oc2, B, 0, ("SDQ_SCORE", null), ("SDQ_REASON", "SDQ4")),
            r => r.Set(Oc2, B, 0, ("SDQ_SCORE", null), ("SDQ_REASON", "SDQ9"))),
        ["631"] = Case(A, r => r.Set(PrevPerm, A, 0, ("PREV_PERM", "P9"))),
        ["SW13STG1"] = Case(A, r => r.Set(Sw, A, 0, ("SW_REASON", "BORED"))),
        ["181"] = Case(B, r => r.Set(Oc2, B, 0, ("CONVICTED", "2"))),
        ["180"] = Case(B, r => r.Set(Oc2, B, 0, ("SDQ_SCORE", "41"))),
        ["633"] = Case(A, r => r.Set(PrevPerm, A, 0, ("PREV_PERM", "P2"), ("LA_PERM", "872")),
            r => r.Set(PrevPerm, A, 0, ("PREV_PERM", "P2"), ("LA_PERM", "87"))),

        // Dates that are real dd/mm/yyyy dates.
        ["102"] = Case(A, r => r.Set(Header, A, 0, ("DOB", "31/02/2012"))),
        ["171"] = Case(A, r => r.Set(Header, A, 0, ("MOTHER", "1"), ("MC_DOB", "2025-01-01"))),
        ["141"] = Episode(A, 1, ("DECOM", "15-11-2025")),
        ["147"] = Episode(A, 0, ("DEC", "32/11/2025")),
        ["166"] = Case(A, r => r.Set(Reviews, A, 0, ("REVIEW", null))),
        ["104"] = Case(Dm, r => Uasc(r), r => Uasc(r, ("DUC", "01/13/2026"))),
        ["112"] = Case(A, r => Adoption(r), r => Adoption(r, ("DATE_INT", "1/9/25"))),
        ["113"] = Case(A, r => Adoption(r), r => Adoption(r, ("DATE_MATCH", "31/11/2025"))),
        ["115"] = Case(B, r => Decision(r), r => Decision(r, ("DATE_PLACED", "00/10/2025"))),
        ["116"] = Case(B, r => Decision(r, ("DATE_PLACED_CEASED", "01/12/2025"), ("REASON_PLACED_CEASED", "RD1")),
            r => Decision(r, ("DATE_PLACED_CEASED", "soon"), ("REASON_PLACED_CEASED", "RD1"))),
        ["1004"] = Case(Dm, r => r.Set(MissingEpisodes, Dm, 0, ("MIS_START", "4 July 2025"))),
        ["1005"] = Case(Dm, r => r.Set(MissingEpisodes, Dm, 0, ("MIS_END", "05/07/25"))),
        ["SW04STG1"] = Case(A, r => r.Set(Sw, A, 0, ("SW_DECOM", "2025-06-01"))),
        ["SW05STG1"] = Case(A, r => r.Set(Sw, A, 0, ("SW_DEC", "30/02/2026"))),
        ["700"] = new(r => Dolo(r), r => Dolo(r, ("DOLO_START", "01/05/26")), Dm, 2027),
        ["701"] = new(r => Dolo(r), r => Dolo(r, ("DOLO_END", "31/09/2026")), Dm, 2027),

        // The child: UPN, sex, dates of birth, motherhood, UASC, reviews.
        ["168"] = Case(A, r => r.Set(Header, A, 0, ("UPN", "UN2")), r => r.Set(Header, A, 0, ("UPN", "I123456789012"))),
        ["442"] = Case(A, r => r.Set(Header, A, 0, ("UPN", null))),
        ["444"] = Case(B, r => r.Set(Header, B, 0, ("UPN", "A123456789012"))),
        ["301"] = Case(A, r => Born(r, A, "01/04/2026")),
        ["351"] = Case(C, r => Born(r, C, "01/01/1999")),
        ["232"] = Case(A, r => r.Set(Header, A, 0, ("SEX", "U"))),
        ["209"] = Case(A, r => r.Set(Header, A, 0, ("UPN", "UN1"))),
        ["174"] = Case(B, r => r.Set(Header, B, 0, ("MC_DOB", "01/01/2025"))),
        ["611"] = Case(A, r => r.Set(Header, A, 0, ("MOTHER", "1"), ("MC_DOB", "01/01/2026")), r => r.Set(Header, A, 0, ("MOTHER", "1"))),
        ["612"] = Case(A, r => r.Set(Header, A, 0, ("MC_DOB", "01/01/2026"))),
        ["620"] = Case(A, r => Born(r, A, "01/01/2016").Set(Header, A, 0, ("MOTHER", "1"), ("MC_DOB", "01/01/2026"))),
        ["621"] = Case(A, r => r.Set(Header, A, 0, ("MOTHER", "1"), ("MC_DOB", "01/01/2012"))),
        ["393"] = Case(A, r => r.Set(Header, A, 0, ("MOTHER", null))),
        ["399"] = Case(Dm, r => r.SetAll(Episodes, Dm, ("LS", "V3"))),
        ["303"] = Case(Dm, r => Uasc(r), r => Uasc(r).Set(Header, Dm, 0, ("UASC", "0"))),
        ["304"] = Case(Dm, r => Uasc(r), r => Uasc(r, ("DUC", "04/03/2028"))),
        ["440"] = Case(A, r => r.Set(Reviews, A, 0, ("REVIEW_CODE", "PN0"))),
        ["441"] = Case(A, r => Born(r, A, "01/01/2024").SetAll(Reviews, A, ("REVIEW_CODE", "PN0")), r => Born(r, A, "01/01/2024")),
        ["EPI"] = Case(A, r => r.Remove(Episodes, A)),

        // Episodes: dates, order, continuity, reasons for new episodes and for ceasing.
        ["142"] = Episode(A, 0, ("DEC", null), ("REC", null), ("REASON_PLACE_CHANGE", null)),
        ["148"] = Episode(A, 0, ("REC", null)),
        ["302"] = Episode(A, 0, ("DECOM", "01/01/2010")),
        ["353"] = Episode(B, 0, ("DECOM", "13/10/1991")),
        ["354"] = Episode(A, 1, ("DECOM", "01/04/2026")),
        ["385"] = Episode(A, 1, ("DEC", "01/04/2026"), ("REC", "E8")),
        ["355"] = Episode(A, 1, ("DEC", "15/11/2025"), ("REC", "E8")),
        ["356"] = Episode(A, 1, ("DEC", "14/11/2025"), ("REC", "E8")),
        ["501"] = Episode(A, 1, ("DECOM", "10/11/2025")),
        ["431"] = Episode(A, 1, ("RNE", "S")),
        ["432"] = Episode(A, 0, ("REC", "E8")),
        ["433"] = Episode(A, 1, ("DECOM", "16/11/2025")),
        ["388"] = Episode(A, 1, ("DEC", "01/03/2026"), ("REC", "X1")),
        ["434"] = Episode(A, 1, ("RNE", "L")),
        ["435"] = Episode(B, 1, ("RNE", "P")),
        ["436"] = Episode(A, 1, ("RNE", "B")),
        ["437"] = Episode(A, 0, ("REC", "E2")),
        ["504"] = Episode(A, 1, ("CIN", "N2")),
        ["352"] = Case(A, r => Born(r, A, "01/01/2005")),
        ["358"] = Case(Dm, r => Born(r, Dm, "01/01/2015").Set(Episodes, Dm, 0, ("LS", "J1"))),
        ["446"] = Episode(B, 0, ("LS", "E1"), ("DECOM", "01/01/2005")),
        ["361"] = Episode(A, 0, ("LS", "L1")),
        ["362"] = Episode(A, 0, ("LS", "L2")),
        ["363"] = Episode(A, 0, ("LS", "L3")),
        ["365"] = Episode(A, 0, ("LS", "V3")),
        ["386"] = Case(A, r => Born(r, A, "01/01/2005").Set(Episodes, A, 1, ("DEC", "01/03/2026"), ("REC", "E11"))),
        ["387"] = Episode(A, 1, ("DEC", "01/03/2026"), ("REC", "E5")),
        ["389"] = Episode(A, 1, ("DEC", "01/03/2026"), ("REC", "E7")),
        ["407"] = Case(A, r => Born(r, A, "01/01/2005").Set(Episodes, A, 1, ("DEC", "01/03/2026"), ("REC", "E45"))),
        ["460"] = Episode(A, 1, ("DEC", "01/03/2026"), ("REC", "E17")),
        ["357"] = Episode(A, 0, ("RNE", "P")),

        // Placement type, provider, URN, postcodes and distance.
        ["213"] = Episode(A, 1, ("PLACE", "T0")),
        ["526"] = Episode(A, 1, ("PLACE_PROVIDER", null)),
        ["527"] = Episode(A, 1, ("PLACE", "R2")),
        ["528"] = Episode(A, 1, ("PLACE", "R5"), ("PLACE_PROVIDER", "PR2")),
        ["529"] = Episode(A, 1, ("PLACE_PROVIDER", "PR3")),
        ["530"] = Episode(A, 1, ("PLACE", "P1"), ("PLACE_PROVIDER", "PR4")),
        ["531"] = Episode(A, 1, ("PLACE", "P1"), ("PLACE_PROVIDER", "PR5")),
        ["550"] = Episode(A, 1, ("PLACE_PROVIDER", "PR0")),
        ["217"] = Episode(A, 1, ("PLACE", "A3")),
        ["218"] = Case(A, r => r.Set(Episodes, A, 1, ("URN", "XXXXXXX")), r => r.Set(Episodes, A, 1, ("URN", null))),
        ["222"] = Episode(A, 1, ("PLACE", "P1"), ("PLACE_PROVIDER", "PR0")),
        ["225"] = Episode(A, 0, ("REASON_PLACE_CHANGE", null)),
        ["226"] = Episode(A, 0, ("PLACE", "T1")),
        ["233"] = Episode(A, 1, ("REASON_PLACE_CHANGE", "CARPL")),
        ["234"] = Case(A, r => Born(r, A, "01/01/2017").Set(Episodes, A, 0, ("REASON_PLACE_CHANGE", "CUSTOD"))),
        ["214"] = Episode(A, 1, ("LS", "V3")),
        ["398"] = Episode(A, 1, ("LS", "V3")),
        ["420"] = Episode(A, 1, ("LS", "V3")),
        ["392c"] = Episode(A, 1, ("PL_POST", "NOT A CODE")),
        ["392d"] = Episode(A, 1, ("PL_POST", "YO1 0AJ")),
        ["164"] = Episode(A, 1, ("PL_DISTANCE", "far")),
        ["454"] = Episode(A, 1, ("PL_DISTANCE", "351.0")),
        ["406"] = Case(Dm, r => Uasc(r)),
        ["169"] = Episode(A, 1, ("PL_LA", "X123")),
        ["371"] = Episode(A, 1, ("PLACE", "K3")),
        ["372"] = Case(A, r => Born(r, A, "01/01/2017").Set(Episodes, A, 1, ("PLACE", "R5"))),
        ["373"] = Case(A, r => Born(r, A, "01/01/2023").Set(Episodes, A, 1, ("PLACE", "S1"))),
        ["374"] = Episode(A, 1, ("PLACE", "P3")),
        ["375"] = Episode(A, 0, ("PLACE", "T1")),
        ["376"] = Episode(A, 0, ("PLACE", "T3")),
        ["379"] = Episode(A, 0, ("PLACE", "T4")),
        ["378"] = Episode(A, 1, ("PLACE", "P1")),
        ["380"] = Episode(A, 0, ("PLACE", "T0")),
        ["381"] = Episode(A, 1, ("PLACE", "T2"), ("DEC", "01/03/2026"), ("REC", "E8")),
        ["382"] = Episode(A, 1, ("LS", "V3"), ("PLACE", "T2")),
        ["384"] = Episode(A, 1, ("LS", "V4"), ("PLACE", "U4")),
        ["390"] = Episode(A, 1, ("DEC", "01/03/2026"), ("REC", "E11")),
        ["408"] = Episode(A, 1, ("PLACE", "A5")),

        // Outcomes for children looked after for 12 months (OC2) and care leavers (OC3).
        ["197a"] = Case(B, r => r.Set(Oc2, B, 0, ("SDQ_REASON", "SDQ4"))),
        ["182"] = Case(B, r => r.Set(Oc2, B, 0, ("IMMUNISATIONS", null))),
        ["192"] = Case(B, r => r.Set(Oc2, B, 0, ("SUBSTANCE_MISUSE", "1"))),
        ["193"] = Case(B, r => r.Set(Oc2, B, 0, ("INTERVENTION_RECEIVED", "1"))),
        ["158"] = Case(B, r => r.Set(Oc2, B, 0, ("SUBSTANCE_MISUSE", "1"), ("INTERVENTION_RECEIVED", "1"), ("INTERVENTION_OFFERED", "1"))),
        ["159"] = Case(B, r => r.Set(Oc2, B, 0, ("SUBSTANCE_MISUSE", "1"), ("INTERVENTION_RECEIVED", "0"))),
        ["542"] = Case(B, r => Born(r, B, "01/01/2017").SetAll(Oc2, B, ("DOB", "01/01/2017"))),
        ["546"] = Case(B, r => r.Set(Oc2, B, 0, ("HEALTH_CHECK", "1"))),
        ["153"] = Case(C, r => r.Set(Oc3, C, 0, ("ACCOM", null))),
        ["345"] = Case(C, r => r.Set(Oc3, C, 0, ("ACTIV", "0"))),
        ["391"] = Case(C, r => Born(r, C, "01/01/2000").SetAll(Oc3, C, ("DOB", "01/01/2000"))),

        ["3001"] = Case(C, r => Born(r, C, "01/09/2008").SetAll(Oc3, C, ("DOB", "01/09/2008"))),
        ["1007"] = Case(Dm, r => Born(r, Dm, "01/01/2009").Add(Oc3, Dm, ("IN_TOUCH", "YES"), ("ACTIV", "F2"), ("ACCOM", "D1"))),

        // Adoption (AD1, PlacedAdoption) and previous permanence.
        ["151"] = Case(A, r => Adoption(r), r => Adoption(r, ("LS_ADOPTR", null))),
        ["333"] = Case(A, r => Adoption(r), r => Adoption(r, ("DATE_INT", "02/11/2025"))),
        ["511"] = Case(A, r => Adoption(r), r => Adoption(r, ("SEX_ADOPTR", "M1"))),
        ["514"] = Case(A, r => Adoption(r, ("NB_ADOPTR", "1"), ("SEX_ADOPTR", "F1"), ("LS_ADOPTR", "L0")),
            r => Adoption(r, ("LS_ADOPTR", "L0"))),
        ["517"] = Case(A, r => Adoption(r), r => Adoption(r, ("SEX_ADOPTR", "FF"))),
        ["518"] = Case(A, r => Adoption(r, ("SEX_ADOPTR", "FF"), ("LS_ADOPTR", "L4")), r => Adoption(r, ("LS_ADOPTR", "L4"))),
        ["524"] = Case(A, r => Adoption(r, ("SEX_ADOPTR", "MM"), ("LS_ADOPTR", "L12")), r => Adoption(r, ("LS_ADOPTR", "L12"))),
        ["119"] = Case(B, r => Decision(r), r => Decision(r, ("DATE_PLACED_CEASED", "01/12/2025"))),
        ["184"] = Case(B, r => Decision(r), r => Decision(r, ("DATE_PLACED", "01/01/2016"))),
        ["522"] = Case(B, r => Decision(r, ("DATE_PLACED_CEASED", "01/12/2025"), ("REASON_PLACED_CEASED", "RD1")),
            r => Decision(r, ("DATE_PLACED_CEASED", "01/09/2025"), ("REASON_PLACED_CEASED", "RD1"))),
        ["563"] = Case(B, r => Decision(r), r => Decision(r, ("DATE_PLACED", null), ("DATE_PLACED_CEASED", "01/12/2025"))),
        ["635"] = Case(A, r => r.Set(PrevPerm, A, 0, ("LA_PERM", "872"))),

        // Missing and away without authorisation.
        ["564"] = Case(Dm, r => r.Set(MissingEpisodes, Dm, 0, ("MIS_START", null))),
        ["565"] = Case(Dm, r => r.Set(MissingEpisodes, Dm, 0, ("MISSING", null))),
        ["566"] = Case(Dm, r => r.Set(MissingEpisodes, Dm, 0, ("MISSING", null))),
        ["567"] = Case(Dm, r => r.Set(MissingEpisodes, Dm, 0, ("MIS_END", "03/07/2025"))),
        ["570"] = Case(Dm, r => r.Set(MissingEpisodes, Dm, 1, ("MIS_START", "01/04/2026"), ("MIS_END", null))),
        ["571"] = Case(Dm, r => r.Set(MissingEpisodes, Dm, 0, ("MIS_END", "01/04/2026"))),
        ["586"] = Case(Dm, r => r.Set(MissingEpisodes, Dm, 0, ("MIS_START", "01/01/2009"))),
        ["574"] = Case(Dm, r => r.Set(MissingEpisodes, Dm, 1, ("MIS_START", "04/07/2025"))),
        ["581"] = Case(Dm, r => r.Set(MissingEpisodes, Dm, 0, ("MIS_START", "01/01/2023"))),
        ["577"] = Case(Dm, r => r.Set(Episodes, Dm, 0, ("DEC", "01/03/2026"), ("REC", "E8")).Set(MissingEpisodes, Dm, 1, ("MIS_END", null))),
        ["578"] = Case(Dm, r => r.Set(Episodes, Dm, 0, ("DEC", "01/09/2025"), ("REC", "E8"))),

        // Social worker episodes.
        ["SW01aSTG1"] = Case(A, r => r.Set(Sw, A, 0, ("SW_ID", null))),
        ["SW01bSTG1"] = Case(A, r => r.Set(Sw, A, 0, ("SW_REASON", null))),
        ["SW02STG1"] = Case(A, r => r.Set(Sw, A, 0, ("SW_ID", "XX1234")), r => r.Set(Sw, A, 0, ("SW_ID", "AB1234"))),
        ["SW06STG2"] = Case(A, r => r.Set(Sw, A, 0, ("SW_DECOM", "01/04/2026"))),
        ["SW07STG2"] = Case(A, r => r.Set(Sw, A, 0, ("SW_DEC", "01/04/2026"))),
        ["SW08STG2"] = Case(B, r => r.Set(Sw, B, 0, ("SW_DEC", null))),
        ["SW09STG2"] = Case(A, r => r.Set(Sw, A, 0, ("SW_DEC", "01/06/2025"))),
        ["SW10STG2"] = Case(B, r => r.Set(Sw, B, 1, ("SW_REASON", "FCONTA"), ("SW_DECOM", "01/09/2025")),
            r => r.Set(Sw, B, 1, ("SW_DECOM", "01/09/2025"))),
        ["SW11bSTG2"] = Case(A, r => r.Set(Sw, A, 0, ("SW_DEC", "01/01/2026"))),
        ["SW17STG2"] = Case(A, r => r.Remove(Sw, A)),

        // Deprivation of liberty orders (2026/27).
        ["702"] = new(r => Dolo(r), r => Dolo(r, ("DOLO_END", "01/04/2026")), Dm, 2027),
        ["703"] = new(r => Dolo(r), r => Dolo(r, ("DOLO_START", "01/04/2027"), ("DOLO_END", null)), Dm, 2027),
        ["704"] = new(r => Dolo(r), r => Dolo(r, ("DOLO_END", "01/04/2027")), Dm, 2027),
        ["705"] = new(r => r.Add(DeprivationOfLiberty, Dm, ("DOLO_START", "01/10/2026")),
            r => r.Add(DeprivationOfLiberty, Dm, ("DOLO_START", "01/08/2026")), Dm, 2027),
        ["707"] = new(r => Dolo(r), r => Dolo(r, ("DOLO_END", null)).Set(Episodes, Dm, 0, ("DEC", "01/03/2027"), ("REC", "E8")), Dm, 2027),
        ["708"] = new(r => Dolo(r), r => Dolo(r, ("DOLO_START", "01/01/2009")), Dm, 2027),
        ["709"] = new(r => Dolo(r), r => Dolo(r).Set(Episodes, Dm, 0, ("PLACE", "U4")), Dm, 2027),
        ["710"] = new(r => Dolo(r), r => Dolo(r).Set(Episodes, Dm, 0, ("PLACE", "K1")), Dm, 2027),

        // Against last year's return.
        ["202"] = new(Same, r => r.Set(Header, B, 0, ("SEX", "F")), B, LastYear: true),
        ["203"] = new(Same, r => r.Set(Header, B, 0, ("DOB", "04/02/2016")), B, LastYear: true),
        ["204"] = new(Same, r => r.Set(Header, B, 0, ("ETHNIC", "WBRI")), B, LastYear: true),
        ["208"] = new(Same, r => r.Set(Header, B, 0, ("UPN", "B234567890124")), B, LastYear: true),
        ["502"] = new(Same, r => r.Set(Episodes, B, 0, ("DECOM", "02/09/2024")), B, LastYear: true),
        ["503A"] = new(Same, r => r.Set(Episodes, B, 0, ("RNE", "P")), B, LastYear: true),
        ["503B"] = new(Same, r => r.Set(Episodes, B, 0, ("LS", "C2")), B, LastYear: true),
        ["503C"] = new(Same, r => r.Set(Episodes, B, 0, ("CIN", "N2")), B, LastYear: true),
        ["503D"] = new(Same, r => r.Set(Episodes, B, 0, ("PLACE", "U4")), B, LastYear: true),
        ["503E"] = new(Same, r => r.Set(Episodes, B, 0, ("PLACE_PROVIDER", "PR1")), B, LastYear: true),
        ["503F"] = new(Same, r => r.Set(Episodes, B, 0, ("URN", "SC000009")), B, LastYear: true),
        ["503G"] = new(Same, r => r.Set(Episodes, B, 0, ("PL_DISTANCE", "99.9")), B, LastYear: true),
        ["503H"] = new(Same, r => r.Set(Episodes, B, 0, ("PL_LA", "E06000065")), B, LastYear: true),
        ["503J"] = new(Same, r => r.Set(Episodes, B, 0, ("PL_LOCATION", "OUT")), B, LastYear: true),
        ["NoE"] = new(Same, Same, Dm, LastYear: true, FailLastYear: r => r.Remove(Episodes, Dm)),

        // Motherhood, previous permanence, respite and UPN.
        ["607"] = Case(A, r => r.Set(Header, A, 0, ("MOTHER", null)).Set(Episodes, A, 1, ("DEC", "01/03/2026"), ("REC", "E8"))),
        ["625"] = Case(A, r => r.Set(Header, A, 0, ("MOTHER", "1"), ("MC_DOB", "01/04/2026"))),
        ["630"] = Case(A, r => r.Remove(PrevPerm, A)),
        ["634"] = Case(Dm, r => r.Add(PrevPerm, Dm, ("PREV_PERM", "Z1")),
            r => r.Add(PrevPerm, Dm, ("PREV_PERM", "Z1")).Set(Episodes, Dm, 0, ("DECOM", "01/03/2015"))),
        ["210"] = Case(Dm, r => r.Set(Header, Dm, 0, ("UPN", "UN4"))),
        ["580"] = Case(Dm, r => r.Set(Episodes, Dm, 0, ("DEC", "01/03/2026"), ("REC", "E8"))
                .Set(MissingEpisodes, Dm, 1, ("MIS_START", "28/02/2026"), ("MIS_END", null)),
            r => r.Set(Episodes, Dm, 0, ("DEC", "01/03/2026"), ("REC", "E4A"))
                .Set(MissingEpisodes, Dm, 1, ("MIS_START", "28/02/2026"), ("MIS_END", null))),
        ["426"] = Case(A, r => r.Set(Episodes, A, 0, ("LS", "V3")).Set(Episodes, A, 1, ("LS", "V4"))),
        ["366"] = Case(A, r => r.Set(Episodes, A, 0, ("LS", "V3")).Set(Episodes, A, 1, ("LS", "V3"))),
        ["207"] = new(Same, r => r.Set(Header, B, 0, ("MOTHER", "0")), B, LastYear: true,
            FailLastYear: r => r.Set(Header, B, 0, ("MOTHER", "1"))),
        ["624"] = new(Same, r => r.Set(Header, B, 0, ("MC_DOB", "02/01/2024")), B, LastYear: true,
            FailLastYear: r => r.Set(Header, B, 0, ("MC_DOB", "01/01/2024"))),
        ["626"] = new(Same, r => r.Set(Header, B, 0, ("MOTHER", "1"), ("MC_DOB", "01/01/2024")), B, LastYear: true,
            FailLastYear: r => r.Set(Header, B, 0, ("MOTHER", "0"))),
        ["452"] = new(Same, r => r.Set(Episodes, B, 0, ("PL_LA", "E06000065")), B, LastYear: true),
        ["453"] = new(Same, r => r.Set(Episodes, B, 0, ("PL_DISTANCE", "9.9")), B, LastYear: true),
        ["576"] = new(Same, Same, Dm, LastYear: true,
            FailLastYear: r => r.Add(MissingEpisodes, Dm, ("MISSING", "M"), ("MIS_START", "20/03/2025"))),

        // Every row belongs to a child in the Header, with the Header's date of birth, once where once is the rule.
        ["INT01"] = Case(Stranger, r => Adoption(r), r => Adoption(r).SetAll(Ad1, A, ("CHILD", Stranger))),
        ["INT02"] = Case(Stranger, r => Decision(r), r => Decision(r).SetAll(PlacedAdoption, B, ("CHILD", Stranger))),
        ["INT03"] = Case(Stranger, r => r.SetAll(Episodes, A, ("CHILD", Stranger))),
        ["INT04"] = Case(Stranger, r => r.SetAll(MissingEpisodes, Dm, ("CHILD", Stranger))),
        ["INT05"] = Case(Stranger, r => r.SetAll(Oc2, B, ("CHILD", Stranger))),
        ["INT06"] = Case(Stranger, r => r.SetAll(Oc3, C, ("CHILD", Stranger))),
        ["INT07"] = Case(Stranger, r => r.SetAll(PrevPerm, A, ("CHILD", Stranger))),
        ["INT08"] = Case(Stranger, r => r.SetAll(Reviews, A, ("CHILD", Stranger))),
        ["INT09"] = Case(Stranger, r => Uasc(r), r => Uasc(r).SetAll(Ssda903Layout.Uasc, Dm, ("CHILD", Stranger))),
        ["INT11"] = Case(A, r => Adoption(r), r => Adoption(r, ("DOB", "11/05/2012"))),
        ["INT12"] = Case(B, r => Decision(r), r => Decision(r, ("DOB", "01/01/2016"))),
        ["INT13"] = Case(Dm, r => r.Set(MissingEpisodes, Dm, 0, ("DOB", "01/01/2010"))),
        ["INT14"] = Case(B, r => r.Set(Oc2, B, 0, ("DOB", "01/01/2016"))),
        ["INT15"] = Case(C, r => r.Set(Oc3, C, 0, ("DOB", "01/01/2006"))),
        ["INT16"] = Case(A, r => r.Set(PrevPerm, A, 0, ("DOB", "01/01/2012"))),
        ["INT17"] = Case(A, r => r.Set(Reviews, A, 0, ("DOB", "01/01/2012"))),
        ["INT18"] = Case(Dm, r => Uasc(r), r => Uasc(r, ("DOB", "01/01/2010"))),
        ["INT21"] = Case(Dm, r => Uasc(r), r => Uasc(r, ("SEX", "F"))),
        ["INT31"] = Case(A, r => Adoption(r), r => Adoption(Adoption(r))),
        ["INT32"] = Case(A, r => r.Add(Header, A, ("SEX", "F"))),
        ["INT33"] = Case(B, r => r.Add(Oc2, B)),
        ["INT34"] = Case(C, r => r.Add(Oc3, C, ("IN_TOUCH", "YES"), ("ACTIV", "F2"), ("ACCOM", "Z1"))),
        ["INT35"] = Case(A, r => r.Add(PrevPerm, A, ("PREV_PERM", "Z1"))),
        ["INT36"] = Case(Dm, r => Uasc(r), r => Uasc(Uasc(r))),
    };
}
