using System.Diagnostics;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.People;
using Cairn.Domain.Time;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench.Generation;

/// <summary>
/// Adds casework to a generated benchmark database (issue #13): for every child (up to <c>--children</c>), <c>--plans</c>
/// plans (default 5) and <c>--assessments</c> assessments (default 10), each made by the domain's own methods with dates
/// spread over the last three years. A new team, "Locality Team (40)", of 40 social workers and their manager is added;
/// each worker is allocated 18 children and owns the actions of those children's plans, a share of them overdue, so the
/// manager's "overdue actions" list has a realistic size. Written with <see cref="ModelWriter"/>.
/// </summary>
internal static class CaseworkGenerator
{
    public const string TeamName = "Locality Team (40)";
    public const int TeamWorkers = 40;
    public const int ChildrenPerWorker = 18;

    private static readonly PlanType[] PlanTypes = [PlanType.ChildInNeed, PlanType.ChildProtection, PlanType.EarlyHelp, PlanType.Care, PlanType.Pathway];

    private static readonly AssessmentType[] AssessmentKinds =
    [
        AssessmentType.ChildAndFamily, AssessmentType.ChildAndFamily, AssessmentType.Risk, AssessmentType.InitialHealth, AssessmentType.ReviewHealth,
        AssessmentType.ReturnHomeInterview, AssessmentType.OtherAgency, AssessmentType.ChildAndFamily, AssessmentType.Risk, AssessmentType.OtherAgency,
    ];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var path = options.Database;
        var wanted = options.Number("--children", 100_000);
        var plansEach = options.Number("--plans", 5);
        var assessmentsEach = options.Number("--assessments", 10);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync("Need an existing --db: run generate first.");
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

        if (await db.Plans.AnyAsync() || await db.Teams.AnyAsync(t => t.Name == TeamName))
        {
            await Console.Error.WriteLineAsync($"{path} already has casework: generate the database afresh first.");
            return 2;
        }

        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var calendar = new WorkingCalendar(EnglandAndWales.BankHolidays);
        var random = new Random(20261207);

        var (team, workers) = await AddTeamAsync(db, random);
        var children = await db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Child).OrderBy(p => p.Id).Select(p => p.Id)
            .Take(wanted).ToListAsync();
        var teamChildren = children.Take(TeamWorkers * ChildrenPerWorker).ToList();
        for (var i = 0; i < teamChildren.Count; i++)
        {
            var worker = workers[i / ChildrenPerWorker];
            db.Involvements.Add(new TeamAroundChild(teamChildren[i], [])
                .Add(worker.Id, worker.AgencyId, InvolvementRole.AllocatedSocialWorker, today.AddMonths(-6), true, worker.Id, today).Value!);
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var everyone = await db.Professionals.AsNoTracking().Where(p => p.IsActive && (p.Roles & Role.Administrator) == 0).ToListAsync();
        var social = await db.Agencies.AsNoTracking().Where(a => a.Kind == AgencyKind.ChildrensSocialCare).Select(a => a.Id).ToListAsync();
        var socialWorkers = everyone.Where(p => social.Contains(p.AgencyId) && p.TeamId != team && p.JobTitle == "Social worker").ToList();
        var managers = everyone.Where(p => p.Has(Role.TeamManager) && social.Contains(p.AgencyId)).ToList();
        var agencyOf = everyone.ToDictionary(p => p.Id, p => p.AgencyId);

        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY;");
        var writer = new ModelWriter(db);
        int plans = 0, assessments = 0, actions = 0;
        for (var c = 0; c < children.Count; c++)
        {
            var child = children[c];
            var lead = c < teamChildren.Count ? workers[c / ChildrenPerWorker] : socialWorkers[random.Next(socialWorkers.Count)];
            var manager = managers[random.Next(managers.Count)];
            for (var a = 0; a < assessmentsEach; a++)
            {
                writer.Insert(Assessment(child, AssessmentKinds[a % AssessmentKinds.Length], lead, manager, now, calendar, random, out var events));
                writer.InsertRange(events);
                assessments++;
            }

            for (var p = 0; p < plansEach; p++)
            {
                var plan = Plan(child, PlanTypes[p % PlanTypes.Length], p, lead, everyone, agencyOf, now, today, random);
                writer.Insert(plan);
                writer.InsertRange(plan.Versions);
                if (plan.Current is { } current)
                {
                    var rows = PlanAction.Sync(plan, current, [], calendar, now);
                    if (plan.Status == PlanStatus.Ended)
                    {
                        PlanAction.EndAll(rows);
                    }

                    writer.InsertRange(rows);
                    actions += rows.Count;
                }

                plans++;
            }

            if ((c + 1) % 2_000 == 0)
            {
                await writer.CommitAsync();
                Console.Write($"\rChildren: {c + 1:N0}, plans {plans:N0}, assessments {assessments:N0}, actions {actions:N0}");
            }
        }

        await writer.CommitAsync();
        Console.WriteLine($"\rChildren: {children.Count:N0}, plans {plans:N0}, assessments {assessments:N0}, actions {actions:N0}");
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        Console.WriteLine($"Casework generated in {watch.Elapsed.TotalSeconds:N0} s.");
        return 0;
    }

    /// <summary>A team of 40 social workers with its manager, each with an account (the demo password).</summary>
    private static async Task<(TeamId Team, List<Professional> Workers)> AddTeamAsync(CairnDbContext db, Random random)
    {
        var template = await db.Professionals.AsNoTracking()
            .Where(p => (p.Roles & Role.TeamManager) != 0 && db.Agencies.Any(a => a.Id == p.AgencyId && a.Kind == AgencyKind.ChildrensSocialCare))
            .FirstAsync();
        var hash = await db.Accounts.AsNoTracking().Where(a => a.ProfessionalId == template.Id).Select(a => a.PasswordHash).SingleAsync();
        var team = Team.Create(template.AgencyId, TeamName);
        db.Teams.Add(team);
        Professional Person(string title, Role roles, int n)
        {
            var email = $"locality-{title.ToLowerInvariant().Replace(' ', '-')}.{n}@cairnmoor.example";
            var p = Professional.Create(template.AgencyId, team.Id, $"{Names.Given(random, random.NextDouble() < 0.6)} {Names.Family(random)}", title,
                email, null, roles);
            db.Professionals.Add(p);
            db.Accounts.Add(new Account { ProfessionalId = p.Id, UserName = email, PasswordHash = hash });
            return p;
        }

        team.AssignManager(Person("Team manager", Role.TeamManager, 0).Id);
        var workers = Enumerable.Range(1, TeamWorkers).Select(n => Person("Social worker", Role.Practitioner, n)).ToList();
        await db.SaveChangesAsync();
        return (team.Id, workers);
    }

    private static Assessment Assessment(PersonId child, AssessmentType type, Professional lead, Professional manager, DateTimeOffset now,
        WorkingCalendar calendar, Random random, out IReadOnlyList<AssessmentEvent> events)
    {
        // Started up to three years ago; most completed in 30 days, one in ten still in progress.
        var startedAt = now.AddDays(-random.Next(10, 3 * 365));
        var start = new AssessmentStart
        {
            Type = type,
            Basis = type == AssessmentType.ChildAndFamily ? AssessmentBasis.Section17 : null,
            Name = type == AssessmentType.OtherAgency ? "EHCP needs assessment" : null,
            StartedOn = startedAt.InLondonDate(),
            Lead = lead.Id,
            LeadAgency = lead.AgencyId,
        };
        var assessment = Cairn.Domain.Casework.Assessment.Start(child, start, true, calendar, lead.Id, startedAt).Value!;
        var doneAt = startedAt.AddDays(random.Next(5, 40));
        if (random.NextDouble() < 0.9 && doneAt < now)
        {
            Check(assessment.Update(new AssessmentSections
            {
                VoiceOfChild = "Said they feel safe at home and enjoy football.",
                Health = "Registered with a GP; immunisations up to date.",
                GpInvolved = random.NextDouble() < 0.85,
                Findings = "Needs met with support from school and family.",
                Analysis = "Protective factors outweigh the risks.",
                Recommendations = "Continue the plan and review in three months.",
            }, lead.Id, assessment.Version, doneAt.AddDays(-1)));
            Check(assessment.Submit(assessment.IsOverdue(doneAt.InLondonDate()) ? "Waiting for the health visitor's report." : null, lead.Id,
                assessment.Version, doneAt.AddHours(-1)));
            Check(assessment.Authorise(null, manager.Id, assessment.Version, doneAt));
        }

        events = assessment.Events;
        return assessment;
    }

    private static Plan Plan(PersonId child, PlanType type, int index, Professional lead, List<Professional> everyone,
        Dictionary<ProfessionalId, AgencyId> agencyOf, DateTimeOffset now, DateOnly today, Random random)
    {
        // The first three plans ended long ago; the last two are in force, the last with a revision being drafted.
        var createdAt = now.AddDays(-(index < 3 ? 400 + random.Next(600) : 30 + random.Next(300)));
        Professional Owner() => random.NextDouble() < 0.5 ? lead : everyone[random.Next(everyone.Count)];
        PlannedActionDraft Action(string what) => new()
        {
            What = what,
            Owner = Owner().Id,
            // In force: due from two months ago to four months ahead, about a third overdue. Ended: due while it ran.
            DueOn = index < 3 ? createdAt.InLondonDate().AddDays(random.Next(10, 150)) : today.AddDays(random.Next(-60, 120)),
        };
        var plan = Cairn.Domain.Casework.Plan.Start(child, type, type == PlanType.ChildProtection ? ChildProtectionCategory.Neglect : null, lead.Id,
        [
            new PlanSectionDraft
            {
                Kind = PlanSectionKind.Outcome, Title = "Goes to school every day", Text = "Attendance has been below 80% this term.",
                Actions = [Action("Meet the family about morning routines"), Action("Review attendance with the school")],
            },
            new PlanSectionDraft { Kind = PlanSectionKind.ChildsView, Text = "I like my teacher but mornings are hard." },
            new PlanSectionDraft { Kind = PlanSectionKind.FamilysView, Text = "We want help getting out of the house on time." },
        ], p => agencyOf.TryGetValue(p, out var a) ? a : null, lead.Id, createdAt).Value!;
        Check(plan.Agree(createdAt.InLondonDate(), "Planning meeting", lead.Id, plan.Version, createdAt.AddHours(2)));
        if (index < 3)
        {
            Check(plan.End(createdAt.InLondonDate().AddDays(180), "Outcomes met: the plan is no longer needed", plan.Version, createdAt.AddDays(180)));
        }
        else if (index >= 4)
        {
            Check(plan.Revise(_ => null, lead.Id, plan.Version, now.AddDays(-2)));
        }

        return plan;
    }


    private static DateOnly InLondonDate(this DateTimeOffset instant) => instant.InLondon();

    private static void Check(Refusal? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"The generated casework was refused: {string.Join("; ", refusal.Errors.Select(e => e.Message))}");
        }
    }
}
