using Cairn.Domain;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares;

/// <summary>
/// Who a share may be sent or redirected to: an agency of the area's directory, optionally one of its teams, optionally
/// an active professional who works in that agency (and that team, when one is named). One rule for sending and
/// redirecting, so a share never lands with someone the directory says is elsewhere.
/// </summary>
public static class ShareRecipients
{
    /// <returns>Null when the recipient fits; otherwise a refusal on the field to correct.</returns>
    public static async Task<Refusal?> CheckAsync(CairnDbContext db, AgencyId agency, TeamId? team, ProfessionalId? professional,
        CancellationToken cancellationToken)
    {
        if (!await db.Agencies.AnyAsync(a => a.Id == agency, cancellationToken))
        {
            return Refusal.Of("RecipientAgencyId", "Select an agency to send the share to");
        }

        if (team is { } t && !await db.Teams.AnyAsync(x => x.Id == t && x.AgencyId == agency, cancellationToken))
        {
            return Refusal.Of("RecipientTeamId", "Select a team that belongs to the agency you chose");
        }

        if (professional is { } p)
        {
            var found = await db.Professionals.Where(x => x.Id == p && x.IsActive)
                .Select(x => new { x.AgencyId, x.TeamId })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null || found.AgencyId != agency || (team is { } named && found.TeamId != named))
            {
                return Refusal.Of("RecipientProfessionalId", "Select a professional who works in the agency (and team) you chose");
            }
        }

        return null;
    }
}
