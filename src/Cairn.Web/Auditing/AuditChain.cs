using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Auditing;

/// <summary>
/// Links new audit entries onto the end of the hash chain inside the caller's transaction. Writers are
/// serialised so two nodes never claim the same position: PostgreSQL takes a transaction-scoped advisory
/// lock; SQLite transactions are already single-writer (BEGIN IMMEDIATE).
/// </summary>
public static class AuditChain
{
    /// <summary>Arbitrary, fixed key for the audit chain's advisory lock.</summary>
    private const long AdvisoryLockKey = 0x43_41_49_52_4E_41_55_44; // "CAIRNAUD"

    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    internal static async Task AppendAsync(CairnDbContext db, IReadOnlyList<AuditEntry> pending, CancellationToken cancellationToken)
    {
        if (!db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        }

        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? Genesis;
        foreach (var entry in pending)
        {
            // Pending entries carry temporary negative keys; re-key each with its place in the chain.
            db.Entry(entry).State = EntityState.Detached;
            entry.Sequence = ++sequence;
            // PostgreSQL keeps microseconds: hash exactly what the database will give back.
            entry.At = new DateTimeOffset(entry.At.UtcTicks - (entry.At.UtcTicks % 10), TimeSpan.Zero);
            db.AuditEntries.Add(entry);
            entry.PreviousHash = previous;
            entry.Hash = Compute(entry);
            previous = entry.Hash;
        }
    }

    public static string Compute(AuditEntry e)
    {
        var canonical = string.Join('|',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.ActorId?.ToString() ?? "",
            e.Action,
            e.PersonId?.ToString() ?? "",
            e.RecordType ?? "",
            e.RecordId?.ToString() ?? "",
            e.Outcome,
            e.Detail ?? "",
            e.CorrelationId ?? "",
            e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Walks the whole chain; returns the first sequence number whose entry does not match, or null.</summary>
    public static async Task<(long Checked, long? FirstBroken)> VerifyAsync(CairnDbContext db, CancellationToken cancellationToken)
    {
        var previous = Genesis;
        long expected = 0;
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            expected++;
            count++;
            if (entry.Sequence != expected || entry.PreviousHash != previous || Compute(entry) != entry.Hash)
            {
                return (count, entry.Sequence);
            }

            previous = entry.Hash;
        }

        return (count, null);
    }
}
