using Cairn.Domain.Agencies;

namespace Cairn.Domain.Placements.Register;

/// <summary>
/// Who may use an area's placement register (L33). It holds no child's data, so everyone in the area's children's social care
/// reads it. Cairn has no placements or commissioning role, so changing it (providers, settings, vacancies) is for children's
/// social care managers (team managers, heads of service) and administrators. Other agencies do not use it.
/// </summary>
public static class RegisterRights
{
    private const Role Changers = Role.TeamManager | Role.HeadOfService | Role.Administrator;

    public static bool MayView(AgencyKind agency) => agency == AgencyKind.ChildrensSocialCare;

    public static bool MayChange(AgencyKind agency, Role roles) => MayView(agency) && (roles & Changers) != 0;
}
