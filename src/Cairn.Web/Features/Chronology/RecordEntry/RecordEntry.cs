using Cairn.Domain;
using Cairn.Domain.Chronology;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Chronology.RecordEntry;

/// <summary>A new chronology entry about a person, optionally also about every other child in their household.</summary>
public sealed record RecordEntryCommand : EntryContentCommand
{
    /// <summary>An incident in a household concerns every child in it: link the entry to each of them too.</summary>
    public bool IncludeHouseholdChildren { get; init; }
}

public sealed record RecordedEntry(ChronologyEntryId Id, IReadOnlyList<PersonId> Subjects);

public sealed class RecordEntryHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    Cairn.Web.Background.Concerns.ConcernEvaluator concerns)
{
    /// <returns>Not found when the person does not exist or the professional may not see them.</returns>
    public async Task<Handled<RecordedEntry>> HandleAsync(PersonId personId, RecordEntryCommand command, CancellationToken cancellationToken)
    {
        if (!(await access.OpenAsync(personId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        // A refused entry ("did not attend" for a child, no voice of the child) is audited on the person's record, fields
        // named and nothing of what was written (L03, L08).
        return await RecordAsync(personId, command, cancellationToken).AuditRefusalAsync(audit, "chronology.record", personId,
            "chronology-entry", null, cancellationToken);
    }

    private async Task<Handled<RecordedEntry>> RecordAsync(PersonId personId, RecordEntryCommand command, CancellationToken cancellationToken)
    {
        if (command.OccurredAt is null)
        {
            return Refusal.Of("OccurredAt", "Enter the date and time it happened");
        }

        var now = clock.GetUtcNow();
        var subjects = new List<(PersonId Person, bool IsChild)>();
        var person = await db.People.Where(p => p.Id == personId).Select(p => new { p.Id, p.Kind }).SingleAsync(cancellationToken);
        subjects.Add((person.Id, person.Kind == PersonKind.Child));
        if (command.IncludeHouseholdChildren)
        {
            var today = clock.Today();
            var households = await db.Households.Where(h => h.Members.Any(m => m.PersonId == personId && m.LeftOn == null))
                .ToListAsync(cancellationToken);
            var members = households.SelectMany(h => h.MembersOn(today)).Where(m => m != personId).Distinct().ToList();
            var children = await db.People.Where(p => members.Contains(p.Id) && p.Kind == PersonKind.Child).Select(p => p.Id)
                .ToListAsync(cancellationToken);
            subjects.AddRange(children.Select(c => (c, true)));
        }

        var content = command.ToContent();
        var agency = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => new { a.Id, a.Kind }).SingleAsync(cancellationToken);
        var outcome = ChronologyEntry.Record(content, subjects, agency.Id, agency.Kind, user.ProfessionalId, now);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var entry = outcome.Value!;
        db.ChronologyEntries.Add(entry);
        foreach (var subject in entry.Subjects)
        {
            audit.Record("chronology.record", subject.PersonId, "chronology-entry", entry.Id.Value);
        }

        await concerns.SaveAndEvaluateAsync(entry.Subjects.Select(s => s.PersonId), cancellationToken);
        return new RecordedEntry(entry.Id, entry.Subjects.Select(s => s.PersonId).ToList());
    }
}
