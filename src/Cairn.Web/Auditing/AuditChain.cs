using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

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

    /// <summary>Rows in one INSERT of <see cref="AppendBatchAsync"/>: well inside every provider's parameter limit.</summary>
    internal const int RowsPerStatement = 500;

    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    internal static async Task AppendAsync(CairnDbContext db, IReadOnlyList<AuditEntry> pending, CancellationToken cancellationToken)
    {
        var (sequence, previous) = await LastAsync(db, cancellationToken);
        foreach (var entry in pending)
        {
            // Pending entries carry temporary negative keys; re-key each with its place in the chain.
            db.Entry(entry).State = EntityState.Detached;
            previous = Link(entry, ++sequence, previous);
            db.AuditEntries.Add(entry);
        }
    }

    /// <summary>
    /// Appends entries to the end of the chain at once, in one INSERT of many rows, inside the caller's transaction or one of its
    /// own: for a list that audits every child it shows, one entry each, without tracking each entry. Same lock, same links.
    /// </summary>
    internal static async Task AppendBatchAsync(CairnDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var ownTransaction = db.Database.CurrentTransaction is null;
        var transaction = db.Database.CurrentTransaction ?? await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var (sequence, previous) = await LastAsync(db, cancellationToken);
            foreach (var entry in entries)
            {
                previous = Link(entry, ++sequence, previous);
            }

            var insert = Insert.Of(db);
            // A statement's parameters are limited (SQLite 32,766; PostgreSQL 65,535): a long list goes in several statements.
            foreach (var chunk in entries.Chunk(RowsPerStatement))
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = transaction.GetDbTransaction();
                var rows = new List<string>(chunk.Length);
                var n = 0;
                foreach (var entry in chunk)
                {
                    var names = new List<string>(insert.Columns.Count);
                    foreach (var column in insert.Columns)
                    {
                        var name = $"@a{n++}";
                        names.Add(name);
                        command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.Property.PropertyInfo!.GetValue(entry),
                            column.Property.IsNullable));
                    }

                    rows.Add($"({string.Join(", ", names)})");
                }

                command.CommandText = $"{insert.Head} VALUES {string.Join(", ", rows)}";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            if (ownTransaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (ownTransaction)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>The last link of the chain, taken under the writers' lock (PostgreSQL's advisory lock; SQLite's single writer).</summary>
    private static async Task<(long Sequence, string Hash)> LastAsync(CairnDbContext db, CancellationToken cancellationToken)
    {
        if (!db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        }

        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        return (last?.Sequence ?? 0, last?.Hash ?? Genesis);
    }

    /// <summary>Gives an entry its place in the chain after <paramref name="previous"/>; returns its hash.</summary>
    private static string Link(AuditEntry entry, long sequence, string previous)
    {
        entry.Sequence = sequence;
        // PostgreSQL keeps microseconds: hash exactly what the database will give back.
        entry.At = new DateTimeOffset(entry.At.UtcTicks - (entry.At.UtcTicks % 10), TimeSpan.Zero);
        entry.PreviousHash = previous;
        entry.Hash = Compute(entry);
        return entry.Hash;
    }

    /// <summary>The INSERT's head and its columns, from the EF Core model (names, types and value converters), built once per model.</summary>
    private sealed record Insert(string Head, IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping)> Columns)
    {
        private static readonly ConditionalWeakTable<IModel, Insert> Built = [];

        public static Insert Of(CairnDbContext db) => Built.GetValue(db.Model, model =>
        {
            var entity = model.FindEntityType(typeof(AuditEntry))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var columns = entity.GetProperties()
                .Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), Name: p.GetColumnName(table)!))
                .ToList();
            var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
                       + $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))})";
            return new Insert(head, columns.Select(c => (c.Property, c.Mapping)).ToList());
        });
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
