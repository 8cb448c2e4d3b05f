using Cairn.Domain.Agencies;

namespace Cairn.Domain.Tests.Agencies;

public sealed class TeamTests
{
    private const string Reason = "Grace Adeyemi left on 30 November; Ellis Ward covers.";
    private static readonly ProfessionalId Administrator = ProfessionalId.New();
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly AgencyId Agency = AgencyId.New();

    private static Professional AManager(AgencyId? agency = null, Role roles = Role.TeamManager) =>
        Professional.Create(agency ?? Agency, null, "Test Manager", "Team manager", "test.manager@example.test", null, roles);

    [Fact]
    public void An_administrator_makes_an_active_team_manager_of_the_agency_its_manager_and_the_change_is_kept()
    {
        var team = Team.Create(Agency, "Assessment");
        var previous = AManager();
        team.AssignManager(previous.Id);
        var manager = AManager();

        var outcome = team.ChangeManager(manager, "  " + Reason + " ", 1, Administrator, Now);

        Assert.True(outcome.Succeeded);
        Assert.Equal(manager.Id, team.ManagerId);
        Assert.Equal(2, team.Version);
        var change = outcome.Value!;
        Assert.Equal((team.Id, (ProfessionalId?)previous.Id, manager.Id, Administrator, Now, Reason),
            (change.TeamId, change.PreviousManagerId, change.ManagerId, change.ChangedBy, change.At, change.Reason));
    }

    [Fact]
    public void A_team_with_no_manager_is_given_one()
    {
        var team = Team.Create(Agency, "Assessment");
        var manager = AManager();

        var change = team.ChangeManager(manager, Reason, 1, Administrator, Now).Value!;

        Assert.Null(change.PreviousManagerId);
        Assert.Equal(manager.Id, team.ManagerId);
    }

    public static TheoryData<string, string> Ineligible => new()
    {
        { "missing", "Select the new manager" },
        { "same", "already manage this team" },
        { "other-agency", "works in the team's agency" },
        { "deactivated", "deactivated" },
        { "practitioner", "team manager role" },
    };

    [Theory]
    [MemberData(nameof(Ineligible))]
    public void Only_an_active_team_manager_of_the_same_agency_who_is_not_already_its_manager_may_manage_it(string who, string message)
    {
        var team = Team.Create(Agency, "Assessment");
        var current = AManager();
        team.AssignManager(current.Id);
        var candidate = who switch
        {
            "missing" => null,
            "same" => current,
            "other-agency" => AManager(AgencyId.New()),
            "practitioner" => AManager(roles: Role.Practitioner),
            _ => AManager(),
        };
        candidate?.Deactivate(Administrator, who == "deactivated" ? Reason : null);

        var outcome = team.ChangeManager(candidate, Reason, 1, Administrator, Now);

        var error = Assert.Single(outcome.Refusal!.Errors);
        Assert.Equal("ManagerId", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((current.Id, 1), (team.ManagerId!.Value, team.Version));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nineteen characters")]
    public void A_change_without_a_real_reason_is_refused(string? reason)
    {
        var team = Team.Create(Agency, "Assessment");

        var outcome = team.ChangeManager(AManager(), reason, 1, Administrator, Now);

        Assert.Contains(outcome.Refusal!.Errors, e => e.Field == "Reason");
        Assert.Null(team.ManagerId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(2)]
    public void A_change_against_a_stale_version_is_refused_as_a_conflict(int? version)
    {
        var team = Team.Create(Agency, "Assessment");

        var outcome = team.ChangeManager(AManager(), Reason, version, Administrator, Now);

        Assert.Equal("Version", Assert.Single(outcome.Refusal!.Errors).Field);
        Assert.Equal(1, team.Version);
    }
}
