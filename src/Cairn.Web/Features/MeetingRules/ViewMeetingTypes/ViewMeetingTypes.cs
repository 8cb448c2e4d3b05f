using Cairn.Domain.Meetings;
using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.MeetingRules.ViewMeetingTypes;

/// <summary>Every meeting type with its statutory definition, as the viewer's area runs it (its own local timescales).</summary>
public sealed record MeetingTypesPage(IReadOnlyList<MeetingTypeInfo> Types, IReadOnlyList<MeetingTimescaleRow> Timescales);

/// <summary>
/// The reference every professional can read (L21): for each meeting type its purpose, whether it is statutory (a professionals'
/// meeting explicitly is not), what triggers it, its timescales with their source, the roles that must be invited, quorum, agenda,
/// who chairs, who receives the minutes and by when. Nothing about any child, so nothing to audit.
/// </summary>
public sealed class ViewMeetingTypesHandler(CairnDbContext db, CurrentUser user)
{
    public async Task<MeetingTypesPage> ViewAsync(CancellationToken cancellationToken)
    {
        var (rules, _) = await db.MeetingRulesOfAsync(user, cancellationToken);
        return new MeetingTypesPage(MeetingTypes.All.Select(t => rules.TypeOf(t.Kind)).ToList(), MeetingRulesViews.Rows(rules));
    }
}

public sealed class ViewMeetingTypesEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/meeting-types", async (ViewMeetingTypesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ViewAsync(ct)))
            .WithName("GetMeetingTypes")
            .WithSummary("Every meeting type's statutory definition as your area runs it: purpose, whether statutory, trigger, timescales "
                         + "with their source, required roles, quorum, agenda, chair rule, minutes recipients and timescale.")
            .WithTags("Meetings");
}
