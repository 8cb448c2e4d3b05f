using Cairn.Domain.Children;

namespace Cairn.Domain.Access;

/// <summary>
/// Who may change the team around a child. Joining the team gives a professional the child's record, so
/// this is narrower than being able to read it: the lead professional, the allocated social worker and
/// those who oversee the child's case may change anyone's involvement; any other involved practitioner
/// only their own agency's (a school adds its designated safeguarding lead, a surgery its GP).
/// </summary>
public static class TeamChanges
{
    public static bool MayChange(Viewer viewer, AccessDecision access, AgencyId viewerAgency, AgencyId involvementAgency,
        IEnumerable<Involvement> currentTeam)
    {
        if (!access.Allowed)
        {
            return false;
        }

        if (access.Reason is AccessReason.FrontDoor or AccessReason.SafeguardingLead or AccessReason.ManagerOfInvolvedProfessional)
        {
            return true;
        }

        var mine = currentTeam.Where(i => i.ProfessionalId == viewer.Id).ToList();
        if (mine.Any(i => i.IsLeadProfessional || i.Role == InvolvementRole.AllocatedSocialWorker))
        {
            return true;
        }

        return mine.Count > 0 && viewerAgency == involvementAgency;
    }

    public const string Refused =
        "You can only change involvements for your own agency. Ask the lead professional or the allocated social worker to make this change.";
}
