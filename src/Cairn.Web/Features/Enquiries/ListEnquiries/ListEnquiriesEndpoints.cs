using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Enquiries.ListEnquiries;

public sealed class ListEnquiriesEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}/section-47-enquiries", ListAsync)
            .WithName("ListSection47Enquiries")
            .WithSummary("The child's section 47 enquiries, newest first: lead, status, outcome and whether a conference is required.")
            .WithTags("Section 47 enquiries");

    private static async Task<Results<Ok<ChildEnquiries>, NotFound>> ListAsync(Guid id, ListEnquiriesHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();
}
