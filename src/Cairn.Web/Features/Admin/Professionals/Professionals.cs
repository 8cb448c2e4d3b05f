using System.Globalization;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Concerns;
using Cairn.Domain.Disagreements;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Admin.Professionals;

/// <summary>What an administrator sends to change an account: why (at least 20 characters) and the version they read.</summary>
public sealed record ChangeAccountCommand
{
    public string? Reason { get; init; }
    public int? Version { get; init; }
}

public sealed record ProfessionalRow(ProfessionalId Id, string Name, string Agency, string? Team, Role Roles, bool IsActive, bool IsLockedOut);

public sealed record ProfessionalList(string? Name, IReadOnlyList<ProfessionalRow> Professionals);

/// <summary>
/// What a professional still holds that would fall through a gap if they left without passing it on (L01, L16, L19):
/// open shares addressed to them by name, open concern prompts assigned to them, children for whom they are the
/// current lead professional, teams they manage, and open disagreements whose current stage they own.
/// </summary>
public sealed record Holdings(int OpenShares, int OpenConcernPrompts, int ChildrenLed, int TeamsManaged, int DisagreementStages)
{
    public int Total => OpenShares + OpenConcernPrompts + ChildrenLed + TeamsManaged + DisagreementStages;

    /// <summary>Counts only, for the audit entry's detail: no ids of children, no names.</summary>
    public string Detail => string.Create(CultureInfo.InvariantCulture,
        $"shares={OpenShares};prompts={OpenConcernPrompts};lead-for={ChildrenLed};teams={TeamsManaged};disagreements={DisagreementStages}");
}

/// <summary>A team the professional manages, so that the account page can link to where it is handed over.</summary>
public sealed record ManagedTeam(TeamId Id, string Name);

public sealed record AccountHistoryRow(AccountAction Action, ProfessionalId ChangedBy, string ChangedByName, DateTimeOffset At, string Reason);

/// <summary>One professional's account as an administrator sees it: who, where, status, what they hold and what can be done.</summary>
public sealed record ProfessionalAccount(
    ProfessionalId Id,
    string Name,
    string JobTitle,
    string Email,
    string Agency,
    string? Team,
    Role Roles,
    bool IsActive,
    bool IsLockedOut,
    DateTimeOffset? LockedUntil,
    int FailedSignIns,
    int Version,
    bool IsYou,
    Holdings Holdings,
    IReadOnlyList<ManagedTeam> ManagedTeams,
    IReadOnlyList<AccountAction> Actions,
    IReadOnlyList<AccountHistoryRow> History);

/// <summary>
/// Account administration: an administrator lists the area's professionals and deactivates, reactivates, unlocks or
/// signs out everywhere one of them, each with a reason and the version they read. Professionals outside the
/// administrator's area are not found. Each change is audited by ids; the reason is kept in the account's history.
/// </summary>
public sealed class ProfessionalsHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    private static Refusal Stale => Refusal.Conflict("this account");

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
                LockedUntil = account == null ? null : account.LockedUntil,
            };
        // Filtered here rather than in SQL: an area has hundreds of professionals, not millions, and this matches names
        // such as "Wiśniewski" without regard to case on both providers (SQLite's lower() folds ASCII only).
        var term = name?.Trim();
        var rows = await query.OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return new ProfessionalList(term, rows
            .Where(p => string.IsNullOrEmpty(term) || p.Name.Contains(term, StringComparison.OrdinalIgnoreCase))
            .Select(p => new ProfessionalRow(p.Id, p.Name, p.Agency, p.Team, p.Roles, p.IsActive, p.LockedUntil is { } until && until > now))
            .ToList());
    }

    /// <summary>The professional's account, or null when there is no such professional in the administrator's area.</summary>
    public async Task<ProfessionalAccount?> ViewAsync(ProfessionalId id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var area = user.AreaId;
        var found = await (
                from q in db.Professionals.AsNoTracking()
                join agency in db.Agencies on q.AgencyId equals agency.Id
                where q.Id == id && agency.AreaId == area
                join a in db.Accounts on q.Id equals a.ProfessionalId
                from team in db.Teams.Where(t => t.Id == q.TeamId).DefaultIfEmpty()
                select new { Professional = q, Agency = agency.Name, Team = team == null ? null : team.Name, Account = a })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var (p, account) = (found.Professional, found.Account);
        var history = await db.AccountChanges.AsNoTracking()
            .Where(c => c.ProfessionalId == id)
            .Join(db.Professionals, c => c.ChangedBy, by => by.Id, (c, by) => new { c.Id, c.Action, c.ChangedBy, By = by.Name, c.At, c.Reason })
            .OrderByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        return new ProfessionalAccount(p.Id, p.Name, p.JobTitle, p.Email, found.Agency, found.Team, p.Roles, p.IsActive,
            account.IsLockedOut(now), account.IsLockedOut(now) ? account.LockedUntil : null, account.FailedSignIns, account.Version,
            p.Id == user.ProfessionalId, await HoldingsAsync(id, cancellationToken),
            await db.Teams.Where(t => t.ManagerId == id).OrderBy(t => t.Name).Select(t => new ManagedTeam(t.Id, t.Name)).ToListAsync(cancellationToken),
            ActionsFor(p, account, now),
            history.Select(c => new AccountHistoryRow(c.Action, c.ChangedBy, c.By, c.At, c.Reason)).ToList());
    }

    /// <summary>
    /// Makes one change to the account. Null when the professional is not in the administrator's area (or has no local
    /// account); a refusal (nothing changed) for a stale version, a missing reason, or a change that does not apply.
    /// </summary>
    public async Task<Outcome<ProfessionalAccount>?> ChangeAsync(ProfessionalId id, AccountAction action, ChangeAccountCommand command,
        CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        var professional = await db.Professionals
            .Where(p => p.Id == id && db.Agencies.Any(a => a.Id == p.AgencyId && a.AreaId == area))
            .SingleOrDefaultAsync(cancellationToken);
        var account = professional is null ? null : await db.Accounts.SingleOrDefaultAsync(a => a.ProfessionalId == id, cancellationToken);
        if (professional is null || account is null)
        {
            return null;
        }

        if (command.Version != account.Version)
        {
            return Stale;
        }

        var now = clock.GetUtcNow();
        var refusal = action switch
        {
            AccountAction.Deactivate => professional.Deactivate(user.ProfessionalId, command.Reason),
            AccountAction.Reactivate => professional.Reactivate(command.Reason),
            AccountAction.Unlock => Unlock(account, command.Reason, now),
            AccountAction.SignOutEverywhere => SignOutEverywhere(professional, command.Reason),
            _ => Refusal.Of("Action", "Select what you want to do"),
        };
        if (refusal is not null)
        {
            if (action == AccountAction.Deactivate && professional.Id == user.ProfessionalId)
            {
                // An administrator trying to lock themselves out of administration is worth a line in the log.
                audit.Record("account.deactivate", null, "professional", id.Value, "refused", "self");
                await db.SaveChangesAsync(cancellationToken);
            }

            return refusal;
        }

        var detail = action == AccountAction.Deactivate ? (await HoldingsAsync(id, cancellationToken)).Detail : null;
        if (action is AccountAction.Deactivate or AccountAction.SignOutEverywhere)
        {
            account.ChangeSecurityStamp();
            var tokens = await db.ApiTokens.Where(t => t.ProfessionalId == id && t.RevokedAt == null).ToListAsync(cancellationToken);
            tokens.ForEach(t => t.RevokedAt = now);
            detail = (detail is null ? "" : detail + ";") + string.Create(CultureInfo.InvariantCulture, $"api-tokens-revoked={tokens.Count}");
        }

        account.Version++;
        db.AccountChanges.Add(new AccountChange
        {
            ProfessionalId = id,
            Action = action,
            ChangedBy = user.ProfessionalId,
            At = now,
            Reason = command.Reason!.Trim(),
        });
        audit.Record(AuditAction(action), null, "professional", id.Value, detail: detail);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another administrator's change (or the professional's sign-in) was saved first: nothing of this one is kept.
            db.ChangeTracker.Clear();
            return Stale;
        }

        db.ChangeTracker.Clear();
        return Outcome<ProfessionalAccount>.Success((await ViewAsync(id, cancellationToken))!);
    }

    public static string AuditAction(AccountAction action) => action switch
    {
        AccountAction.Deactivate => "account.deactivate",
        AccountAction.Reactivate => "account.reactivate",
        AccountAction.Unlock => "account.unlock",
        AccountAction.SignOutEverywhere => "account.sign-out-everywhere",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private async Task<Holdings> HoldingsAsync(ProfessionalId id, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var shares = await db.Shares.CountAsync(s => s.RecipientProfessional == id
            && (s.Status == ShareStatus.WithEmergencyDuty || s.Status == ShareStatus.Delivered || s.Status == ShareStatus.Received), cancellationToken);
        var prompts = await db.ConcernPrompts.CountAsync(p => p.AssignedProfessional == id && p.Status == ConcernPromptStatus.Open, cancellationToken);
        var children = await db.Involvements
            .Where(i => i.ProfessionalId == id && i.IsLeadProfessional && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Select(i => i.ChildId).Distinct().CountAsync(cancellationToken);
        var teams = await db.Teams.CountAsync(t => t.ManagerId == id, cancellationToken);
        var stages = await db.Disagreements.CountAsync(d => d.OwnerId == id && d.Status == DisagreementStatus.Open, cancellationToken);
        return new Holdings(shares, prompts, children, teams, stages);
    }

    private List<AccountAction> ActionsFor(Professional professional, Security.Account account, DateTimeOffset now)
    {
        var actions = new List<AccountAction>();
        if (professional.IsActive)
        {
            if (professional.Id != user.ProfessionalId)
            {
                actions.Add(AccountAction.Deactivate);
            }

            actions.Add(AccountAction.SignOutEverywhere);
        }
        else
        {
            actions.Add(AccountAction.Reactivate);
        }

        if (account.NeedsUnlocking(now))
        {
            actions.Add(AccountAction.Unlock);
        }

        return actions;
    }

    private static Refusal? Unlock(Security.Account account, string? reason, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (!account.NeedsUnlocking(now))
        {
            errors.Add(new("Action", "This account is not locked and has no failed sign-ins to clear"));
        }

        errors.AddRange(Professional.CheckReason(reason)?.Errors ?? []);
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        account.Unlock();
        return null;
    }

    private static Refusal? SignOutEverywhere(Professional professional, string? reason)
    {
        var errors = new List<FieldError>();
        if (!professional.IsActive)
        {
            errors.Add(new("Action", "This account is deactivated: it has no sessions to end"));
        }

        errors.AddRange(Professional.CheckReason(reason)?.Errors ?? []);
        return Refusal.FromErrors(errors);
    }
}
