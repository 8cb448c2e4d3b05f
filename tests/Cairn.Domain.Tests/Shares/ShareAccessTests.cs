using Cairn.Domain.Agencies;
using Cairn.Domain.Shares;

namespace Cairn.Domain.Tests.Shares;

public class ShareAccessTests
{
    private static readonly AreaId Area = AreaId.New();
    private static readonly AgencyId Police = AgencyId.New();
    private static readonly AgencyId SocialCare = AgencyId.New();
    private static readonly TeamId FrontDoor = TeamId.New();
    private static readonly TeamId PoliceTeam = TeamId.New();
    private static readonly ProfessionalId Sender = ProfessionalId.New();

    private static ShareParties Parties(ShareStatus status = ShareStatus.Delivered, ProfessionalId? named = null) =>
        new(Sender, PoliceTeam, new ShareRecipient(SocialCare, FrontDoor, named), null, Area, status);

    private static ShareViewer Viewer(AgencyId agency, TeamId? team = null, Role roles = Role.Practitioner, AreaId? area = null,
        ProfessionalId? id = null, params TeamId[] manages) =>
        new(id ?? ProfessionalId.New(), agency, team, area ?? Area, roles | Role.Practitioner, manages.ToHashSet());

    [Fact]
    public void The_sender_sees_their_share() =>
        Assert.True(ShareAccess.MayView(Viewer(Police, PoliceTeam, id: Sender), Parties()));

    [Fact]
    public void Someone_in_the_recipient_team_sees_it() =>
        Assert.True(ShareAccess.MayView(Viewer(SocialCare, FrontDoor), Parties()));

    [Fact]
    public void Someone_elsewhere_in_the_recipient_agency_does_not_see_a_share_to_a_team() =>
        Assert.False(ShareAccess.MayView(Viewer(SocialCare, TeamId.New()), Parties()));

    [Fact]
    public void A_share_named_to_one_person_is_not_seen_by_their_colleagues()
    {
        var named = ProfessionalId.New();

        Assert.True(ShareAccess.MayView(Viewer(SocialCare, FrontDoor, id: named), Parties(named: named)));
        Assert.False(ShareAccess.MayView(Viewer(SocialCare, FrontDoor), Parties(named: named)));
    }

    [Fact]
    public void An_unrelated_practitioner_does_not_see_it() =>
        Assert.False(ShareAccess.MayView(Viewer(AgencyId.New(), TeamId.New()), Parties()));

    [Theory]
    [InlineData(Role.SafeguardingLead)]
    [InlineData(Role.HeadOfService)]
    public void The_top_of_the_ladder_sees_every_share_in_their_area(Role role)
    {
        Assert.True(ShareAccess.MayView(Viewer(AgencyId.New(), roles: role), Parties()));
        Assert.False(ShareAccess.MayView(Viewer(AgencyId.New(), roles: role, area: AreaId.New()), Parties()));
    }

    [Fact]
    public void The_managers_of_either_side_see_it()
    {
        Assert.True(ShareAccess.MayView(Viewer(SocialCare, TeamId.New(), Role.TeamManager, manages: FrontDoor), Parties()));
        Assert.True(ShareAccess.MayView(Viewer(Police, TeamId.New(), Role.TeamManager, manages: PoliceTeam), Parties()));
        Assert.False(ShareAccess.MayView(Viewer(SocialCare, TeamId.New(), Role.TeamManager, manages: TeamId.New()), Parties()));
    }

    [Fact]
    public void The_emergency_duty_team_sees_a_share_only_while_it_is_held_for_them()
    {
        var edt = Viewer(AgencyId.New(), roles: Role.EmergencyDuty);

        Assert.True(ShareAccess.MayView(edt, Parties(ShareStatus.WithEmergencyDuty)));
        Assert.False(ShareAccess.MayView(edt, Parties(ShareStatus.Delivered)));
    }
}
