using Cairn.Domain;
using Cairn.Domain.EarlyHelp;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.EarlyHelp.ListEpisodes;

public sealed record EpisodeSummary(EarlyHelpEpisodeId Id, DateOnly StartedOn, string Lead, EarlyHelpStatus Status, ClosureReason? ClosureReason,
    DateOnly? ClosedOn);

/// <summary>A child's early help episodes, newest first, and whether the viewer may start one.</summary>
public sealed record ChildEpisodes(PersonId ChildId, IReadOnlyList<EpisodeSummary> Episodes, bool MayStart);

/// <summary>Lists a child's early help episodes for anyone who may open the child's record.</summary>
public sealed class ListEpisodesHandler(CairnDbContext db, RecordAccessService access, EarlyHelpAccessHandler earlyHelp, AuditLog audit)
{
    /// <returns>Null when the child does not exist or the viewer may not see them.</returns>
    public async Task<ChildEpisodes?> HandleAsync(PersonId childId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("early-help.list", childId, decision.Reason.ToString(), cancellationToken);
        var episodes = await db.EarlyHelpEpisodes.AsNoTracking().Where(e => e.ChildId == childId)
            .Join(db.Professionals, e => e.LeadProfessionalId, p => p.Id,
                (e, p) => new { e.Id, e.StartedOn, p.Name, e.Status, e.ClosureReason, e.ClosedOn })
            .ToListAsync(cancellationToken);
        return new ChildEpisodes(childId,
            episodes.OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id.Value)
                .Select(e => new EpisodeSummary(e.Id, e.StartedOn, e.Name, e.Status, e.ClosureReason, e.ClosedOn)).ToList(),
            await earlyHelp.MayManageAsync(childId, decision, null, cancellationToken));
    }
}
