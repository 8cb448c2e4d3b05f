using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Auditing.AuditLogSearch;

public sealed class AuditLogSearchEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/audit", SearchAsync)
            .RequireAuthorization(Policies.AuditReader)
            .WithName("SearchAuditLog")
            .WithSummary("The audit log, newest first, 50 lines a page: filter by person, actor, action prefix, refusals only and dates (London). "
                + "Pass next as before for the following page. Safeguarding leads and administrators only; the search itself is logged.")
            .WithTags("Audit");

    private static async Task<Results<Ok<AuditResults>, ValidationProblem>> SearchAsync(
        Guid? person, Guid? actor, string? action, bool? refusedOnly, DateOnly? from, DateOnly? to, long? before,
        AuditLogSearchHandler handler, CancellationToken cancellationToken)
    {
        var found = await handler.HandleAsync(new AuditQuery(person, actor, action, refusedOnly ?? false, from, to, before), cancellationToken);
        return found.Refusal is { } refusal ? refusal.ToProblem() : TypedResults.Ok(found.Value!);
    }
}
