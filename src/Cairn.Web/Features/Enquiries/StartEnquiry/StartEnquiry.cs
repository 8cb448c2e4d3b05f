using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Enquiries.StartEnquiry;

public sealed record StartEnquiryCommand
{
    /// <summary>An active professional of children's social care in the child's area.</summary>
    public ProfessionalId? LeadSocialWorkerId { get; init; }

    /// <summary>What the police are doing: a joint investigation, a named officer, or why they are not involved.</summary>
    [StringLength(Section47Enquiry.MaxRoleLength)]
    public string? PoliceRole { get; init; }

    /// <summary>What health is doing: a child protection medical, the GP's and health visitor's information.</summary>
    [StringLength(Section47Enquiry.MaxRoleLength)]
    public string? HealthRole { get; init; }
}

/// <summary>What the start page needs: the discussion, whether it can start an enquiry, and who may lead.</summary>
public sealed record StartForm(StrategyDiscussionId DiscussionId, PersonId ChildId, DateTimeOffset? HeldAt, bool DecidedOnSection47,
    Section47EnquiryId? ExistingEnquiryId, bool MayStart, IReadOnlyList<LeadOption> Leads);

/// <summary>
/// Starts the section 47 enquiry a held strategy discussion decided on (L17), for the child it was about: children's social
/// care only, with a lead social worker and what the police and health are doing. The child's legal status becomes a section
/// 47 enquiry when it was lower (L20). One enquiry per discussion: a second start, or one that loses a race, is a conflict.
/// </summary>
public sealed class StartEnquiryHandler(CairnDbContext db, EnquiryAccessHandler enquiries, EnquiryLegalStatusHandler legalStatus,
    CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <returns>Not found when the discussion does not exist or the viewer may not open the child's record.</returns>
    public async Task<Handled<ChangedEnquiry>> HandleAsync(StrategyDiscussionId id, StartEnquiryCommand command,
        CancellationToken cancellationToken)
    {
        var discussion = await db.StrategyDiscussions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (discussion is null || !(await enquiries.OpenAsync(discussion.ChildId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await StartAsync(discussion, command, cancellationToken)
            .AuditRefusalAsync(audit, "s47.start", discussion.ChildId, "strategy-discussion", id.Value, cancellationToken);
    }

    /// <summary>The start page's facts; null when the discussion does not exist or the viewer may not open the child's record.</summary>
    public async Task<StartForm?> FormAsync(StrategyDiscussionId id, CancellationToken cancellationToken)
    {
        var d = await db.StrategyDiscussions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null)
        {
            return null;
        }

        var decision = await enquiries.OpenAsync(d.ChildId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("s47.start-form", d.ChildId, decision.Reason.ToString(), cancellationToken);
        var existing = await db.Section47Enquiries.Where(e => e.StrategyDiscussionId == id).Select(e => (Section47EnquiryId?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return new StartForm(d.Id, d.ChildId, d.HeldAt, d.Status == StrategyDiscussionStatus.Held && d.StartSection47 == true, existing,
            await enquiries.MayAsync(EnquiryStep.Work, cancellationToken), await enquiries.LeadOptionsAsync(d.ChildId, cancellationToken));
    }

    private async Task<Handled<ChangedEnquiry>> StartAsync(StrategyDiscussion discussion, StartEnquiryCommand command,
        CancellationToken cancellationToken)
    {
        if (!await enquiries.MayAsync(EnquiryStep.Work, cancellationToken))
        {
            return EnquiryAccessHandler.NotTheirs(EnquiryStep.Work);
        }

        var now = clock.GetUtcNow();
        var started = await db.Section47Enquiries.AnyAsync(e => e.StrategyDiscussionId == discussion.Id, cancellationToken);
        var mayLead = await enquiries.MayLeadAsync(discussion.ChildId, command.LeadSocialWorkerId, cancellationToken);
        var outcome = Section47Enquiry.Start(discussion, started, command.LeadSocialWorkerId, mayLead, command.PoliceRole, command.HealthRole,
            user.ProfessionalId, now);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var enquiry = outcome.Value!;
        db.Section47Enquiries.Add(enquiry);
        audit.Record("s47.start", enquiry.ChildId, EnquiryAccessHandler.RecordType, enquiry.Id.Value);
        var note = await legalStatus.AfterStartAsync(enquiry, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The "one enquiry per strategy discussion" index (or the "one current legal status" index): someone else started
            // it at the same moment. Nothing of this start is kept.
            db.ChangeTracker.Clear();
            return Section47Enquiry.AlreadyStarted;
        }

        return ChangedEnquiry.Of(enquiry, note);
    }
}
