using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Missing;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Missing;

/// <summary>A missing episode as the pages and the API show it (L43, T18).</summary>
public sealed record MissingEpisodeView
{
    public required MissingEpisodeId Id { get; init; }
    public required PersonId ChildId { get; init; }
    public required MissingFrom From { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string ReportedBy { get; init; }
    public string? Context { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public string? WhereFound { get; init; }
    /// <summary>When the return home interview must be offered by: 72 hours after the return (T18).</summary>
    public DateTimeOffset? InterviewDueAt { get; init; }
    public DateTimeOffset? InterviewOfferedAt { get; init; }
    public string? InterviewOfferedBy { get; init; }
    public ReturnInterviewAnswer? InterviewAnswer { get; init; }
    public DateOnly? InterviewHeldOn { get; init; }
    public string? InterviewSummary { get; init; }
    /// <summary>The sweep found the 72 hours passed with no offer (kept once an offer is made late).</summary>
    public required bool InterviewOverdue { get; init; }
    /// <summary>No offer yet and the 72 hours have passed now.</summary>
    public required bool InterviewLate { get; init; }
    public required bool IsMissing { get; init; }
    public required int Version { get; init; }
}

/// <summary>A child's missing episodes, newest first, with the counts and what the viewer may do.</summary>
public sealed record ChildMissingEpisodes(PersonId ChildId, MissingCounts Counts, IReadOnlyList<MissingEpisodeView> Episodes, bool MayRecord,
    bool MayRecordInterview);

/// <summary>
/// What the missing episode slices share (L43): who may do what, how episodes are shown, and the one path every change to an
/// existing episode takes. Anyone who may open the child's record sees the episodes; children's social care and the police
/// record a child going missing and returning (the police often report it); only children's social care records the return
/// home interview's offer and outcome. Anyone who may not open the record gets 404.
/// </summary>
public sealed class MissingAccessHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string RecordType = "missing-episode";

    public static Refusal NotTheirs => Refusal.NotAllowed("StartedAt",
        "Only children's social care and the police can record a child going missing or returning. Tell the child's social worker.");

    public static Refusal InterviewNotTheirs => Refusal.NotAllowed("OfferedAt",
        "Only children's social care can record a return home interview. Tell the child's social worker.");

    /// <summary>Whether the viewer may open the child's record (refusals are audited by the access service and answered as not found).</summary>
    public async Task<bool> OpenAsync(PersonId child, CancellationToken cancellationToken) =>
        (await access.OpenAsync(child, cancellationToken)).Allowed;

    /// <summary>Whether the viewer (who may open the record) may record a start or a return: children's social care or the police.</summary>
    public Task<bool> MayRecordAsync(CancellationToken cancellationToken) =>
        AgencyIsAsync([AgencyKind.ChildrensSocialCare, AgencyKind.Police], cancellationToken);

    /// <summary>Whether the viewer (who may open the record) may record the return home interview: children's social care.</summary>
    public Task<bool> MayRecordInterviewAsync(CancellationToken cancellationToken) =>
        AgencyIsAsync([AgencyKind.ChildrensSocialCare], cancellationToken);

    /// <summary>Whether the person is a child (missing episodes are a child's) and their date of birth, for refusing a start before it.</summary>
    public async Task<(bool IsChild, DateOnly? BornOn)> ChildAsync(PersonId child, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == child).Select(p => new
        {
            p.Kind,
            p.DateOfBirth
        }).SingleAsync(cancellationToken);
        return (person.Kind == PersonKind.Child, person.DateOfBirth);
    }

    /// <summary>The child's counts for their record: the last 12 months and the current episode. The caller has checked access.</summary>
    public Task<MissingCounts> CountsAsync(PersonId child, CancellationToken cancellationToken) =>
        MissingEpisodeCounts.ForChildAsync(db, child, clock.GetUtcNow(), cancellationToken);

    /// <summary>The child's episodes, newest first, and their counts. The caller has checked access.</summary>
    public async Task<ChildMissingEpisodes> EpisodesOfAsync(PersonId child, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var episodes = await db.MissingEpisodes.AsNoTracking().Where(e => e.ChildId == child).ToListAsync(cancellationToken);
        var views = episodes.OrderByDescending(e => e.StartedAt).Select(e => View(e, now)).ToList();
        return new ChildMissingEpisodes(child, MissingCounts.Of(episodes.Select(e => (e.Id, e.StartedAt, e.EndedAt)), now), views,
            await MayRecordAsync(cancellationToken), await MayRecordInterviewAsync(cancellationToken));
    }

    /// <summary>
    /// Changes an episode of the child: not found when there is no such episode of this child or the viewer may not open the
    /// record; refused (403) when the change is not theirs (<paramref name="allowed"/>); otherwise <paramref name="change"/> changes
    /// it, the change is audited under <paramref name="action"/> (ids only) and saved, or answered with a conflict. Every refusal
    /// is audited.
    /// </summary>
    public async Task<Handled<MissingEpisodeView>> ChangeAsync(PersonId child, MissingEpisodeId id, string action, Func<CancellationToken,
        Task<bool>> allowed,
        Refusal notAllowed, Func<MissingEpisode, DateTimeOffset, Refusal?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (!await db.MissingEpisodes.AnyAsync(e => e.Id == id && e.ChildId == child, cancellationToken) || !await OpenAsync(child,
            cancellationToken))
        {
            return Handled.NotFound;
        }

        return await ChangeEpisodeAsync(id, action, allowed, notAllowed, change, cancellationToken)
            .AuditRefusalAsync(audit, action, child, RecordType, id.Value, cancellationToken);
    }

    public static MissingEpisodeView View(MissingEpisode e, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new MissingEpisodeView
        {
            Id = e.Id,
            ChildId = e.ChildId,
            From = e.From,
            StartedAt = e.StartedAt,
            ReportedBy = e.ReportedBy,
            Context = e.Context,
            EndedAt = e.EndedAt,
            WhereFound = e.WhereFound,
            InterviewDueAt = e.InterviewDueAt,
            InterviewOfferedAt = e.InterviewOfferedAt,
            InterviewOfferedBy = e.InterviewOfferedBy,
            InterviewAnswer = e.InterviewAnswer,
            InterviewHeldOn = e.InterviewHeldOn,
            InterviewSummary = e.InterviewSummary,
            InterviewOverdue = e.InterviewOverdue,
            InterviewLate = e.InterviewLateAt(now),
            IsMissing = e.IsMissing,
            Version = e.Version,
        };
    }

    private async Task<Handled<MissingEpisodeView>> ChangeEpisodeAsync(MissingEpisodeId id, string action, Func<CancellationToken,
        Task<bool>> allowed,
        Refusal notAllowed, Func<MissingEpisode, DateTimeOffset, Refusal?> change, CancellationToken cancellationToken)
    {
        if (!await allowed(cancellationToken))
        {
            return notAllowed;
        }

        var now = clock.GetUtcNow();
        var episode = await db.MissingEpisodes.SingleAsync(e => e.Id == id, cancellationToken);
        if (change(episode, now) is { } refusal)
        {
            return refusal;
        }

        audit.Record(action, episode.ChildId, RecordType, id.Value);
        if (await db.SaveOrConflictAsync(MissingEpisode.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return View(episode, now);
    }

    private async Task<bool> AgencyIsAsync(AgencyKind[] kinds, CancellationToken cancellationToken) =>
        user.IsSignedIn && !(user.Has(Role.Administrator) && !user.Has(Role.Practitioner))
                        && await db.Agencies.AnyAsync(a => a.Id == user.AgencyId && kinds.Contains(a.Kind), cancellationToken);
}
