using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Enquiries.ViewEnquiry;

public sealed record EnquiryProfessional(ProfessionalId Id, string Name, string JobTitle, string Agency, string Email, string? Phone);

public sealed record EnquiryEventView(Section47EventKind Kind, string By, DateTimeOffset At, string? Note);

/// <summary>One section 47 enquiry: who leads it, what the police and health are doing, the outcome and its authorisation.</summary>
public sealed record EnquiryDetails
{
    public required Section47EnquiryId Id { get; init; }
    public required PersonId ChildId { get; init; }
    public required StrategyDiscussionId StrategyDiscussionId { get; init; }
    public required DateOnly StartedOn { get; init; }
    public required EnquiryProfessional Lead { get; init; }
    public required string? PoliceRole { get; init; }
    public required string? HealthRole { get; init; }
    public required Section47Status Status { get; init; }
    public required Section47Outcome? Outcome { get; init; }
    public required DateOnly? OutcomeOn { get; init; }
    public required string? OutcomeReasons { get; init; }
    public required bool ConferenceRequired { get; init; }
    public required DateOnly? ConferenceDecidedOn { get; init; }
    public required string? OutcomeRecordedBy { get; init; }
    public required string? AuthorisedBy { get; init; }
    public required DateTimeOffset? AuthorisedAt { get; init; }
    public required int Version { get; init; }

    /// <summary>Whether the viewer may record the roles and the outcome (children's social care) while the enquiry is open.</summary>
    public required bool MayWork { get; init; }

    /// <summary>Whether the viewer may authorise or return the outcome now: a team manager in children's social care, not its recorder.</summary>
    public required bool MayDecide { get; init; }

    public required IReadOnlyList<EnquiryEventView> Events { get; init; }
}

/// <summary>Reads one section 47 enquiry for anyone who may open the child's record; every read is audited.</summary>
public sealed class ViewEnquiryHandler(CairnDbContext db, EnquiryAccessHandler enquiries, AuditLog audit, Security.CurrentUser user)
{
    /// <returns>Null when the enquiry does not exist or the viewer may not open the child's record.</returns>
    public async Task<EnquiryDetails?> HandleAsync(Section47EnquiryId id, CancellationToken cancellationToken)
    {
        if (await enquiries.ChildOfAsync(id, cancellationToken) is not { } child)
        {
            return null;
        }

        var decision = await enquiries.OpenAsync(child, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("s47.view", child, decision.Reason.ToString(), cancellationToken);
        var e = await db.Section47Enquiries.AsNoTracking().Include(x => x.Events).SingleAsync(x => x.Id == id, cancellationToken);
        var people = e.Events.Select(v => v.By).Append(e.LeadSocialWorkerId)
            .Concat(new[] { e.OutcomeRecordedBy, e.AuthorisedBy }.OfType<ProfessionalId>()).Distinct().ToList();
        var professionals = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id))
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new EnquiryProfessional(p.Id, p.Name, p.JobTitle, a.Name, p.Email, p.Phone))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        string? Name(ProfessionalId? p) => p is { } x ? professionals[x].Name : null;

        var mayWork = await enquiries.MayAsync(EnquiryStep.Work, cancellationToken);
        var mayDecide = e.Status == Section47Status.OutcomeRecorded && e.OutcomeRecordedBy != user.ProfessionalId
                        && await enquiries.MayAsync(EnquiryStep.Decide, cancellationToken);
        return new EnquiryDetails
        {
            Id = e.Id,
            ChildId = e.ChildId,
            StrategyDiscussionId = e.StrategyDiscussionId,
            StartedOn = e.StartedOn,
            Lead = professionals[e.LeadSocialWorkerId],
            PoliceRole = e.PoliceRole,
            HealthRole = e.HealthRole,
            Status = e.Status,
            Outcome = e.Outcome,
            OutcomeOn = e.OutcomeOn,
            OutcomeReasons = e.OutcomeReasons,
            ConferenceRequired = e.ConferenceRequired,
            ConferenceDecidedOn = e.ConferenceDecidedOn,
            OutcomeRecordedBy = Name(e.OutcomeRecordedBy),
            AuthorisedBy = Name(e.AuthorisedBy),
            AuthorisedAt = e.AuthorisedAt,
            Version = e.Version,
            MayWork = mayWork && e.Status == Section47Status.Open,
            MayDecide = mayDecide,
            Events = e.Events.OrderBy(v => v.At).ThenBy(v => v.Id).Select(v => new EnquiryEventView(v.Kind, Name(v.By)!, v.At, v.Note)).ToList(),
        };
    }
}
