using Cairn.Domain.Access;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;

namespace Cairn.Domain.Tests.Access;

public class TeamChangesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly PersonId Child = PersonId.New();
    private static readonly AreaId Area = AreaId.New();
    private static readonly AgencyId School = AgencyId.New();
    private static readonly AgencyId SocialCare = AgencyId.New();
    private static readonly AgencyId Police = AgencyId.New();

    private static Viewer Me(ProfessionalId id, Role roles = Role.Practitioner) => new(id, Area, roles, new HashSet<TeamId>());

    private static (TeamAroundChild Team, ProfessionalId SocialWorker, ProfessionalId Teacher) ATeam()
    {
        var team = new TeamAroundChild(Child, []);
        var socialWorker = ProfessionalId.New();
        var teacher = ProfessionalId.New();
        team.Add(socialWorker, SocialCare, InvolvementRole.AllocatedSocialWorker, Today.AddMonths(-2), true, socialWorker, Today);
        team.Add(teacher, School, InvolvementRole.DesignatedSafeguardingLead, Today.AddMonths(-1), false, teacher, Today);
        return (team, socialWorker, teacher);
    }

    [Fact]
    public void The_allocated_social_worker_may_change_any_agencys_involvement()
    {
        var (team, socialWorker, _) = ATeam();

        Assert.True(TeamChanges.MayChange(Me(socialWorker), new(true, AccessReason.CurrentlyInvolved), SocialCare, Police, team.CurrentOn(Today)));
    }

    [Fact]
    public void An_involved_practitioner_may_change_their_own_agencys_involvements()
    {
        var (team, _, teacher) = ATeam();

        Assert.True(TeamChanges.MayChange(Me(teacher), new(true, AccessReason.CurrentlyInvolved), School, School, team.CurrentOn(Today)));
    }

    [Fact]
    public void An_involved_practitioner_may_not_add_another_agencys_professional()
    {
        var (team, _, teacher) = ATeam();

        Assert.False(TeamChanges.MayChange(Me(teacher), new(true, AccessReason.CurrentlyInvolved), School, Police, team.CurrentOn(Today)));
    }

    [Theory]
    [InlineData(AccessReason.FrontDoor)]
    [InlineData(AccessReason.SafeguardingLead)]
    [InlineData(AccessReason.ManagerOfInvolvedProfessional)]
    public void Those_overseeing_the_case_may_change_any_involvement(AccessReason reason)
    {
        var (team, _, _) = ATeam();

        Assert.True(TeamChanges.MayChange(Me(ProfessionalId.New(), Role.FrontDoor), new(true, reason), Police, School, team.CurrentOn(Today)));
    }

    [Fact]
    public void Emergency_duty_reach_is_for_reading_out_of_hours_not_for_changing_the_team()
    {
        var (team, _, _) = ATeam();

        Assert.False(TeamChanges.MayChange(Me(ProfessionalId.New(), Role.EmergencyDuty), new(true, AccessReason.EmergencyDuty), SocialCare, SocialCare, team.CurrentOn(Today)));
    }

    [Fact]
    public void Nobody_without_access_to_the_record_may_change_it()
    {
        var (team, socialWorker, _) = ATeam();

        Assert.False(TeamChanges.MayChange(Me(socialWorker), AccessDecision.Refused, SocialCare, SocialCare, team.CurrentOn(Today)));
    }
}
