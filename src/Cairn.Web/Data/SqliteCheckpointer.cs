using Microsoft.Data.Sqlite;

namespace Cairn.Web.Data;

/// <summary>
/// Checkpoints the SQLite write-ahead log in the background (SQLite only): every few seconds
/// (<c>Cairn:Sqlite:CheckpointSeconds</c>, default 5) a <c>PASSIVE</c> checkpoint copies what it can back into the
/// database file without waiting for anyone, and when the log file has grown past
/// <c>Cairn:Sqlite:TruncateWalMegabytes</c> (default 64) a <c>TRUNCATE</c> checkpoint waits (up to five seconds) for
/// readers and writers to finish, copies everything and empties the log.
/// </summary>
/// <remarks>
/// While it runs, the app's connections skip SQLite's automatic checkpoint (see <see cref="SqlitePragmas"/>), so no
/// request or sweep pays for copying pages on commit. The log cannot grow without bound: a passive checkpoint copies
/// every page no open read still needs, each truncating one empties it, and if this service stops (or is switched off
/// with <c>CheckpointSeconds</c> 0) connections opened afterwards checkpoint automatically again. What can still make
/// it grow is a read held open for minutes, which no checkpoint of any kind can get past.
/// </remarks>
public sealed class SqliteCheckpointer(DatabaseOptions options, IConfiguration configuration, ILogger<SqliteCheckpointer> log) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _stopped;
    private SqliteConnection? _connection;
    private int _deferred;
    private IDisposable? _registration;
    private string _file = "";

    public TimeSpan Interval { get; } = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Cairn:Sqlite:CheckpointSeconds", 5)));

    public long TruncateBytes { get; } = Math.Max(1, configuration.GetValue("Cairn:Sqlite:TruncateWalMegabytes", 64L)) * 1024 * 1024;

    /// <summary>
    /// Holds checkpoints back while a bulk write (the escalation sweep) runs, so its own pages are not copied while it
    /// is still writing them, both competing for the disk; the next tick after it copies them all. A log past four
    /// times the truncating size is checkpointed regardless.
    /// </summary>
    public IDisposable Defer()
    {
        Interlocked.Increment(ref _deferred);
        return new Deferral(this);
    }

    /// <summary>Whether the app should run one: SQLite, with background checkpoints not switched off.</summary>
    public static bool Wanted(DatabaseOptions options, IConfiguration configuration) =>
        options.Provider == DatabaseProvider.Sqlite && configuration.GetValue("Cairn:Sqlite:CheckpointSeconds", 5) > 0;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Registered before anything else starts, so connections opened from now on leave checkpoints to this.
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ToString());
        await _connection.OpenAsync(cancellationToken);
        _file = _connection.DataSource;
        if (!string.IsNullOrEmpty(_file))
        {
            _registration = SqlitePragmas.CheckpointInBackground(_file);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_registration is null)
        {
            return;
        }

        // Real time, not the app's clock: this is about the file, not about working days.
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Tried again at the next tick; a log that keeps growing is reported by the next truncating attempt.
                log.LogWarning(e, "SQLite checkpoint failed");
            }
        }
    }

    /// <summary>One round: passive, then truncating if the log file is past its size. Returns the log's size before.</summary>
    public async Task<long> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        var wal = new FileInfo(_file + "-wal");
        var size = wal.Exists ? wal.Length : 0;
        if (size == 0 || _connection is null || (Volatile.Read(ref _deferred) > 0 && size <= 4 * TruncateBytes))
        {
            return size;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                return size;
            }

            await RunAsync("PRAGMA wal_checkpoint(PASSIVE);", busyMilliseconds: 0, cancellationToken);
            if (size > TruncateBytes)
            {
                var (busy, logPages, copied) = await RunAsync("PRAGMA wal_checkpoint(TRUNCATE);", busyMilliseconds: 5000, cancellationToken);
                if (busy != 0)
                {
                    log.LogWarning(
                        "SQLite write-ahead log is {Megabytes} MB and could not be emptied ({Copied} of {Pages} pages copied): "
                        + "a read or write held it",
                        size / (1024 * 1024), copied, logPages);
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        return size;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host can be stopped again after it was disposed (WebApplicationFactory does): only the first stop counts.
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        // Connections opened from now on checkpoint by themselves again.
        _registration?.Dispose();
        await base.StopAsync(cancellationToken);
        // One checkpoint at a time on the one connection: a round the loop began may still be finishing if the host's
        // stop token ran out first. The last passive checkpoint never waits for anyone, so it is not cancelled: a
        // cancelled command's statement can be torn down under it.
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (_connection is not null)
            {
                try
                {
                    await RunAsync("PRAGMA wal_checkpoint(PASSIVE);", busyMilliseconds: 0, CancellationToken.None);
                }
                catch (Exception e) when (e is SqliteException or ObjectDisposedException or InvalidOperationException)
                {
                    // Whatever it left in the log is copied by the next connection to check point the file.
                    log.LogWarning(e, "SQLite checkpoint at shutdown failed");
                }

                await _connection.DisposeAsync();
                _connection = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        _registration?.Dispose();
        // Not while a checkpoint is running on it: a host may be disposed while its first stop is still finishing.
        _gate.Wait();
        try
        {
            _connection?.Dispose();
            _connection = null;
        }
        finally
        {
            _gate.Release();
        }

        base.Dispose();
    }

    private sealed class Deferral(SqliteCheckpointer owner) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Decrement(ref owner._deferred);
            }
        }
    }

    private async Task<(long Busy, long LogPages, long Copied)> RunAsync(string pragma, int busyMilliseconds, CancellationToken cancellationToken)
    {
        await using (var timeout = _connection!.CreateCommand())
        {
            // How long a truncating checkpoint waits for readers and writers; a passive one never waits.
            timeout.CommandText = $"PRAGMA busy_timeout={busyMilliseconds};";
            await timeout.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = _connection.CreateCommand();
        command.CommandText = pragma;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)) : (0, 0, 0);
    }
}
