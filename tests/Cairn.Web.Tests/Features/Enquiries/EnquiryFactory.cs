using System.Data.Common;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Time;
using Cairn.Web.Data;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Enquiries;

/// <summary>
/// A demo area whose clock stands at 10:00 on the next working Tuesday (from the real date), so the front door's clocks are in
/// working hours and the demo's involvements are current; tests move it on by days to record an outcome after the enquiry
/// started. A hook slips a whole other request in just before the next save that starts an enquiry: the race a check cannot see.
/// </summary>
public sealed class EnquiryFactory : CairnFactory
{
    public static readonly DateTimeOffset TuesdayMorning = NextTuesday();

    public override TestClock Clock { get; } = new(TuesdayMorning);

    public StartInterleaving Interleave { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<CairnDbContext>(o => o.AddInterceptors(Interleave)));
    }

    private static DateTimeOffset NextTuesday()
    {
        var calendar = new WorkingCalendar(EnglandAndWales.BankHolidays);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Tuesday || !calendar.IsWorkingDay(day) || !calendar.IsWorkingDay(day.AddDays(1)))
        {
            day = day.AddDays(1);
        }

        return TestClock.London(day.Year, day.Month, day.Day, 10, 0);
    }

    /// <summary>A child of the test's own, with the demo social worker allocated (so their team manager reaches the child too).</summary>
    public Task<PersonId> ChildAsync() =>
        this.PersonAsync("Enquiry" + Tag(), "Child" + Tag(), DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-7), involved: Accounts.SocialWorker);

    /// <summary>
    /// A strategy discussion about the child, held <paramref name="daysAgo"/> days before the factory's clock (or still to hold),
    /// deciding for or against a section 47 enquiry; written through the domain, so the child's legal status is left alone.
    /// </summary>
    public async Task<StrategyDiscussionId> DiscussionAsync(PersonId child, int daysAgo = 2, bool held = true, bool s47 = true)
    {
        var heldAt = Clock.GetUtcNow().AddDays(-daysAgo);
        var discussion = StrategyDiscussion.Require(child, ContactId.New(), heldAt.AddHours(-2), new WorkingCalendar(EnglandAndWales.BankHolidays));
        if (held)
        {
            var by = await this.ProfessionalOfAsync(Accounts.SocialWorker);
            StrategyAttendee[] attendees =
            [
                new("Sam Okoro", AgencyKind.ChildrensSocialCare, "Social worker", by),
                new("DC Chris Barnes", AgencyKind.Police, "Detective constable", null),
                new("Nadia Hussain", AgencyKind.HealthVisiting, "Health visitor", null),
            ];
            Assert.Null(discussion.Record(heldAt, true, attendees, s47, "Joint visit with the police; a child protection medical.", by,
                discussion.Version, heldAt.AddMinutes(30)));
        }

        await WithDbAsync(db =>
        {
            db.StrategyDiscussions.Add(discussion);
            return db.SaveChangesAsync();
        });
        return discussion.Id;
    }

    /// <summary>Records a legal status for the child from <paramref name="daysAgo"/> days ago, as children's social care would have.</summary>
    public async Task LegalStatusAsync(PersonId child, LegalStatusKind kind, int daysAgo = 60)
    {
        var by = await this.ProfessionalOfAsync(Accounts.SocialWorker);
        var now = Clock.GetUtcNow();
        var category = kind == LegalStatusKind.ChildProtectionPlan ? ChildProtectionCategory.Neglect : (ChildProtectionCategory?)null;
        var status = LegalStatus.Change(null, child, kind, category, now.InLondon().AddDays(-daysAgo), "Earlier decision", by, now).Value!;
        await WithDbAsync(db =>
        {
            db.LegalStatuses.Add(status);
            return db.SaveChangesAsync();
        });
    }

    /// <summary>Puts a professional in the team around the child from a week ago.</summary>
    public async Task InvolveAsync(PersonId child, string email, InvolvementRole role)
    {
        var today = Clock.GetUtcNow().InLondon();
        await WithDbAsync(async db =>
        {
            var p = await db.Professionals.SingleAsync(x => x.Email == email);
            db.Involvements.Add(new TeamAroundChild(child, []).Add(p.Id, p.AgencyId, role, today.AddDays(-7), false, p.Id, today).Value!);
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>A team manager of the police (not children's social care), with an account, in the team around the child.</summary>
    public async Task<string> PoliceManagerAsync(PersonId child)
    {
        var email = $"police.manager.{Tag()}@cairnmoor.example";
        await WithDbAsync(async db =>
        {
            var police = await db.Agencies.Where(a => a.Kind == AgencyKind.Police).Select(a => a.Id).FirstAsync();
            var sergeant = Professional.Create(police, null, "Sergeant " + Tag(), "Detective sergeant", email, null, Role.TeamManager);
            db.Professionals.Add(sergeant);
            db.Accounts.Add(new Web.Security.Account
            {
                ProfessionalId = sergeant.Id,
                UserName = email,
                PasswordHash = new PasswordHasher<Web.Security.Account>().HashPassword(new Web.Security.Account(), Web.Demo.DemoSeeder.DemoPassword),
            });
            return await db.SaveChangesAsync();
        });
        await InvolveAsync(child, email, InvolvementRole.PoliceOfficer);
        return email;
    }

    public Task<Section47Enquiry> EnquiryAsync(Guid id) =>
        WithDbAsync(db => db.Section47Enquiries.AsNoTracking().Include(e => e.Events).SingleAsync(e => e.Id == new Section47EnquiryId(id)));

    public Task<LegalStatusKind?> LegalStatusOfAsync(PersonId child) =>
        WithDbAsync(db => db.LegalStatuses.Where(s => s.ChildId == child && s.To == null).Select(s => (LegalStatusKind?)s.Kind).SingleOrDefaultAsync());

    public static string Tag() => Guid.NewGuid().ToString("N")[..6];
}

/// <summary>Runs a write once, when a context that is adding a section 47 enquiry next starts its save's transaction.</summary>
public sealed class StartInterleaving : DbTransactionInterceptor
{
    private Func<Task>? _write;

    public void BeforeNextStart(Func<Task> write) => _write = write;

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _write is not null
            && context.ChangeTracker.Entries<Section47Enquiry>().Any(e => e.State == EntityState.Added)
            && Interlocked.Exchange(ref _write, null) is { } write)
        {
            await write();
        }

        return result;
    }
}
