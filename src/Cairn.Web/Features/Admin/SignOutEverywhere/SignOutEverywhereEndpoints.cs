using Cairn.Domain;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Admin.SignOutEverywhere;

public sealed class SignOutEverywhereEndpoints : IEndpoints
{
    private const string Summary = "Ends every page session (new security stamp) and revokes every API token; the account can sign in again.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/admin/professionals/{id:guid}/sign-out-everywhere",
                async (Guid id, ChangeAccountCommand command, SignOutEverywhereHandler handler, CancellationToken ct) =>
                    (await handler.HandleAsync(new ProfessionalId(id), command, ct)).ToApiResult())
            .RequireAuthorization(Policies.Administrator)
            .WithName("SignOutProfessionalEverywhere").WithSummary(Summary + ProfessionalAccountsHandler.ChangeSummary).WithTags("Administration");
}
