using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Enquiries;

/// <summary>
/// The child's legal status follows the enquiry (L20), in the same unit of work as the step: while it is open the child is
/// under a section 47 enquiry (recording the strategy discussion usually did this already; starting makes sure, over no
/// status, early help or child in need); once a manager authorises an outcome with no continuing risk, a child still under the
/// enquiry becomes a child in need. A higher status (a child protection plan, looked after) is never lowered. Each change is
/// audited as <c>legal-status.change</c> with the step that made it. Legal status history is kept by day, so a change that
/// would start on or before the current status's first day is not made: the note says so, and the social worker records it
/// on the legal status page the next day.
/// </summary>
public sealed class EnquiryLegalStatusHandler(CairnDbContext db, AuditLog audit, CurrentUser user)
{
    /// <summary>After starting: the child is under a section 47 enquiry from the day of the strategy discussion.</summary>
    public async Task<string?> AfterStartAsync(Section47Enquiry enquiry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(enquiry.ChildId, cancellationToken);
        if (Section47Enquiry.StatusWhileOpen(current?.Kind) is not { } kind)
        {
            return current?.Kind == LegalStatusKind.Section47Enquiry ? null : $"Legal status stays {Display.Text(current!.Kind)}";
        }

        var from = current is not null && enquiry.StartedOn <= current.From ? current.From.AddDays(1) : enquiry.StartedOn;
        return Change(current, enquiry.ChildId, kind, from, "Section 47 enquiry started", "s47.start", now);
    }

    /// <summary>After authorising: what <see cref="Section47Enquiry.StatusAfterCompletion"/> says, from the day it was authorised.</summary>
    public async Task<string?> AfterAuthorisedAsync(Section47Enquiry enquiry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(enquiry.ChildId, cancellationToken);
        var anotherOpen = await db.Section47Enquiries.AnyAsync(e => e.ChildId == enquiry.ChildId && e.Id != enquiry.Id
                                                                  && e.Status != Section47Status.Completed, cancellationToken);
        if (enquiry.StatusAfterCompletion(current?.Kind, anotherOpen) is not { } kind)
        {
            return current is null ? null : $"Legal status stays {Display.Text(current.Kind)}";
        }

        return Change(current, enquiry.ChildId, kind, now.InLondon(), "Section 47 enquiry completed: no continuing risk of significant harm",
            "s47.authorise", now);
    }

    private Task<LegalStatus?> CurrentAsync(PersonId child, CancellationToken cancellationToken) =>
        db.LegalStatuses.Where(s => s.ChildId == child && s.To == null).FirstOrDefaultAsync(cancellationToken);

    private string Change(LegalStatus? current, PersonId child, LegalStatusKind kind, DateOnly from, string reason, string step,
        DateTimeOffset now)
    {
        if (from > now.InLondon())
        {
            return $"Legal status not changed: it already changed today. Record {Display.Text(kind)} on the legal status page tomorrow";
        }

        var changed = LegalStatus.Change(current, child, kind, null, from, reason, user.ProfessionalId, now);
        if (changed.Value is not { } status)
        {
            return $"Legal status not changed: {changed.Refusal!.Errors[0].Message}";
        }

        db.LegalStatuses.Add(status);
        audit.Record("legal-status.change", child, "legal-status", status.Id.Value, detail: step);
        return $"Legal status is now {Display.Text(kind)}";
    }
}
