using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Enquiries.ViewEnquiry;

public sealed class ViewEnquiryEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/section-47-enquiries/{id:guid}", GetAsync)
            .WithName("GetSection47Enquiry")
            .WithSummary("One section 47 enquiry: lead social worker and how to reach them, police and health roles, status, outcome, "
                         + "whether an initial child protection conference is required and the date it was decided on, and its events.")
            .WithTags("Section 47 enquiries");

    private static async Task<Results<Ok<EnquiryDetails>, NotFound>> GetAsync(Guid id, ViewEnquiryHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new Section47EnquiryId(id), cancellationToken) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound();
}
