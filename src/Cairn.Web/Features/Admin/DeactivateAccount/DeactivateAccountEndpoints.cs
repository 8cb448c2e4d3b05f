using Cairn.Domain;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Admin.DeactivateAccount;

public sealed class DeactivateAccountEndpoints : IEndpoints
{
    private const string Summary =
        "Deactivates a leaver's account: they cannot sign in, their page sessions end at the next request (new security stamp)"
        + " and their API tokens are revoked. Nothing they hold is passed on: read their holdings first. You cannot deactivate yourself.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/admin/professionals/{id:guid}/deactivate",
                async (Guid id, ChangeAccountCommand command, DeactivateAccountHandler handler, CancellationToken ct) =>
                    (await handler.HandleAsync(new ProfessionalId(id), command, ct)).ToApiResult())
            .RequireAuthorization(Policies.Administrator)
            .WithName("DeactivateProfessional").WithSummary(Summary + ProfessionalAccountsHandler.ChangeSummary).WithTags("Administration");
}
