using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares;

/// <summary>Gathers the facts for <see cref="ShareAccess"/> and asks it; a refusal is audited and reported as "not found".</summary>
public sealed class ShareAccessService(CairnDbContext db, CurrentUser user, AuditLog audit)
{
    private ShareViewer? _viewer;

    public async Task<ShareViewer> ViewerAsync(CancellationToken cancellationToken)
    {
        if (_viewer is not null)
        {
            return _viewer;
        }

        var me = user.ProfessionalId;
        var team = await db.Professionals.Where(p => p.Id == me).Select(p => p.TeamId).SingleAsync(cancellationToken);
        var managed = user.Has(Role.TeamManager)
            ? await db.Teams.Where(t => t.ManagerId == me).Select(t => t.Id).ToListAsync(cancellationToken)
            : [];
        _viewer = new ShareViewer(me, user.AgencyId, team, user.AreaId, user.Roles, managed.ToHashSet());
        return _viewer;
    }

    /// <summary>Whether the signed-in professional may see the share. Unknown and refused are the same answer.</summary>
    public async Task<bool> MayViewAsync(ShareId id, CancellationToken cancellationToken)
    {
        var parties = await db.Shares.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new
            {
                s.SentBy,
                s.RecipientAgency,
                s.RecipientTeam,
                s.RecipientProfessional,
                s.Status,
                SenderTeam = db.Professionals.Where(p => p.Id == s.SentBy).Select(p => p.TeamId).FirstOrDefault(),
                RecipientTeamOfProfessional = db.Professionals.Where(p => p.Id == s.RecipientProfessional).Select(p => p.TeamId).FirstOrDefault(),
                Area = db.Agencies.Where(a => a.Id == s.SentByAgency).Select(a => a.AreaId).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var allowed = parties is not null && ShareAccess.MayView(await ViewerAsync(cancellationToken), new ShareParties(
            parties.SentBy,
            parties.SenderTeam,
            new ShareRecipient(parties.RecipientAgency, parties.RecipientTeam, parties.RecipientProfessional),
            parties.RecipientTeamOfProfessional,
            parties.Area,
            parties.Status));
        if (!allowed)
        {
            audit.Record("share.open", null, "share", id.Value, "refused");
            await db.SaveChangesAsync(cancellationToken);
        }

        return allowed;
    }
}
