namespace Cairn.Domain.Meetings;

/// <summary>An outcome of the plan that the last meetings did not review (L22).</summary>
public sealed record UnreviewedOutcome(Guid SectionKey, string Title, int MeetingsMissed);

/// <summary>
/// Keeps the long view (L22): crises crowd out a plan's objectives, so an outcome of the plan that was not reviewed at the
/// last <see cref="MeetingsInARow"/> meetings whose minutes were written is flagged.
/// </summary>
public static class OutcomeReviewGaps
{
    public const int MeetingsInARow = 2;

    /// <param name="meetings">The child's meetings, in any order; only held meetings with minutes count.</param>
    /// <param name="outcomes">The plan's current outcomes: section key and title.</param>
    public static IReadOnlyList<UnreviewedOutcome> Find(IEnumerable<Meeting> meetings, IEnumerable<(Guid Key, string Title)> outcomes)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(outcomes);
        var last = meetings
            .Where(m => m.Status == MeetingStatus.Held && m.MinutesStatus != MinutesStatus.NotStarted && m.HeldOn is not null)
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.CreatedAt)
            .Take(MeetingsInARow).ToList();
        if (last.Count < MeetingsInARow)
        {
            return [];
        }

        return outcomes
            .Where(o => last.All(m => !m.Outcomes.Any(p => p.SectionKey == o.Key && p.Reviewed)))
            .Select(o => new UnreviewedOutcome(o.Key, o.Title, MeetingsInARow))
            .ToList();
    }
}
