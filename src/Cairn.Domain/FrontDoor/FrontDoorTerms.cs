namespace Cairn.Domain.FrontDoor;

/// <summary>The levels of need in the area's threshold document (L15), lowest first.</summary>
public enum ThresholdLevel
{
    /// <summary>Needs met by universal services: schools, GPs, health visitors.</summary>
    Universal = 1,
    /// <summary>Additional needs met by a coordinated early help plan with a lead professional.</summary>
    EarlyHelp = 2,
    /// <summary>Complex needs that need targeted, multi-agency support.</summary>
    Targeted = 3,
    /// <summary>Child in need of protection or with complex needs that need children's social care (s17, s47).</summary>
    Statutory = 4,
}

/// <summary>What the front door decides about a contact.</summary>
public enum TriageOutcome
{
    /// <summary>Information and advice given, no further action by children's social care.</summary>
    NoFurtherAction = 1,
    /// <summary>Stepped across to an early help episode with a lead professional.</summary>
    EarlyHelp = 2,
    /// <summary>A child and family assessment under section 17 of the Children Act 1989.</summary>
    Assessment = 3,
    /// <summary>A strategy discussion to decide on a section 47 enquiry (L17).</summary>
    StrategyDiscussion = 4,
    /// <summary>Immediate protection (police protection or an emergency protection order), then a strategy discussion.</summary>
    ImmediateProtection = 5,
}
