using Cairn.Domain;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Admin.UnlockAccount;

public sealed class UnlockAccountEndpoints : IEndpoints
{
    private const string Summary = "Clears a sign-in delay and the count of failed sign-ins (nothing ever locks an account).";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/admin/professionals/{id:guid}/unlock",
                async (Guid id, ChangeAccountCommand command, UnlockAccountHandler handler, CancellationToken ct) =>
                    (await handler.HandleAsync(new ProfessionalId(id), command, ct)).ToApiResult())
            .RequireAuthorization(Policies.Administrator)
            .WithName("UnlockProfessional").WithSummary(Summary + ProfessionalAccountsHandler.ChangeSummary).WithTags("Administration");
}
