using Cairn.Domain;
using Cairn.Web.Auditing;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.LeadPractitioners.ViewLeadPractitioner;

/// <summary>
/// Reads a child's lead child protection practitioner with history (issue #14 item 5). Null (404) when the viewer may not open
/// the record. Every read is audited.
/// </summary>
public sealed class ViewLeadPractitionerHandler(RecordAccessService access, LeadPractitionerHistoryHandler leads, AuditLog audit)
{
    public async Task<LeadPractitionerPage?> HandleAsync(PersonId child, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(child, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("lead-practitioner.view", child, decision.Reason.ToString(), cancellationToken);
        return await leads.PageAsync(child, cancellationToken);
    }
}

public sealed class ViewLeadPractitionerEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}/lead-practitioner", HandleAsync)
            .WithName("GetLeadPractitioner")
            .WithSummary("A child's lead child protection practitioner, current (with the id to send with a change) and past, and which of "
                         + "police, health, education and children's social care the child's current involvements cover.")
            .WithTags("Lead child protection practitioner");

    private static async Task<Results<Ok<LeadPractitionerPage>, NotFound>> HandleAsync(Guid id, ViewLeadPractitionerHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();
}
