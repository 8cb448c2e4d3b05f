using Cairn.Domain;
using Cairn.Web.Auditing;
using Cairn.Web.Features.Meetings;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Compliance.ViewChildCompliance;

/// <summary>
/// One child's statutory steps (<c>/people/{id}/compliance</c>): every open step whatever its due date, overdue first, and the
/// child's on-time rates. Not found when the viewer may not open the child's record (refusals are audited by the access service);
/// each look is audited as a read of the record.
/// </summary>
public sealed class ViewChildComplianceHandler(RecordAccessService access, AuditLog audit, ComplianceStepsHandler steps,
    OnTimeRatesHandler rates, MeetingAccessHandler meetings)
{
    public const string Action = "compliance.view";

    public async Task<Handled<CompliancePage>> StepsAsync(PersonId child, int page, CancellationToken cancellationToken)
    {
        if (!(await access.OpenAsync(child, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        var result = await steps.HandleAsync(ComplianceScopeHandler.ForChild(child), new ComplianceFilter(null, page), cancellationToken);
        if (!result.IsDone)
        {
            return result;
        }

        await audit.RecordReadAsync(Action, child, null, cancellationToken);
        return result.Value! with { UnreviewedOutcomes = await meetings.UnreviewedOutcomesAsync(child, cancellationToken) };
    }

    /// <summary>The child's on-time rates; the caller has already opened the record (<see cref="StepsAsync"/>).</summary>
    public Task<OnTimeRates> OnTimeAsync(PersonId child, CancellationToken cancellationToken) =>
        rates.HandleAsync(ComplianceScopeHandler.ForChild(child), cancellationToken);
}
