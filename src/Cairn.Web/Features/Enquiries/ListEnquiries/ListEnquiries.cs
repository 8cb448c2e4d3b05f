using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Enquiries.ListEnquiries;

public sealed record EnquirySummary(Section47EnquiryId Id, DateOnly StartedOn, string Lead, Section47Status Status, Section47Outcome? Outcome,
    bool ConferenceRequired, DateOnly? ConferenceDecidedOn);

/// <summary>A child's section 47 enquiries, newest first.</summary>
public sealed record ChildEnquiries(PersonId ChildId, IReadOnlyList<EnquirySummary> Enquiries);

/// <summary>Lists a child's section 47 enquiries for anyone who may open the child's record; every read is audited.</summary>
public sealed class ListEnquiriesHandler(CairnDbContext db, EnquiryAccessHandler enquiries, AuditLog audit)
{
    /// <returns>Null when the child does not exist or the viewer may not open their record.</returns>
    public async Task<ChildEnquiries?> HandleAsync(PersonId childId, CancellationToken cancellationToken)
    {
        var decision = await enquiries.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("s47.list", childId, decision.Reason.ToString(), cancellationToken);
        var rows = await db.Section47Enquiries.AsNoTracking().Where(e => e.ChildId == childId)
            .Join(db.Professionals, e => e.LeadSocialWorkerId, p => p.Id,
                (e, p) => new { e.Id, e.StartedOn, p.Name, e.Status, e.Outcome, e.ConferenceDecidedOn })
            .ToListAsync(cancellationToken);
        return new ChildEnquiries(childId, rows.OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id.Value)
            .Select(e => new EnquirySummary(e.Id, e.StartedOn, e.Name, e.Status, e.Outcome,
                e.Outcome == Section47Outcome.SubstantiatedAtContinuingRisk, e.ConferenceDecidedOn))
            .ToList());
    }
}
