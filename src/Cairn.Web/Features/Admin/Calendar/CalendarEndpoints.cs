using Cairn.Web.Security;

namespace Cairn.Web.Features.Admin.Calendar;

public sealed class CalendarEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/admin/calendar", async (CalendarHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithName("GetWorkingCalendar")
            .WithSummary("Bank holidays this year and next, the recorded departures from the rules, and working hours. Administrators only.")
            .WithTags("Administration");
}
