using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Domain.People;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Meetings;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Children.ChangeLegalStatus;

/// <summary>
/// A new legal status from a date (L20). <see cref="CurrentStatusId"/> is the current status the person saw
/// (null if there was none): if someone else recorded a status meanwhile, the change is refused as stale.
/// </summary>
public sealed record ChangeLegalStatusCommand
{
    [Required]
    public LegalStatusKind? Kind { get; init; }

    public ChildProtectionCategory? Category { get; init; }

    [Required]
    public DateOnly? From { get; init; }

    [StringLength(2000)]
    public string? Reason { get; init; }

    public LegalStatusId? CurrentStatusId { get; init; }

    /// <summary>The SSDA903 category of need (N1–N8) when the child starts to be looked after (issue #19).</summary>
    [StringLength(2)]
    public string? NeedCode { get; init; }

    /// <summary>The SSDA903 reason care ceased (REC) when a looked-after child stops being looked after (issue #19).</summary>
    [StringLength(3)]
    public string? ReasonCareCeased { get; init; }
}

/// <summary>A correction of the return's codes on one status (issue #19); <see cref="Version"/> as read.</summary>
public sealed record CorrectReturnCodesCommand
{
    [StringLength(2)]
    public string? NeedCode { get; init; }

    [StringLength(3)]
    public string? ReasonCareCeased { get; init; }

    [Required]
    public int? Version { get; init; }
}

public sealed record CorrectedReturnCodes(LegalStatusId Id, string? NeedCode, string? ReasonCareCeased, int Version);

public sealed record LegalStatusPeriod(LegalStatusId Id, LegalStatusKind Kind, ChildProtectionCategory? Category, DateOnly From, DateOnly? To,
    string Reason, string RecordedBy, DateTimeOffset RecordedAt)
{
    /// <summary>The SSDA903 category of need recorded when the child started to be looked after.</summary>
    public string? NeedCode { get; init; }

    /// <summary>The SSDA903 reason the period of care ceased, on the last looked-after status.</summary>
    public string? ReasonCareCeased { get; init; }

    public int Version { get; init; }
}

/// <summary>The child's legal status now and every earlier one, newest first, and whether the viewer may record a new one.</summary>
public sealed record LegalStatusHistory(PersonId ChildId, LegalStatusPeriod? Current, IReadOnlyList<LegalStatusPeriod> History, bool MayRecord);

public sealed record ChangedLegalStatus(LegalStatusId Id, PersonId ChildId, LegalStatusKind Kind, DateOnly From)
{
    /// <summary>The meetings the change scheduled (a child becoming looked after: the first review and a care planning meeting), in words.</summary>
    public IReadOnlyList<string> Scheduled { get; init; } = [];

    /// <summary>A child becoming looked after: the day their care plan is due (T15, 10 working days).</summary>
    public DateOnly? CarePlanDueOn { get; init; }
}

/// <summary>
/// Records a legal status (L20). A child becoming looked after (from a status that was not) gets their first looked-after review
/// scheduled, due 20 working days later (T09), and a care planning meeting, both arranged by the child's allocated social
/// worker (or whoever recorded the status), and their care plan falls due 10 working days later (T15, <see cref="CarePlanDue"/>),
/// in the same unit of work (L16). A child who stops being looked after before a care plan is agreed no longer needs one.
/// </summary>
public sealed class ChangeLegalStatusHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    MeetingSchedulingHandler meetings, WorkingCalendarSource calendars)
{
    private static Refusal Stale => Refusal.Conflict("this child\'s legal status");

    /// <returns>Null when the child does not exist or the viewer may not see them.</returns>
    public async Task<LegalStatusHistory?> HandleAsync(PersonId childId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("legal-status.view", childId, decision.Reason.ToString(), cancellationToken);
        var history = (await db.LegalStatuses.AsNoTracking().Where(s => s.ChildId == childId)
            .Join(db.Professionals, s => s.RecordedBy, p => p.Id, (s, p) => new { s, p.Name })
            .ToListAsync(cancellationToken))
            .OrderByDescending(x => x.s.From)
            .Select(x => new LegalStatusPeriod(x.s.Id, x.s.Kind, x.s.Category, x.s.From, x.s.To, x.s.Reason, x.Name, x.s.RecordedAt)
            {
                NeedCode = x.s.NeedCode,
                ReasonCareCeased = x.s.ReasonCareCeased,
                Version = x.s.Version,
            })
            .ToList();
        return new LegalStatusHistory(childId, history.FirstOrDefault(s => s.To is null), history, await MayRecordAsync(cancellationToken));
    }

    public async Task<Handled<ChangedLegalStatus>> ChangeAsync(PersonId childId, ChangeLegalStatusCommand command,
        CancellationToken cancellationToken)
    {
        if (!(await access.OpenAsync(childId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        // Refused by agency, by the rules or as stale: audited with the fields named (L03, L20).
        return await RecordAsync(childId, command, cancellationToken).AuditRefusalAsync(audit, "legal-status.change", childId, "legal-status",
            null, cancellationToken);
    }

    private async Task<Handled<ChangedLegalStatus>> RecordAsync(PersonId childId, ChangeLegalStatusCommand command,
        CancellationToken cancellationToken)
    {
        if (!await MayRecordAsync(cancellationToken))
        {
            return Refusal.Of("Kind", LegalStatus.OnlySocialCare);
        }

        if (await db.People.Where(p => p.Id == childId).Select(p => p.Kind).SingleAsync(cancellationToken) != PersonKind.Child)
        {
            return Refusal.Of("Kind", "A legal status is recorded for a child only");
        }

        if (command.From is not { } from)
        {
            return Refusal.Of("From", "Enter the date the status started");
        }

        var current = await db.LegalStatuses.Where(s => s.ChildId == childId && s.To == null).FirstOrDefaultAsync(cancellationToken);
        if (current?.Id != command.CurrentStatusId)
        {
            return Stale;
        }

        if (command.Kind == LegalStatusKind.Section47Enquiry)
        {
            // L17: no section 47 enquiry without a strategy discussion that decided on one.
            var discussions = await db.StrategyDiscussions.AsNoTracking().Where(d => d.ChildId == childId && d.StartSection47 == true)
                .ToListAsync(cancellationToken);
            if (Domain.FrontDoor.StrategyDiscussion.AllowsSection47(discussions, from) is { } noDiscussion)
            {
                return noDiscussion;
            }
        }

        var now = clock.GetUtcNow();
        var outcome = LegalStatus.Change(current, childId, command.Kind ?? (LegalStatusKind)(-1), command.Category, from, command.Reason ?? "",
            user.ProfessionalId, now, new ReturnCodes(Blank(command.NeedCode), Blank(command.ReasonCareCeased)));
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var status = outcome.Value!;
        db.LegalStatuses.Add(status);
        audit.Record("legal-status.change", childId, "legal-status", status.Id.Value);
        var becameLookedAfter = LookedAfter.Is(status.Kind) && (current is null || !LookedAfter.Is(current.Kind));
        var scheduled = becameLookedAfter ? await ScheduleLookedAfterMeetingsAsync(status, now, cancellationToken) : [];
        DateOnly? carePlanDue = null;
        if (becameLookedAfter)
        {
            var due = CarePlanDue.For(status.Id, childId, status.From, await OwnerAsync(childId, now, cancellationToken),
                await calendars.GetAsync(cancellationToken), now);
            db.CarePlansDue.Add(due);
            audit.Record("care-plan-due.start", childId, "care-plan-due", due.Id.Value);
            carePlanDue = due.DueOn;
        }
        else if (current is not null && LookedAfter.Is(current.Kind) && !LookedAfter.Is(status.Kind))
        {
            foreach (var open in await db.CarePlansDue.Where(c => c.ChildId == childId && c.Status == CarePlanDueStatus.Open)
                         .ToListAsync(cancellationToken))
            {
                open.NoLongerRequiredFrom(status.From);
                audit.Record("care-plan-due.no-longer-required", childId, "care-plan-due", open.Id.Value);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique "one current status per child" index: someone else recorded one at the same moment.
            db.ChangeTracker.Clear();
            return Stale;
        }

        return new ChangedLegalStatus(status.Id, childId, status.Kind, status.From) { Scheduled = scheduled, CarePlanDueOn = carePlanDue };
    }

    /// <summary>The child's allocated social worker now, or whoever is recording.</summary>
    private async Task<ProfessionalId> OwnerAsync(PersonId child, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = now.InLondon();
        return await db.Involvements.AsNoTracking()
                   .Where(i => i.ChildId == child && i.Role == InvolvementRole.AllocatedSocialWorker && i.StartedOn <= today
                               && (i.EndedOn == null || i.EndedOn >= today))
                   .OrderByDescending(i => i.StartedOn).Select(i => (ProfessionalId?)i.ProfessionalId).FirstOrDefaultAsync(cancellationToken)
               ?? user.ProfessionalId;
    }

    private async Task<IReadOnlyList<string>> ScheduleLookedAfterMeetingsAsync(LegalStatus status, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var owner = await OwnerAsync(status.ChildId, now, cancellationToken);
        var requests = new[] { MeetingKind.LookedAfterReview, MeetingKind.CarePlanningMeeting }
            .Select(kind => new MeetingRequest(status.ChildId,
                new MeetingTriggerFacts(kind, 1, MeetingTrigger.BecameLookedAfter, status.Id.Value, status.From, now), owner))
            .ToList();
        return (await meetings.ScheduleManyAsync(requests, user.ProfessionalId, now, cancellationToken))
            .Select(m => $"{m.Type.Name} scheduled, due by {m.DueOn:d MMMM yyyy}").ToList();
    }

    /// <summary>
    /// Records or corrects the return's codes on one of the child's statuses (issue #19): the category of need on the status that
    /// started a period of care, the reason care ceased on the one that ended it. Children's social care only; audited.
    /// </summary>
    public async Task<Handled<CorrectedReturnCodes>> CorrectCodesAsync(PersonId childId, LegalStatusId statusId, CorrectReturnCodesCommand command,
        CancellationToken cancellationToken)
    {
        if (!(await access.OpenAsync(childId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await CorrectAsync(childId, statusId, command, cancellationToken).AuditRefusalAsync(audit, "legal-status.return-codes", childId,
            "legal-status", statusId.Value, cancellationToken);
    }

    private async Task<Handled<CorrectedReturnCodes>> CorrectAsync(PersonId childId, LegalStatusId statusId, CorrectReturnCodesCommand command,
        CancellationToken cancellationToken)
    {
        var history = await db.LegalStatuses.Where(s => s.ChildId == childId).OrderBy(s => s.From).ToListAsync(cancellationToken);
        var index = history.FindIndex(s => s.Id == statusId);
        if (index < 0)
        {
            return Handled.NotFound;
        }

        if (!await MayRecordAsync(cancellationToken))
        {
            return Refusal.NotAllowed("NeedCode", LegalStatus.OnlySocialCare);
        }

        var status = history[index];
        var refusal = status.CorrectCodes(new ReturnCodes(Blank(command.NeedCode), Blank(command.ReasonCareCeased)),
            index > 0 ? history[index - 1] : null, index + 1 < history.Count ? history[index + 1] : null, command.Version ?? -1);
        if (refusal is not null)
        {
            return refusal;
        }

        audit.Record("legal-status.return-codes", childId, "legal-status", status.Id.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refusal.Conflict("this legal status");
        }

        return new CorrectedReturnCodes(status.Id, status.NeedCode, status.ReasonCareCeased, status.Version);
    }

    private static string? Blank(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    private async Task<bool> MayRecordAsync(CancellationToken cancellationToken)
    {
        var agency = user.AgencyId;
        var kind = await db.Agencies.Where(a => a.Id == agency).Select(a => a.Kind).SingleAsync(cancellationToken);
        return LegalStatus.MayBeRecordedBy(kind);
    }
}
