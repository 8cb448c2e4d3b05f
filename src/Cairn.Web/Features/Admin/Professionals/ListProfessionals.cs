using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Admin.Professionals;

public sealed record ProfessionalRow(ProfessionalId Id, string Name, string Agency, string? Team, Role Roles, bool IsActive, bool IsSignInDelayed);

public sealed record ProfessionalList(string? Name, IReadOnlyList<ProfessionalRow> Professionals);

/// <summary>
/// The area's professionals as an administrator lists them, filtered by part of a name. What can be done to one account
/// is in the verb slices beside this one (DeactivateAccount, ReactivateAccount, UnlockAccount, SignOutEverywhere).
/// </summary>
public sealed class ListProfessionalsHandler(CairnDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<ProfessionalList> ListAsync(string? name, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var area = user.AreaId;
        var query =
            from p in db.Professionals.AsNoTracking()
            join agency in db.Agencies on p.AgencyId equals agency.Id
            where agency.AreaId == area
            from team in db.Teams.Where(t => t.Id == p.TeamId).DefaultIfEmpty()
            from account in db.Accounts.Where(a => a.ProfessionalId == p.Id).DefaultIfEmpty()
            select new
            {
                p.Id,
                p.Name,
                Agency = agency.Name,
                Team = team == null ? null : team.Name,
                p.Roles,
                p.IsActive,
                WaitUntil = account == null ? null : account.SignInWaitUntil,
            };
        // Filtered here rather than in SQL: an area has hundreds of professionals, not millions, and this matches names
        // such as "Wiśniewski" without regard to case on both providers (SQLite's lower() folds ASCII only).
        var term = name?.Trim();
        var rows = await query.OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return new ProfessionalList(term, rows
            .Where(p => string.IsNullOrEmpty(term) || p.Name.Contains(term, StringComparison.OrdinalIgnoreCase))
            .Select(p => new ProfessionalRow(p.Id, p.Name, p.Agency, p.Team, p.Roles, p.IsActive,
                p.WaitUntil is { } until && until > now))
            .ToList());
    }
}
