using Cairn.Domain;
using Cairn.Web.Auditing;

namespace Cairn.Web.Features;

/// <summary>
/// The one way a refused change to a child's record reaches the audit log (L01, L03). Every handler that changes a
/// child's record (alerts, chronology, diagnoses, the team around the child, legal status, education, family and
/// households, early help, concern prompts, disagreements, the front door's contacts and strategy discussions) hands its
/// answer through <c>AuditRefusalAsync</c> once the person's record is known and may be opened. A refusal of any kind
/// (invalid input, a conflict, a step that is not the person's) is then written as outcome "refused" with the action, the
/// person, the record when there is one and the names of the fields refused (<see cref="AuditLog.RecordRefusalAsync"/>);
/// nothing else of the change is kept, and the answer passes on unchanged, so pages and the API show exactly what they
/// showed before. Not found (also "not yours to see") is audited where access is decided, and done is audited by the
/// handler with its change.
/// </summary>
public static class RefusedChanges
{
    /// <summary>Audits the answer when it is a refusal of a change to <paramref name="person"/>'s record; returns it unchanged.</summary>
    public static Task<Handled<T>> AuditRefusalAsync<T>(this Task<Handled<T>> handling, AuditLog audit, string action, PersonId person,
        string? recordType, Guid? recordId, CancellationToken cancellationToken) =>
        handling.AuditRefusalAsync(audit, action, [person], recordType, recordId, cancellationToken);

    /// <summary>
    /// Audits the answer when it is a refusal of a change about several people (a chronology entry about siblings, say): one
    /// entry for each, as the change itself would have been audited; returns it unchanged.
    /// </summary>
    public static async Task<Handled<T>> AuditRefusalAsync<T>(this Task<Handled<T>> handling, AuditLog audit, string action,
        IReadOnlyCollection<PersonId> people, string? recordType, Guid? recordId, CancellationToken cancellationToken)
    {
        var handled = await handling;
        if (handled.As == HandledAs.Refused)
        {
            await audit.RecordRefusalAsync(action, people, recordType, recordId, handled.Refusal!, cancellationToken);
        }

        return handled;
    }
}
