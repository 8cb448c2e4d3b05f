using Cairn.Domain.Agencies;
using Cairn.Domain.Meetings;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;
using Rules = Cairn.Domain.Meetings.MeetingRules;

namespace Cairn.Web.Features.MeetingRules;

/// <summary>
/// One timescale of one meeting type as the area runs it. <paramref name="Key"/> ("PlacementPlanningMeeting:FirstDue") names a
/// timescale that has one; the second looked-after review (T10) has none, being national and never editable.
/// </summary>
public sealed record MeetingTimescaleRow(string? Key, MeetingKind Kind, string MeetingType, string Part, int Amount, TimescaleUnit Unit,
    string Describe, bool National, string Source, int DefaultAmount);

/// <summary>The area's meeting timescales as the administration page and the API show them, and the version to send with a change.</summary>
public sealed record MeetingRulesSettings(IReadOnlyList<MeetingTimescaleRow> Timescales, bool IsDefault, DateTimeOffset? UpdatedAt, int Version,
    bool MayChange);

/// <summary>Reading the viewer's area's meeting rules (L21); administrators change the local timescales.</summary>
public static class MeetingRulesViews
{
    public static bool MayChangeMeetingRules(this CurrentUser user) => user.Has(Role.Administrator);

    /// <summary>The viewer's area's rules, with the row they come from (null for the defaults).</summary>
    public static async Task<(Rules Rules, AreaMeetingRules? Row)> MeetingRulesOfAsync(this CairnDbContext db, CurrentUser user,
        CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        var row = await db.MeetingRules.AsNoTracking().SingleOrDefaultAsync(r => r.AreaId == area, cancellationToken);
        return (row?.ToRules() ?? Rules.Default, row);
    }

    public static async Task<MeetingRulesSettings> MeetingRulesSettingsAsync(this CairnDbContext db, CurrentUser user,
        CancellationToken cancellationToken)
    {
        var (rules, row) = await db.MeetingRulesOfAsync(user, cancellationToken);
        return new MeetingRulesSettings(Rows(rules), row is null, row?.UpdatedAt, row?.Version ?? 0, user.MayChangeMeetingRules());
    }

    /// <summary>Every timescale of every type, in the order of <see cref="MeetingTypes.All"/>: first due, second, repeats, minutes.</summary>
    public static IReadOnlyList<MeetingTimescaleRow> Rows(Rules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var rows = new List<MeetingTimescaleRow>();
        foreach (var type in MeetingTypes.All)
        {
            var running = rules.TypeOf(type.Kind);
            Add(type.FirstDue, running.FirstDue, LocalTimescaleKind.FirstDue, "First due");
            Add(type.SecondDue, running.SecondDue, null, "Second due after the first");
            Add(type.ThenEvery, running.ThenEvery, LocalTimescaleKind.ThenEvery, "Then every");
            Add(type.MinutesWithin, running.MinutesWithin, LocalTimescaleKind.MinutesWithin, "Minutes sent within");

            void Add(MeetingTimescale? standard, MeetingTimescale? now, LocalTimescaleKind? which, string part)
            {
                if (standard is null || now is null)
                {
                    return;
                }

                rows.Add(new MeetingTimescaleRow(which is { } w ? Rules.Key(type.Kind, w) : null, type.Kind, type.Name, part, now.Amount, now.Unit,
                    now.Describe(), now.National, now.Source, standard.Amount));
            }
        }

        return rows;
    }

    /// <summary>Who chairs, in words.</summary>
    public static string Chair(ChairRule rule) => rule switch
    {
        ChairRule.Manager => "A children's social care manager, or an independent chair",
        ChairRule.IndependentOfCase => "An independent chair: not the child's social worker, the lead practitioner or anyone involved with the child",
        ChairRule.IndependentReviewingOfficer => "The child's independent reviewing officer, independent of the case",
        _ => "Anyone at the meeting",
    };

    /// <summary>Who receives the minutes, in words.</summary>
    public static IReadOnlyList<string> MinutesTo(MinutesRecipients recipients)
    {
        var words = new List<string>();
        if (recipients.HasFlag(MinutesRecipients.Invitees))
        {
            words.Add("every professional invited, whether or not they came");
        }

        if (recipients.HasFlag(MinutesRecipients.Attendees))
        {
            words.Add("the professionals who attended");
        }

        if (recipients.HasFlag(MinutesRecipients.Gp))
        {
            words.Add("the child's GP, invited or not");
        }

        if (recipients.HasFlag(MinutesRecipients.ParentsOwnWorkers))
        {
            words.Add("each parent's own allocated worker");
        }

        return words.Count == 0 ? ["nobody"] : words;
    }
}
