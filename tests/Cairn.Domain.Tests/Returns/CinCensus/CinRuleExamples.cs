using Cairn.Domain.Returns.CinCensus;
using static Cairn.Domain.Tests.Returns.CinCensus.ACensus;

namespace Cairn.Domain.Tests.Returns.CinCensus;

/// <summary>For each implemented rule code, a census that passes it and one that fails it, as near each other as possible.</summary>
internal static class CinRuleExamples
{
    private static readonly string ValidUpn = Upn("938123456780");

    public static IReadOnlyDictionary<string, (CinCensusReturn Passing, CinCensusReturn Failing)> All { get; } =
        new Dictionary<string, (CinCensusReturn, CinCensusReturn)>(StringComparer.Ordinal)
        {
            ["100"] = (Return(Child()), Return(Child()) with { Header = CinCensusHeader.For(Year, "938") with { ReferenceDate = D("2025-03-30") } }),

            ["1510"] = C(c => c, c => c with { Upn = (ValidUpn[0] == 'A' ? "B" : "A") + ValidUpn[1..] }),
            ["1520"] = (Return(Child("C1"), Child("C2") with { Upn = Upn("938123456781") }), Return(Child("C1"), Child("C2"))),
            ["1540"] = C(c => c, c => c with { Upn = ValidUpn[..6] + "X" + ValidUpn[7..] }),
            ["1550"] = C(c => c with { Upn = ValidUpn[..12] + "A" }, c => c with { Upn = ValidUpn[..12] + "I" }),
            ["1560Q"] = C(c => c with { FormerUpn = Upn("938123456781") }, c => c with { FormerUpn = "12345" }),
            ["1570"] = C(c => c with { LaChildId = new string('A', 20) }, c => c with { LaChildId = new string('A', 21) }),
            ["1580"] = C(c => c with { LaChildId = "AB12" }, c => c with { LaChildId = "AB-12" }),
            ["8500"] = C(c => c, c => c with { LaChildId = "" }),
            ["8510"] = (Return(Child("C1"), Child("C2") with { Upn = null, UpnUnknown = "UN5" }),
                Return(Child("C1"), Child("C1") with { Upn = null, UpnUnknown = "UN5" })),
            ["8772"] = C(c => c with { Upn = null, UpnUnknown = "UN7", Episodes = [Referral("2024-05-01", nfa: true)] },
                c => c with { Upn = null, UpnUnknown = "UN7" }),
            ["8770Q"] = C(c => c with { Upn = null, UpnUnknown = "UN5" }, c => c with { Upn = null, UpnUnknown = null }),

            ["4180"] = C(c => c with { Sex = "F" }, c => c with { Sex = "1" }),
            ["4220"] = C(c => c with { Ethnicity = "BAFR" }, c => c with { Ethnicity = "XXXX" }),
            ["8520"] = C(c => c with { PersonBirthDate = D("2025-03-31") }, c => c with { PersonBirthDate = D("2025-04-01") }),
            ["8525Q"] = C(c => c, c => c with { ExpectedPersonBirthDate = D("2025-06-01") }),
            ["8530Q"] = C(c => c with { PersonBirthDate = null, ExpectedPersonBirthDate = D("2025-06-01") },
                c => c with { PersonBirthDate = null, ExpectedPersonBirthDate = D("2026-01-15") }),
            ["8535Q"] = C(c => c with { PersonDeathDate = D("2024-12-01") }, c => c with { PersonDeathDate = D("2015-05-01") }),
            ["8545Q"] = C(c => c with { PersonDeathDate = D("2024-12-01") }, c => c with { PersonDeathDate = D("2024-03-01") }),
            ["8540"] = C(c => c with { Disabilities = ["MOB"] }, c => c with { Disabilities = ["XYZ"] }),
            ["8750"] = C(c => c with { PersonBirthDate = null, ExpectedPersonBirthDate = D("2025-06-01"), Sex = "U" },
                c => c with { PersonBirthDate = null, ExpectedPersonBirthDate = D("2025-06-01"), Sex = "F" }),
            ["8775Q"] = C(c => c with { PersonBirthDate = D("2000-04-01") }, c => c with { PersonBirthDate = D("1999-03-30") }),
            ["8790"] = C(c => c with { Disabilities = ["MOB", "HAND"] }, c => c with { Disabilities = ["NONE", "MOB"] }),
            ["8794"] = C(c => c with { Disabilities = ["MOB", "HAND"] }, c => c with { Disabilities = ["MOB", "MOB"] }),
            ["2886Q"] = C(c => c, c => c with { Sex = "U" }),
            ["2887Q"] = C(c => c with { Disabilities = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"] }, c => c),
            ["2888Q"] = C(c => c with { Disabilities = ["MOB", "HAND"] }, c => c with { Disabilities = ["MOB"] }),

            ["8590"] = C(c => c, c => c with { Episodes = [] }),
            ["8600"] = Eps([Referral("2025-03-31")], [Referral("2025-04-01")]),
            ["8606"] = C(c => c with { PersonBirthDate = D("2025-02-04") }, c => c with { PersonBirthDate = D("2025-03-01") }),
            ["8555Q"] = C(c => c with { PersonDeathDate = D("2024-06-01") }, c => c with { PersonDeathDate = D("2024-04-20") }),
            ["8568"] = E(e => e, e => e with { ReferralNfa = null }),
            // 1 April 2024 is a Monday after Easter: the working day before it is Thursday 28 March.
            ["8569Q"] = Eps([Referral("2024-03-28", nfa: true)], [Referral("2024-03-27", nfa: true)]),
            ["8610"] = E(e => e, e => e with { PrimaryNeedCode = null }),
            ["8650"] = E(e => e with { PrimaryNeedCode = "N4" }, e => e with { PrimaryNeedCode = "N10" }),
            ["8866"] = E(e => e with { ReferralSource = "5D" }, e => e with { ReferralSource = "11" }),
            ["8620"] = Eps([Closed(Referral("2024-05-01"), "2025-03-31")], [Closed(Referral("2024-03-01"), "2024-03-31")]),
            ["8630"] = Eps([Closed(Referral("2024-05-01"), "2024-05-01")], [Closed(Referral("2024-05-01"), "2024-04-30")]),
            ["8640"] = Eps([Closed(Referral("2024-05-01"), "2024-06-01", "RC9")], [Closed(Referral("2024-05-01"), "2024-06-01", "RC10")]),
            ["8805"] = Eps([Closed(Referral("2024-05-01"), "2024-06-01")], [Closed(Referral("2024-05-01"), "2024-06-01", reason: null)]),
            ["8810"] = Eps([Referral("2024-05-01")], [Referral("2024-05-01") with { ReasonForClosure = "RC7" }]),
            ["8585Q"] = C(c => c with { PersonDeathDate = D("2024-06-01"), Episodes = [Closed(Referral("2024-05-01"), "2024-06-01", "RC2")] },
                c => c with { Episodes = [Closed(Referral("2024-05-01"), "2024-06-01", "RC2")] }),
            ["8815"] = Eps([Closed(Referral("2024-04-10"), "2024-04-20"), Referral("2024-05-01")], [Referral("2024-04-10"), Referral("2024-05-01")]),
            ["8816"] = Eps([Closed(Referral("2024-04-10"), "2024-04-20"), Referral("2024-05-01")],
                [Referral("2024-04-10"), Closed(Referral("2024-05-01"), "2024-06-01")]),
            ["8820"] = Eps([Closed(Referral("2024-04-10"), "2024-05-01"), Referral("2024-05-01")],
                [Closed(Referral("2024-04-10"), "2024-05-10"), Referral("2024-05-01")]),
            ["8565"] = Eps([Closed(Referral("2024-05-01") with { Assessments = [Assessment("2024-05-02", "2024-06-10", "3A")] }, "2024-06-10")],
                [Closed(Referral("2024-05-01") with { Assessments = [Assessment("2024-05-02", "2024-06-10", "3A")] }, "2024-06-09")]),
            ["2990"] = Eps([Closed(Assessed(), "2024-06-10", "RC8")],
                [Closed(Assessed() with { CinPlans = [Plan("2024-06-01", "2024-06-10")] }, "2024-06-10", "RC8")]),
            ["8825Q"] = Eps([Closed(Assessed(), "2024-06-10", "RC8")], [Closed(Referral("2024-05-01"), "2024-06-10", "RC8")]),
            ["8831"] = Eps([Referral("2024-05-01", nfa: true)],
                [Referral("2024-05-01", nfa: true) with { Assessments = [Assessment("2024-05-02", null)] }]),
            ["8832"] = Eps([Referral("2024-05-01", nfa: true)],
                [Referral("2024-05-01", nfa: true) with { ChildProtectionPlans = [Cpp("2024-05-20", null)] }]),
            ["8867"] = Eps([Closed(Assessed(), "2024-06-10")],
                [Closed(Referral("2024-05-01") with { Assessments = [Assessment("2024-05-02", null)] }, "2024-06-10")]),
            ["8868"] = Eps([Closed(Assessed() with { Section47s = [S47("2024-05-03", null, notRequired: true)] }, "2024-06-10")],
                [Closed(Assessed() with { Section47s = [S47("2024-05-03", null)] }, "2024-06-10")]),

            ["1103"] = E(e => e with { Assessments = [Assessment("2024-05-01", "2024-06-10", "3A")] },
                e => e with { Assessments = [Assessment("2024-04-30", "2024-06-10", "3A")] }),
            ["8608"] = E(e => e with { Assessments = [Assessment("2024-05-02", "2024-05-02", "3A")] },
                e => e with { Assessments = [Assessment("2024-05-02", "2024-05-01", "3A")] }),
            ["8614"] = E(e => e, e => e with { Assessments = [Assessment("2024-05-02", null, "3A")] }),
            ["8696"] = Eps([Assessed("2024-05-02", "2025-03-31")], [Assessed("2024-05-02", "2025-04-01")]),
            ["8736"] = Eps([Referral("2024-04-01") with { Assessments = [Assessment("2024-04-01", null)] }],
                [Referral("2024-03-28") with { Assessments = [Assessment("2024-03-31", null)] }]),
            // 45 working days before Monday 31 March 2025 is Monday 27 January (no bank holiday between).
            ["8670Q"] = Eps([Referral("2025-01-27") with { Assessments = [Assessment("2025-01-27", null)] }],
                [Referral("2025-01-24") with { Assessments = [Assessment("2025-01-24", null)] }]),
            ["8863Q"] = E(e => e with { Assessments = [Assessment("2024-05-02", "2024-06-10", "3A"), Assessment("2024-06-10", "2024-07-10", "3A")] },
                e => e with { Assessments = [Assessment("2024-05-02", "2024-06-10", "3A"), Assessment("2024-06-01", "2024-07-10", "3A")] }),
            ["8869"] = E(e => e with { Assessments = [Assessment("2024-05-02", "2024-06-10", "21")] },
                e => e with { Assessments = [Assessment("2024-05-02", "2024-06-10", "21", "3A")] }),
            ["8873Q"] = Eps([Closed(Assessed() with { Assessments = [Assessment("2024-05-02", "2024-06-10", "21")] }, "2024-06-10", "RC8")],
                [Closed(Assessed() with { Assessments = [Assessment("2024-05-02", "2024-06-10", "21")] }, "2024-06-10", "RC7")]),
            ["8896"] = E(e => e with { Assessments = [Assessment("2024-05-02", null)] },
                e => e with { Assessments = [Assessment("2024-05-02", null), Assessment("2024-05-03", null)] }),
            ["8897Q"] = E(e => e, e => e with { Assessments = [Assessment("2024-05-02", "2024-06-10")] }),
            ["8898"] = E(e => e with { Assessments = [Assessment("2024-05-02", "2024-06-10", "3A", "4B")] },
                e => e with { Assessments = [Assessment("2024-05-02", "2024-06-10", "3A", "3A")] }),
            ["8945Q"] = E(e => e with { Assessments = [Assessment("2024-05-02", "2024-06-10", "18B")] },
                e => e with { Assessments = [Assessment("2024-05-02", "2024-06-10", "18A")] }),
            ["8950Q"] = E(e => e with { Assessments = [Assessment("2024-05-02", "2024-06-10", "19C")] },
                e => e with { Assessments = [Assessment("2024-05-02", "2024-06-10", "19A")] }),

            ["4000"] = Eps([Referral("2024-05-01", nfa: true)], [Referral("2024-05-01", nfa: true) with { CinPlans = [Plan("2024-05-02", null)] }]),
            ["4004"] = Plans([Plan("2024-06-12", null)], [Plan("2024-06-12", null), Plan("2024-07-01", null)]),
            ["4008"] = C(c => c with { PersonDeathDate = D("2024-06-12"), Episodes = [Assessed() with { CinPlans = [Plan("2024-06-12", null)] }] },
                c => c with { PersonDeathDate = D("2024-06-11"), Episodes = [Assessed() with { CinPlans = [Plan("2024-06-12", null)] }] }),
            ["4009Q"] = C(c => c with { PersonDeathDate = D("2024-07-19") }, c => c with { PersonDeathDate = D("2024-07-18") }),
            ["4010"] = Plans([Plan("2025-03-31", null)], [Plan("2025-04-01", null)]),
            ["4011"] = Plans([Plan("2024-06-12", "2024-06-12")], [Plan("2024-06-12", "2024-06-11")]),
            ["4012Q"] = Plans([Plan("2024-06-12", "2024-06-13")], [Plan("2024-06-12", "2024-06-12")]),
            ["4013"] = Plans([Plan("2024-06-12", "2025-03-31")], [Plan("2024-06-12", "2025-04-01")]),
            ["4014"] = Plans([Plan("2024-06-12", "2024-07-01"), Plan("2024-07-01", null)],
                [Plan("2024-06-12", "2024-07-05"), Plan("2024-07-01", null)]),
            ["4015"] = Plans([Plan("2024-05-01", null)], [Plan("2024-04-30", null)]),
            ["4001"] = Eps([PlanAndCpp("2024-06-12", "2024-07-19", "2024-07-19", null)], [PlanAndCpp("2024-06-12", null, "2024-07-19", null)]),
            ["4016"] = Eps([PlanAndCpp("2024-09-01", null, "2024-07-19", "2024-09-01")],
                [PlanAndCpp("2024-08-01", null, "2024-07-19", "2024-09-01")]),
            ["4017"] = Eps([PlanAndCpp("2024-06-12", "2024-07-19", "2024-07-19", null)], [PlanAndCpp("2024-06-12", null, "2024-07-19", null)]),
            ["4003"] = E(e => e, e => e with { CinPlans = [Plan("2024-06-12", "2024-12-01")] }),

            ["1104"] = Eps([Assessed() with { DateOfInitialCpc = D("2024-05-01") }], [Assessed() with { DateOfInitialCpc = D("2024-04-30") }]),
            ["2889"] = E(e => e with { Section47s = [S47("2024-05-01", "2024-07-19")] },
                e => e with { Section47s = [S47("2024-04-30", "2024-07-19")] }),
            ["2884"] = E(e => e, e => e with { DateOfInitialCpc = D("2024-07-19") }),
            ["2991Q"] = E(e => e, e => e with { Assessments = [] }),
            ["8615"] = E(e => e with { Section47s = [S47("2024-07-19", "2024-07-19")] },
                e => e with { Section47s = [S47("2024-07-22", "2024-07-19")] }),
            ["8715"] = Eps([Assessed() with { DateOfInitialCpc = D("2025-03-31") }], [Assessed() with { DateOfInitialCpc = D("2025-04-01") }]),
            ["8740"] = Eps([Referral("2024-04-01") with { Section47s = [S47("2024-04-01", null)] }],
                [Referral("2024-03-28") with { Section47s = [S47("2024-03-28", null)] }]),
            // 15 working days before Monday 31 March 2025 is Monday 10 March.
            ["8675Q"] = Eps([Referral("2025-03-10") with { Section47s = [S47("2025-03-10", null)] }],
                [Referral("2025-03-07") with { Section47s = [S47("2025-03-07", null)] }]),
            ["8839"] = Eps([Assessed() with { Section47s = [S47("2024-07-01", null)] }],
                [Assessed() with { Section47s = [S47("2024-07-01", null), S47("2024-07-02", null)] }]),
            ["8870Q"] = E(e => e, e => e with { Section47s = [S47("2024-07-01", "2024-07-19") with { InitialCpcTarget = D("2024-07-20") }] }),
            ["8875"] = E(e => e, e => e with
            {
                Section47s = [S47("2024-07-01", "2024-07-20")],
                ChildProtectionPlans = [Cpp("2024-07-20", null, "2024-10-18")],
            }),
            ["8890"] = E(e => e with { Section47s = [S47("2024-07-01", "2024-07-19"), S47("2024-08-01", null, notRequired: true)] },
                e => e with { Section47s = [S47("2024-07-01", "2024-07-19"), S47("2024-07-10", null, notRequired: true)] }),

            ["1105"] = E(e => e with { ChildProtectionPlans = [Cpp("2024-05-01", null)], DateOfInitialCpc = D("2024-05-01"), Section47s = [] },
                e => e with { ChildProtectionPlans = [Cpp("2024-04-30", null)], DateOfInitialCpc = D("2024-04-30"), Section47s = [] }),
            ["2883"] = E(e => e, e => e with { Section47s = [] }),
            ["2885"] = E(e => e, e => e with { ChildProtectionPlans = [Cpp("2024-07-22", null)] }),
            ["8720"] = Cpps([Cpp("2025-03-31", null)], [Cpp("2025-04-01", null)]),
            ["8730"] = Cpps([Cpp("2024-07-19", null)], [Cpp("2024-07-19", null) with { NumberOfPreviousCpp = null }]),
            ["8840"] = Cpps([Cpp("2024-07-19", "2024-07-20")], [Cpp("2024-07-19", "2024-07-19")]),
            ["8841"] = Cpps([Cpp("2024-07-19", null, "2024-07-20")], [Cpp("2024-07-19", null, "2024-07-19")]),
            ["8905"] = Cpps([Cpp("2024-07-19", null) with { InitialCategoryOfAbuse = "PHY" }],
                [Cpp("2024-07-19", null) with { InitialCategoryOfAbuse = "XYZ" }]),
            ["8910"] = Cpps([Cpp("2024-07-19", null) with { LatestCategoryOfAbuse = "MUL" }],
                [Cpp("2024-07-19", null) with { LatestCategoryOfAbuse = "XYZ" }]),
            ["8915"] = C(c => c with { PersonDeathDate = D("2024-07-19") }, c => c with { PersonDeathDate = D("2024-07-18") }),
            ["8920"] = C(c => c with { PersonDeathDate = D("2024-09-01"), Episodes = [WithCpps(Cpp("2024-07-19", "2024-09-01"))] },
                c => c with { PersonDeathDate = D("2024-08-31"), Episodes = [WithCpps(Cpp("2024-07-19", "2024-09-01"))] }),
            ["8925"] = Cpps([Cpp("2024-07-19", "2024-09-01")], [Cpp("2024-07-19", "2024-07-18")]),
            ["8930"] = Cpps([Cpp("2024-07-19", "2025-03-31")], [Cpp("2024-07-19", "2025-04-01")]),
            ["8935"] = Cpps([Cpp("2024-07-19", null)], [Cpp("2024-07-19", null), Cpp("2024-08-19", null)]),
            ["8940"] = Cpps([Cpp("2024-07-19", "2024-08-19"), Cpp("2024-08-19", null)], [Cpp("2024-07-19", "2024-08-20"), Cpp("2024-08-19", null)]),
        };

    private static (CinCensusReturn, CinCensusReturn) C(Func<CinChild, CinChild> passing, Func<CinChild, CinChild> failing) =>
        (Return(passing(Child())), Return(failing(Child())));

    private static (CinCensusReturn, CinCensusReturn) E(Func<CinEpisode, CinEpisode> passing, Func<CinEpisode, CinEpisode> failing) =>
        C(c => c with { Episodes = [passing(c.Episodes[0])] }, c => c with { Episodes = [failing(c.Episodes[0])] });

    private static (CinCensusReturn, CinCensusReturn) Eps(CinEpisode[] passing, CinEpisode[] failing) =>
        C(c => c with { Episodes = passing }, c => c with { Episodes = failing });

    private static (CinCensusReturn, CinCensusReturn) Plans(CinPlan[] passing, CinPlan[] failing) =>
        Eps([Assessed() with { CinPlans = passing }], [Assessed() with { CinPlans = failing }]);

    private static (CinCensusReturn, CinCensusReturn) Cpps(CinChildProtectionPlan[] passing, CinChildProtectionPlan[] failing) =>
        Eps([WithCpps(passing)], [WithCpps(failing)]);

    private static CinEpisode PlanAndCpp(string planStart, string? planEnd, string cppStart, string? cppEnd) =>
        Assessed() with { CinPlans = [Plan(planStart, planEnd)], ChildProtectionPlans = [Cpp(cppStart, cppEnd)], DateOfInitialCpc = D(cppStart) };

    private static CinEpisode WithCpps(params CinChildProtectionPlan[] plans) =>
        Assessed() with { ChildProtectionPlans = plans, DateOfInitialCpc = plans.Length > 0 ? plans[0].StartDate : null };

    private static CinEpisode Assessed(string start = "2024-05-02", string authorised = "2024-06-10") =>
        Referral("2024-05-01") with { Assessments = [Assessment(start, authorised, "3A")] };

    private static CinEpisode Closed(CinEpisode episode, string closed, string? reason = "RC7") =>
        episode with { ClosureDate = D(closed), ReasonForClosure = reason };
}
