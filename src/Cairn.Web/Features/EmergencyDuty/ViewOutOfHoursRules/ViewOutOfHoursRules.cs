using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.EmergencyDuty.ViewOutOfHoursRules;

/// <summary>The area's out-of-hours rules (L02): shown to every professional, so anyone can see what goes to the Emergency Duty Team.</summary>
public sealed class ViewOutOfHoursRulesHandler(CairnDbContext db, CurrentUser user)
{
    public Task<OutOfHoursRulesView> ViewAsync(CancellationToken cancellationToken) => db.OutOfHoursRulesOfAsync(user, cancellationToken);
}

public sealed class ViewOutOfHoursRulesEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/emergency-duty/rules", async (ViewOutOfHoursRulesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ViewAsync(ct)))
            .WithName("GetOutOfHoursRules")
            .WithSummary("Which urgencies go to the Emergency Duty Team in your area, and how long it has to acknowledge an item.")
            .WithTags("Emergency Duty Team");
}
