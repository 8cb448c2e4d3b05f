using System.Diagnostics;
using System.Reflection;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Domain.People;
using Cairn.Domain.Time;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench.Generation;

/// <summary>
/// Adds statutory meetings to a database <c>generate-casework</c> filled (issue #14): <c>--protection</c> children (default 5,000,
/// one in twenty) on child protection plans, each with an initial conference held up to two years ago, core groups every six weeks
/// and review conferences at 3 then every 6 months since; and <c>--looked-after</c> children (default 800) with their looked-after
/// reviews 1..n (20 working days, 3 months, then every 6). Due dates come from the meeting types' own timescales
/// (<see cref="MeetingSchedule"/>) on the bank holiday calendar. Most meetings are held on or before their due date; about 15% late;
/// about 8% of chains stop at a meeting past its due date and not held (overdue, on a rung of the ladder); each chain's next meeting
/// is scheduled; the last held meeting's minutes are unsent in one chain in ten. Meetings are made by <see cref="Meeting.Schedule"/>;
/// the held state is then set on the object directly (holding through the domain needs invitations, attendance and a chair per
/// meeting, which the compliance list never reads). Written with <see cref="ModelWriter"/>.
/// </summary>
internal static class MeetingsGenerator
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var path = options.Database;
        var protection = options.Number("--protection", 5_000);
        var lookedAfter = options.Number("--looked-after", 800);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync("Need an existing --db: run generate and generate-casework first.");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        await using var app = BenchHost.Build(path);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await db.Database.MigrateAsync();
        }

        if (await db.Meetings.AnyAsync())
        {
            await Console.Error.WriteLineAsync($"{path} already has meetings: generate the database afresh first.");
            return 2;
        }

        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var calendar = new WorkingCalendar(EnglandAndWales.BankHolidays);
        var random = new Random(20261208);
        var children = await db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Child).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var allocated = await db.Involvements.AsNoTracking().Where(i => i.Role == InvolvementRole.AllocatedSocialWorker && i.EndedOn == null)
            .Select(i => new { i.ChildId, i.ProfessionalId }).ToListAsync();
        var workerOf = allocated.GroupBy(a => a.ChildId).ToDictionary(g => g.Key, g => g.First().ProfessionalId);
        var social = await db.Agencies.AsNoTracking().Where(a => a.Kind == AgencyKind.ChildrensSocialCare).Select(a => a.Id).ToListAsync();
        var socialWorkers = await db.Professionals.AsNoTracking()
            .Where(p => p.IsActive && social.Contains(p.AgencyId) && p.JobTitle == "Social worker").Select(p => p.Id).ToListAsync();

        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY;");
        var writer = new ModelWriter(db);
        var made = new Counts();
        var step = Math.Max(1, children.Count / Math.Max(1, protection));
        for (var i = 0; i < protection && i * step < children.Count; i++)
        {
            var child = children[i * step];
            var owner = workerOf.GetValueOrDefault(child, socialWorkers[random.Next(socialWorkers.Count)]);
            var started = today.AddDays(-random.Next(30, 730));
            var initial = Chain(writer, child, owner, MeetingKind.InitialChildProtectionConference, MeetingTrigger.Section47Enquiry, started, 1,
                calendar, today, now, random, made);
            if (initial is { } held)
            {
                Chain(writer, child, owner, MeetingKind.CoreGroup, MeetingTrigger.PreviousMeeting, held, int.MaxValue, calendar, today, now, random,
                    made);
                Chain(writer, child, owner, MeetingKind.ReviewChildProtectionConference, MeetingTrigger.PreviousMeeting, held, int.MaxValue, calendar,
                    today, now, random, made);
            }

            if ((i + 1) % 1_000 == 0)
            {
                await writer.CommitAsync();
                Console.Write($"\rChild protection: {i + 1:N0} children, {made.Meetings:N0} meetings");
            }
        }

        var offset = step / 2;
        var laStep = Math.Max(1, children.Count / Math.Max(1, lookedAfter));
        for (var i = 0; i < lookedAfter && offset + i * laStep < children.Count; i++)
        {
            var child = children[offset + i * laStep];
            var owner = workerOf.GetValueOrDefault(child, socialWorkers[random.Next(socialWorkers.Count)]);
            Chain(writer, child, owner, MeetingKind.LookedAfterReview, MeetingTrigger.BecameLookedAfter, today.AddDays(-random.Next(20, 1_100)),
                int.MaxValue, calendar, today, now, random, made);
        }

        await writer.CommitAsync();
        Console.WriteLine($"\rMeetings: {made.Meetings:N0} ({made.Held:N0} held, {made.Late:N0} of them late; {made.Overdue:N0} overdue, "
                          + $"{made.Upcoming:N0} scheduled ahead; {made.MinutesUnsent:N0} minutes unsent)");
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        Console.WriteLine($"Meetings generated in {watch.Elapsed.TotalSeconds:N0} s.");
        return 0;
    }

    private sealed class Counts
    {
        public int Meetings { get; set; }
        public int Held { get; set; }
        public int Late { get; set; }
        public int Overdue { get; set; }
        public int Upcoming { get; set; }
        public int MinutesUnsent { get; set; }
    }

    /// <summary>
    /// One chain of a kind of meeting from its trigger: held one after another (up to <paramref name="most"/>) until one falls due
    /// after today (left scheduled) or is left overdue. Returns the day the first was held, or null when it was not.
    /// </summary>
    private static DateOnly? Chain(ModelWriter writer, PersonId child, ProfessionalId owner, MeetingKind kind, MeetingTrigger trigger,
        DateOnly from, int most, WorkingCalendar calendar, DateOnly today, DateTimeOffset now, Random random, Counts made)
    {
        var type = MeetingTypes.Of(kind);
        var chain = Guid.CreateVersion7();
        DateOnly? first = null;
        Meeting? lastHeld = null;
        var timescale = type.FirstDue!;
        for (var number = 1; number <= most; number++)
        {
            var due = MeetingSchedule.DueAfter(timescale, from, calendar.CloseOf(from), calendar);
            var meeting = Meeting.Schedule(child, kind, number, trigger, chain, from, due, owner, null, now);
            made.Meetings++;
            var overdue = due.DueOn < today && random.NextDouble() < 0.03;
            if (due.DueOn >= today || overdue)
            {
                if (overdue)
                {
                    Set(meeting, nameof(Meeting.EscalationLevel), Math.Min(4, 1 + (today.DayNumber - due.DueOn.DayNumber) / 7));
                    made.Overdue++;
                }
                else
                {
                    made.Upcoming++;
                }

                Write(writer, meeting);
                break;
            }

            var late = random.NextDouble() < 0.15;
            var heldOn = late ? due.DueOn.AddDays(random.Next(1, 15)) : due.DueOn.AddDays(-random.Next(0, 5));
            if (heldOn >= today)
            {
                heldOn = today.AddDays(-1);
            }

            var minutesDue = calendar.AddWorkingDays(heldOn, type.MinutesWithin.Amount);
            Set(meeting, nameof(Meeting.Status), MeetingStatus.Held);
            Set(meeting, nameof(Meeting.HeldOn), heldOn);
            Set(meeting, nameof(Meeting.MinutesDueOn), minutesDue);
            Set(meeting, nameof(Meeting.MinutesDueAt), calendar.CloseOf(minutesDue));
            Set(meeting, nameof(Meeting.MinutesStatus), MinutesStatus.Sent);
            Set(meeting, nameof(Meeting.MinutesSentAt), calendar.CloseOf(minutesDue).AddDays(-1));
            Set(meeting, nameof(Meeting.NextEscalationAt), null);
            made.Held++;
            made.Late += late ? 1 : 0;
            first ??= heldOn;
            Write(writer, lastHeld);
            lastHeld = meeting;
            from = heldOn;
            if (MeetingSchedule.Following(type, number) is not { } next)
            {
                break;
            }

            timescale = next;
        }

        // The last meeting held has its minutes still in draft in one chain in ten (overdue once their due date has passed).
        if (lastHeld is not null && random.NextDouble() < 0.1)
        {
            Set(lastHeld, nameof(Meeting.MinutesStatus), MinutesStatus.Draft);
            Set(lastHeld, nameof(Meeting.MinutesSentAt), null);
            made.MinutesUnsent++;
        }

        Write(writer, lastHeld);

        return first;
    }

    private static void Write(ModelWriter writer, Meeting? meeting)
    {
        if (meeting is not null)
        {
            writer.Insert(meeting);
            writer.InsertRange(meeting.Events);
        }
    }

    private static void Set(Meeting meeting, string property, object? value) =>
        typeof(Meeting).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(meeting, value);
}
