using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Admin.Professionals;

public sealed class ProfessionalsEndpoints : IEndpoints
{
    private const string Change =
        " Send the reason (at least 20 characters) and the version you read; a stale version is 409 and changes nothing. A professional outside your area is 404. Administrators only.";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/admin/professionals", async (string? name, ProfessionalsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(name, ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithName("GetProfessionals").WithSummary("The professionals in your area (name, agency, team, roles, active and locked status), filtered by part of a name. Administrators only.")
            .WithTags("Administration");
        api.MapGet("/admin/professionals/{id:guid}", GetAsync)
            .RequireAuthorization(Policies.Administrator)
            .WithName("GetProfessionalAccount")
            .WithSummary("One professional's account: status, version, the changes that apply now, its history, and what they still hold (open shares addressed to them, open concern prompts assigned to them, children they lead, teams they manage). Administrators only; outside your area is 404.")
            .WithTags("Administration");
        MapChange(api, "deactivate", AccountAction.Deactivate, "DeactivateProfessional",
            "Deactivates a leaver's account: they cannot sign in, their page sessions end at the next request (new security stamp) and their API tokens are revoked. Nothing they hold is passed on: read their holdings first. You cannot deactivate yourself.");
        MapChange(api, "reactivate", AccountAction.Reactivate, "ReactivateProfessional",
            "Reactivates a deactivated account: they can sign in again (API tokens revoked at deactivation stay revoked).");
        MapChange(api, "unlock", AccountAction.Unlock, "UnlockProfessional", "Clears a lockout and the count of failed sign-ins.");
        MapChange(api, "sign-out-everywhere", AccountAction.SignOutEverywhere, "SignOutProfessionalEverywhere",
            "Ends every page session (new security stamp) and revokes every API token; the account can sign in again.");
    }

    private static void MapChange(IEndpointRouteBuilder api, string path, AccountAction action, string name, string summary) =>
        api.MapPost($"/admin/professionals/{{id:guid}}/{path}",
                async (Guid id, ChangeAccountCommand command, ProfessionalsHandler handler, CancellationToken ct) =>
                    (await handler.ChangeAsync(new ProfessionalId(id), action, command, ct)).ToChangeResult("The account has changed"))
            .RequireAuthorization(Policies.Administrator)
            .WithName(name).WithSummary(summary + Change).WithTags("Administration");

    private static async Task<Results<Ok<ProfessionalAccount>, NotFound>> GetAsync(Guid id, ProfessionalsHandler handler, CancellationToken ct) =>
        await handler.ViewAsync(new ProfessionalId(id), ct) is { } account ? TypedResults.Ok(account) : TypedResults.NotFound();
}
