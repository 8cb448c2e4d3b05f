namespace Cairn.Web.Auditing;

/// <summary>
/// One line of the append-only audit log: who did what to which record, when. Written in the same
/// transaction as the read or change it describes. Holds ids and outcomes only, never names or
/// narratives. Each entry carries the hash of the one before, so any edit or deletion of history
/// breaks the chain and is found by <c>cairn verify-audit</c>. Database triggers refuse updates and deletes.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, assigned under a lock when the entry is saved.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The professional who acted; empty for an anonymous failure such as a bad sign-in.</summary>
    public Guid? ActorId { get; set; }
    /// <summary>What happened, e.g. "child.view", "chronology.record", "signin.failed".</summary>
    public string Action { get; set; } = "";
    /// <summary>The child or person the action concerned, if any.</summary>
    public Guid? PersonId { get; set; }
    public string? RecordType { get; set; }
    public Guid? RecordId { get; set; }
    /// <summary>"allowed", "refused", "succeeded", "failed".</summary>
    public string Outcome { get; set; } = "";
    /// <summary>A short, non-identifying qualifier such as the reason access was allowed.</summary>
    public string? Detail { get; set; }
    public string? CorrelationId { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
