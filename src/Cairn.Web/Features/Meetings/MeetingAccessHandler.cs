using Cairn.Domain;
using Cairn.Domain.Access;
using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Plans;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings;

/// <summary>What a change to a meeting left: where it stands and the version to send next.</summary>
public sealed record ChangedMeeting(MeetingId Id, PersonId ChildId, MeetingKind Kind, MeetingStatus Status, MinutesStatus MinutesStatus,
    DateOnly? DueOn, int Version, IReadOnlyList<string> FollowOn)
{
    public static ChangedMeeting Of(Meeting m, IReadOnlyList<string>? followOn = null) =>
        new(m.Id, m.ChildId, m.Kind, m.Status, m.MinutesStatus, m.DueOn, m.Version, followOn ?? []);
}

/// <summary>
/// What the meeting slices share (L16, L21): who may read and change a meeting, what is known about a chair, and the one path
/// every change to an existing meeting takes (read, check the child's record may be opened, check the change is the viewer's,
/// change, audit, save or conflict). Anyone who may open the child's record reads its meetings. Statutory meetings are
/// children's social care's to arrange, hold and minute; a team around the family meeting or a professionals' meeting is
/// anyone's who may open the record. Only a team manager may agree to hold a meeting after its due date; only the chair
/// confirms the minutes (the domain checks that).
/// </summary>
public sealed class MeetingAccessHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string RecordType = "meeting";

    /// <summary>The kinds someone arranges by hand (the rest come from their triggers; a conference may also be scheduled by hand).</summary>
    public static readonly MeetingKind[] ByHand =
    [
        MeetingKind.ProfessionalsMeeting, MeetingKind.TeamAroundTheFamily, MeetingKind.ChildInNeedReview, MeetingKind.CarePlanningMeeting,
        MeetingKind.PlacementPlanningMeeting, MeetingKind.InitialChildProtectionConference,
    ];

    public const string SocialCareOnly = "Only children's social care can arrange, hold or minute this meeting. Tell the child's social worker.";

    /// <summary>A change that is not the viewer's (403), audited as every refusal is.</summary>
    public static Refusal NotTheirs => Refusal.NotAllowed("Meeting", SocialCareOnly);

    /// <summary>The child a meeting is about; null when there is no such meeting.</summary>
    public async Task<PersonId?> ChildOfAsync(MeetingId id, CancellationToken cancellationToken) =>
        await db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => (PersonId?)m.ChildId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether the viewer may open the child's record (refusals are audited by the access service).</summary>
    public Task<AccessDecision> OpenAsync(PersonId child, CancellationToken cancellationToken) => access.OpenAsync(child, cancellationToken);

    /// <summary>Whether the viewer, who may open the child's record, may arrange, hold and minute a meeting of this kind.</summary>
    public async Task<bool> MayChangeAsync(MeetingKind kind, CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn || user.Has(Role.Administrator) && !user.Has(Role.Practitioner))
        {
            return false;
        }

        return kind is MeetingKind.TeamAroundTheFamily or MeetingKind.ProfessionalsMeeting || await IsSocialCareAsync(cancellationToken);
    }

    /// <summary>Whether the viewer works for children's social care.</summary>
    public Task<bool> IsSocialCareAsync(CancellationToken cancellationToken) =>
        db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.Kind == AgencyKind.ChildrensSocialCare, cancellationToken);

    /// <summary>Whether the viewer is a team manager (who may agree to hold a meeting after its due date).</summary>
    public bool IsManager => user.Has(Role.TeamManager);

    /// <summary>
    /// What the chair rules need to know about a professional chairing a meeting about the child: whether they are independent of
    /// the case (no current involvement with the child other than as reviewing officer, not the meeting's owner and not the lead
    /// child protection practitioner), a manager in children's social care, the child's independent reviewing officer.
    /// Null when there is no such active professional.
    /// </summary>
    public async Task<ChairFacts?> ChairFactsAsync(PersonId child, ProfessionalId? chair, ProfessionalId owner, CancellationToken cancellationToken)
    {
        if (chair is not { } id)
        {
            return null;
        }

        var who = await db.Professionals.AsNoTracking().Where(p => p.Id == id && p.IsActive)
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Roles, a.Kind })
            .FirstOrDefaultAsync(cancellationToken);
        if (who is null)
        {
            return null;
        }

        var today = clock.GetUtcNow().InLondon();
        var roles = await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == child && i.ProfessionalId == id && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Select(i => i.Role).ToListAsync(cancellationToken);
        var isLead = await db.LeadPractitioners.AnyAsync(l => l.ChildId == child && l.ProfessionalId == id && l.To == null, cancellationToken);
        var reviewing = roles.Contains(InvolvementRole.IndependentReviewingOfficer);
        var independent = id != owner && !isLead && roles.All(r => r == InvolvementRole.IndependentReviewingOfficer);
        var manager = who.Roles.HasFlag(Role.TeamManager) && who.Kind == AgencyKind.ChildrensSocialCare;
        return new ChairFacts(id, independent, manager, reviewing);
    }

    /// <summary>
    /// The child's plan a meeting of this kind reviews: an agreed plan of the type the kind belongs to (a conference or core
    /// group: the child protection plan; a looked-after review: the care plan), else the child's most recently started agreed plan.
    /// </summary>
    public async Task<Plan?> CurrentPlanAsync(PersonId child, MeetingKind kind, CancellationToken cancellationToken)
    {
        var plans = await db.Plans.AsNoTracking().Include(p => p.Versions)
            .Where(p => p.ChildId == child && p.Status == PlanStatus.Agreed).ToListAsync(cancellationToken);
        var type = kind switch
        {
            MeetingKind.InitialChildProtectionConference or MeetingKind.ReviewChildProtectionConference or MeetingKind.CoreGroup =>
                PlanType.ChildProtection,
            MeetingKind.LookedAfterReview or MeetingKind.CarePlanningMeeting => PlanType.Care,
            MeetingKind.PlacementPlanningMeeting => PlanType.Placement,
            MeetingKind.TeamAroundTheFamily => PlanType.EarlyHelp,
            _ => PlanType.ChildInNeed,
        };
        return plans.Where(p => p.Current is not null).OrderByDescending(p => p.Type == type).ThenByDescending(p => p.StartedOn)
            .ThenByDescending(p => p.CreatedAt).FirstOrDefault();
    }

    /// <summary>
    /// The outcomes of the child's current plan not reviewed at the last two meetings whose minutes were written (L22), for the
    /// plan the most recent of those meetings reviews; empty when fewer than two such meetings were held or there is no plan.
    /// </summary>
    public async Task<IReadOnlyList<UnreviewedOutcome>> UnreviewedOutcomesAsync(PersonId child, CancellationToken cancellationToken)
    {
        var held = await db.Meetings.AsNoTracking()
            .Where(m => m.ChildId == child && m.Status == MeetingStatus.Held && m.MinutesStatus != MinutesStatus.NotStarted)
            .ToListAsync(cancellationToken);
        var latest = held.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.CreatedAt).FirstOrDefault();
        return latest is null ? [] : OutcomeReviewGaps.Find(held, OutcomesOf(await CurrentPlanAsync(child, latest.Kind, cancellationToken)));
    }

    /// <summary>The outcomes of a plan's version in force: section key and title (L22).</summary>
    public static IReadOnlyList<(Guid Key, string Title)> OutcomesOf(Plan? plan) =>
        plan?.Current?.Sections.Where(s => s.Kind == PlanSectionKind.Outcome).Select(s => (s.Key, s.Title)).ToList() ?? [];

    /// <summary>
    /// Active professionals (not administrators) of the agencies in the child's area, by name: anyone may be invited;
    /// <paramref name="socialCareOnly"/> for a chair or a lead child protection practitioner.
    /// </summary>
    public async Task<IReadOnlyList<ProfessionalOption>> ProfessionalsAsync(PersonId child, bool socialCareOnly, CancellationToken cancellationToken)
    {
        var area = await db.People.Where(p => p.Id == child).Select(p => p.AreaId).SingleAsync(cancellationToken);
        var rows = await db.Professionals.AsNoTracking().Where(p => p.IsActive)
            .Join(db.Agencies.Where(a => a.AreaId == area && (!socialCareOnly || a.Kind == AgencyKind.ChildrensSocialCare)), p => p.AgencyId,
                a => a.Id, (p, a) => new { p.Id, p.Name, p.JobTitle, p.Roles, Agency = a.Name })
            .ToListAsync(cancellationToken);
        return rows.Where(p => !p.Roles.HasFlag(Role.Administrator))
            .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new ProfessionalOption(p.Id, p.Name, p.JobTitle, p.Agency)).ToList();
    }

    /// <summary>An active professional of an agency in the child's area, with their agency and its kind; null when there is none.</summary>
    public async Task<(AgencyId Agency, AgencyKind Kind)?> AgencyOfAsync(PersonId child, ProfessionalId professional,
        CancellationToken cancellationToken)
    {
        var area = await db.People.Where(p => p.Id == child).Select(p => p.AreaId).SingleAsync(cancellationToken);
        var found = await db.Professionals.AsNoTracking().Where(p => p.Id == professional && p.IsActive)
            .Join(db.Agencies.Where(a => a.AreaId == area), p => p.AgencyId, a => a.Id, (p, a) => new { a.Id, a.Kind })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Id, found.Kind);
    }

    /// <summary>The role a professional of this kind of agency usually has at a meeting.</summary>
    public static MeetingRole RoleFor(AgencyKind kind) => kind switch
    {
        AgencyKind.ChildrensSocialCare => MeetingRole.SocialWorker,
        AgencyKind.Police => MeetingRole.Police,
        AgencyKind.GeneralPractice => MeetingRole.Gp,
        AgencyKind.HealthVisiting or AgencyKind.Midwifery or AgencyKind.Hospital or AgencyKind.Camhs => MeetingRole.Health,
        AgencyKind.School => MeetingRole.Education,
        AgencyKind.AdultSocialCare => MeetingRole.ParentsOwnWorker,
        _ => MeetingRole.Other,
    };

    /// <summary>The role someone in the team around the child has at a meeting; null for a role that is not suggested.</summary>
    public static MeetingRole? RoleFor(InvolvementRole role) => role switch
    {
        InvolvementRole.GeneralPractitioner => MeetingRole.Gp,
        InvolvementRole.HealthVisitor or InvolvementRole.SchoolNurse or InvolvementRole.Midwife or InvolvementRole.Paediatrician
            or InvolvementRole.CamhsPractitioner => MeetingRole.Health,
        InvolvementRole.DesignatedSafeguardingLead or InvolvementRole.Teacher => MeetingRole.Education,
        InvolvementRole.PoliceOfficer => MeetingRole.Police,
        InvolvementRole.AllocatedSocialWorker => MeetingRole.SocialWorker,
        InvolvementRole.IndependentReviewingOfficer => MeetingRole.IndependentReviewingOfficer,
        InvolvementRole.EarlyHelpWorker => MeetingRole.LeadProfessional,
        _ => null,
    };

    /// <summary>
    /// Changes an existing meeting: not found when it does not exist or the viewer may not open the child's record; refused
    /// (403) when the change is not theirs; otherwise <paramref name="change"/> changes the meeting (and anything that follows
    /// in the same unit of work), the change is audited under <paramref name="action"/> and saved, or answered with a conflict.
    /// </summary>
    public async Task<Handled<ChangedMeeting>> ChangeAsync(MeetingId id, string action,
        Func<Meeting, DateTimeOffset, Task<Refusal?>> change, CancellationToken cancellationToken,
        Func<Meeting, IReadOnlyList<string>>? followOn = null)
    {
        if (await ChildOfAsync(id, cancellationToken) is not { } child)
        {
            return Handled.NotFound;
        }

        if (!(await access.OpenAsync(child, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await ChangeMeetingAsync(id, action, change, followOn, cancellationToken)
            .AuditRefusalAsync(audit, action, child, RecordType, id.Value, cancellationToken);
    }

    /// <summary>A meeting with its invitations and events, tracked for a change.</summary>
    public Task<Meeting> LoadAsync(MeetingId id, CancellationToken cancellationToken) =>
        db.Meetings.Include(m => m.Invitees).Include(m => m.Events).AsSplitQuery().SingleAsync(m => m.Id == id, cancellationToken);

    private async Task<Handled<ChangedMeeting>> ChangeMeetingAsync(MeetingId id, string action, Func<Meeting, DateTimeOffset, Task<Refusal?>> change,
        Func<Meeting, IReadOnlyList<string>>? followOn, CancellationToken cancellationToken)
    {
        var meeting = await LoadAsync(id, cancellationToken);
        if (!await MayChangeAsync(meeting.Kind, cancellationToken))
        {
            return NotTheirs;
        }

        if (await change(meeting, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        audit.Record(action, meeting.ChildId, RecordType, id.Value, detail: meeting.Status.ToString());
        return await db.SaveOrConflictAsync(Meeting.Stale, cancellationToken) is { } conflict
            ? conflict
            : ChangedMeeting.Of(meeting, followOn?.Invoke(meeting));
    }
}

/// <summary>The words the meeting pages use for where a meeting stands, its timescales and its rules.</summary>
public static class MeetingText
{
    public static string Status(MeetingStatus status, DateOnly? heldOn, MinutesStatus minutes) => status switch
    {
        MeetingStatus.Held => $"Held {Display.Date(heldOn)}" + minutes switch
        {
            MinutesStatus.Sent => ", minutes sent",
            MinutesStatus.Draft => ", minutes in draft",
            _ => ", minutes not written",
        },
        MeetingStatus.Cancelled => "Cancelled",
        _ => "Due",
    };

    public static string Chair(ChairRule rule) => rule switch
    {
        ChairRule.IndependentOfCase => "An independent chair: not the child's social worker or anyone involved with the child",
        ChairRule.IndependentReviewingOfficer => "The child's independent reviewing officer",
        ChairRule.Manager => "A manager in children's social care",
        _ => "Anyone at the meeting",
    };

    public static string Recipients(MinutesRecipients to)
    {
        var parts = new List<string>();
        if (to.HasFlag(MinutesRecipients.Invitees))
        {
            parts.Add("every professional invited");
        }

        if (to.HasFlag(MinutesRecipients.Attendees))
        {
            parts.Add("the professionals who attended");
        }

        if (to.HasFlag(MinutesRecipients.Gp))
        {
            parts.Add("the child's GP, even if not invited");
        }

        if (to.HasFlag(MinutesRecipients.ParentsOwnWorkers))
        {
            parts.Add("the parents' own allocated workers");
        }

        return parts.Count == 0 ? "Nobody" : string.Join("; ", parts);
    }

    public static string Timescale(MeetingTimescale? timescale) => timescale is null
        ? "No timescale"
        : $"{timescale.Describe()} ({(timescale.National ? "national, " : "")}{timescale.Source})";

    /// <summary>What the form asks for as the trigger of a meeting someone schedules by hand; null when it is today.</summary>
    public static string? TriggerQuestion(MeetingKind kind) => kind switch
    {
        MeetingKind.InitialChildProtectionConference => "Date of the strategy discussion at which the section 47 enquiry began",
        MeetingKind.PlacementPlanningMeeting => "When the placement started",
        _ => null,
    };
}
