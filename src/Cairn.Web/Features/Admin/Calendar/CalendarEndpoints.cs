using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Admin.Calendar;

public sealed class CalendarEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/admin/calendar", async (CalendarHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithName("GetWorkingCalendar").WithSummary("Bank holidays this year and next, the recorded departures from the rules, and working hours. Administrators only.").WithTags("Administration");
        api.MapPost("/admin/calendar", AddAsync)
            .RequireAuthorization(Policies.Administrator)
            .WithName("AddBankHoliday").WithSummary("Adds a newly proclaimed bank holiday; every working-day clock uses it from then on. Administrators only.").WithTags("Administration");
    }

    private static async Task<Results<Created<CalendarDay>, ValidationProblem>> AddAsync(AddBankHolidayCommand command, CalendarHandler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.AddAsync(command, cancellationToken);
        return outcome.Refusal is { } refusal ? refusal.ToProblem() : TypedResults.Created("/api/v1/admin/calendar", outcome.Value);
    }
}
