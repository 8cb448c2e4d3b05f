using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Assessments.ViewCurrency;

/// <summary>The area's assessment currency periods (L25): readable by every professional, so anyone can see when an assessment dates.</summary>
public sealed class ViewCurrencyHandler(CairnDbContext db, CurrentUser user)
{
    public Task<AssessmentCurrencySettings> ViewAsync(CancellationToken cancellationToken) => db.AssessmentCurrencyOfAsync(user, cancellationToken);
}

public sealed class ViewCurrencyEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/assessment-currency", async (ViewCurrencyHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ViewAsync(ct)))
            .WithName("GetAssessmentCurrency")
            .WithSummary("How many months each type of assessment stays current once authorised in your area (L25), and the version to send "
                         + "with a change.")
            .WithTags("Assessments");
}
