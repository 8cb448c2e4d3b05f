using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.EarlyHelp;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.EarlyHelp.ViewEpisode;

public sealed record LeadProfessionalView(ProfessionalId Id, string Name, string JobTitle, string Agency, string Email, string? Phone);

public sealed record EpisodeEventView(EarlyHelpEventKind Kind, string By, DateTimeOffset At, string? FromLead, string? ToLead,
    ClosureReason? Reason, string? Note);

/// <summary>
/// The episode's early help plan: where it stands, the version being drafted, and how many of its sections nobody has reviewed yet
/// (a plan summary recorded on the episode before early help plans is such a section).
/// </summary>
public sealed record EpisodePlanView(PlanId Id, PlanStatus Status, int? DraftNumber, int NotReviewed, DateOnly? StartedOn, DateOnly? EndedOn);

/// <summary>One early help episode: lead professional, consent, its early help plan, where it stands and its history.</summary>
public sealed record EpisodeDetails
{
    public required EarlyHelpEpisodeId Id { get; init; }
    public required PersonId ChildId { get; init; }
    public required DateOnly StartedOn { get; init; }
    public required LeadProfessionalView Lead { get; init; }
    public required Consent Consent { get; init; }
    /// <summary>Its early help plans, newest first: one not ended at most.</summary>
    public required IReadOnlyList<EpisodePlanView> Plans { get; init; }
    public required EarlyHelpStatus Status { get; init; }
    public ClosureReason? ClosureReason { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public ContactId? FrontDoorContactId { get; init; }
    public ContactStatus? FrontDoorContactStatus { get; init; }
    public required int Version { get; init; }
    public required bool MayManage { get; init; }

    /// <summary>Whether the viewer may start its early help plan here: they may manage it, it is not closed and has no plan in force.</summary>
    public bool MayStartPlan => MayManage && Status != EarlyHelpStatus.Closed && Plans.All(p => p.Status == PlanStatus.Ended);
    public required IReadOnlyList<EpisodeEventView> History { get; init; }
}

/// <summary>Reads one early help episode (L18, L19) for anyone who may open the child's record.</summary>
public sealed class ViewEpisodeHandler(CairnDbContext db, RecordAccessService access, EarlyHelpAccessHandler earlyHelp, AuditLog audit)
{
    /// <returns>Null when the episode does not exist or the viewer may not see the child's record.</returns>
    public async Task<EpisodeDetails?> HandleAsync(EarlyHelpEpisodeId id, CancellationToken cancellationToken)
    {
        if (await earlyHelp.ChildOfAsync(id, cancellationToken) is not { } child)
        {
            return null;
        }

        var decision = await access.OpenAsync(child, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("early-help.view", child, decision.Reason.ToString(), cancellationToken);
        var e = await db.EarlyHelpEpisodes.AsNoTracking().Include(x => x.Events).SingleAsync(x => x.Id == id, cancellationToken);
        var people = e.Events.SelectMany(v => new[] { (ProfessionalId?)v.By, v.FromLead, v.ToLead }).Append(e.LeadProfessionalId)
            .OfType<ProfessionalId>().Distinct().ToList();
        var professionals = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id))
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new LeadProfessionalView(p.Id, p.Name, p.JobTitle, a.Name, p.Email, p.Phone))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        string? Name(ProfessionalId? p) => p is { } x ? professionals[x].Name : null;

        var plans = await db.Plans.AsNoTracking().Include(p => p.Versions).Where(p => p.EpisodeId == id).ToListAsync(cancellationToken);
        ContactStatus? contactStatus = e.FrontDoorContactId is { } contact
            ? await db.Contacts.Where(c => c.Id == contact).Select(c => (ContactStatus?)c.Status).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new EpisodeDetails
        {
            Id = e.Id,
            ChildId = e.ChildId,
            StartedOn = e.StartedOn,
            Lead = professionals[e.LeadProfessionalId],
            Consent = e.Consent,
            Plans = plans.OrderByDescending(p => p.CreatedAt)
                .Select(p => new EpisodePlanView(p.Id, p.Status, p.Draft?.Number, p.Draft?.Sections.Count(x => x.NeedsReview) ?? 0, p.StartedOn,
                    p.EndedOn))
                .ToList(),
            Status = e.Status,
            ClosureReason = e.ClosureReason,
            ClosedOn = e.ClosedOn,
            FrontDoorContactId = e.FrontDoorContactId,
            FrontDoorContactStatus = contactStatus,
            Version = e.Version,
            MayManage = await earlyHelp.MayManageAsync(e.ChildId, decision, e.LeadProfessionalId, cancellationToken),
            History = e.Events.OrderBy(v => v.At).ThenBy(v => v.Id)
                .Select(v => new EpisodeEventView(v.Kind, Name(v.By)!, v.At, Name(v.FromLead), Name(v.ToLead), v.Reason, v.Note)).ToList(),
        };
    }
}
