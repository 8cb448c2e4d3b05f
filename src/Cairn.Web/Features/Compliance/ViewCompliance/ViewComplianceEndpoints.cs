using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Compliance.ViewCompliance;

public sealed class ViewComplianceEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/compliance", GetAsync)
            .WithName("GetCompliance")
            .WithSummary("Statutory steps due or overdue (L16): meetings, minutes, assessments and plan actions, oldest due date first, 25 a "
                         + "page (?page=N) with the total and counts by kind; ?kind=Meeting|Minutes|Assessment|PlanAction, ?team=ID. "
                         + "Safeguarding leads and heads of service see the area, team managers their teams' children, others their own.")
            .WithTags("Compliance");
        api.MapGet("/compliance/on-time", GetOnTimeAsync)
            .WithName("GetComplianceOnTime")
            .WithSummary("On-time rates by month of due date for the last 12 months, in the same scope as /compliance (?team=ID): "
                         + "meetings held on or before their due date, assessments authorised by theirs.")
            .WithTags("Compliance");
    }

    private static async Task<Results<Ok<CompliancePage>, ValidationProblem, ProblemHttpResult, NotFound>> GetAsync(
        ViewComplianceHandler handler, CancellationToken cancellationToken, string? page = null, string? kind = null, string? team = null)
    {
        if (Parse(kind, team) is var (k, t, problem) && problem is not null)
        {
            return problem;
        }

        return (await handler.StepsAsync(new ComplianceQuery(t, k, ComplianceStepsHandler.ParsePage(page)), cancellationToken)).ToApiResult();
    }

    private static async Task<Results<Ok<OnTimeRates>, ValidationProblem, ProblemHttpResult, NotFound>> GetOnTimeAsync(
        ViewComplianceHandler handler, CancellationToken cancellationToken, string? team = null)
    {
        if (Parse(null, team) is var (_, t, problem) && problem is not null)
        {
            return problem;
        }

        return (await handler.OnTimeAsync(t, cancellationToken)).ToApiResult();
    }

    private static (StepKind? Kind, TeamId? Team, ValidationProblem? Problem) Parse(string? kind, string? team)
    {
        StepKind? k = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<StepKind>(kind, true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(kind, out _))
            {
                return (null, null, Problems.Invalid("kind", "The kind of step must be Meeting, Minutes, Assessment or PlanAction"));
            }

            k = parsed;
        }

        if (string.IsNullOrWhiteSpace(team))
        {
            return (k, null, null);
        }

        return Guid.TryParse(team, out var id) ? (k, new TeamId(id), null) : (k, null, Problems.Invalid("team", "The team must be a team's id"));
    }
}
