using System.Diagnostics;
using Cairn.Domain;
using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Auditing;

/// <summary>
/// Adds audit entries to the current unit of work; they are chained and written when the handler saves,
/// in the same transaction as the change (or, for a read or a refused change, on their own straight away).
/// </summary>
public sealed class AuditLog(CairnDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>The outcome of a change the rules refused: invalid input, a conflict, or a step not the person's to take.</summary>
    public const string Refused = "refused";

    /// <summary>Longest field name kept in a refusal's detail; field names are the code's, never what was typed.</summary>
    private const int MaxFieldLength = 100;

    private static long _temporaryKey;

    public void Record(string action, PersonId? person, string? recordType = null, Guid? recordId = null,
        string outcome = "succeeded", string? detail = null) =>
        db.AuditEntries.Add(Entry(action, person, recordType, recordId, outcome, detail));

    /// <summary>
    /// Records a read of each person a list shows, one entry each, and writes them at once in one INSERT on the end of the chain
    /// (<see cref="AuditChain.AppendBatchAsync"/>): a list of 25 children costs one statement, not 25 tracked rows.
    /// </summary>
    public Task RecordReadsAsync(string action, IEnumerable<PersonId> people, string? detail, CancellationToken cancellationToken) =>
        AuditChain.AppendBatchAsync(db, people.Distinct().Select(p => Entry(action, p, "person", p.Value, "allowed", detail)).ToList(),
            cancellationToken);

    /// <summary>
    /// Records a change to each of many records made by Cairn itself (a sweep), written at once in multi-row INSERTs on the end of
    /// the chain inside the caller's transaction (<see cref="AuditChain.AppendBatchAsync"/>), 100 rows a statement.
    /// </summary>
    public async Task RecordManyAsync(string action, IEnumerable<(PersonId Person, string RecordType, Guid RecordId, string? Detail)> records,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in records.Chunk(100))
        {
            await AuditChain.AppendBatchAsync(db, chunk.Select(r => Entry(action, r.Person, r.RecordType, r.RecordId, "succeeded", r.Detail))
                .ToList(), cancellationToken);
        }
    }

    private AuditEntry Entry(string action, PersonId? person, string? recordType, Guid? recordId, string outcome, string? detail) =>
        new()
        {
            // A temporary key until the chain position is assigned when saving.
            Sequence = Interlocked.Decrement(ref _temporaryKey),
            At = clock.GetUtcNow(),
            ActorId = user.IsSignedIn ? user.ProfessionalId.Value : null,
            Action = action,
            PersonId = person?.Value,
            RecordType = recordType,
            RecordId = recordId,
            Outcome = outcome,
            Detail = detail,
            CorrelationId = Activity.Current?.TraceId.ToString(),
        };

    /// <summary>Records a read and saves at once: every look at a child's record is in the log.</summary>
    public async Task RecordReadAsync(string action, PersonId person, string? detail, CancellationToken cancellationToken)
    {
        Record(action, person, "person", person.Value, "allowed", detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Records a change to a record that the rules refused, one entry for each person it was about, and saves at once
    /// (L01, L03): an attempt that changed nothing is still evidence of what was tried. The entry holds the action, the
    /// record when there is one, the kind of refusal and the names of the fields refused (<see cref="RefusalDetail"/>),
    /// never what was typed. Nothing of the refused change is kept: the unit of work forgets everything it tracked
    /// (including audit entries not yet saved, which described a change that did not happen), so this entry is the
    /// only write.
    /// </summary>
    public async Task RecordRefusalAsync(string action, IEnumerable<PersonId> people, string? recordType, Guid? recordId, Refusal refusal,
        CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var detail = RefusalDetail(refusal);
        foreach (var person in people.Distinct())
        {
            Record(action, person, recordType, recordId, Refused, detail);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// What the audit keeps of a refusal: its kind and the names of the fields refused, e.g. "invalid: Description, ReviewBy"
    /// or "conflict: Version". Never the messages (they may quote what was entered) and never the values.
    /// </summary>
    public static string RefusalDetail(Refusal refusal)
    {
        var kind = refusal.Kind switch
        {
            RefusalKind.Conflict => "conflict",
            RefusalKind.NotAllowed => "not-allowed",
            _ => "invalid",
        };
        var fields = refusal.Errors.Select(e => FieldName(e.Field)).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return fields.Count == 0 ? kind : $"{kind}: {string.Join(", ", fields)}";
    }

    /// <summary>A field's name as the code spells it ("Attendees[0].Name"): anything else is dropped, and it is kept short.</summary>
    private static string FieldName(string field)
    {
        var kept = new string(field.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '[' or ']' or '_' or '-').ToArray());
        return kept.Length <= MaxFieldLength ? kept : kept[..MaxFieldLength];
    }
}
