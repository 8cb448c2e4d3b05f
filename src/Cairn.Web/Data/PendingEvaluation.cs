using Cairn.Domain;

namespace Cairn.Web.Data;

/// <summary>
/// A person whose record changed and whose children the concern rules have not yet re-evaluated since. The handler
/// writes it in the same transaction as the change, so the evaluation is never lost: the handler evaluates straight
/// away and deletes it, and when that fails the concern sweep finds it at its next tick (issue #4).
/// </summary>
public sealed class PendingEvaluation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public PersonId PersonId { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
}
