using Cairn.Domain;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Admin.DeactivateAccount;

/// <summary>
/// Deactivates a leaver's account: they cannot sign in, their sessions and API tokens end, and the audit entry counts
/// what they still hold (nothing is passed on). An administrator cannot deactivate themselves; trying is audited.
/// </summary>
public sealed class DeactivateAccountHandler(ProfessionalAccountsHandler accounts, CairnDbContext db, CurrentUser user, AuditLog audit)
{
    public Task<Handled<ProfessionalAccount>> HandleAsync(ProfessionalId id, ChangeAccountCommand command, CancellationToken cancellationToken) =>
        accounts.ChangeAsync(id, AccountAction.Deactivate, command, async (professional, account, now) =>
        {
            if (professional.Deactivate(user.ProfessionalId, command.Reason) is { } refusal)
            {
                if (professional.Id == user.ProfessionalId)
                {
                    // An administrator trying to lock themselves out of administration is worth a line in the log.
                    audit.Record(ProfessionalAccountsHandler.AuditAction(AccountAction.Deactivate), null, "professional", id.Value,
                        "refused", "self");
                    await db.SaveChangesAsync(cancellationToken);
                }

                return refusal;
            }

            var holdings = (await accounts.HoldingsAsync(id, cancellationToken)).Detail;
            var ended = await accounts.EndSessionsAsync(account, now, SessionEnd.Deactivated, cancellationToken);
            return Outcome<string?>.Success(holdings + ";" + ended);
        }, cancellationToken);
}
