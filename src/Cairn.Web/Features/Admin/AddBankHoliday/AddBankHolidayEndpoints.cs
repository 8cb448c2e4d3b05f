using Cairn.Web.Security;

namespace Cairn.Web.Features.Admin.AddBankHoliday;

public sealed class AddBankHolidayEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/admin/calendar",
                async (AddBankHolidayCommand command, AddBankHolidayHandler handler, CancellationToken ct) =>
                    (await handler.HandleAsync(command, ct)).ToCreatedResult(_ => "/api/v1/admin/calendar"))
            .RequireAuthorization(Policies.Administrator)
            .WithName("AddBankHoliday")
            .WithSummary("Adds a newly proclaimed bank holiday; every working-day clock uses it from then on. Administrators only.")
            .WithTags("Administration");
}
