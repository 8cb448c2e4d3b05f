namespace Cairn.Domain.Meetings;

/// <summary>The words for meeting roles and decisions, as people say them.</summary>
public static class MeetingWords
{
    public static string Role(MeetingRole role) => role switch
    {
        MeetingRole.Chair => "chair",
        MeetingRole.SocialWorker => "the child's social worker",
        MeetingRole.Police => "police",
        MeetingRole.Health => "a health professional",
        MeetingRole.Gp => "the GP",
        MeetingRole.Education => "education (school or nursery)",
        MeetingRole.Parent => "a parent",
        MeetingRole.Child => "the child",
        MeetingRole.IndependentReviewingOfficer => "the independent reviewing officer",
        MeetingRole.Carer => "the carer",
        MeetingRole.ParentsOwnWorker => "a parent's own allocated worker",
        MeetingRole.LeadProfessional => "the lead professional",
        MeetingRole.Advocate => "an advocate",
        _ => "other",
    };

    public static string Decision(PlanDecision decision) => decision switch
    {
        PlanDecision.StartChildProtectionPlan => "Start a child protection plan",
        PlanDecision.ContinueChildProtectionPlan => "Continue the child protection plan",
        PlanDecision.EndChildProtectionPlan => "End the child protection plan",
        _ => "No decision about a child protection plan",
    };
}
