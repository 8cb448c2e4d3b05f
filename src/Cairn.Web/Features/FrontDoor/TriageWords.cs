using Cairn.Domain.FrontDoor;

namespace Cairn.Web.Features.FrontDoor;

/// <summary>The words the front door uses for its outcomes.</summary>
public static class TriageWords
{
    public static string Outcome(TriageOutcome? outcome) => outcome switch
    {
        TriageOutcome.NoFurtherAction => "information and advice / no further action",
        TriageOutcome.EarlyHelp => "early help",
        TriageOutcome.Assessment => "child and family assessment (s17)",
        TriageOutcome.StrategyDiscussion => "strategy discussion (s47)",
        TriageOutcome.ImmediateProtection => "immediate protection",
        _ => "",
    };

    public static string Source(ContactSource source) => Shared.Display.Text(source);
}
