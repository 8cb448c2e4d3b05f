using Cairn.Domain;
using Cairn.Domain.Concerns;

namespace Cairn.Web.Features.Concerns.ChangeConcernRules;

/// <summary>
/// The area's concern rules as the API replaces them: every rule's settings, and the version read (from
/// <c>GET /api/v1/concern-rules</c>; 0 for the defaults). A rule left out is refused, never filled with its default: a body
/// of <c>{}</c> once silently reset every rule (issue #17, defect 4). A stale version is 409, never last-write-wins.
/// </summary>
public sealed record ChangeConcernRulesCommand
{
    public int? Version { get; init; }
    public CumulativeConcernSettings? CumulativeConcern { get; init; }
    public UnderTwoInRiskHouseholdSettings? UnderTwoInRiskHousehold { get; init; }
    public OffTheRadarSettings? OffTheRadar { get; init; }
    public RepeatedNoFurtherActionSettings? RepeatedNoFurtherAction { get; init; }
    public NoFaceToFaceHealthVisitSettings? NoFaceToFaceHealthVisit { get; init; }
    public ConcernPromptSettings? Prompts { get; init; }

    /// <summary>What is missing from the body, each against its field; null when every rule and the version are there.</summary>
    public Refusal? Missing()
    {
        var errors = new List<FieldError>();
        if (Version is null)
        {
            errors.Add(new(Refusal.VersionField, "Send the version you read, so a change made meanwhile is not overwritten"));
        }

        void Require(object? rule, string name)
        {
            if (rule is null)
            {
                errors.Add(new(name, "Send this rule's settings: every rule is replaced, and none is reset to its default by leaving it out"));
            }
        }

        Require(CumulativeConcern, nameof(CumulativeConcern));
        Require(UnderTwoInRiskHousehold, nameof(UnderTwoInRiskHousehold));
        Require(OffTheRadar, nameof(OffTheRadar));
        Require(RepeatedNoFurtherAction, nameof(RepeatedNoFurtherAction));
        Require(NoFaceToFaceHealthVisit, nameof(NoFaceToFaceHealthVisit));
        Require(Prompts, nameof(Prompts));
        return Refusal.FromErrors(errors);
    }

    public ConcernRuleSettings ToSettings() => new()
    {
        CumulativeConcern = CumulativeConcern!,
        UnderTwoInRiskHousehold = UnderTwoInRiskHousehold!,
        OffTheRadar = OffTheRadar!,
        RepeatedNoFurtherAction = RepeatedNoFurtherAction!,
        NoFaceToFaceHealthVisit = NoFaceToFaceHealthVisit!,
        Prompts = Prompts!,
    };
}
