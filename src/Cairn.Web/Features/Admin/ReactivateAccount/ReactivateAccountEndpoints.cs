using Cairn.Domain;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Admin.ReactivateAccount;

public sealed class ReactivateAccountEndpoints : IEndpoints
{
    private const string Summary = "Reactivates a deactivated account: they can sign in again (API tokens revoked at deactivation stay revoked).";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/admin/professionals/{id:guid}/reactivate",
                async (Guid id, ChangeAccountCommand command, ReactivateAccountHandler handler, CancellationToken ct) =>
                    (await handler.HandleAsync(new ProfessionalId(id), command, ct)).ToApiResult())
            .RequireAuthorization(Policies.Administrator)
            .WithName("ReactivateProfessional").WithSummary(Summary + ProfessionalAccountsHandler.ChangeSummary).WithTags("Administration");
}
