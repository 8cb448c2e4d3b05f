using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cairn.Web.Data;

/// <summary>
/// SQLite settings per connection: write-ahead logging lets pages read while another request writes;
/// synchronous=NORMAL is durable in WAL mode except on power loss mid-checkpoint; a busy timeout makes
/// writers queue instead of failing.
/// </summary>
/// <remarks>
/// While a <see cref="SqliteCheckpointer"/> runs for a database file, its connections do not checkpoint when they
/// commit (<c>wal_autocheckpoint=0</c>): the checkpointer copies the log back into the file in the background instead
/// of whichever request or sweep happens to commit past 1,000 pages (for the escalation sweep that was 350-450 ms of
/// its second, issue #3). For any other file, or once the checkpointer has stopped, connections keep SQLite's own
/// automatic checkpoint, so the log never grows without something to empty it. <c>journal_size_limit</c> shrinks
/// the log file back to 64 MB whenever a checkpoint lets it start again from the beginning.
/// </remarks>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Common = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; " +
                                  "PRAGMA journal_size_limit=67108864;";

    /// <summary>Database files (as SQLite names them) a background checkpointer is running for, with how many.</summary>
    private static readonly ConcurrentDictionary<string, int> Checkpointed = new(StringComparer.Ordinal);

    /// <summary>From now on, connections to <paramref name="file"/> leave checkpoints to the caller until the returned object is disposed.</summary>
    public static IDisposable CheckpointInBackground(string file)
    {
        Checkpointed.AddOrUpdate(file, 1, (_, n) => n + 1);
        return new Release(file);
    }

    public static bool IsCheckpointedInBackground(string file) => Checkpointed.TryGetValue(file, out var n) && n > 0;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        // The setting is per connection, and a pooled connection is opened again for each unit of work, so it follows
        // the checkpointer starting and stopping.
        var autocheckpoint = IsCheckpointedInBackground(connection.DataSource) ? 0 : 1000;
        command.CommandText = $"{Common} PRAGMA wal_autocheckpoint={autocheckpoint};";
        command.ExecuteNonQuery();
    }

    private sealed class Release(string file) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Checkpointed.AddOrUpdate(file, 0, (_, n) => n - 1);
            }
        }
    }
}
