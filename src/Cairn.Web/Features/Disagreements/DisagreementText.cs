using Cairn.Domain.Disagreements;

namespace Cairn.Web.Features.Disagreements;

/// <summary>How disagreements read on pages.</summary>
public static class DisagreementText
{
    public static string Stage(DisagreementStage stage) => stage switch
    {
        DisagreementStage.Practitioners => "Stage 1: practitioners",
        DisagreementStage.Managers => "Stage 2: managers",
        DisagreementStage.SeniorLeads => "Stage 3: senior leads",
        _ => stage.ToString(),
    };
}
