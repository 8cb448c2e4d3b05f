using System.Diagnostics;
using System.Globalization;
using Cairn.Domain.Agencies;
using Cairn.Domain.Escalation;
using Cairn.Domain.Shares;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench.Generation;

/// <summary>
/// Adds Follow Through shares to a generated benchmark database: <c>--shares</c> open shares (default 1,000,000)
/// of which exactly <c>--due</c> (default 10,000) have their next escalation at or before the sweep time and the
/// rest after it. Each share is made by <see cref="Share.Send"/> with due times from the England and Wales working
/// calendar; shares whose receipt clock would already have run out are confirmed received by someone they were
/// for (<see cref="Share.ConfirmReceipt"/>) before it did, so the rest of the open shares wait for action. The sweep
/// time (the moment of generation) is recorded in the audit entry "bench.generate-shares", where the benchmarks
/// read it. Written with <see cref="ModelWriter"/>: shares, their children and their events.
/// </summary>
internal static class SharesGenerator
{
    public const string AuditAction = "bench.generate-shares";
    private const int SharesPerBatch = 20_000;

    private static readonly string[] Subjects =
    [
        "Child present at a domestic incident",
        "Request for information before the strategy discussion",
        "Concerns about school attendance",
        "Missed health appointments",
        "New admission to the school",
        "Referral for early help",
        "Information about a change of address",
        "Minutes of the core group meeting",
    ];

    private static readonly string[] Sentences =
    [
        "Police attended the family home overnight after a call from a neighbour.",
        "The child was present and was seen by officers; no injuries were seen.",
        "Please confirm whether the family is known to your service and what support is in place.",
        "Attendance this half term is 78% with several unexplained absences.",
        "The child has not been brought to the last two appointments.",
        "Mother has given consent for this information to be shared.",
        "Please let me know what you decide and who will be the contact in your team.",
        "The family moved into the area last month and the previous school has sent the file.",
    ];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var path = options.Database;
        var total = options.Number("--shares", 1_000_000);
        var due = options.Number("--due", 10_000);
        if (!File.Exists(path) || due < 1 || total < due)
        {
            await Console.Error.WriteLineAsync("Need an existing --db (run generate first), --due of at least 1 and --shares of at least --due.");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var cancellationToken = CancellationToken.None;
        await using var app = BenchHost.Build(path);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        if (await db.Shares.AnyAsync(cancellationToken))
        {
            await Console.Error.WriteLineAsync($"{path} already has shares: generate the database afresh first.");
            return 2;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY;", cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // The sweep time: now, to the second, so the inboxes (which use the real clock) see the same state.
        var now = clock.GetUtcNow();
        var sweepAt = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var calendar = new WorkingCalendar(EnglandAndWales.BankHolidays);
        var random = new Random(20261124);

        var professionals = await db.Professionals.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Email).ToListAsync(cancellationToken);
        var senders = professionals.Where(p => !p.Has(Role.Administrator)).ToList();
        var byTeam = professionals.Where(p => p.TeamId != null).GroupBy(p => p.TeamId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var byAgency = professionals.GroupBy(p => p.AgencyId).ToDictionary(g => g.Key, g => g.ToList());
        var teams = byTeam.Keys.OrderBy(t => t.Value).ToList();
        var agencies = byAgency.Keys.OrderBy(a => a.Value).ToList();
        var teamAgency = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.AgencyId, cancellationToken);
        var frontDoorTeam = professionals.First(p => p.Has(Role.FrontDoor) && p.TeamId != null).TeamId!.Value;
        var cutoff = DateOnly.FromDateTime(sweepAt.UtcDateTime).AddYears(-18);
        var children = await db.People.AsNoTracking().Where(p => p.DateOfBirth != null && p.DateOfBirth > cutoff)
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        var kinds = Enum.GetValues<ShareKind>();
        int[] days = [1, 2, 3, 5, 5, 5, 10, 10, 15, 20];
        var nextRung = EscalationLadder.Default.After(1)!.After;

        var writer = new ModelWriter(db);
        int written = 0, dueWritten = 0, tries = 0;
        while (written < total)
        {
            var wantDue = dueWritten < due && (long)dueWritten * total <= (long)written * due;
            // Due shares ran out of time in the last working day or so; the rest were sent over the last four weeks.
            var sentAt = sweepAt - TimeSpan.FromMinutes(random.NextDouble() * (wantDue ? 3 : 28) * 24 * 60);
            sentAt = new DateTimeOffset(sentAt.Ticks - sentAt.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            tries++;

            var sender = senders[random.Next(senders.Count)];
            var (recipient, confirmers) = Recipient();
            var urgency = random.NextDouble() switch { < 0.1 => Urgency.Immediate, < 0.25 => Urgency.SameWorkingDay, _ => Urgency.WithinWorkingDays };
            var about = Enumerable.Range(0, random.NextDouble() switch { < 0.8 => 1, < 0.95 => 2, _ => 3 })
                .Select(_ => children[random.Next(children.Count)]).ToList();
            var draft = new ShareDraft(kinds[random.Next(kinds.Length)], recipient, about, urgency,
                urgency == Urgency.WithinWorkingDays ? days[random.Next(days.Length)] : null,
                Subjects[random.Next(Subjects.Length)],
                string.Join(' ', Enumerable.Range(0, 2 + random.Next(4)).Select(_ => Sentences[random.Next(Sentences.Length)])));
            var share = Share.Send(draft, sender.Id, sender.AgencyId, sentAt, calendar).Value
                ?? throw new InvalidOperationException("The generated draft was refused.");

            if (share.NextEscalationAt <= sweepAt)
            {
                // Someone it was for confirmed receipt before the receipt clock ran out.
                var receivedAt = share.ReceiptDueAt - TimeSpan.FromSeconds((int)((share.ReceiptDueAt - share.SentAt).TotalSeconds * random.NextDouble()));
                var by = confirmers[random.Next(confirmers.Count)];
                if (share.ConfirmReceipt(by.Id, by.AgencyId, by.TeamId, share.Version, receivedAt, calendar) is { } refused)
                {
                    throw new InvalidOperationException(refused.ToString());
                }
            }

            var next = share.NextEscalationAt!.Value;
            var isDue = next <= sweepAt;
            // A due share is overdue by less than the gap to the next rung, so one sweep climbs exactly one rung for it.
            if (isDue != wantDue || (isDue && calendar.AddWorkingHours(share.DueAt!.Value, nextRung) <= sweepAt))
            {
                continue;
            }

            writer.Insert(share);
            writer.InsertRange(share.Children);
            writer.InsertRange(share.Events);
            written++;
            dueWritten += isDue ? 1 : 0;
            if (written % SharesPerBatch == 0)
            {
                await writer.CommitAsync();
                Console.Write($"\rShares: {written:N0}");
            }
        }

        await writer.DisposeAsync();
        db.AuditEntries.Add(new AuditEntry
        {
            At = sweepAt,
            Action = AuditAction,
            Outcome = "succeeded",
            Detail = string.Create(CultureInfo.InvariantCulture, $"sweepAt={sweepAt:O};shares={written};due={dueWritten}"),
        });
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        await db.Database.CloseConnectionAsync();

        var counted = await db.Shares.CountAsync(s => s.NextEscalationAt != null && s.NextEscalationAt <= sweepAt, cancellationToken);
        Console.Write('\r');
        Console.WriteLine($"Wrote {written:N0} open shares ({tries:N0} drawn), {counted:N0} due at the sweep time {sweepAt:O}, in {watch.Elapsed.TotalSeconds:F0} s; " +
                          $"{new FileInfo(path).Length / 1048576.0:N0} MiB.");
        return counted == due ? 0 : 1;

        (ShareRecipient Recipient, List<Professional> Confirmers) Recipient()
        {
            var pick = random.NextDouble();
            if (pick < 0.05)
            {
                // The front door (MASH) receives more than any other team.
                return (new ShareRecipient(teamAgency[frontDoorTeam], frontDoorTeam, null), byTeam[frontDoorTeam]);
            }

            if (pick < 0.40)
            {
                var team = teams[random.Next(teams.Count)];
                return (new ShareRecipient(teamAgency[team], team, null), byTeam[team]);
            }

            if (pick < 0.80)
            {
                var named = professionals[random.Next(professionals.Count)];
                return (new ShareRecipient(named.AgencyId, null, named.Id), [named]);
            }

            var agency = agencies[random.Next(agencies.Count)];
            return (new ShareRecipient(agency, null, null), byAgency[agency]);
        }
    }
}
