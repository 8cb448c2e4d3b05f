using Cairn.Domain;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Admin.ReactivateAccount;

/// <summary>Reactivates a deactivated account: they can sign in again (API tokens revoked at deactivation stay revoked).</summary>
public sealed class ReactivateAccountHandler(ProfessionalAccountsHandler accounts)
{
    public Task<Handled<ProfessionalAccount>> HandleAsync(ProfessionalId id, ChangeAccountCommand command, CancellationToken cancellationToken) =>
        accounts.ChangeAsync(id, AccountAction.Reactivate, command,
            (professional, _, _) => Task.FromResult(professional.Reactivate(command.Reason) is { } refusal
                ? refusal
                : Outcome<string?>.Success(null)),
            cancellationToken);
}
