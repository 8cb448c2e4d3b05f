using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Meetings;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Compliance;

/// <summary>The kinds of statutory step on the compliance list.</summary>
public enum StepKind
{
    /// <summary>A statutory meeting due and not held (a conference, core group, looked-after review…).</summary>
    Meeting = 1,
    /// <summary>A held meeting whose minutes are not yet confirmed and sent.</summary>
    Minutes = 2,
    /// <summary>An assessment with a statutory due date, not yet authorised.</summary>
    Assessment = 3,
    /// <summary>An action of a plan in force, not done.</summary>
    PlanAction = 4,
    /// <summary>A care plan due for a looked-after child (T15: 10 working days after they became looked after), not yet agreed.</summary>
    CarePlan = 5,
}

/// <summary>One step due or overdue: what, about whom, whose, by when, and how far up the escalation ladder it has climbed (L16).</summary>
public sealed record ComplianceItem(StepKind Kind, Guid Id, string Href, PersonId ChildId, string Child, string Step, ProfessionalId OwnerId,
    string Owner, DateOnly DueOn, bool Overdue, int DaysOverdue, int EscalationLevel);

/// <summary>How many steps of a kind are due (within <see cref="ComplianceStepsHandler.DueSoonDays"/> days, today included) and overdue.</summary>
public sealed record ComplianceCount(StepKind Kind, string Name, int Due, int Overdue);

/// <summary>One page of a compliance list, oldest due date first, with the total and the counts by kind of step.</summary>
public sealed record CompliancePage(ComplianceReach Reach, string Scope, DateOnly Today, int Total, int Page, int PageSize,
    IReadOnlyList<ComplianceItem> Items, IReadOnlyList<ComplianceCount> Counts)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>On a child's page: the outcomes of their plan the last two meetings did not review (L22); elsewhere empty.</summary>
    public IReadOnlyList<UnreviewedOutcome> UnreviewedOutcomes { get; init; } = [];
}

/// <summary>What the list shows: a kind of step or all, and a page (1-based).</summary>
public sealed record ComplianceFilter(StepKind? Kind, int Page);

/// <summary>
/// The statutory steps due or overdue in a scope (L16): statutory meetings due and not held, minutes not sent, assessments not
/// authorised, care plans not agreed (T15) and actions of plans in force not done, oldest due date first. "Due" means due within the next
/// <see cref="DueSoonDays"/> days (today included); "overdue" means past the due date. A child's own view lists every open step
/// whatever its date. Each kind is counted and read from its own index by due date, taking only as many rows as the page
/// needs from each before merging, so a page costs the same however many steps there are; names are read for the page only.
/// </summary>
public sealed class ComplianceStepsHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, ComplianceCounts kept)
{
    public const int PageSize = 25;
    public const int DueSoonDays = 28;
    public const string ListAction = "compliance.list";

    private static readonly MeetingKind[] Statutory = MeetingTypes.All.Where(t => t.Statutory).Select(t => t.Kind).ToArray();

    public static string NameOf(StepKind kind) => kind switch
    {
        StepKind.Meeting => "Meetings",
        StepKind.Minutes => "Minutes to send",
        StepKind.Assessment => "Assessments",
        StepKind.PlanAction => "Plan actions",
        StepKind.CarePlan => "Care plans",
        _ => kind.ToString(),
    };

    /// <summary>Why a page number cannot be shown, or null when it can: pages start at 1 and end at the last.</summary>
    public static string? PageProblem(int page, int pages) => page < 1
        ? "The page number must be 1 or more"
        : page > pages
            ? $"There is no page {page}: there {(pages == 1 ? "is 1 page" : $"are {pages} pages")}"
            : null;

    /// <summary>A page number from a query string: null (the first page) when absent, -1 when it is not a whole number.</summary>
    public static int ParsePage(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 1 : int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;

    /// <summary>
    /// The counts and one page of the scope's steps; refused when the page does not exist. Every child on the page is audited as
    /// read on a compliance list, once a day for each viewer: a list looked at again the same day adds no audit rows.
    /// </summary>
    public async Task<Handled<CompliancePage>> HandleAsync(ComplianceScope scope, ComplianceFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Page < 1)
        {
            return Refusal.Of("page", PageProblem(filter.Page, 1)!);
        }

        var today = clock.Today();
        DateOnly? horizon = scope.Reach == ComplianceReach.Child ? null : today.AddDays(DueSoonDays - 1);
        var sources = Sources(scope, horizon);
        var counts = new List<ComplianceCount>();
        foreach (var (kind, source) in sources)
        {
            var (all, overdue) = await CountAsync(scope, kind, source, today, cancellationToken);
            counts.Add(new ComplianceCount(kind, NameOf(kind), all - overdue, overdue));
        }

        var chosen = sources.Where(s => filter.Kind is null || s.Kind == filter.Kind).ToList();
        var total = counts.Where(c => chosen.Any(s => s.Kind == c.Kind)).Sum(c => c.Due + c.Overdue);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (PageProblem(filter.Page, pages) is { } problem)
        {
            return Refusal.Of("page", problem);
        }

        var wanted = filter.Page * PageSize;
        var rows = new List<StepRow>();
        foreach (var part in chosen.SelectMany(s => s.Source.Parts))
        {
            rows.AddRange(await part(wanted, cancellationToken));
        }

        var page = rows.OrderBy(r => r.DueOn).ThenBy(r => r.Kind).ThenBy(r => r.Part).ThenBy(r => r.Rank)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize).ToList();
        var items = await DescribeAsync(page, today, cancellationToken);
        if (scope.Reach != ComplianceReach.Child)
        {
            await AuditOncePerDayAsync(items.Select(i => i.ChildId).Distinct().ToList(), cancellationToken);
        }

        return new CompliancePage(scope.Reach, scope.Name, today, total, filter.Page, PageSize, items, counts);
    }

    /// <summary>
    /// A step's row as read from its table: enough to order, page and then describe it. <see cref="Part"/> is which of its kind's
    /// queries read it (one per status) and <see cref="Rank"/> its place in that query's order by due date then id, so the page
    /// is cut from one total order (due date, kind, part, rank) that agrees with every query's own.
    /// </summary>
    private sealed record StepRow(StepKind Kind, Guid Id, PersonId ChildId, ProfessionalId OwnerId, DateOnly DueOn, int EscalationLevel)
    {
        public int Part { get; init; }
        public int Rank { get; init; }
    }

    /// <summary>One kind of step: its counts (all, overdue) in one pass, and its first rows by due date from each of its parts.</summary>
    private sealed record Source(Func<DateOnly, CancellationToken, Task<(int All, int Overdue)>> Count,
        IReadOnlyList<Func<int, CancellationToken, Task<List<StepRow>>>> Parts);

    private List<(StepKind Kind, Source Source)> Sources(ComplianceScope scope, DateOnly? horizon)
    {
        var last = horizon ?? DateOnly.MaxValue;
        var meetings = db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Scheduled && m.DueOn != null && m.DueOn <= last && Statutory.Contains(m.Kind))
            .Where(scope.Over<Meeting>(m => m.ChildId, m => m.OwnerId));
        var minutes = db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Held && m.MinutesStatus < MinutesStatus.Sent && m.MinutesDueOn != null && m.MinutesDueOn <= last)
            .Where(scope.Over<Meeting>(m => m.ChildId, m => m.OwnerId));
        var assessments = db.Assessments.AsNoTracking()
            .Where(a => a.Status != AssessmentStatus.Authorised && a.DueOn != null && a.DueOn <= last)
            .Where(scope.Over<Assessment>(a => a.ChildId, a => a.LeadId));
        // "InForce = @inForce", not "InForce" alone: SQLite then seeks an index on (InForce, Status, DueOn) instead of skip-scanning it.
        var inForce = true;
        var actions = db.PlanActions.AsNoTracking()
            .Where(a => a.InForce == inForce && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress)
                        && a.DueOn <= last)
            .Where(scope.Over<PlanAction>(a => a.ChildId, a => a.OwnerId));
        var carePlans = db.CarePlansDue.AsNoTracking()
            .Where(c => c.Status == CarePlanDueStatus.Open && c.DueOn <= last)
            .Where(scope.Over<CarePlanDue>(c => c.ChildId, c => c.OwnerId));
        return
        [
            (StepKind.Meeting, new Source(
                async (today, ct) => Pair(await meetings.GroupBy(_ => 1)
                    .Select(g => new { All = g.Count(), Overdue = g.Count(m => m.DueOn < today) }).FirstOrDefaultAsync(ct), x => (x.All, x.Overdue)),
                [
                    async (n, ct) => Ranked(StepKind.Meeting, 0, await meetings.OrderBy(m => m.DueOn).ThenBy(m => m.Id).Take(n)
                        .Select(m => new StepRow(StepKind.Meeting, m.Id.Value, m.ChildId, m.OwnerId, m.DueOn!.Value, m.EscalationLevel))
                        .ToListAsync(ct)),
                ])),
            (StepKind.Minutes, new Source(
                async (today, ct) => Pair(await minutes.GroupBy(_ => 1)
                    .Select(g => new { All = g.Count(), Overdue = g.Count(m => m.MinutesDueOn < today) }).FirstOrDefaultAsync(ct),
                    x => (x.All, x.Overdue)),
                [
                    async (n, ct) => Ranked(StepKind.Minutes, 0, await minutes.OrderBy(m => m.MinutesDueOn).ThenBy(m => m.Id).Take(n)
                        .Select(m => new StepRow(StepKind.Minutes, m.Id.Value, m.ChildId, m.OwnerId, m.MinutesDueOn!.Value, m.EscalationLevel))
                        .ToListAsync(ct)),
                ])),
            (StepKind.Assessment, new Source(
                async (today, ct) => Pair(await assessments.GroupBy(_ => 1)
                    .Select(g => new { All = g.Count(), Overdue = g.Count(a => a.DueOn < today) }).FirstOrDefaultAsync(ct), x => (x.All, x.Overdue)),
                [.. new[] { AssessmentStatus.InProgress, AssessmentStatus.AwaitingAuthorisation }.Select((status, part) =>
                    (Func<int, CancellationToken, Task<List<StepRow>>>)(async (n, ct) => Ranked(StepKind.Assessment, part, await assessments
                        .Where(a => a.Status == status).OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(n)
                        .Select(a => new StepRow(StepKind.Assessment, a.Id.Value, a.ChildId, a.LeadId, a.DueOn!.Value, a.EscalationLevel))
                        .ToListAsync(ct))))])),
            (StepKind.PlanAction, new Source(
                async (today, ct) => Pair(await actions.GroupBy(_ => 1)
                    .Select(g => new { All = g.Count(), Overdue = g.Count(a => a.DueOn < today) }).FirstOrDefaultAsync(ct), x => (x.All, x.Overdue)),
                [.. new[] { PlanActionStatus.NotStarted, PlanActionStatus.InProgress }.Select((status, part) =>
                    (Func<int, CancellationToken, Task<List<StepRow>>>)(async (n, ct) => Ranked(StepKind.PlanAction, part, await actions
                        .Where(a => a.Status == status).OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(n)
                        .Select(a => new StepRow(StepKind.PlanAction, a.Id.Value, a.ChildId, a.OwnerId, a.DueOn, a.EscalationLevel))
                        .ToListAsync(ct))))])),
            (StepKind.CarePlan, new Source(
                async (today, ct) => Pair(await carePlans.GroupBy(_ => 1)
                    .Select(g => new { All = g.Count(), Overdue = g.Count(c => c.DueOn < today) }).FirstOrDefaultAsync(ct), x => (x.All, x.Overdue)),
                [
                    async (n, ct) => Ranked(StepKind.CarePlan, 0, await carePlans.OrderBy(c => c.DueOn).ThenBy(c => c.Id).Take(n)
                        .Select(c => new StepRow(StepKind.CarePlan, c.Id.Value, c.ChildId, c.OwnerId, c.DueOn, c.EscalationLevel))
                        .ToListAsync(ct)),
                ])),
        ];
    }

    /// <summary>A kind's counts: the area's large counts may be a minute old (<see cref="ComplianceCounts"/>), any other is exact.</summary>
    private async Task<(int All, int Overdue)> CountAsync(ComplianceScope scope, StepKind kind, Source source, DateOnly today,
        CancellationToken cancellationToken)
    {
        if (scope.Reach != ComplianceReach.Area)
        {
            return await source.Count(today, cancellationToken);
        }

        var area = user.AreaId;
        if (kept.Find(area, kind, today, clock.GetUtcNow()) is { } found)
        {
            return found;
        }

        var counted = await source.Count(today, cancellationToken);
        kept.Keep(area, kind, today, counted, clock.GetUtcNow());
        return counted;
    }

    private static (int All, int Overdue) Pair<T>(T? counted, Func<T, (int, int)> read)
        where T : class => counted is null ? (0, 0) : read(counted);

    private static List<StepRow> Ranked(StepKind kind, int part, List<StepRow> rows) =>
        rows.Select((r, i) => r with { Kind = kind, Part = part, Rank = i }).ToList();

    /// <summary>Names and words for the page's rows only.</summary>
    private async Task<List<ComplianceItem>> DescribeAsync(List<StepRow> page, DateOnly today, CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            return [];
        }

        var children = page.Select(r => r.ChildId).Distinct().ToList();
        var owners = page.Select(r => r.OwnerId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => EF.Parameter(children).Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName })
            .ToDictionaryAsync(p => p.Id, p => $"{p.GivenName} {p.FamilyName}", cancellationToken);
        var ownerNames = await db.Professionals.AsNoTracking().Where(p => EF.Parameter(owners).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var meetingIds = page.Where(r => r.Kind is StepKind.Meeting or StepKind.Minutes).Select(r => new MeetingId(r.Id)).ToList();
        var meetings = meetingIds.Count == 0
            ? []
            : await db.Meetings.AsNoTracking().Where(m => EF.Parameter(meetingIds).Contains(m.Id))
                .Select(m => new { m.Id, m.Kind, m.Number })
                .ToDictionaryAsync(m => m.Id.Value, m => MeetingName(m.Kind, m.Number), cancellationToken);
        var assessmentIds = page.Where(r => r.Kind == StepKind.Assessment).Select(r => new AssessmentId(r.Id)).ToList();
        var assessments = assessmentIds.Count == 0
            ? []
            : (await db.Assessments.AsNoTracking().Where(a => EF.Parameter(assessmentIds).Contains(a.Id))
                .Select(a => new { a.Id, a.Type, a.Name }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id.Value,
                a => (a.Type == AssessmentType.OtherAgency && a.Name is { } n ? n : AssessmentTypes.Of(a.Type).Name) + " assessment");
        var actionIds = page.Where(r => r.Kind == StepKind.PlanAction).Select(r => new PlanActionId(r.Id)).ToList();
        var actions = actionIds.Count == 0
            ? []
            : await db.PlanActions.AsNoTracking().Where(a => EF.Parameter(actionIds).Contains(a.Id))
                .ToDictionaryAsync(a => a.Id.Value, a => a.What, cancellationToken);
        return page.Select(r => new ComplianceItem(r.Kind, r.Id, Href(r.Kind, r.Id, r.ChildId), r.ChildId, names.GetValueOrDefault(r.ChildId, ""),
                r.Kind switch
                {
                    StepKind.Meeting => meetings.GetValueOrDefault(r.Id, "Meeting"),
                    StepKind.Minutes => "Minutes of the " + meetings.GetValueOrDefault(r.Id, "meeting").ToLowerInvariant(),
                    StepKind.Assessment => assessments.GetValueOrDefault(r.Id, "Assessment"),
                    StepKind.CarePlan => "Care plan (10 working days after becoming looked after)",
                    _ => "Plan action: " + actions.GetValueOrDefault(r.Id, ""),
                },
                r.OwnerId, ownerNames.GetValueOrDefault(r.OwnerId, ""), r.DueOn, r.DueOn < today, Math.Max(0, today.DayNumber - r.DueOn.DayNumber),
                r.EscalationLevel))
            .ToList();
    }

    public static string MeetingName(MeetingKind kind, int number) =>
        MeetingTypes.Of(kind).Name + (kind is MeetingKind.CoreGroup or MeetingKind.ReviewChildProtectionConference or MeetingKind.LookedAfterReview
            ? $" ({number})"
            : "");

    private static string Href(StepKind kind, Guid id, PersonId child) => kind switch
    {
        StepKind.Meeting or StepKind.Minutes => $"/meetings/{id}",
        StepKind.Assessment => $"/assessments/{id}",
        StepKind.CarePlan => $"/people/{child.Value}/plans",
        _ => $"/plan-actions/{id}",
    };

    /// <summary>
    /// Audits each child on the page as seen on a compliance list by this viewer, once a London day: the same list paged through
    /// or reloaded that day adds nothing (a look-up by the audit log's person index instead of a chained write per child per view).
    /// </summary>
    private async Task AuditOncePerDayAsync(List<PersonId> children, CancellationToken cancellationToken)
    {
        if (children.Count == 0)
        {
            return;
        }

        var me = user.ProfessionalId.Value;
        var since = Clock.FromLondon(clock.Today().ToDateTime(TimeOnly.MinValue));
        var ids = children.Select(c => (Guid?)c.Value).ToList();
        var seen = await db.AuditEntries.AsNoTracking()
            .Where(e => EF.Parameter(ids).Contains(e.PersonId) && e.ActorId == me && e.Action == ListAction && e.At >= since)
            .Select(e => e.PersonId).Distinct().ToListAsync(cancellationToken);
        var fresh = children.Where(c => !seen.Contains(c.Value)).ToList();
        foreach (var child in fresh)
        {
            audit.Record(ListAction, child, "person", child.Value, "allowed");
        }

        if (fresh.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
