using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Referrals;
using Cairn.Domain.Placements.Register;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Meetings;
using Cairn.Web.Features.Shares;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Referrals.PlaceChild;

public sealed record PlaceChildCommand
{
    public SettingId? SettingId { get; init; }
    public DateOnly? StartedOn { get; init; }

    /// <summary>Unplanned or in an emergency: the placement planning meeting is then due within 72 hours (T17).</summary>
    public bool Emergency { get; init; }

    public FamilyInformed? FamilyInformed { get; init; }
    public bool FamilyConsulted { get; init; }
    public string? FamilyNote { get; init; }

    /// <summary>Why the child is placed here although the match showed a danger nearby or a conflict with a resident: a manager's.</summary>
    public string? OverrideReason { get; init; }

    /// <summary>The SSDA903 placement type when not the setting's usual one (e.g. U4 long-term fostering rather than U6).</summary>
    public string? PlacementType { get; init; }

    /// <summary>The version of the referral read.</summary>
    public int? Version { get; init; }
}

/// <summary>What admission did: the placement, the meeting it scheduled and the shares it sent.</summary>
public sealed record PlacedView(PlacementId PlacementId, PersonId ChildId, string Setting, DateOnly StartedOn, MeetingId? PlanningMeetingId,
    DateOnly? PlanningMeetingDueOn, int ResidentsNotified, int SharesSent);

/// <summary>
/// Places the child of a submitted referral in a setting (L33–L37, L42). The setting is matched again at the moment of admission:
/// one the match excludes is refused; a danger within the area's distance or a conflict with a current resident needs a team
/// manager and a reason. In one unit of work: the placement (with the return's codes and how the family were told), the referral
/// closed as placed, the setting's vacancies reduced, the placement planning meeting scheduled (L36), and a followed-through share
/// to the social worker and independent reviewing officer of every current resident (L37).
/// </summary>
public sealed class PlaceChildHandler(CairnDbContext db, ReferralAccessHandler referrals, ReferralMatchingHandler matching,
    PlacementResidentsHandler residents, MeetingSchedulingHandler scheduling, ShareSteps steps,
    WorkingCalendarSource calendars, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string Action = "placement.start";

    /// <summary>Working days a resident's worker has to confirm they received the notice and reviewed the resident's risks.</summary>
    public const int NoticeWorkingDays = 2;

    public async Task<Handled<PlacedView>> HandleAsync(PlacementReferralId id, PlaceChildCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await referrals.ChildOfAsync(id, cancellationToken) is not { } child || !await referrals.OpenAsync(child, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await PlaceAsync(id, child, command, cancellationToken)
            .AuditRefusalAsync(audit, Action, child, ReferralAccessHandler.RecordType, id.Value, cancellationToken);
    }

    private async Task<Handled<PlacedView>> PlaceAsync(PlacementReferralId id, PersonId child, PlaceChildCommand command,
        CancellationToken cancellationToken)
    {
        if (!await referrals.MayChangeAsync(cancellationToken))
        {
            return ReferralAccessHandler.NotTheirs;
        }

        var referral = await db.PlacementReferrals.SingleAsync(r => r.Id == id, cancellationToken);
        if (command.Version != referral.Version)
        {
            return PlacementReferral.Stale;
        }

        if (referral.Status != ReferralStatus.Submitted)
        {
            return Refusal.Of("SettingId", "Only a submitted referral leads to a placement");
        }

        var area = await db.People.Where(p => p.Id == child).Select(p => p.AreaId).SingleAsync(cancellationToken);
        var setting = command.SettingId is { } s
            ? await db.PlacementSettings.FirstOrDefaultAsync(x => x.Id == s && x.AreaId == area, cancellationToken)
            : null;
        if (setting is null)
        {
            return Refusal.Of("SettingId", "Select a setting on the register");
        }

        var match = await matching.MatchAsync(referral, [setting.Id], cancellationToken);
        if (match.Result.Options is not [var option, ..])
        {
            var why = match.Result.Exclusions.Settings.FirstOrDefault(e => e.SettingId == setting.Id);
            var reasons = string.Join(", ", match.Result.Exclusions.Describe(why.Reasons));
            return Refusal.Of("SettingId", $"{setting.Name} cannot take this child: {reasons}");
        }

        var now = clock.GetUtcNow();
        var today = clock.Today();
        var provider = await db.PlacementProviders.Where(p => p.Id == setting.ProviderId).Select(p => p.Kind).SingleAsync(cancellationToken);
        var type = string.IsNullOrWhiteSpace(command.PlacementType)
            ? PlacementCodes.DefaultFor(setting.Type)
            : command.PlacementType.Trim().ToUpperInvariant();
        var born = await db.People.Where(p => p.Id == child).Select(p => p.DateOfBirth).SingleAsync(cancellationToken) ?? DateOnly.MinValue;
        var placed = await db.Placements.AnyAsync(p => p.ChildId == child && p.EndedOn == null, cancellationToken);
        var outcome = Placement.Start(new PlacementStart
        {
            ChildId = child,
            ReferralId = id,
            Where = new PlacementWhere
            {
                SettingId = setting.Id,
                SettingName = setting.Name,
                PlacementType = type,
                Provider = PlacementCodes.NeedsProvider(type) ? ProviderKinds.Code(provider) : null,
                Urn = PlacementCodes.NeedsUrn(type) ? setting.RegistrationNumber ?? PlacementCodes.UrnPlaceholder : null,
                Postcode = setting.Postcode,
                InArea = option.InArea,
            },
            StartedOn = command.StartedOn,
            Emergency = command.Emergency,
            FamilyInformed = command.FamilyInformed,
            FamilyConsulted = command.FamilyConsulted,
            FamilyNote = command.FamilyNote,
            OverrideReason = command.OverrideReason,
        }, born, placed, ReferralMatchingHandler.WarningsOf(option), await referrals.IsManagerAsync(cancellationToken), user.ProfessionalId, now);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var placement = outcome.Value!;
        placement.ScheduleDuties(await calendars.GetAsync(cancellationToken));
        db.Placements.Add(placement);
        if (referral.Place(placement.Id, now) is { } notPlaced)
        {
            return notPlaced;
        }

        if (setting.Vacancies is > 0 and var vacancies)
        {
            var recorded = setting.RecordVacancies(vacancies - 1, today, setting.Version, user.ProfessionalId, now, today);
            if (recorded.Value is { } row)
            {
                db.SettingVacancies.Add(row);
            }
        }

        audit.Record(Action, child, "placement", placement.Id.Value, detail: placement.Where.PlacementType);
        var meeting = await scheduling.ScheduleAsync(child, new MeetingTriggerFacts(MeetingKind.PlacementPlanningMeeting, 1,
                MeetingTrigger.PlacementStarted, placement.Id.Value, placement.StartedOn, now), user.ProfessionalId, user.ProfessionalId, now,
            cancellationToken);
        var (notified, sent) = await NotifyResidentsAsync(setting, child, placement, referral.Details, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // One current placement per child, one planning meeting per placement, a referral and a setting changed meanwhile: the
            // admission lost a race. Nothing of it is kept.
            db.ChangeTracker.Clear();
            return Refusal.Conflict("this child's placement", "Someone else placed this child or changed the setting at the same time. "
                                                             + "Reload the page to see what they did.");
        }

        return new PlacedView(placement.Id, child, setting.Name, placement.StartedOn, meeting?.Id, meeting?.DueOn, notified, sent);
    }

    /// <summary>
    /// Tells the social worker and the independent reviewing officer of every child already living in the setting that a child has
    /// been placed there (L37): a followed-through share about their own child, saying what the new child's referral records of the
    /// risks they pose to others (never their name), so each can review their child's risk and matching assessments.
    /// </summary>
    private async Task<(int Residents, int Shares)> NotifyResidentsAsync(PlacementSetting setting, PersonId newcomer, Placement placement,
        ReferralDetails details, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var living = (await residents.ProfilesAsync([setting.Id], cancellationToken)).Where(r => r.ChildId != newcomer).ToList();
        if (living.Count == 0)
        {
            return (0, 0);
        }

        var today = placement.StartedOn;
        var ids = living.Select(r => r.ChildId).ToList();
        var workers = await db.Involvements.AsNoTracking()
            .Where(i => ids.Contains(i.ChildId) && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today)
                        && (i.Role == InvolvementRole.AllocatedSocialWorker || i.Role == InvolvementRole.IndependentReviewingOfficer))
            .Join(db.Professionals.Where(p => p.IsActive), i => i.ProfessionalId, p => p.Id,
                (i, p) => new { i.ChildId, i.ProfessionalId, p.AgencyId })
            .ToListAsync(cancellationToken);
        var risks = details.RisksToOthers.Count == 0
            ? details.RisksAnswered ? "no risks to other children recorded" : "its risk section not answered"
            : "these risks to other children recorded: " + string.Join(", ", details.RisksToOthers.Select(PlacementWords.Of));
        var subject = $"New admission to {setting.Name} from {placement.StartedOn:d MMMM yyyy}";
        var message = $"A child has been placed at {setting.Name}, where a child you work with lives, from {placement.StartedOn:d MMMM yyyy}. "
                      + $"Their placement referral has {risks}. Review your child's risk and matching assessments, confirm you have "
                      + "received this, and record what you did.";
        var sent = 0;
        foreach (var worker in workers.DistinctBy(w => (w.ChildId, w.ProfessionalId)))
        {
            var routine = new RoutineShare(ShareKind.NewAdmissionNotice, worker.ChildId, worker.ProfessionalId, worker.AgencyId, NoticeWorkingDays,
                subject, message, "Admission notice");
            if (await steps.SendRoutineAsync(routine, user.ProfessionalId, now, cancellationToken) is not null)
            {
                sent++;
            }
        }

        return (living.Count, sent);
    }
}

public sealed class PlaceChildEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placement-referrals/{id:guid}/placements", HandleAsync)
            .WithName("PlaceChild")
            .WithSummary("Places the child of a submitted referral in a setting on the register (L33-L37, L42). The setting is matched "
                         + "again: one the match excludes is 400; a danger nearby or a conflict with a resident needs a team manager and a "
                         + "reason (403 otherwise). Records the placement with its SSDA903 codes and how the family were told, closes the "
                         + "referral, reduces the vacancies, schedules the placement planning meeting and sends a followed-through share to "
                         + "every current resident's social worker and IRO. Children's social care only. Send the referral's version (409).")
            .WithTags("Placements");

    private static async Task<Results<Created<PlacedView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        PlaceChildCommand command, PlaceChildHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlacementReferralId(id), command, cancellationToken))
        .ToCreatedResult(p => $"/api/v1/people/{p.ChildId}/placements");
}
