namespace Cairn.Domain.Escalation;

/// <summary>One rung of the escalation ladder: who is told, how long after the due time (in working hours).</summary>
public sealed record EscalationStep(int Level, TimeSpan After, EscalationAudience Audience);

public enum EscalationAudience
{
    /// <summary>The sender, and the manager of the recipient team (or of the named recipient's team).</summary>
    SenderAndRecipientManager = 1,
    /// <summary>The area's safeguarding leads.</summary>
    SafeguardingLead = 2,
    /// <summary>The area's heads of service.</summary>
    HeadOfService = 3,
    /// <summary>The Emergency Duty Team's manager: whoever is both on the Emergency Duty Team and a team manager (L02).</summary>
    EmergencyDutyManager = 4,
    /// <summary>The senior managers on call out of hours (L02).</summary>
    OnCallSeniorManager = 5,
}

/// <summary>The ladder an overdue item climbs, one rung at a time, each at a set time after the due time.</summary>
public sealed record EscalationLadder(IReadOnlyList<EscalationStep> Steps)
{
    public static EscalationLadder Default { get; } = new(
    [
        new EscalationStep(1, TimeSpan.Zero, EscalationAudience.SenderAndRecipientManager),
        new EscalationStep(2, TimeSpan.FromHours(4), EscalationAudience.SafeguardingLead),
        new EscalationStep(3, TimeSpan.FromHours(8), EscalationAudience.HeadOfService),
    ]);

    public EscalationStep? After(int level) => Steps.Where(s => s.Level > level).OrderBy(s => s.Level).FirstOrDefault();
}
