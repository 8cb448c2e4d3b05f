using Cairn.Domain.Meetings;
using Cairn.Web.Features.Shared;

namespace Cairn.Web.Features.Meetings;

/// <summary>The words the meeting pages use for where a meeting stands, its timescales and its rules.</summary>
public static class MeetingText
{
    public static string Status(MeetingStatus status, DateOnly? heldOn, MinutesStatus minutes) => status switch
    {
        MeetingStatus.Held => $"Held {Display.Date(heldOn)}" + minutes switch
        {
            MinutesStatus.Sent => ", minutes sent",
            MinutesStatus.Draft => ", minutes in draft",
            _ => ", minutes not written",
        },
        MeetingStatus.Cancelled => "Cancelled",
        _ => "Due",
    };

    public static string Chair(ChairRule rule) => rule switch
    {
        ChairRule.IndependentOfCase => "An independent chair: not the child's social worker or anyone involved with the child",
        ChairRule.IndependentReviewingOfficer => "The child's independent reviewing officer",
        ChairRule.Manager => "A manager in children's social care",
        _ => "Anyone at the meeting",
    };

    public static string Recipients(MinutesRecipients to)
    {
        var parts = new List<string>();
        if (to.HasFlag(MinutesRecipients.Invitees))
        {
            parts.Add("every professional invited");
        }

        if (to.HasFlag(MinutesRecipients.Attendees))
        {
            parts.Add("the professionals who attended");
        }

        if (to.HasFlag(MinutesRecipients.Gp))
        {
            parts.Add("the child's GP, even if not invited");
        }

        if (to.HasFlag(MinutesRecipients.ParentsOwnWorkers))
        {
            parts.Add("the parents' own allocated workers");
        }

        return parts.Count == 0 ? "Nobody" : string.Join("; ", parts);
    }

    public static string Timescale(MeetingTimescale? timescale) => timescale is null
        ? "No timescale"
        : $"{timescale.Describe()} ({(timescale.National ? "national, " : "")}{timescale.Source})";

    /// <summary>What the form asks for as the trigger of a meeting someone schedules by hand; null when it is today.</summary>
    public static string? TriggerQuestion(MeetingKind kind) => kind switch
    {
        MeetingKind.InitialChildProtectionConference => "Date of the strategy discussion at which the section 47 enquiry began",
        MeetingKind.PlacementPlanningMeeting => "When the placement started",
        _ => null,
    };
}
