using Cairn.Domain.Returns.CinCensus;
using Cairn.Domain.Time;
using static Cairn.Domain.Tests.Returns.CinCensus.ACensus;

namespace Cairn.Domain.Tests.Returns.CinCensus;

/// <summary>A small synthetic 2024/25 census with the cases a local authority returns every year. No real person's data.</summary>
internal static class ARealisticCensus
{
    private static readonly WorkingCalendar Calendar = new(EnglandAndWales.BankHolidays);

    public static CinCensusReturn Build() => Return(
        ClosedChildInNeed(),
        ProtectionPlanAfterEnquiry(),
        DisabledChild(),
        PreProceedings(),
        NoFurtherAction(),
        Unborn(),
        SeveralDisabilities(),
        ClosedBeforeThePeriod()) with
    {
        Header = CinCensusHeader.For(Year, "938") with
        {
            SoftwareCode = "Cairn",
            Release = "1",
            SerialNo = "001",
            DateTime = new DateTimeOffset(2025, 4, 14, 9, 30, 0, TimeSpan.Zero),
        },
    };

    /// <summary>Referred, assessed, helped under a child in need plan, closed in December.</summary>
    public static CinChild ClosedChildInNeed() => new()
    {
        LaChildId = "RC0001",
        Upn = Upn("938100000011"),
        PersonBirthDate = D("2012-02-10"),
        Sex = "F",
        Ethnicity = "MWBC",
        Disabilities = ["NONE"],
        Episodes =
        [
            Referral("2024-04-15") with
            {
                ReferralSource = "2A",
                PrimaryNeedCode = "N4",
                ClosureDate = D("2024-12-10"),
                ReasonForClosure = "RC7",
                Assessments = [Assessment("2024-04-16", "2024-05-20", "4B", "3B")],
                CinPlans = [Plan("2024-05-22", "2024-12-10")],
            },
        ],
    };

    /// <summary>A section 47 enquiry whose initial conference made a child protection plan, reviewed twice.</summary>
    public static CinChild ProtectionPlanAfterEnquiry()
    {
        var enquiry = D("2024-06-05");
        var conference = Calendar.AddWorkingDays(enquiry, 15);
        return new()
        {
            LaChildId = "RC0002",
            Upn = Upn("938100000022"),
            PersonBirthDate = D("2019-09-01"),
            Sex = "M",
            Ethnicity = "BAFR",
            Disabilities = ["NONE"],
            Episodes =
            [
                Referral("2024-06-03") with
                {
                    ReferralSource = "6",
                    Assessments = [Assessment("2024-06-04", "2024-07-10", "3A", "16A")],
                    Section47s = [new CinSection47 { StartDate = enquiry, InitialCpcTarget = conference, DateOfInitialCpc = conference }],
                    ChildProtectionPlans =
                    [
                        new CinChildProtectionPlan
                        {
                            StartDate = conference,
                            InitialCategoryOfAbuse = "PHY",
                            LatestCategoryOfAbuse = "EMO",
                            NumberOfPreviousCpp = 1,
                            ReviewDates = [D("2024-09-25"), D("2025-03-12")],
                        },
                    ],
                },
            ],
        };
    }

    /// <summary>An autistic child with communication and learning needs, on a child in need plan.</summary>
    public static CinChild DisabledChild() => new()
    {
        LaChildId = "RC0003",
        Upn = Upn("938100000033"),
        PersonBirthDate = D("2010-03-03"),
        Sex = "M",
        Ethnicity = "APKN",
        Disabilities = ["AUT", "COMM", "LD"],
        Episodes =
        [
            Referral("2024-09-02") with
            {
                ReferralSource = "3A",
                PrimaryNeedCode = "N2",
                Assessments = [Assessment("2024-09-03", "2024-10-15", "6A")],
                CinPlans = [Plan("2024-10-17", null)],
            },
        ],
    };

    /// <summary>On a child protection plan and in pre-proceedings, with a family group decision-making meeting.</summary>
    public static CinChild PreProceedings()
    {
        var enquiry = D("2024-05-09");
        var conference = Calendar.AddWorkingDays(enquiry, 15);
        return new()
        {
            LaChildId = "RC0004",
            Upn = Upn("938100000044"),
            PersonBirthDate = D("2017-11-20"),
            Sex = "F",
            Ethnicity = "WBRI",
            Disabilities = ["NONE"],
            Episodes =
            [
                Referral("2024-05-07") with
                {
                    ReferralSource = "3B",
                    Assessments = [Assessment("2024-05-08", "2024-06-14", "16A", "2B")],
                    Section47s = [new CinSection47 { StartDate = enquiry, InitialCpcTarget = conference, DateOfInitialCpc = conference }],
                    ChildProtectionPlans =
                    [
                        new CinChildProtectionPlan
                        {
                            StartDate = conference,
                            InitialCategoryOfAbuse = "NEG",
                            LatestCategoryOfAbuse = "NEG",
                            NumberOfPreviousCpp = 0,
                            ReviewDates = [D("2024-08-29"), D("2025-02-27")],
                        },
                    ],
                    PreProceedings = new CinPreProceedings
                    {
                        LetterBeforeProceedingsSentDate = D("2024-09-25"),
                        PreProceedingsStartDate = D("2024-10-01"),
                        FgdmMeetingOffered = true,
                        FgdmMeetingFacilitated = true,
                        InitialMeetingDate = D("2024-10-08"),
                        ReviewMeetingsCount = 2,
                        StepDecisionDate = D("2025-01-15"),
                    },
                },
            ],
        };
    }

    /// <summary>A referral that needed no further action.</summary>
    public static CinChild NoFurtherAction() => new()
    {
        LaChildId = "RC0005",
        UpnUnknown = "UN1",
        PersonBirthDate = D("2023-01-01"),
        Sex = "F",
        Ethnicity = "WOTH",
        Disabilities = ["NONE"],
        Episodes = [Referral("2024-11-04", nfa: true) with { ClosureDate = D("2024-11-04"), ReasonForClosure = "RC7" }],
    };

    /// <summary>A pre-birth referral: expected date of birth, sex unknown.</summary>
    public static CinChild Unborn() => new()
    {
        LaChildId = "RC0006",
        UpnUnknown = "UN1",
        ExpectedPersonBirthDate = D("2025-06-10"),
        Sex = "U",
        Ethnicity = "NOBT",
        Episodes =
        [
            Referral("2025-01-13") with
            {
                ReferralSource = "3B",
                Assessments = [Assessment("2025-01-14", "2025-02-20", "2B")],
                CinPlans = [Plan("2025-02-24", null)],
            },
        ],
    };

    /// <summary>A child with several physical and sensory disabilities.</summary>
    public static CinChild SeveralDisabilities() => DisabledChild() with
    {
        LaChildId = "RC0007",
        Upn = Upn("938100000055"),
        Disabilities = ["MOB", "HAND", "PC", "VIS", "HEAR"],
    };

    /// <summary>Closed in February 2024: not in the 2024/25 census.</summary>
    public static CinChild ClosedBeforeThePeriod() => ClosedChildInNeed() with
    {
        LaChildId = "RC0008",
        Upn = Upn("938100000066"),
        Episodes =
        [
            Referral("2023-10-02") with
            {
                ClosureDate = D("2024-02-01"),
                ReasonForClosure = "RC8",
                Assessments = [Assessment("2023-10-03", "2024-02-01", "21")],
            },
        ],
    };
}
