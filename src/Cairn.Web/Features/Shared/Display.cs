using System.Globalization;
using System.Text;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Shared;

/// <summary>Readable text for enum values and dates, in the words the glossary uses.</summary>
public static class Display
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["Camhs"] = "CAMHS",
        ["CamhsPractitioner"] = "CAMHS practitioner",
        ["GeneralPractice"] = "GP practice",
        ["GeneralPractitioner"] = "GP",
        ["ChildInNeed"] = "Child in need (s17)",
        ["Section47Enquiry"] = "Section 47 enquiry",
        ["LookedAfterSection20"] = "Looked after (s20 voluntary accommodation)",
        ["LookedAfterCareOrder"] = "Looked after (s31 care order)",
        ["LookedAfterInterimCareOrder"] = "Looked after (interim care order)",
        ["IndependentReviewingOfficer"] = "Independent reviewing officer (IRO)",
        ["ChildrensSocialCare"] = "Children's social care",
        ["DesignatedSafeguardingLead"] = "Designated safeguarding lead",
        ["FaceToFace"] = "Face to face",
        ["RiskFromAPerson"] = "Risk from a person",
        ["PersonPosingRisk"] = "Poses a risk to",
        ["None"] = "None",
    };

    public static string Text<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        if (Words.TryGetValue(name, out var word))
        {
            return word;
        }

        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    public static string Text<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? Text(v) : "";

    /// <summary>The themes in a set of concern flags, readable and in a fixed order; empty for none.</summary>
    public static string Themes(Domain.Concerns.ConcernTheme themes) => string.Join(", ",
        Enum.GetValues<Domain.Concerns.ConcernTheme>()
            .Where(t => t != 0 && themes.HasFlag(t))
            .Select(t => Text(t).ToLowerInvariant())
            .Select((t, i) => i == 0 ? char.ToUpperInvariant(t[0]) + t[1..] : t));

    /// <summary>A professional's roles beyond the practitioner role everyone has, readable; "Practitioner" when there are none.</summary>
    public static string Roles(Domain.Agencies.Role roles)
    {
        var extra = Enum.GetValues<Domain.Agencies.Role>()
            .Where(r => r > Domain.Agencies.Role.Practitioner && roles.HasFlag(r)).Select(r => Text(r)).ToList();
        return extra.Count == 0 ? "Practitioner" : string.Join(", ", extra);
    }

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", EnGb) ?? "";

    public static string Date(DateTimeOffset instant) => instant.ToLondon().ToString("d MMMM yyyy", EnGb);

    public static string DateTime(DateTimeOffset instant) =>
        instant.ToLondon().ToString("d MMMM yyyy 'at' h:mmtt", EnGb).Replace("AM", "am").Replace("PM", "pm");
}
