using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings.WriteMinutes;

/// <summary>Progress on one outcome of the plan, as written.</summary>
public sealed record OutcomeMinute(Guid SectionKey, bool Reviewed, string? Progress);

/// <summary>The minutes as written so far. Version is the one read.</summary>
public sealed record WriteMinutesCommand
{
    public string? IncidentsSinceLast { get; init; }
    public IReadOnlyList<OutcomeMinute> Outcomes { get; init; } = [];
    public string? ChildsView { get; init; }
    public string? ParentsView { get; init; }
    public string? Discussion { get; init; }
    public string? FamilySummary { get; init; }
    public int? Version { get; init; }
}

/// <summary>One outcome of the child's plan in the minutes: reviewed or not, and the progress written.</summary>
public sealed record OutcomeMinuteView(Guid SectionKey, string Title, bool Reviewed, string? Progress);

/// <summary>A held meeting's minutes, with every outcome of the child's current plan (L22).</summary>
public sealed record MeetingMinutes(MeetingId Id, PersonId ChildId, MeetingKind Kind, string Name, DateOnly? HeldOn, MinutesStatus Status,
    DateOnly? DueOn, string? IncidentsSinceLast, IReadOnlyList<OutcomeMinuteView> Outcomes, string? ChildsView, string? ParentsView,
    string? Discussion, string? FamilySummary, int Version, bool MayWrite, bool IsChair);

/// <summary>
/// The minutes of a held meeting (L22, L54): incidents since the last meeting recorded apart from progress on EACH outcome of the
/// child's current plan (reviewed or not), the child's view, the parents' view, the discussion, and a plain-English summary for
/// the family. Saved as a draft until the chair confirms them. Read by anyone who may open the child's record (audited).
/// </summary>
public sealed class WriteMinutesHandler(CairnDbContext db, MeetingAccessHandler meetings, CurrentUser user, AuditLog audit)
{
    public Task<Handled<ChangedMeeting>> HandleAsync(MeetingId id, WriteMinutesCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return meetings.ChangeAsync(id, "meeting.minutes", async (meeting, now) =>
        {
            var outcomes = MeetingAccessHandler.OutcomesOf(await meetings.CurrentPlanAsync(meeting.ChildId, meeting.Kind, cancellationToken));
            var unknown = command.Outcomes.Select(o => o.SectionKey).Except(outcomes.Select(o => o.Key)).Any();
            if (unknown)
            {
                return Refusal.Of("Outcomes", "Record progress only on the outcomes of the child's current plan");
            }

            var written = command.Outcomes.GroupBy(o => o.SectionKey).ToDictionary(g => g.Key, g => g.Last());
            return meeting.SaveMinutes(new MinutesDraft
            {
                IncidentsSinceLast = command.IncidentsSinceLast,
                Outcomes = outcomes.Select(o => written.TryGetValue(o.Key, out var w)
                    ? new OutcomeProgress(o.Key, o.Title, w.Reviewed, w.Progress)
                    : new OutcomeProgress(o.Key, o.Title, false, null)).ToList(),
                ChildsView = command.ChildsView,
                ParentsView = command.ParentsView,
                Discussion = command.Discussion,
                FamilySummary = command.FamilySummary,
            }, user.ProfessionalId, command.Version ?? -1, now);
        }, cancellationToken);
    }

    /// <returns>Null when the meeting does not exist or the viewer may not open the child's record.</returns>
    public async Task<MeetingMinutes?> ReadAsync(MeetingId id, CancellationToken cancellationToken)
    {
        if (await meetings.ChildOfAsync(id, cancellationToken) is not { } child)
        {
            return null;
        }

        var decision = await meetings.OpenAsync(child, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("meeting.minutes.view", child, decision.Reason.ToString(), cancellationToken);
        var m = await db.Meetings.AsNoTracking().SingleAsync(x => x.Id == id, cancellationToken);
        var outcomes = MeetingAccessHandler.OutcomesOf(await meetings.CurrentPlanAsync(child, m.Kind, cancellationToken));
        var recorded = m.Outcomes.ToDictionary(o => o.SectionKey);
        var views = outcomes.Select(o => recorded.TryGetValue(o.Key, out var r)
                ? new OutcomeMinuteView(o.Key, o.Title, r.Reviewed, r.Progress)
                : new OutcomeMinuteView(o.Key, o.Title, false, null))
            .Concat(m.Outcomes.Where(r => outcomes.All(o => o.Key != r.SectionKey))
                .Select(r => new OutcomeMinuteView(r.SectionKey, r.Title, r.Reviewed, r.Progress)))
            .ToList();
        var mayWrite = m.Status == MeetingStatus.Held && m.MinutesStatus != MinutesStatus.Sent
                                                      && await meetings.MayChangeAsync(m.Kind, cancellationToken);
        return new MeetingMinutes(m.Id, child, m.Kind, m.Type.Name, m.HeldOn, m.MinutesStatus, m.MinutesDueOn, m.IncidentsSinceLast, views,
            m.ChildsView, m.ParentsView, m.Discussion, m.FamilySummary, m.Version, mayWrite, user.IsSignedIn && m.ChairId == user.ProfessionalId);
    }
}
