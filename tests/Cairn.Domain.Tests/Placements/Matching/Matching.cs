using System.Collections;
using Cairn.Domain.People;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Matching;
using Cairn.Domain.Places;

namespace Cairn.Domain.Tests.Placements.Matching;

/// <summary>Small builders: a girl of 14 at home in York, and a good children's home with a vacancy 3 km north of her home.</summary>
internal static class Matching
{
    public const string York = "E06000014";
    public const string Leeds = "E08000035";
    public const int HomeEasting = 460_000;
    public const int HomeNorthing = 452_000;

    /// <summary>A grid point so many metres east and north of the child's home.</summary>
    public static PostcodeLocation At(int east, int north, string area = York) => new(area, HomeEasting + east, HomeNorthing + north);

    public static MatchRequest AChild() => new()
    {
        AgeInYears = 14,
        Sex = Sex.Female,
        Home = At(0, 0),
        PlacingAreaCodes = [York],
    };

    public static CandidateSetting ASetting(string name = "Oak House") => new()
    {
        Id = SettingId.New(),
        Name = name,
        Type = SettingType.ChildrensHome,
        MinimumAge = 8,
        MaximumAge = 17,
        Judgement = RegulatorJudgement.Good,
        Vacancies = 1,
        Location = At(0, 3_000),
    };

    public static Resident AResident(string key, bool mayOpen, string? label, RiskToOthers[]? risks = null, Vulnerability[]? vulnerable = null) =>
        new(key, mayOpen, label, risks ?? [], vulnerable ?? []);

    public static Danger APerson(PostcodeLocation at, RiskKind risk = RiskKind.SexualExploitation) =>
        new("a person posing a risk (relationship recorded on the child's record)", DangerSource.Person, at, risk);

    public static MatchResult Rank(MatchRequest child, params CandidateSetting[] settings) => PlacementMatcher.Rank(child, settings);

    /// <summary>Every string reachable from the result through public properties and collections.</summary>
    public static List<string> EveryString(object? value)
    {
        var found = new List<string>();
        Walk(value, found, 0);
        return found;
    }

    private static void Walk(object? value, List<string> found, int depth)
    {
        if (value is null || depth > 12)
        {
            return;
        }

        switch (value)
        {
            case string text:
                found.Add(text);
                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Walk(item, found, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is Guid or double or decimal or SettingId)
        {
            return;
        }

        foreach (var property in type.GetProperties())
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Walk(property.GetValue(value), found, depth + 1);
            }
        }
    }
}
