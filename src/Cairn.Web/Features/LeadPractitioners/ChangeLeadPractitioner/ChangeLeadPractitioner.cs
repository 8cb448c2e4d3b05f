using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Enquiries;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.LeadPractitioners.ChangeLeadPractitioner;

public sealed record ChangeLeadPractitionerCommand
{
    /// <summary>An active social worker: a professional of children's social care in the child's area.</summary>
    public ProfessionalId? LeadPractitionerId { get; init; }

    /// <summary>Why the lead is changing: required.</summary>
    public string? Reason { get; init; }

    /// <summary>The id of the current lead read (null when there was none): a change made meanwhile is refused, never overwritten.</summary>
    public long? CurrentId { get; init; }
}

/// <summary>
/// Names a new lead child protection practitioner for a child, from today, with a reason; whoever held the role is ended the
/// same day and kept as history (issue #14 item 5). A team manager in children's social care only (403 otherwise); the lead
/// must be an active social worker of children's social care in the child's area. The current lead read is sent with the change:
/// a different one now is a conflict. Audited on the child's record; the reason is kept on the record, never in the log.
/// </summary>
public sealed class ChangeLeadPractitionerHandler(CairnDbContext db, RecordAccessService access, LeadPractitionerHistoryHandler leads,
    EnquiryAccessHandler socialWorkers, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    private static Refusal Stale => Refusal.Conflict("the lead child protection practitioner");

    public async Task<Handled<LeadPractitionerPage>> HandleAsync(PersonId child, ChangeLeadPractitionerCommand command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!(await access.OpenAsync(child, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await ChangeAsync(child, command, cancellationToken)
            .AuditRefusalAsync(audit, "lead-practitioner.change", child, LeadPractitionerHistoryHandler.RecordType, null, cancellationToken);
    }

    private async Task<Handled<LeadPractitionerPage>> ChangeAsync(PersonId child, ChangeLeadPractitionerCommand command,
        CancellationToken cancellationToken)
    {
        if (!await leads.MayChangeAsync(cancellationToken))
        {
            return Refusal.NotAllowed("LeadPractitionerId", LeadPractitionerHistoryHandler.ManagersOnly);
        }

        var current = await db.LeadPractitioners.FirstOrDefaultAsync(l => l.ChildId == child && l.To == null, cancellationToken);
        if (current?.Id != command.CurrentId)
        {
            return Stale;
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return Refusal.Of("Reason", "Enter why the lead child protection practitioner is changing");
        }

        var now = clock.GetUtcNow();
        var isSocialWorker = await socialWorkers.MayLeadAsync(child, command.LeadPractitionerId, cancellationToken);
        var named = LeadPractitioner.Name(child, current, command.LeadPractitionerId, isSocialWorker, clock.Today(), null, command.Reason,
            user.ProfessionalId, now);
        if (named.Refusal is { } refusal)
        {
            return refusal;
        }

        db.LeadPractitioners.Add(named.Value!);
        audit.Record("lead-practitioner.change", child, LeadPractitionerHistoryHandler.RecordType, detail: current is null ? "first" : "changed");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Stale;
        }

        return await leads.PageAsync(child, cancellationToken);
    }
}

public sealed class ChangeLeadPractitionerEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/people/{id:guid}/lead-practitioner", HandleAsync)
            .WithName("ChangeLeadPractitioner")
            .WithSummary("Names a new lead child protection practitioner from today, with a reason; the previous one is kept as history. "
                         + "A team manager in children's social care only (403 otherwise); the lead must be an active social worker of "
                         + "children's social care in the child's area. Send currentId as read (null for none); a different one now is 409.")
            .WithTags("Lead child protection practitioner");

    private static async Task<Results<Ok<LeadPractitionerPage>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        ChangeLeadPractitionerCommand command, ChangeLeadPractitionerHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), command, cancellationToken)).ToApiResult();
}
