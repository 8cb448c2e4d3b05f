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

namespace Cairn.Web.Features.Admin;

/// <summary>What an administrator sends to change an account: why (at least 20 characters) and the version they read.</summary>
public sealed record ChangeAccountCommand
{
    public string? Reason { get; init; }
    public int? Version { get; init; }
}

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
public sealed record ProfessionalAccount
{
    public required ProfessionalId Id { get; init; }
    public required string Name { get; init; }
    public required string JobTitle { get; init; }
    public required string Email { get; init; }
    public required string Agency { get; init; }
    public string? Team { get; init; }
    public required Role Roles { get; init; }
    public required bool IsActive { get; init; }
    /// <summary>Wrong passwords lately: the next password sign-in must wait (never a lock; sessions and tokens carry on).</summary>
    public required bool IsSignInDelayed { get; init; }
    public DateTimeOffset? SignInDelayedUntil { get; init; }
    public required int FailedSignIns { get; init; }
    public required int Version { get; init; }
    public required bool IsYou { get; init; }
    public required Holdings Holdings { get; init; }
    public required IReadOnlyList<ManagedTeam> ManagedTeams { get; init; }
    public required IReadOnlyList<AccountAction> Actions { get; init; }
    public required IReadOnlyList<AccountHistoryRow> History { get; init; }
}

/// <summary>
/// What one verb does to an account once it is found and its version checked: a refusal (nothing changed), or the
/// change made to <paramref name="professional"/> or <paramref name="account"/> and what to add to the audit entry's detail.
/// </summary>
public delegate Task<Outcome<string?>> AccountStep(Professional professional, Security.Account account, DateTimeOffset now);

/// <summary>
/// What the account administration verbs share (deactivate, reactivate, unlock, sign out everywhere): an account is
/// found only in the administrator's area, every change carries a reason and the version read, is kept in the account's
/// history and audited by ids, and answers with the account as it is now. Each verb's own rules live in its slice.
/// </summary>
public sealed class ProfessionalAccountsHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock,
    SignInSessions sessions)
{
    /// <summary>What every account change's API summary ends with.</summary>
    public const string ChangeSummary =
        " Send the reason (at least 20 characters) and the version you read; a stale version is 409 and changes nothing."
        + " A professional outside your area is 404. Administrators only.";

    private static Refusal Stale => Refusal.Conflict("this account");

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
        var managedTeams = await db.Teams
            .Where(t => t.ManagerId == id)
            .OrderBy(t => t.Name)
            .Select(t => new ManagedTeam(t.Id, t.Name))
            .ToListAsync(cancellationToken);
        return new ProfessionalAccount
        {
            Id = p.Id,
            Name = p.Name,
            JobTitle = p.JobTitle,
            Email = p.Email,
            Agency = found.Agency,
            Team = found.Team,
            Roles = p.Roles,
            IsActive = p.IsActive,
            IsSignInDelayed = account.WaitLeft(now) is not null,
            SignInDelayedUntil = account.WaitLeft(now) is not null ? account.SignInWaitUntil : null,
            FailedSignIns = account.FailedSignIns,
            Version = account.Version,
            IsYou = p.Id == user.ProfessionalId,
            Holdings = await HoldingsAsync(id, cancellationToken),
            ManagedTeams = managedTeams,
            Actions = ActionsFor(p, account, now),
            History = history.Select(c => new AccountHistoryRow(c.Action, c.ChangedBy, c.By, c.At, c.Reason)).ToList(),
        };
    }

    /// <summary>
    /// Makes one change to the account. Not found when the professional is not in the administrator's area (or has no local
    /// account); refused (nothing changed) for a stale version, or whatever <paramref name="change"/> refuses.
    /// </summary>
    public async Task<Handled<ProfessionalAccount>> ChangeAsync(ProfessionalId id, AccountAction action, ChangeAccountCommand command,
        AccountStep change, CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        var professional = await db.Professionals
            .Where(p => p.Id == id && db.Agencies.Any(a => a.Id == p.AgencyId && a.AreaId == area))
            .SingleOrDefaultAsync(cancellationToken);
        var account = professional is null ? null : await db.Accounts.SingleOrDefaultAsync(a => a.ProfessionalId == id, cancellationToken);
        if (professional is null || account is null)
        {
            return Handled.NotFound;
        }

        if (command.Version != account.Version)
        {
            return Stale;
        }

        var now = clock.GetUtcNow();
        var changed = await change(professional, account, now);
        if (changed.Refusal is { } refusal)
        {
            return refusal;
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
        audit.Record(AuditAction(action), null, "professional", id.Value, detail: changed.Value);
        // Another administrator's change (or the professional's sign-in) saved first: nothing of this one is kept.
        if (await db.SaveOrConflictAsync(Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        db.ChangeTracker.Clear();
        return (await ViewAsync(id, cancellationToken))!;
    }

    /// <summary>
    /// Ends every page session (each session record, and a new security stamp) and revokes every API token of the
    /// account; the audit detail says how many of each.
    /// </summary>
    public async Task<string> EndSessionsAsync(Security.Account account, DateTimeOffset now, SessionEnd why, CancellationToken cancellationToken)
    {
        account.ChangeSecurityStamp();
        var ended = await sessions.EndAllAsync(account.ProfessionalId, why, cancellationToken);
        var tokens = await db.ApiTokens.Where(t => t.ProfessionalId == account.ProfessionalId && t.RevokedAt == null).ToListAsync(cancellationToken);
        tokens.ForEach(t => t.RevokedAt = now);
        return string.Create(CultureInfo.InvariantCulture, $"sessions-ended={ended};api-tokens-revoked={tokens.Count}");
    }

    public static string AuditAction(AccountAction action) => action switch
    {
        AccountAction.Deactivate => "account.deactivate",
        AccountAction.Reactivate => "account.reactivate",
        AccountAction.Unlock => "account.unlock",
        AccountAction.SignOutEverywhere => "account.sign-out-everywhere",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>What the professional still holds: counted before a leaver's account is deactivated, and shown on their page.</summary>
    public async Task<Holdings> HoldingsAsync(ProfessionalId id, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var shares = await db.Shares.CountAsync(s => s.RecipientProfessional == id
            && (s.Status == ShareStatus.WithEmergencyDuty || s.Status == ShareStatus.Delivered || s.Status == ShareStatus.Received),
            cancellationToken);
        var prompts = await db.ConcernPrompts
            .CountAsync(p => p.AssignedProfessional == id && p.Status == ConcernPromptStatus.Open, cancellationToken);
        var children = await db.Involvements
            .Where(i => i.ProfessionalId == id && i.IsLeadProfessional && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Select(i => i.ChildId).Distinct().CountAsync(cancellationToken);
        var teams = await db.Teams.CountAsync(t => t.ManagerId == id, cancellationToken);
        var stages = await db.Disagreements.CountAsync(d => d.OwnerId == id && d.Status == DisagreementStatus.Open, cancellationToken);
        return new Holdings(shares, prompts, children, teams, stages);
    }

    /// <summary>A reason-and-rule check for a verb: the rule's message against "Action" when it fails, then the reason's.</summary>
    public static Refusal? Check(bool applies, string whyNot, string? reason)
    {
        var errors = new List<FieldError>();
        if (!applies)
        {
            errors.Add(new("Action", whyNot));
        }

        errors.AddRange(Professional.CheckReason(reason)?.Errors ?? []);
        return Refusal.FromErrors(errors);
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
}
