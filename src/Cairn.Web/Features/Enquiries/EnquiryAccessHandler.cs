using Cairn.Domain;
using Cairn.Domain.Access;
using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Enquiries;

/// <summary>What a change to an enquiry left: where it stands, the version to send next, and what happened to the legal status.</summary>
public sealed record ChangedEnquiry(Section47EnquiryId Id, PersonId ChildId, Section47Status Status, Section47Outcome? Outcome,
    bool ConferenceRequired, DateOnly? ConferenceDecidedOn, int Version, string? LegalStatusNote)
{
    /// <summary>The meeting the step scheduled (an initial child protection conference), in words; null when none.</summary>
    public string? MeetingNote { get; init; }

    public static ChangedEnquiry Of(Section47Enquiry e, string? legalStatusNote = null) =>
        new(e.Id, e.ChildId, e.Status, e.Outcome, e.ConferenceRequired, e.ConferenceDecidedOn, e.Version, legalStatusNote);
}

/// <summary>A professional who may lead an enquiry: active, in children's social care in the child's area.</summary>
public sealed record LeadOption(ProfessionalId Id, string Name, string JobTitle, string Agency);

/// <summary>Which step an enquiry change is: the lead social worker's work, or a manager's decision on the outcome.</summary>
public enum EnquiryStep
{
    /// <summary>Start, record the roles, record the outcome: children's social care.</summary>
    Work,
    /// <summary>Authorise or return the outcome: a team manager in children's social care.</summary>
    Decide,
}

/// <summary>
/// What the section 47 slices share (L17, L20): who may take each step, who may lead, and the one path every change to an
/// existing enquiry takes (read, check the child's record may be opened, check the step is the viewer's, change, audit, save
/// or conflict). A section 47 enquiry is children's social care's statutory duty, so only children's social care starts it,
/// records the roles and the outcome; a team manager there authorises or returns the outcome. Anyone else who may open the
/// child's record reads it; anyone who may not gets 404.
/// </summary>
public sealed class EnquiryAccessHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string RecordType = "section-47-enquiry";

    public const string NotSocialCare = "Only children's social care can start a section 47 enquiry or record its roles and outcome. "
                                        + "Tell the lead social worker what you know.";

    public const string NotManager = "Only a team manager in children's social care can authorise or return the outcome of a section 47 enquiry.";

    /// <summary>The step is not the viewer's: 403, audited as every refusal is.</summary>
    public static Refusal NotTheirs(EnquiryStep step) =>
        Refusal.NotAllowed("Enquiry", step == EnquiryStep.Work ? NotSocialCare : NotManager);

    /// <summary>The child an enquiry is about; null when there is no such enquiry.</summary>
    public async Task<PersonId?> ChildOfAsync(Section47EnquiryId id, CancellationToken cancellationToken) =>
        await db.Section47Enquiries.AsNoTracking().Where(e => e.Id == id).Select(e => (PersonId?)e.ChildId)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether the viewer may take the step, given they may open the child's record.</summary>
    public async Task<bool> MayAsync(EnquiryStep step, CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn || (step == EnquiryStep.Decide && !user.Has(Role.TeamManager)))
        {
            return false;
        }

        var agency = user.AgencyId;
        return await db.Agencies.AnyAsync(a => a.Id == agency && a.Kind == AgencyKind.ChildrensSocialCare, cancellationToken);
    }

    /// <summary>Who may lead an enquiry about the child: active professionals of children's social care in the child's area.</summary>
    public async Task<IReadOnlyList<LeadOption>> LeadOptionsAsync(PersonId childId, CancellationToken cancellationToken)
    {
        var area = await db.People.Where(p => p.Id == childId).Select(p => p.AreaId).SingleAsync(cancellationToken);
        return (await Leads(area)
                .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.Name, p.JobTitle, p.Roles, Agency = a.Name })
                .ToListAsync(cancellationToken))
            .Where(p => !p.Roles.HasFlag(Role.Administrator))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new LeadOption(p.Id, p.Name, p.JobTitle, p.Agency)).ToList();
    }

    /// <summary>Whether the professional may lead an enquiry about the child (<see cref="LeadOptionsAsync"/>).</summary>
    public async Task<bool> MayLeadAsync(PersonId childId, ProfessionalId? lead, CancellationToken cancellationToken)
    {
        if (lead is not { } id)
        {
            return false;
        }

        var area = await db.People.Where(p => p.Id == childId).Select(p => p.AreaId).SingleAsync(cancellationToken);
        var roles = await Leads(area).Where(p => p.Id == id).Select(p => (Role?)p.Roles).FirstOrDefaultAsync(cancellationToken);
        return roles is { } r && !r.HasFlag(Role.Administrator);
    }

    private IQueryable<Professional> Leads(AreaId area) =>
        db.Professionals.Where(p => p.IsActive && db.Agencies.Any(a => a.Id == p.AgencyId && a.AreaId == area
                                                                      && a.Kind == AgencyKind.ChildrensSocialCare));

    /// <summary>
    /// Changes an existing enquiry: not found when it does not exist or the viewer may not open the child's record; refused
    /// (403) when the step is not theirs; otherwise <paramref name="change"/> changes the enquiry (and anything that follows
    /// in the same unit of work), the change is audited under <paramref name="action"/> and saved, or answered with a
    /// conflict. Every refusal is audited under <paramref name="action"/> (<see cref="RefusedChanges"/>).
    /// </summary>
    public async Task<Handled<ChangedEnquiry>> ChangeAsync(Section47EnquiryId id, string action, EnquiryStep step,
        Func<Section47Enquiry, DateTimeOffset, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        if (await ChildOfAsync(id, cancellationToken) is not { } child)
        {
            return Handled.NotFound;
        }

        var decision = await access.OpenAsync(child, cancellationToken);
        if (!decision.Allowed)
        {
            return Handled.NotFound;
        }

        return await ChangeEnquiryAsync(id, action, step, change, cancellationToken)
            .AuditRefusalAsync(audit, action, child, RecordType, id.Value, cancellationToken);
    }

    private async Task<Handled<ChangedEnquiry>> ChangeEnquiryAsync(Section47EnquiryId id, string action, EnquiryStep step,
        Func<Section47Enquiry, DateTimeOffset, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        if (!await MayAsync(step, cancellationToken))
        {
            return NotTheirs(step);
        }

        var enquiry = await db.Section47Enquiries.Include(e => e.Events).SingleAsync(e => e.Id == id, cancellationToken);
        if (await change(enquiry, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        audit.Record(action, enquiry.ChildId, RecordType, id.Value, detail: enquiry.Status.ToString());
        return await db.SaveOrConflictAsync(Section47Enquiry.Stale, cancellationToken) is { } conflict
            ? conflict
            : ChangedEnquiry.Of(enquiry);
    }

    /// <summary>Whether the viewer may open the child's record, audited when refused (the same as not found).</summary>
    public Task<AccessDecision> OpenAsync(PersonId child, CancellationToken cancellationToken) => access.OpenAsync(child, cancellationToken);

    /// <summary>The enquiry started from a strategy discussion, if one has been; callers have checked the viewer may see the discussion.</summary>
    public async Task<Section47EnquiryId?> EnquiryOfDiscussionAsync(StrategyDiscussionId discussion, CancellationToken cancellationToken) =>
        await db.Section47Enquiries.AsNoTracking().Where(e => e.StrategyDiscussionId == discussion).Select(e => (Section47EnquiryId?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
