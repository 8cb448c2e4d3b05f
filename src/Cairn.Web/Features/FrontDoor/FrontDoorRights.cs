using Cairn.Domain.Agencies;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor;

/// <summary>Who may take each front door step: read by the screens that offer a step and by the handlers that take it.</summary>
public static class FrontDoorRights
{
    /// <summary>Contacts are the front door's to record.</summary>
    public static bool MayRecordContacts(this CurrentUser user) => user.Has(Role.FrontDoor);

    /// <summary>A triage decision is the front door's to make.</summary>
    public static bool MayDecide(this CurrentUser user) => user.Has(Role.FrontDoor);

    /// <summary>
    /// The whole picture at triage (L03, L04, L05: every household child's causes for concern and prompts, the adults' own
    /// history) is for those who triage or act in their place: the front door; the Emergency Duty Team, who hold contacts
    /// out of hours and may take immediate protective action (L02); and the safeguarding leads, who oversee both. Others
    /// who may open the child's record see the contact without it.
    /// </summary>
    public static bool MaySeeWholePicture(this CurrentUser user) =>
        user.Has(Role.FrontDoor) || user.Has(Role.EmergencyDuty) || user.Has(Role.SafeguardingLead);

    /// <summary>A front door manager signs a decision off or returns it (never the person who made it: the domain checks that).</summary>
    public static bool MaySignOff(this CurrentUser user) => user.Has(Role.FrontDoor | Role.TeamManager);

    /// <summary>Safeguarding leads and administrators publish the threshold document and set the area's timescales.</summary>
    public static bool MayEditFrontDoorSettings(this CurrentUser user) => user.Has(Role.SafeguardingLead) || user.Has(Role.Administrator);

    /// <summary>Police notifications are recorded by the police (in the MASH or involved with the family) and by the front door.</summary>
    public static async Task<bool> MayRecordPoliceNotificationsAsync(this CairnDbContext db, CurrentUser user, CancellationToken cancellationToken) =>
        user.Has(Role.FrontDoor)
        || await db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.Kind == AgencyKind.Police, cancellationToken);

    /// <summary>Strategy discussions are recorded by children's social care.</summary>
    public static async Task<bool> MayRecordStrategyDiscussionAsync(this CairnDbContext db, CurrentUser user, CancellationToken cancellationToken) =>
        await db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.Kind == AgencyKind.ChildrensSocialCare, cancellationToken);
}
