using Cairn.Domain.Access;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;

namespace Cairn.Domain.EarlyHelp;

/// <summary>
/// Who may start, close or change the lead professional of a child's early help episode. Reading an episode needs only
/// access to the child's record; acting on it is narrower: the episode's lead professional (or, before an episode
/// exists, the lead professional of the team around the child), an early help worker in the team around the child,
/// or anyone in children's social care or the front door who may open the record. A police officer, a GP or a
/// teacher who is simply involved may read the episode but asks the lead professional to act.
/// </summary>
public static class EarlyHelpAccess
{
    public const string Refused =
        "Only the lead professional, an early help worker in the team around the child, or children's social care can do this. " +
        "Ask the lead professional.";

    /// <param name="episodeLead">The episode's lead professional, or null when starting a new episode.</param>
    public static bool MayManage(Viewer viewer, AccessDecision access, AgencyKind viewerAgency, IEnumerable<Involvement> currentTeam,
        ProfessionalId? episodeLead)
    {
        if (!access.Allowed)
        {
            return false;
        }

        if (episodeLead == viewer.Id || access.Reason == AccessReason.FrontDoor || viewerAgency == AgencyKind.ChildrensSocialCare)
        {
            return true;
        }

        return currentTeam.Any(i => i.ProfessionalId == viewer.Id
                                    && (i.Role == InvolvementRole.EarlyHelpWorker || (episodeLead is null && i.IsLeadProfessional)));
    }
}
