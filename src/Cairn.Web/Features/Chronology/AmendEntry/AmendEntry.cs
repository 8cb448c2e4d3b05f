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
public sealed record EntryDetails(ChronologyEntryId Id, ChronologyContent Content, string Agency, AgencyKind AgencyKind, string RecordedBy,
    DateTimeOffset RecordedAt, int Version, IReadOnlyList<EntrySubjectView> Subjects, int OtherSubjects,
    IReadOnlyList<EntryRevisionView> History, bool MayAmend);

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
        var names = await db.Professionals.AsNoTracking().Where(p => professionals.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var allowedIds = visible.Value.Allowed.Select(a => a.Person).ToList();
        var subjects = await db.People.AsNoTracking().Where(p => allowedIds.Contains(p.Id))
            .Select(p => new EntrySubjectView(p.Id, p.GivenName + " " + p.FamilyName, p.Kind)).ToListAsync(cancellationToken);

        return new EntryDetails(entry.Id, entry.Content, agency, entry.AgencyKind, names[entry.RecordedBy], entry.RecordedAt, entry.Version,
            subjects.OrderBy(s => s.Name, StringComparer.Ordinal).ToList(), visible.Value.Hidden,
            entry.Revisions.OrderByDescending(r => r.Version)
                .Select(r => new EntryRevisionView(r.Version, r.Before, r.Reason, names[r.AmendedBy], r.AmendedAt)).ToList(),
            entry.MayBeAmendedBy(user.ProfessionalId, user.AgencyId, user.Roles));
    }

    public async Task<Outcome<AmendedEntry>?> AmendAsync(ChronologyEntryId id, AmendEntryCommand command, CancellationToken cancellationToken)
    {
        var visible = await VisibleSubjectsAsync(id, cancellationToken);
        if (visible is null)
        {
            return null;
        }

        var entry = await db.ChronologyEntries.Include(e => e.Subjects).Include(e => e.Revisions).SingleAsync(e => e.Id == id, cancellationToken);
        var firstSubject = visible.Value.Allowed[0].Person;
        if (!entry.MayBeAmendedBy(user.ProfessionalId, user.AgencyId, user.Roles))
        {
            audit.Record("chronology.amend", firstSubject, "chronology-entry", id.Value, "refused");
            await db.SaveChangesAsync(cancellationToken);
            return Refusal.Of("Reason", ChronologyEntry.OnlyRecorderMayAmend);
        }

        if (command.OccurredAt is null)
        {
            return Refusal.Of("OccurredAt", "Enter the date and time it happened");
        }

        var subjectIds = entry.Subjects.Select(s => s.PersonId).ToList();
        var concernsAChild = await db.People.AnyAsync(p => subjectIds.Contains(p.Id) && p.Kind == PersonKind.Child, cancellationToken);
        var outcome = entry.Amend(command.ToContent(), command.Version ?? 0, command.Reason ?? "", concernsAChild, user.ProfessionalId, clock.GetUtcNow());
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        foreach (var subject in subjectIds)
        {
            audit.Record("chronology.amend", subject, "chronology-entry", id.Value);
        }

        try
        {
            await concerns.SaveAndEvaluateAsync(subjectIds, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChronologyEntry.Stale;
        }

        return Outcome<AmendedEntry>.Success(new AmendedEntry(entry.Id, entry.Version));
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
