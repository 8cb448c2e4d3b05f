using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.MeetingRules.ViewMeetingRules;

/// <summary>The area's meeting timescales (L21): readable by every professional, so anyone can see when a meeting falls due and why.</summary>
public sealed class ViewMeetingRulesHandler(CairnDbContext db, CurrentUser user)
{
    public Task<MeetingRulesSettings> ViewAsync(CancellationToken cancellationToken) => db.MeetingRulesSettingsAsync(user, cancellationToken);
}

public sealed class ViewMeetingRulesEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/meeting-rules", async (ViewMeetingRulesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ViewAsync(ct)))
            .WithName("GetMeetingRules")
            .WithSummary("Every meeting type's timescales as your area runs them: national ones (T05-T11, not editable) with their source, "
                         + "local ones with their defaults, and the version to send with a change.")
            .WithTags("Meetings");
}
