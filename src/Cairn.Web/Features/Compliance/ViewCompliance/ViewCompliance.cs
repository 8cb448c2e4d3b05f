using Cairn.Domain;

namespace Cairn.Web.Features.Compliance.ViewCompliance;

/// <summary>What <c>/compliance</c> asks for: a team (or the viewer's own scope), a kind of step (or all) and a page.</summary>
public sealed record ComplianceQuery(TeamId? Team, StepKind? Kind, int Page);

/// <summary>The compliance view: the steps page with its counts, the on-time chart and the teams the list can be narrowed to.</summary>
public sealed record ComplianceView(CompliancePage Steps, OnTimeRates OnTime, IReadOnlyList<(TeamId Id, string Name)> Teams);

/// <summary>
/// The area's, a team's or the viewer's own compliance list (L16): not found for a team that is not the viewer's to see; refused
/// (400) for a page that does not exist.
/// </summary>
public sealed class ViewComplianceHandler(ComplianceScopeHandler scopes, ComplianceStepsHandler steps, OnTimeRatesHandler rates)
{
    public async Task<Handled<ComplianceScope>> ScopeAsync(TeamId? team, CancellationToken cancellationToken)
    {
        if (team is not { } id)
        {
            return await scopes.ForViewerAsync(cancellationToken);
        }

        return await scopes.ForTeamAsync(id, cancellationToken) is { } found ? found.Scope : Handled.NotFound;
    }

    public async Task<Handled<CompliancePage>> StepsAsync(ComplianceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = await ScopeAsync(query.Team, cancellationToken);
        if (!scope.IsDone)
        {
            return Handled.NotFound;
        }

        return await steps.HandleAsync(scope.Value!, new ComplianceFilter(query.Kind, query.Page), cancellationToken);
    }

    public async Task<Handled<OnTimeRates>> OnTimeAsync(TeamId? team, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(team, cancellationToken);
        if (!scope.IsDone)
        {
            return Handled.NotFound;
        }

        return await rates.HandleAsync(scope.Value!, cancellationToken);
    }

    public async Task<Handled<ComplianceView>> HandleAsync(ComplianceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = await ScopeAsync(query.Team, cancellationToken);
        if (!scope.IsDone)
        {
            return Handled.NotFound;
        }

        var page = await steps.HandleAsync(scope.Value!, new ComplianceFilter(query.Kind, query.Page), cancellationToken);
        if (page.Refusal is { } refusal)
        {
            return refusal;
        }

        var onTime = await rates.HandleAsync(scope.Value!, cancellationToken);
        return new ComplianceView(page.Value!, onTime, await scopes.TeamsAsync(cancellationToken));
    }
}
