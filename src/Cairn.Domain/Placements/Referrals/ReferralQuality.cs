using Cairn.Domain.Casework;

namespace Cairn.Domain.Placements.Referrals;

/// <summary>
/// What a referral's quality is made of: how complete it is, how current its assessments are, and whether it says what the risks are.
/// </summary>
public enum QualityPart
{
    Completeness = 1,
    AssessmentCurrency = 2,
    Risk = 3,
}

/// <summary>One line of a referral's quality score: what was looked for, whether it was there, and the points it is worth.</summary>
public sealed record QualityLine(QualityPart Part, string Looked, bool Met, int Points, int OutOf);

/// <summary>A referral's quality (L40): a score out of 100, its band, and every line that made it.</summary>
public sealed record QualityReport(int Score, string Band, IReadOnlyList<QualityLine> Lines)
{
    public int PartScore(QualityPart part) => Lines.Where(l => l.Part == part).Sum(l => l.Met ? l.Points : 0);

    public int PartOutOf(QualityPart part) => Lines.Where(l => l.Part == part).Sum(l => l.OutOf);
}

/// <summary>
/// Scores a placement referral (L25, L40): completeness (40), the currency of the assessments it rests on (30) and whether the risk
/// sections are filled (30). Placements are only as good as the referral that asked for them: two residents were harmed after a
/// rushed referral said too little about risk, so the risk part weighs as much as the assessments.
/// </summary>
public static class ReferralQuality
{
    /// <summary>The length a free-text section must reach to count as described rather than mentioned.</summary>
    public const int DescribedLength = 100;

    public const int GoodFrom = 80;
    public const int FairFrom = 50;

    public static QualityReport Of(ReferralDetails details, IReadOnlyList<CitedAssessment> cited, bool overridden)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(cited);
        static bool Current(CitedAssessment c) => c.State == AssessmentCurrencyState.Current;
        var lines = new List<QualityLine>
        {
            new(QualityPart.Completeness, "The date the placement is needed by", details.NeededBy is not null, 5, 5),
            new(QualityPart.Completeness, "The child's needs, listed", details.Needs.Count > 0, 10, 10),
            new(QualityPart.Completeness, "The child's needs, described", Described(details.NeedsSummary), 10, 10),
            new(QualityPart.Completeness, "Where the child needs to be (near home or school, or areas to avoid)",
                details.HomePostcode is not null || details.SchoolPostcode is not null || details.AreasToAvoid is not null, 5, 5),
            new(QualityPart.Completeness, "The child's own views", details.ChildsViews is not null, 5, 5),
            new(QualityPart.Completeness, "The family's views", details.FamilysViews is not null, 5, 5),
            new(QualityPart.AssessmentCurrency, "At least one assessment cited", cited.Count > 0, 5, 5),
            new(QualityPart.AssessmentCurrency, "A current child and family assessment cited",
                cited.Any(c => c.Type == AssessmentType.ChildAndFamily && Current(c)), 15, 15),
            new(QualityPart.AssessmentCurrency, overridden && cited.Any(c => !Current(c))
                    ? "No cited assessment out of date (a manager let it go with a reason)"
                    : "No cited assessment out of date",
                cited.Count > 0 && cited.All(Current), 10, 10),
            new(QualityPart.Risk, "The risk section answered (the risks the child poses and faces, or none known)", details.RisksAnswered, 10, 10),
            new(QualityPart.Risk, "The risks described", Described(details.RiskSummary), 10, 10),
            new(QualityPart.Risk, "A current risk assessment cited", cited.Any(c => c.Type == AssessmentType.Risk && Current(c)), 10, 10),
        };
        var score = lines.Sum(l => l.Met ? l.Points : 0);
        return new QualityReport(score, BandOf(score), lines);
    }

    public static string BandOf(int score) => score >= GoodFrom ? "Good" : score >= FairFrom ? "Fair" : "Poor";

    private static bool Described(string? text) => text is not null && text.Trim().Length >= DescribedLength;
}
