using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Enquiries.RecordRoles;

public sealed class RecordRolesEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/section-47-enquiries/{id:guid}/roles", RecordAsync)
            .WithName("RecordSection47Roles")
            .WithSummary("Records the lead social worker and what the police and health are doing while the enquiry is open, with the version "
                         + "read (stale: 409). Children's social care only (403 otherwise).")
            .WithTags("Section 47 enquiries");

    private static async Task<Results<Ok<ChangedEnquiry>, ValidationProblem, ProblemHttpResult, NotFound>> RecordAsync(
        Guid id, RecordRolesCommand command, RecordRolesHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new Section47EnquiryId(id), command, cancellationToken)).ToApiResult();
}
