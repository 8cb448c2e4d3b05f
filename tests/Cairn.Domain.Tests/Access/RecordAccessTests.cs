using Cairn.Domain.Access;
using Cairn.Domain.Agencies;

namespace Cairn.Domain.Tests.Access;

public class RecordAccessTests
{
    private static readonly AreaId Home = AreaId.New();
    private static readonly AreaId Elsewhere = AreaId.New();
    private static readonly TeamId ChildrenInNeedTeam = TeamId.New();
    private static readonly TeamId SchoolNursingTeam = TeamId.New();

    [Fact]
    public void A_professional_currently_involved_is_allowed()
    {
        var worker = Viewers.Practitioner(Home);

        var decision = RecordAccess.Decide(worker, Records.In(Home).WithInvolved(worker.Id, ChildrenInNeedTeam));

        Assert.Equal(new AccessDecision(true, AccessReason.CurrentlyInvolved), decision);
    }

    [Fact]
    public void A_professional_currently_involved_is_allowed_even_from_another_area()
    {
        var worker = Viewers.Practitioner(Elsewhere);

        var decision = RecordAccess.Decide(worker, Records.In(Home).WithInvolved(worker.Id, ChildrenInNeedTeam));

        Assert.Equal(new AccessDecision(true, AccessReason.CurrentlyInvolved), decision);
    }

    [Theory]
    [InlineData(Role.FrontDoor, AccessReason.FrontDoor)]
    [InlineData(Role.SafeguardingLead, AccessReason.SafeguardingLead)]
    [InlineData(Role.EmergencyDuty, AccessReason.EmergencyDuty)]
    public void An_area_wide_role_is_allowed_in_its_own_area(Role role, AccessReason reason)
    {
        var viewer = Viewers.WithRoles(Home, role);

        var decision = RecordAccess.Decide(viewer, Records.In(Home).WithInvolved(ProfessionalId.New(), ChildrenInNeedTeam));

        Assert.Equal(new AccessDecision(true, reason), decision);
    }

    [Theory]
    [InlineData(Role.FrontDoor)]
    [InlineData(Role.SafeguardingLead)]
    [InlineData(Role.EmergencyDuty)]
    [InlineData(Role.FrontDoor | Role.SafeguardingLead | Role.EmergencyDuty | Role.TeamManager)]
    public void An_area_wide_role_is_refused_in_another_area(Role role)
    {
        var viewer = Viewers.WithRoles(Elsewhere, role, ChildrenInNeedTeam);

        var decision = RecordAccess.Decide(viewer, Records.In(Home).WithInvolved(ProfessionalId.New(), ChildrenInNeedTeam));

        Assert.Equal(AccessDecision.Refused, decision);
    }

    [Fact]
    public void An_area_wide_role_is_allowed_for_a_child_with_no_one_involved()
    {
        var viewer = Viewers.WithRoles(Home, Role.FrontDoor);

        Assert.True(RecordAccess.Decide(viewer, Records.In(Home)).Allowed);
    }

    [Fact]
    public void A_team_manager_whose_team_includes_an_involved_professional_is_allowed()
    {
        var manager = Viewers.WithRoles(Home, Role.TeamManager, ChildrenInNeedTeam);

        var decision = RecordAccess.Decide(manager, Records.In(Home)
            .WithInvolved(ProfessionalId.New(), SchoolNursingTeam)
            .WithInvolved(ProfessionalId.New(), ChildrenInNeedTeam));

        Assert.Equal(new AccessDecision(true, AccessReason.ManagerOfInvolvedProfessional), decision);
    }

    [Fact]
    public void A_team_manager_of_a_different_team_is_refused()
    {
        var manager = Viewers.WithRoles(Home, Role.TeamManager, SchoolNursingTeam);

        var decision = RecordAccess.Decide(manager, Records.In(Home).WithInvolved(ProfessionalId.New(), ChildrenInNeedTeam));

        Assert.Equal(AccessDecision.Refused, decision);
    }

    [Fact]
    public void A_team_manager_whose_team_is_involved_is_refused_in_another_area()
    {
        var manager = Viewers.WithRoles(Elsewhere, Role.TeamManager, ChildrenInNeedTeam);

        var decision = RecordAccess.Decide(manager, Records.In(Home).WithInvolved(ProfessionalId.New(), ChildrenInNeedTeam));

        Assert.Equal(AccessDecision.Refused, decision);
    }

    [Fact]
    public void A_team_manager_with_no_involvement_from_their_team_is_refused()
    {
        var manager = Viewers.WithRoles(Home, Role.TeamManager, ChildrenInNeedTeam);

        Assert.Equal(AccessDecision.Refused, RecordAccess.Decide(manager, Records.In(Home)));
        Assert.Equal(AccessDecision.Refused, RecordAccess.Decide(manager, Records.In(Home).WithInvolved(ProfessionalId.New(), team: null)));
    }

    [Fact]
    public void Managing_a_team_without_the_team_manager_role_gives_no_reach()
    {
        var notAManager = Viewers.WithRoles(Home, Role.Practitioner, ChildrenInNeedTeam);

        var decision = RecordAccess.Decide(notAManager, Records.In(Home).WithInvolved(ProfessionalId.New(), ChildrenInNeedTeam));

        Assert.Equal(AccessDecision.Refused, decision);
    }

    [Fact]
    public void A_practitioner_who_is_not_involved_is_refused()
    {
        var worker = Viewers.Practitioner(Home);

        var decision = RecordAccess.Decide(worker, Records.In(Home).WithInvolved(ProfessionalId.New(), ChildrenInNeedTeam));

        Assert.Equal(AccessDecision.Refused, decision);
    }

    [Fact]
    public void An_administrator_who_is_not_involved_is_refused()
    {
        var admin = Viewers.WithRoles(Home, Role.Administrator | Role.Practitioner);

        var decision = RecordAccess.Decide(admin, Records.In(Home).WithInvolved(ProfessionalId.New(), ChildrenInNeedTeam));

        Assert.Equal(AccessDecision.Refused, decision);
    }

    [Fact]
    public void An_administrator_who_is_involved_is_allowed_because_of_the_involvement()
    {
        var admin = Viewers.WithRoles(Home, Role.Administrator);

        var decision = RecordAccess.Decide(admin, Records.In(Home).WithInvolved(admin.Id, team: null));

        Assert.Equal(new AccessDecision(true, AccessReason.CurrentlyInvolved), decision);
    }

    [Fact]
    public void A_professional_whose_involvement_has_ended_is_refused()
    {
        // Ended involvements are not passed in: the facts hold only current involvements.
        var formerWorker = Viewers.Practitioner(Home);
        var record = Records.In(Home).WithInvolved(ProfessionalId.New(), ChildrenInNeedTeam);

        var decision = RecordAccess.Decide(formerWorker, record);

        Assert.False(decision.Allowed);
        Assert.Equal(AccessReason.None, decision.Reason);
    }

    [Fact]
    public void Involvement_wins_over_an_area_wide_role_as_the_reason()
    {
        var lead = Viewers.WithRoles(Home, Role.SafeguardingLead);

        var decision = RecordAccess.Decide(lead, Records.In(Home).WithInvolved(lead.Id, ChildrenInNeedTeam));

        Assert.Equal(AccessReason.CurrentlyInvolved, decision.Reason);
    }

    [Fact]
    public void The_refused_decision_is_not_allowed_and_has_no_reason()
    {
        Assert.False(AccessDecision.Refused.Allowed);
        Assert.Equal(AccessReason.None, AccessDecision.Refused.Reason);
        Assert.Equal(AccessReason.None, default(AccessDecision).Reason);
    }

    [Theory]
    [InlineData(AccessReason.None, 0)]
    [InlineData(AccessReason.CurrentlyInvolved, 1)]
    [InlineData(AccessReason.FrontDoor, 2)]
    [InlineData(AccessReason.SafeguardingLead, 3)]
    [InlineData(AccessReason.EmergencyDuty, 4)]
    [InlineData(AccessReason.ManagerOfInvolvedProfessional, 5)]
    public void Access_reasons_keep_their_stored_values(AccessReason reason, int stored)
    {
        Assert.Equal(stored, (int)reason);
    }

    [Theory]
    [InlineData(Role.FrontDoor, true)]
    [InlineData(Role.SafeguardingLead, true)]
    [InlineData(Role.EmergencyDuty, true)]
    [InlineData(Role.Practitioner | Role.FrontDoor, true)]
    [InlineData(Role.None, false)]
    [InlineData(Role.Practitioner, false)]
    [InlineData(Role.TeamManager, false)]
    [InlineData(Role.Administrator, false)]
    [InlineData(Role.Practitioner | Role.TeamManager | Role.Administrator, false)]
    public void Area_wide_reach_belongs_only_to_front_door_safeguarding_lead_and_emergency_duty(Role roles, bool expected)
    {
        Assert.Equal(expected, RecordAccess.HasAreaWideReach(Viewers.WithRoles(Home, roles)));
    }

    private static class Viewers
    {
        public static Viewer Practitioner(AreaId area) => WithRoles(area, Role.Practitioner);

        public static Viewer WithRoles(AreaId area, Role roles, params TeamId[] managedTeams) =>
            new(ProfessionalId.New(), area, roles, managedTeams.ToHashSet());
    }

    private sealed record Records(AreaId Area, IReadOnlyList<CurrentInvolvement> Involved)
    {
        public static Records In(AreaId area) => new(area, []);

        public Records WithInvolved(ProfessionalId professional, TeamId? team) =>
            this with { Involved = [.. Involved, new CurrentInvolvement(professional, team)] };

        public static implicit operator RecordAccessFacts(Records records) => new(records.Area, records.Involved);
    }
}
