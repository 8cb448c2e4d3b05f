using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Domain.Shares;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings.ViewMeeting;

/// <summary>The type's statutory definition as this area runs it (L21).</summary>
public sealed record MeetingDefinition(string Name, string Purpose, bool Statutory, string Trigger, string FirstDue, string? SecondDue,
    string? ThenEvery, IReadOnlyList<string> RequiredRoles, int QuorumAgencies, IReadOnlyList<string> Agenda, string Chair, string MinutesTo,
    string MinutesWithin)
{
    public static MeetingDefinition Of(MeetingTypeInfo t) => new(t.Name, t.Purpose, t.Statutory, t.TriggerText, MeetingText.Timescale(t.FirstDue),
        t.SecondDue is null ? null : MeetingText.Timescale(t.SecondDue), t.ThenEvery is null ? null : MeetingText.Timescale(t.ThenEvery),
        t.RequiredRoles.Select(MeetingWords.Role).ToList(), t.QuorumAgencies, t.Agenda, MeetingText.Chair(t.Chair),
        MeetingText.Recipients(t.MinutesTo), MeetingText.Timescale(t.MinutesWithin));
}

/// <summary>One invitation: who, in which role, the share that carried it and whether it was received; attendance once held.</summary>
public sealed record InviteeView(long Id, MeetingRole Role, string RoleName, ProfessionalId? ProfessionalId, PersonId? PersonId, string Name,
    string? Agency, string? InvitedBecause, ShareId? InvitationShareId, ShareStatus? InvitationStatus, Attendance? Attendance, bool ReportReceived,
    ShareId? MinutesShareId, ShareStatus? MinutesStatus)
{
    public bool Received => InvitationStatus is ShareStatus.Received or ShareStatus.Actioned;
}

/// <summary>Something wrong with the meeting that someone should act on: a code the API and tests read, and the words.</summary>
public sealed record MeetingFlag(string Code, string Text);

public sealed record MeetingEventView(MeetingEventKind Kind, string? By, DateTimeOffset At, string? Note);

/// <summary>A meeting as its page and the API show it.</summary>
public sealed record MeetingDetails
{
    public required MeetingId Id { get; init; }
    public required PersonId ChildId { get; init; }
    public required MeetingKind Kind { get; init; }
    public required int Number { get; init; }
    public required MeetingDefinition Definition { get; init; }
    public required MeetingStatus Status { get; init; }
    public required DateOnly TriggeredOn { get; init; }
    public DateOnly? DueOn { get; init; }
    public required string Owner { get; init; }
    public DateTimeOffset? ScheduledAt { get; init; }
    public string? Venue { get; init; }
    public ProfessionalId? ChairId { get; init; }
    public string? Chair { get; init; }
    public string? MoveReason { get; init; }
    public DateOnly? HeldOn { get; init; }
    public bool? Quorate { get; init; }
    public string? MissingRolesReason { get; init; }
    public string? InquorateReason { get; init; }
    public required PlanDecision PlanDecision { get; init; }
    public ChildProtectionCategory? Category { get; init; }
    public string? LeadPractitioner { get; init; }
    public string? PlanChanges { get; init; }
    public DateOnly? NextMeetingOn { get; init; }
    public required MinutesStatus MinutesStatus { get; init; }
    public DateOnly? MinutesDueOn { get; init; }
    public string? CancelReason { get; init; }
    public required int Version { get; init; }
    public required IReadOnlyList<InviteeView> Invitees { get; init; }
    public required IReadOnlyList<MeetingRole> MissingRoles { get; init; }
    public required IReadOnlyList<MeetingFlag> Flags { get; init; }
    public required IReadOnlyList<UnreviewedOutcome> UnreviewedOutcomes { get; init; }
    public required IReadOnlyList<MeetingEventView> Events { get; init; }
    /// <summary>Whether the viewer may arrange, invite to, hold, minute or cancel it.</summary>
    public required bool MayChange { get; init; }
    /// <summary>Whether the viewer chairs it (and so may confirm the minutes).</summary>
    public required bool IsChair { get; init; }
}

/// <summary>
/// Reads one meeting (L16, L21, L22, L26, L53) for anyone who may open the child's record; every read is audited. Flags: overdue;
/// minutes past their due date unsent; a conference with no GP invited (L26); a looked-after review of a child living outside
/// the area with no health professional invited (L53); outcomes of the child's plan not reviewed at two meetings in a row (L22).
/// </summary>
public sealed class ViewMeetingHandler(CairnDbContext db, MeetingAccessHandler meetings, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string NoGp = "no-gp-invited";
    public const string OutOfAreaNoHealth = "out-of-area-no-health";
    public const string Overdue = "overdue";
    public const string MinutesOverdue = "minutes-overdue";
    public const string OutcomesNotReviewed = "outcomes-not-reviewed";

    /// <returns>Null when the meeting does not exist or the viewer may not open the child's record.</returns>
    public async Task<MeetingDetails?> HandleAsync(MeetingId id, CancellationToken cancellationToken)
    {
        if (await meetings.ChildOfAsync(id, cancellationToken) is not { } child)
        {
            return null;
        }

        var decision = await meetings.OpenAsync(child, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("meeting.view", child, decision.Reason.ToString(), cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Invitees).Include(m => m.Events).AsSplitQuery()
            .SingleAsync(m => m.Id == id, cancellationToken);
        var area = await db.People.Where(p => p.Id == child).Select(p => p.AreaId).SingleAsync(cancellationToken);
        var type = (await AreaMeetingRules.ForAreaAsync(db, area, cancellationToken)).TypeOf(meeting.Kind);
        var now = clock.GetUtcNow();
        var professionals = meeting.Invitees.Select(i => i.ProfessionalId).Concat(meeting.Events.Select(e => e.By))
            .Append(meeting.OwnerId).Append(meeting.ChairId).Append(meeting.LeadPractitionerId).OfType<ProfessionalId>().Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => professionals.Contains(p.Id))
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.Name, Agency = a.Name })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var people = meeting.Invitees.Select(i => i.PersonId).OfType<PersonId>().ToList();
        var family = await db.People.AsNoTracking().Where(p => people.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, cancellationToken);
        var shareIds = meeting.Invitees.SelectMany(i => new[] { i.InvitationShareId, i.MinutesShareId }).OfType<ShareId>().ToList();
        var shares = await db.Shares.AsNoTracking().Where(s => shareIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Status, cancellationToken);
        string Name(ProfessionalId? p) => p is { } x && names.TryGetValue(x, out var n) ? n.Name : "Cairn";

        var plan = await meetings.CurrentPlanAsync(child, meeting.Kind, cancellationToken);
        var held = await db.Meetings.AsNoTracking().Where(m => m.ChildId == child && m.Status == MeetingStatus.Held).ToListAsync(cancellationToken);
        var gaps = OutcomeReviewGaps.Find(held, MeetingAccessHandler.OutcomesOf(plan));
        var missing = meeting.Status == MeetingStatus.Scheduled ? meeting.MissingRoles(type) : [];

        var flags = new List<MeetingFlag>();
        if (meeting.IsOverdue(now))
        {
            flags.Add(new(Overdue, $"Overdue: it was due by {Shared.Display.Date(meeting.DueOn)} and has not been held"));
        }

        if (meeting.MinutesOverdue(now))
        {
            flags.Add(new(MinutesOverdue, $"The minutes were due by {Shared.Display.Date(meeting.MinutesDueOn)} and are "
                                          + (meeting.MinutesStatus == MinutesStatus.Draft ? "not confirmed by the chair" : "not written")));
        }

        var open = meeting.Status != MeetingStatus.Cancelled;
        if (MeetingTypes.IsConference(meeting.Kind) && open && !meeting.Invitees.Any(i => i.Role == MeetingRole.Gp))
        {
            flags.Add(new(NoGp, "The child's GP is not invited to this conference (L26)"));
        }

        if (meeting.Kind == MeetingKind.LookedAfterReview && open
                                                          && !meeting.Invitees.Any(i => i.Role is MeetingRole.Health or MeetingRole.Gp)
                                                          && await LivesOutsideTheAreaAsync(child, area, cancellationToken))
        {
            flags.Add(new(OutOfAreaNoHealth,
                "The child lives outside the area and no health professional is invited to this review (L53)"));
        }

        if (gaps.Count > 0)
        {
            flags.Add(new(OutcomesNotReviewed, $"Not reviewed at the last {OutcomeReviewGaps.MeetingsInARow} meetings: "
                                               + string.Join("; ", gaps.Select(g => g.Title)) + " (L22)"));
        }

        return new MeetingDetails
        {
            Id = meeting.Id,
            ChildId = child,
            Kind = meeting.Kind,
            Number = meeting.Number,
            Definition = MeetingDefinition.Of(type),
            Status = meeting.Status,
            TriggeredOn = meeting.TriggeredOn,
            DueOn = meeting.DueOn,
            Owner = Name(meeting.OwnerId),
            ScheduledAt = meeting.ScheduledAt,
            Venue = meeting.Venue,
            ChairId = meeting.ChairId,
            Chair = meeting.ChairId is null ? null : Name(meeting.ChairId),
            MoveReason = meeting.MoveReason,
            HeldOn = meeting.HeldOn,
            Quorate = meeting.Quorate,
            MissingRolesReason = meeting.MissingRolesReason,
            InquorateReason = meeting.InquorateReason,
            PlanDecision = meeting.PlanDecision,
            Category = meeting.Category,
            LeadPractitioner = meeting.LeadPractitionerId is null ? null : Name(meeting.LeadPractitionerId),
            PlanChanges = meeting.PlanChanges,
            NextMeetingOn = meeting.NextMeetingOn,
            MinutesStatus = meeting.MinutesStatus,
            MinutesDueOn = meeting.MinutesDueOn,
            CancelReason = meeting.CancelReason,
            Version = meeting.Version,
            Invitees = meeting.Invitees.OrderBy(i => i.Role).ThenBy(i => i.Id).Select(i => new InviteeView(i.Id, i.Role, MeetingWords.Role(i.Role),
                i.ProfessionalId, i.PersonId,
                i.ProfessionalId is { } p ? Name(p) : i.PersonId is { } f && family.TryGetValue(f, out var fn) ? fn : "",
                i.ProfessionalId is { } q && names.TryGetValue(q, out var pa) ? pa.Agency : null, i.InvitedBecause, i.InvitationShareId,
                i.InvitationShareId is { } s1 && shares.TryGetValue(s1, out var st1) ? st1 : null, i.Attendance, i.ReportReceived, i.MinutesShareId,
                i.MinutesShareId is { } s2 && shares.TryGetValue(s2, out var st2) ? st2 : null)).ToList(),
            MissingRoles = missing,
            Flags = flags,
            UnreviewedOutcomes = gaps,
            Events = meeting.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new MeetingEventView(e.Kind,
                e.By is null ? null : Name(e.By), e.At, e.Note)).ToList(),
            MayChange = meeting.Status != MeetingStatus.Cancelled && await meetings.MayChangeAsync(meeting.Kind, cancellationToken),
            IsChair = user.IsSignedIn && meeting.ChairId == user.ProfessionalId,
        };
    }

    /// <summary>
    /// Whether the child's current address is in another local authority than the area's (L53): the address's district runs
    /// up to an upper-tier authority other than the area's. An address with no known local authority is not flagged.
    /// </summary>
    private async Task<bool> LivesOutsideTheAreaAsync(PersonId child, AreaId area, CancellationToken cancellationToken)
    {
        var today = clock.GetUtcNow().InLondon();
        var code = await db.Addresses.AsNoTracking()
            .Where(a => a.PersonId == child && a.From <= today && (a.To == null || a.To >= today) && a.LocalAuthorityCode != null)
            .OrderByDescending(a => a.From).Select(a => a.LocalAuthorityCode).FirstOrDefaultAsync(cancellationToken);
        if (code is null)
        {
            return false;
        }

        var authority = await db.LocalAuthorities.AsNoTracking().Where(l => l.Code == code).FirstOrDefaultAsync(cancellationToken);
        var areaCode = await db.Areas.Where(a => a.Id == area).Select(a => a.LocalAuthorityCode).SingleAsync(cancellationToken);
        return authority is not null && authority.Code != areaCode && authority.UpperTierCode != areaCode;
    }
}
