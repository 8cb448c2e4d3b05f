using Cairn.Domain.Agencies;

namespace Cairn.Domain.Shares;

/// <summary>Who is looking at a share: the professional, where they work, and their roles.</summary>
public sealed record ShareViewer(ProfessionalId Id, AgencyId Agency, TeamId? Team, AreaId Area, Role Roles, IReadOnlySet<TeamId> ManagedTeams)
{
    public bool Has(Role role) => (Roles & role) == role;
}

/// <summary>The parts of a share that decide who may see it.</summary>
public sealed record ShareParties(ProfessionalId SentBy, TeamId? SenderTeam, ShareRecipient Recipient, TeamId? RecipientProfessionalTeam,
    AreaId Area, ShareStatus Status);

/// <summary>
/// Need-to-know for shares. A share is seen by its sender, by those it is for, by the managers of either side
/// (who are told when it escalates), by the area's safeguarding leads and heads of service (the top of the
/// ladder), and by the Emergency Duty Team while it is held for them. Seeing a share does not open the child's
/// record: that is still <see cref="Access.RecordAccess"/>.
/// </summary>
public static class ShareAccess
{
    public static bool MayView(ShareViewer viewer, ShareParties share)
    {
        if (viewer.Id == share.SentBy || share.Recipient.Includes(viewer.Id, viewer.Agency, viewer.Team))
        {
            return true;
        }

        if (viewer.Area != share.Area)
        {
            return false;
        }

        // Those the ladders tell may open what they are told about: the senior manager on call hears of urgent shares the
        // Emergency Duty Team has not acknowledged (L02).
        if (viewer.Has(Role.SafeguardingLead) || viewer.Has(Role.HeadOfService) || viewer.Has(Role.SeniorManagerOnCall))
        {
            return true;
        }

        if (viewer.Has(Role.EmergencyDuty) && share.Status == ShareStatus.WithEmergencyDuty)
        {
            return true;
        }

        if (viewer.Has(Role.TeamManager))
        {
            TeamId?[] teams = [share.SenderTeam, share.Recipient.Team, share.RecipientProfessionalTeam];
            return teams.Any(t => t is { } team && viewer.ManagedTeams.Contains(team));
        }

        return false;
    }
}
