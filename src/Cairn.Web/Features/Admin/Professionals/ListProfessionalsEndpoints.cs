using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Admin.Professionals;

public sealed class ListProfessionalsEndpoints : IEndpoints
{
    private const string ListSummary =
        "The professionals in your area (name, agency, team, roles, active and locked status), filtered by part of a name. Administrators only.";

    private const string AccountSummary =
        "One professional's account: status, version, the changes that apply now, its history, and what they still hold"
        + " (open shares addressed to them, open concern prompts assigned to them, children they lead, teams they manage)."
        + " Administrators only; outside your area is 404.";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/admin/professionals",
                async (string? name, ListProfessionalsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(name, ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithName("GetProfessionals").WithSummary(ListSummary)
            .WithTags("Administration");
        api.MapGet("/admin/professionals/{id:guid}", GetAsync)
            .RequireAuthorization(Policies.Administrator)
            .WithName("GetProfessionalAccount")
            .WithSummary(AccountSummary)
            .WithTags("Administration");
    }

    private static async Task<Results<Ok<ProfessionalAccount>, NotFound>> GetAsync(Guid id, ProfessionalAccountsHandler handler,
        CancellationToken ct) =>
        await handler.ViewAsync(new ProfessionalId(id), ct) is { } account ? TypedResults.Ok(account) : TypedResults.NotFound();
}
