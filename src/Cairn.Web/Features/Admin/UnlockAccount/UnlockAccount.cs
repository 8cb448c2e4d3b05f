using Cairn.Domain;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Admin.UnlockAccount;

/// <summary>Clears a sign-in delay and the count of failed sign-ins; refused for an account with neither.</summary>
public sealed class UnlockAccountHandler(ProfessionalAccountsHandler accounts)
{
    public Task<Handled<ProfessionalAccount>> HandleAsync(ProfessionalId id, ChangeAccountCommand command, CancellationToken cancellationToken) =>
        accounts.ChangeAsync(id, AccountAction.Unlock, command, (_, account, now) =>
        {
            if (ProfessionalAccountsHandler.Check(account.NeedsUnlocking(now), "This account has no failed sign-ins to clear",
                    command.Reason) is { } refusal)
            {
                return Task.FromResult<Outcome<string?>>(refusal);
            }

            account.Unlock();
            return Task.FromResult(Outcome<string?>.Success(null));
        }, cancellationToken);
}
