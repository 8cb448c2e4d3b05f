using Cairn.Domain.Access;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;
using Cairn.Domain.EarlyHelp;

namespace Cairn.Domain.Tests.EarlyHelp;

public class EarlyHelpAccessTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly PersonId Child = PersonId.New();
    private static readonly AreaId Area = AreaId.New();
    private static readonly AccessDecision Involved = new(true, AccessReason.CurrentlyInvolved);

    private static Viewer Me(ProfessionalId id, Role roles = Role.Practitioner) => new(id, Area, roles, new HashSet<TeamId>());

    private static List<Involvement> Team(params (ProfessionalId Who, InvolvementRole Role, bool Lead)[] members)
    {
        var team = new TeamAroundChild(Child, []);
        foreach (var (who, role, lead) in members)
        {
            team.Add(who, AgencyId.New(), role, Today.AddMonths(-1), lead, who, Today);
        }

        return team.CurrentOn(Today).ToList();
    }

    [Fact]
    public void Nobody_without_access_to_the_record_may_act_even_the_episode_lead()
    {
        var lead = ProfessionalId.New();

        Assert.False(EarlyHelpAccess.MayManage(Me(lead), AccessDecision.Refused, AgencyKind.ChildrensSocialCare, [], lead));
    }

    [Fact]
    public void The_episodes_lead_professional_may_act_whatever_their_agency()
    {
        var teacher = ProfessionalId.New();

        Assert.True(EarlyHelpAccess.MayManage(Me(teacher), Involved, AgencyKind.School, Team((teacher, InvolvementRole.Teacher, false)), teacher));
    }

    [Fact]
    public void An_early_help_worker_in_the_team_may_act()
    {
        var worker = ProfessionalId.New();

        Assert.True(EarlyHelpAccess.MayManage(Me(worker), Involved, AgencyKind.Voluntary, Team((worker, InvolvementRole.EarlyHelpWorker, false)), null));
    }

    [Theory]
    [InlineData(AgencyKind.ChildrensSocialCare, AccessReason.CurrentlyInvolved, true)]
    [InlineData(AgencyKind.ChildrensSocialCare, AccessReason.SafeguardingLead, true)]
    [InlineData(AgencyKind.Police, AccessReason.FrontDoor, true)]
    [InlineData(AgencyKind.Police, AccessReason.CurrentlyInvolved, false)]
    [InlineData(AgencyKind.HealthVisiting, AccessReason.CurrentlyInvolved, false)]
    [InlineData(AgencyKind.School, AccessReason.ManagerOfInvolvedProfessional, false)]
    public void Social_care_and_the_front_door_may_act_other_involved_agencies_may_not(AgencyKind agency, AccessReason reason, bool allowed)
    {
        var me = ProfessionalId.New();
        var lead = ProfessionalId.New();
        var team = Team((lead, InvolvementRole.FamilySupportWorker, true), (me, InvolvementRole.HealthVisitor, false));

        Assert.Equal(allowed, EarlyHelpAccess.MayManage(Me(me), new(true, reason), agency, team, lead));
    }

    [Fact]
    public void The_lead_professional_of_the_team_may_start_an_episode_but_not_act_on_someone_elses()
    {
        var teamLead = ProfessionalId.New();
        var episodeLead = ProfessionalId.New();
        var team = Team((teamLead, InvolvementRole.HealthVisitor, true), (episodeLead, InvolvementRole.FamilySupportWorker, false));

        Assert.True(EarlyHelpAccess.MayManage(Me(teamLead), Involved, AgencyKind.HealthVisiting, team, null));
        Assert.False(EarlyHelpAccess.MayManage(Me(teamLead), Involved, AgencyKind.HealthVisiting, team, episodeLead));
    }
}
