using Cairn.Domain;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Admin.SignOutEverywhere;

/// <summary>Ends every page session and revokes every API token of an active account; it can sign in again.</summary>
public sealed class SignOutEverywhereHandler(ProfessionalAccountsHandler accounts)
{
    public Task<Handled<ProfessionalAccount>> HandleAsync(ProfessionalId id, ChangeAccountCommand command, CancellationToken cancellationToken) =>
        accounts.ChangeAsync(id, AccountAction.SignOutEverywhere, command, async (professional, account, now) =>
            ProfessionalAccountsHandler.Check(professional.IsActive, "This account is deactivated: it has no sessions to end", command.Reason)
                is { } refusal
                ? refusal
                : Outcome<string?>.Success(await accounts.EndSessionsAsync(account, now, SessionEnd.SignedOutEverywhere, cancellationToken)),
            cancellationToken);
}
