using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Domain.Meetings;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Meetings;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;
using CourtProceedings = Cairn.Domain.Casework.Proceedings;

namespace Cairn.Web.Features.Proceedings;

/// <summary>One parent's advocate in proceedings (L30): the advocate, why they have none, or nothing yet recorded (a prompt).</summary>
public sealed record ParentAdvocateView(PersonId ParentId, string ParentName, string? Advocate, string? NoAdvocateReason, bool Recorded);

/// <summary>Proceedings as the pages and the API show them, with the family group decision-making meeting they scheduled.</summary>
public sealed record ProceedingsView(ProceedingsId Id, PersonId ChildId, ProceedingsKind Kind, DateOnly StartedOn, DateOnly? EndedOn, bool IsOpen,
    int Version, IReadOnlyList<ParentAdvocateView> Advocates, MeetingId? FamilyMeetingId, DateOnly? FamilyMeetingDueOn);

/// <summary>A parent with no advocate recorded, and no reason why not, while proceedings are open: the prompt on the child's record.</summary>
public sealed record AdvocatePrompt(ProceedingsId ProceedingsId, ProceedingsKind Kind, PersonId ParentId, string ParentName);

/// <summary>
/// What the proceedings slices share (L30): who may change proceedings, how they are shown, and the one path every change to
/// existing proceedings takes (read, check the child's record may be opened, check the change is the viewer's, change, audit,
/// save or conflict). Pre-proceedings and care proceedings are children's social care's to start, record and end; anyone else who
/// may open the child's record reads them; anyone who may not gets 404.
/// </summary>
public sealed class ProceedingsAccessHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string RecordType = "proceedings";

    public const string SocialCareOnly = "Only children's social care can start or end proceedings or record a parent's advocate. "
                                         + "Tell the child's social worker.";

    /// <summary>A change that is not the viewer's (403), audited as every refusal is.</summary>
    public static Refusal NotTheirs => Refusal.NotAllowed("Kind", SocialCareOnly);

    /// <summary>Whether the viewer may open the child's record (refusals are audited by the access service and answered as not found).</summary>
    public async Task<bool> OpenAsync(PersonId child, CancellationToken cancellationToken) =>
        (await access.OpenAsync(child, cancellationToken)).Allowed;

    /// <summary>Whether the viewer, who may open the child's record, may start, record and end proceedings: children's social care.</summary>
    public async Task<bool> MayChangeAsync(CancellationToken cancellationToken) =>
        user.IsSignedIn && !(user.Has(Role.Administrator) && !user.Has(Role.Practitioner))
                        && await db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.Kind == AgencyKind.ChildrensSocialCare, cancellationToken);

    /// <summary>The child proceedings are about; null when there are no such proceedings.</summary>
    public async Task<PersonId?> ChildOfAsync(ProceedingsId id, CancellationToken cancellationToken) =>
        await db.Proceedings.AsNoTracking().Where(p => p.Id == id).Select(p => (PersonId?)p.ChildId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The child's parents (and step-parents) with their names, for advocates.</summary>
    public async Task<IReadOnlyList<(PersonId Id, string Name)>> ParentsAsync(PersonId child, CancellationToken cancellationToken)
    {
        var parents = await MeetingSchedulingHandler.ParentsAsync(db, child, cancellationToken);
        return (await db.People.AsNoTracking().Where(p => parents.Contains(p.Id)).Select(p => new { p.Id, p.GivenName, p.FamilyName })
                .ToListAsync(cancellationToken))
            .Select(p => (p.Id, $"{p.GivenName} {p.FamilyName}")).OrderBy(p => p.Item2, StringComparer.Ordinal).ToList();
    }

    /// <summary>The child's proceedings, newest first, each with every parent's advocate (or the lack of one).</summary>
    public async Task<IReadOnlyList<ProceedingsView>> ProceedingsOfAsync(PersonId child, CancellationToken cancellationToken)
    {
        var all = await db.Proceedings.AsNoTracking().Include(p => p.Advocates).Where(p => p.ChildId == child).ToListAsync(cancellationToken);
        var ids = all.Select(p => (Guid?)p.Id.Value).ToList();
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Kind == MeetingKind.FamilyGroupDecisionMaking && m.Number == 1 && ids.Contains(m.TriggerId))
            .Select(m => new { m.Id, m.TriggerId, m.DueOn }).ToListAsync(cancellationToken);
        var parents = await ParentsAsync(child, cancellationToken);
        return all.OrderByDescending(p => p.StartedOn).ThenByDescending(p => p.StartedAt)
            .Select(p =>
            {
                var meeting = meetings.FirstOrDefault(m => m.TriggerId == p.Id.Value);
                var advocates = parents.Select(parent => p.Advocates.FirstOrDefault(a => a.FamilyMemberId == parent.Id) is { } a
                    ? new ParentAdvocateView(parent.Id, parent.Name, a.Advocate, a.NoAdvocateReason, true)
                    : new ParentAdvocateView(parent.Id, parent.Name, null, null, false)).ToList();
                return new ProceedingsView(p.Id, p.ChildId, p.Kind, p.StartedOn, p.EndedOn, p.IsOpen, p.Version, advocates, meeting?.Id,
                    meeting?.DueOn);
            })
            .ToList();
    }

    /// <summary>
    /// Each parent with no advocate recorded (and no reason why not) in the child's open proceedings (L30): the prompts the child's
    /// record shows. The caller has checked the viewer may open the child's record.
    /// </summary>
    public async Task<IReadOnlyList<AdvocatePrompt>> PromptsAsync(PersonId child, CancellationToken cancellationToken)
    {
        var open = await db.Proceedings.AsNoTracking().Include(p => p.Advocates).Where(p => p.ChildId == child && p.EndedOn == null)
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var parents = await ParentsAsync(child, cancellationToken);
        var names = parents.ToDictionary(p => p.Id, p => p.Name);
        return open.OrderBy(p => p.StartedOn)
            .SelectMany(p => p.WithoutAdvocate(parents.Select(x => x.Id)).Select(parent => new AdvocatePrompt(p.Id, p.Kind, parent, names[parent])))
            .ToList();
    }

    /// <summary>
    /// Changes existing proceedings: not found when they do not exist or the viewer may not open the child's record; refused (403)
    /// when the change is not theirs; otherwise <paramref name="change"/> changes them, the change is audited under
    /// <paramref name="action"/> and saved, or answered with a conflict. Every refusal is audited under <paramref name="action"/>.
    /// </summary>
    public async Task<Handled<ProceedingsView>> ChangeAsync(ProceedingsId id, string action,
        Func<CourtProceedings, DateTimeOffset, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        if (await ChildOfAsync(id, cancellationToken) is not { } child || !await OpenAsync(child, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await ChangeProceedingsAsync(id, action, change, cancellationToken)
            .AuditRefusalAsync(audit, action, child, RecordType, id.Value, cancellationToken);
    }

    private async Task<Handled<ProceedingsView>> ChangeProceedingsAsync(ProceedingsId id, string action,
        Func<CourtProceedings, DateTimeOffset, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        if (!await MayChangeAsync(cancellationToken))
        {
            return NotTheirs;
        }

        var proceedings = await db.Proceedings.Include(p => p.Advocates).SingleAsync(p => p.Id == id, cancellationToken);
        if (await change(proceedings, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        audit.Record(action, proceedings.ChildId, RecordType, id.Value, detail: proceedings.Kind.ToString());
        if (await db.SaveOrConflictAsync(CourtProceedings.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return (await ProceedingsOfAsync(proceedings.ChildId, cancellationToken)).Single(p => p.Id == id);
    }
}
