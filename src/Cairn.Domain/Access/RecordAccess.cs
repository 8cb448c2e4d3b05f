using Cairn.Domain.Agencies;

namespace Cairn.Domain.Access;

/// <summary>Who is asking: a signed-in professional, their area, their roles and the teams they manage.</summary>
public sealed record Viewer(ProfessionalId Id, AreaId Area, Role Roles, IReadOnlySet<TeamId> ManagedTeams)
{
    public bool Has(Role role) => (Roles & role) == role;
}

/// <summary>A professional currently involved with the child, and the team they belong to.</summary>
public sealed record CurrentInvolvement(ProfessionalId Professional, TeamId? Team);

/// <summary>
/// What the access decision needs to know about a record: the area responsible for it and who is
/// currently involved. For an adult, the involvements are those with the adult and with the children
/// they are related to.
/// </summary>
public sealed record RecordAccessFacts(AreaId Area, IReadOnlyCollection<CurrentInvolvement> Involvements);

public enum AccessReason
{
    None = 0,
    CurrentlyInvolved = 1,
    FrontDoor = 2,
    SafeguardingLead = 3,
    EmergencyDuty = 4,
    ManagerOfInvolvedProfessional = 5,
}

public readonly record struct AccessDecision(bool Allowed, AccessReason Reason)
{
    public static AccessDecision Refused => new(false, AccessReason.None);
}

/// <summary>
/// Need-to-know: the single place that decides whether a professional may open a child's record.
/// Deny by default. A refusal is shown exactly as a record that does not exist (404), so refusals
/// reveal nothing. Administrators look after accounts and reference data and have no reach into
/// children's records by role alone.
/// </summary>
public static class RecordAccess
{
    public static AccessDecision Decide(Viewer viewer, RecordAccessFacts record)
    {
        if (record.Involvements.Any(i => i.Professional == viewer.Id))
        {
            return new(true, AccessReason.CurrentlyInvolved);
        }

        // Area-wide reach applies only within the viewer's own area.
        if (viewer.Area != record.Area)
        {
            return AccessDecision.Refused;
        }

        if (viewer.Has(Role.FrontDoor))
        {
            return new(true, AccessReason.FrontDoor);
        }

        if (viewer.Has(Role.SafeguardingLead))
        {
            return new(true, AccessReason.SafeguardingLead);
        }

        if (viewer.Has(Role.EmergencyDuty))
        {
            return new(true, AccessReason.EmergencyDuty);
        }

        // Management oversight (L20): a team manager reaches the children their team's workers are involved with.
        if (viewer.Has(Role.TeamManager)
            && record.Involvements.Any(i => i.Team is { } team && viewer.ManagedTeams.Contains(team)))
        {
            return new(true, AccessReason.ManagerOfInvolvedProfessional);
        }

        return AccessDecision.Refused;
    }

    /// <summary>Whether the viewer's role reaches every record in their area, so lists need no per-record check.</summary>
    public static bool HasAreaWideReach(Viewer viewer) =>
        viewer.Has(Role.FrontDoor) || viewer.Has(Role.SafeguardingLead) || viewer.Has(Role.EmergencyDuty);
}
