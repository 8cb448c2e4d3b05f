using System.Diagnostics;
using Cairn.Domain;
using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Auditing;

/// <summary>
/// Adds audit entries to the current unit of work; they are chained and written when the handler saves,
/// in the same transaction as the change (or, for a read, on their own straight away).
/// </summary>
public sealed class AuditLog(CairnDbContext db, CurrentUser user, TimeProvider clock)
{
    private static long _temporaryKey;

    public void Record(string action, PersonId? person, string? recordType = null, Guid? recordId = null,
        string outcome = "succeeded", string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
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
        });

    /// <summary>Records a read and saves at once: every look at a child's record is in the log.</summary>
    public async Task RecordReadAsync(string action, PersonId person, string? detail, CancellationToken cancellationToken)
    {
        Record(action, person, "person", person.Value, "allowed", detail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
