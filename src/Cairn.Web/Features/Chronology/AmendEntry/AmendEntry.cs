using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Chronology.AmendEntry;

/// <summary>A correction to an entry: the new content, why, and the version the person corrected.</summary>
public sealed record AmendEntryCommand : EntryContentCommand
{
    public string? Reason { get; init; }

    public int? Version { get; init; }
}

public sealed record EntrySubjectView(PersonId Id, string Name, PersonKind Kind);

public sealed record EntryRevisionView(int Version, ChronologyContent Before, string Reason, string AmendedBy, DateTimeOffset AmendedAt);

/// <summary>
/// One entry as it stands, with everything it said before each amendment. Only the people the viewer may see
/// are named; <see cref="OtherSubjects"/> counts the rest.
/// </summary>
public sealed record EntryDetails
{
    public required ChronologyEntryId Id { get; init; }
    public required ChronologyContent Content { get; init; }
    public required string Agency { get; init; }
    public required AgencyKind AgencyKind { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required int Version { get; init; }
    public required IReadOnlyList<EntrySubjectView> Subjects { get; init; }
    public required int OtherSubjects { get; init; }
    public required IReadOnlyList<EntryRevisionView> History { get; init; }
    public required bool MayAmend { get; init; }
}

public sealed record AmendedEntry(ChronologyEntryId Id, int Version);

/// <summary>
/// Reads one chronology entry with its history, and amends it. Nothing is deleted: an amendment keeps the
/// previous content as a revision with the reason (L44).
/// </summary>
public sealed class AmendEntryHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    Cairn.Web.Background.Concerns.ConcernEvaluator concerns)
{
    /// <returns>Null when the entry does not exist or the viewer may see none of the people it concerns.</returns>
    public async Task<EntryDetails?> HandleAsync(ChronologyEntryId id, CancellationToken cancellationToken)
    {
        var visible = await VisibleSubjectsAsync(id, cancellationToken);
        if (visible is null)
        {
            return null;
        }

        foreach (var (person, reason) in visible.Value.Allowed)
        {
            audit.Record("chronology-entry.view", person, "chronology-entry", id.Value, "allowed", reason);
        }

        await db.SaveChangesAsync(cancellationToken);

        var entry = await db.ChronologyEntries.AsNoTracking().Include(e => e.Revisions).SingleAsync(e => e.Id == id, cancellationToken);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == entry.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var professionals = entry.Revisions.Select(r => r.AmendedBy).Append(entry.RecordedBy).Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => professionals.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var allowedIds = visible.Value.Allowed.Select(a => a.Person).ToList();
        var subjects = await db.People.AsNoTracking().Where(p => allowedIds.Contains(p.Id))
            .Select(p => new EntrySubjectView(p.Id, p.GivenName + " " + p.FamilyName, p.Kind)).ToListAsync(cancellationToken);

        return new EntryDetails
        {
            Id = entry.Id,
            Content = entry.Content,
            Agency = agency,
            AgencyKind = entry.AgencyKind,
            RecordedBy = names[entry.RecordedBy],
            RecordedAt = entry.RecordedAt,
            Version = entry.Version,
            Subjects = subjects.OrderBy(s => s.Name, StringComparer.Ordinal).ToList(),
            OtherSubjects = visible.Value.Hidden,
            History = entry.Revisions.OrderByDescending(r => r.Version)
                .Select(r => new EntryRevisionView(r.Version, r.Before, r.Reason, names[r.AmendedBy], r.AmendedAt)).ToList(),
            MayAmend = entry.MayBeAmendedBy(user.ProfessionalId, user.AgencyId, user.Roles),
        };
    }

    public async Task<Handled<AmendedEntry>> AmendAsync(ChronologyEntryId id, AmendEntryCommand command, CancellationToken cancellationToken)
    {
        var visible = await VisibleSubjectsAsync(id, cancellationToken);
        if (visible is null)
        {
            return Handled.NotFound;
        }

        var entry = await db.ChronologyEntries.Include(e => e.Subjects).Include(e => e.Revisions)
            .SingleAsync(e => e.Id == id, cancellationToken);
        var subjectIds = entry.Subjects.Select(s => s.PersonId).ToList();
        // A refused amendment (not the recorder's, invalid, stale) is audited on every subject's record, as the amendment would be.
        return await AmendEntryAsync(entry, subjectIds, command, cancellationToken).AuditRefusalAsync(audit, "chronology.amend", subjectIds,
            "chronology-entry", id.Value, cancellationToken);
    }

    private async Task<Handled<AmendedEntry>> AmendEntryAsync(ChronologyEntry entry, List<PersonId> subjectIds, AmendEntryCommand command,
        CancellationToken cancellationToken)
    {
        var id = entry.Id;
        if (!entry.MayBeAmendedBy(user.ProfessionalId, user.AgencyId, user.Roles))
        {
            return Refusal.Of("Reason", ChronologyEntry.OnlyRecorderMayAmend);
        }

        if (command.OccurredAt is null)
        {
            return Refusal.Of("OccurredAt", "Enter the date and time it happened");
        }

        var concernsAChild = await db.People.AnyAsync(p => subjectIds.Contains(p.Id) && p.Kind == PersonKind.Child, cancellationToken);
        var outcome = entry.Amend(command.ToContent(), command.Version ?? 0, command.Reason ?? "", concernsAChild, user.ProfessionalId,
            clock.GetUtcNow());
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        foreach (var subject in subjectIds)
        {
            audit.Record("chronology.amend", subject, "chronology-entry", id.Value);
        }

        // Saved with the concern evaluation it queues, in one transaction; an amendment saved by someone else after this one
        // read the entry is a conflict, and nothing of this one is kept.
        if (await concerns.SaveAndEvaluateOrConflictAsync(subjectIds, ChronologyEntry.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new AmendedEntry(entry.Id, entry.Version);
    }

    /// <summary>
    /// The people the entry concerns whom the viewer may see (with the reason), and how many they may not.
    /// Null when the entry does not exist or none is visible; that refusal is audited like any other.
    /// </summary>
    private async Task<(List<(PersonId Person, string Reason)> Allowed, int Hidden)?> VisibleSubjectsAsync(ChronologyEntryId id,
        CancellationToken cancellationToken)
    {
        var subjects = await db.ChronologySubjects.AsNoTracking().Where(s => s.EntryId == id).Select(s => s.PersonId).ToListAsync(cancellationToken);
        if (subjects.Count == 0)
        {
            return null;
        }

        var allowed = new List<(PersonId, string)>();
        foreach (var subject in subjects)
        {
            var decision = await access.DecideAsync(subject, cancellationToken);
            if (decision.Allowed)
            {
                allowed.Add((subject, decision.Reason.ToString()));
            }
        }

        if (allowed.Count == 0)
        {
            await access.OpenAsync(subjects[0], cancellationToken);
            return null;
        }

        return (allowed, subjects.Count - allowed.Count);
    }
}
