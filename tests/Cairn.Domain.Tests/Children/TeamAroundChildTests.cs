using Cairn.Domain.Children;

namespace Cairn.Domain.Tests.Children;

public class TeamAroundChildTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly PersonId Child = PersonId.New();
    private static readonly AgencyId Agency = AgencyId.New();
    private static readonly ProfessionalId Recorder = ProfessionalId.New();

    private static TeamAroundChild ATeam() => new(Child, []);

    private static Involvement Add(TeamAroundChild team, InvolvementRole role = InvolvementRole.HealthVisitor, bool makeLead = false,
        ProfessionalId? professional = null, DateOnly? startedOn = null) =>
        team.Add(professional ?? ProfessionalId.New(), Agency, role, startedOn ?? Today.AddMonths(-1), makeLead, Recorder, Today).Value!;

    [Fact]
    public void The_first_involvement_becomes_lead_even_if_not_asked()
    {
        var team = ATeam();

        var first = Add(team, makeLead: false);

        Assert.True(first.IsLeadProfessional);
        Assert.Same(first, team.LeadOn(Today));
        Assert.Equal(Child, first.ChildId);
        Assert.Equal(1, first.Version);
    }

    [Fact]
    public void A_later_involvement_is_not_lead_unless_asked()
    {
        var team = ATeam();
        var first = Add(team);

        var second = Add(team, InvolvementRole.Teacher);

        Assert.False(second.IsLeadProfessional);
        Assert.Same(first, team.LeadOn(Today));
    }

    [Fact]
    public void Asking_for_a_new_lead_moves_the_role()
    {
        var team = ATeam();
        var first = Add(team);

        var second = Add(team, InvolvementRole.AllocatedSocialWorker, makeLead: true);

        Assert.True(second.IsLeadProfessional);
        Assert.False(first.IsLeadProfessional);
        Assert.Equal(2, first.Version);
        Assert.Same(second, team.LeadOn(Today));
    }

    [Fact]
    public void The_same_professional_in_the_same_role_is_refused()
    {
        var team = ATeam();
        var nurse = ProfessionalId.New();
        Add(team, InvolvementRole.SchoolNurse, professional: nurse);

        var outcome = team.Add(nurse, Agency, InvolvementRole.SchoolNurse, Today, false, Recorder, Today);

        Assert.Equal(new FieldError("ProfessionalId", "This professional is already involved with the child in that role"), Assert.Single(outcome.Refusal!.Errors));
        Assert.Single(team.Involvements);
    }

    [Fact]
    public void The_same_professional_in_another_role_is_allowed()
    {
        var team = ATeam();
        var doctor = ProfessionalId.New();
        Add(team, InvolvementRole.GeneralPractitioner, professional: doctor);

        Assert.True(team.Add(doctor, Agency, InvolvementRole.Paediatrician, Today, false, Recorder, Today).Succeeded);
        Assert.Equal(2, team.Involvements.Count);
    }

    [Fact]
    public void A_start_date_in_the_future_is_refused()
    {
        var team = ATeam();

        var outcome = team.Add(ProfessionalId.New(), Agency, InvolvementRole.Midwife, Today.AddDays(1), false, Recorder, Today);

        Assert.Equal("StartedOn", Assert.Single(outcome.Refusal!.Errors).Field);
        Assert.Empty(team.Involvements);
    }

    [Fact]
    public void An_unknown_role_is_refused()
    {
        var outcome = ATeam().Add(ProfessionalId.New(), Agency, (InvolvementRole)1000, Today, false, Recorder, Today);

        Assert.Equal("Role", Assert.Single(outcome.Refusal!.Errors).Field);
    }

    [Fact]
    public void Involvements_with_other_children_are_ignored()
    {
        var other = new TeamAroundChild(PersonId.New(), []);
        var theirs = Add(other);

        var team = new TeamAroundChild(Child, other.Involvements);

        Assert.Empty(team.Involvements);
        Assert.True(Add(team).IsLeadProfessional);
        Assert.DoesNotContain(theirs, team.Involvements);
    }

    [Fact]
    public void Ending_the_lead_while_others_remain_is_refused()
    {
        var team = ATeam();
        var lead = Add(team);
        Add(team, InvolvementRole.Teacher);

        var refusal = team.End(lead.Id, Today, lead.Version, Today);

        Assert.Equal("InvolvementId", Assert.Single(refusal!.Errors).Field);
        Assert.Null(lead.EndedOn);
    }

    [Fact]
    public void Ending_the_lead_is_allowed_once_someone_else_is_lead()
    {
        var team = ATeam();
        var first = Add(team);
        var second = Add(team, InvolvementRole.Teacher);

        Assert.Null(team.MakeLead(second.Id, Today));
        Assert.Null(team.End(first.Id, Today, first.Version, Today));

        Assert.Equal(Today, first.EndedOn);
        Assert.Same(second, team.LeadOn(Today.AddDays(1)));
    }

    [Fact]
    public void Ending_the_last_involvement_is_allowed()
    {
        var team = ATeam();
        var only = Add(team);

        Assert.Null(team.End(only.Id, Today, 1, Today));

        Assert.Equal(Today, only.EndedOn);
        Assert.Equal(2, only.Version);
        Assert.Empty(team.CurrentOn(Today.AddDays(1)));
        Assert.Single(team.Involvements);
    }

    [Fact]
    public void Ending_a_non_lead_is_allowed()
    {
        var team = ATeam();
        Add(team);
        var teacher = Add(team, InvolvementRole.Teacher);

        Assert.Null(team.End(teacher.Id, Today.AddDays(-1), 1, Today));
        Assert.Equal(Today.AddDays(-1), teacher.EndedOn);
    }

    [Fact]
    public void Ending_with_a_stale_version_is_refused()
    {
        var team = ATeam();
        var first = Add(team);
        Add(team, InvolvementRole.Teacher, makeLead: true);

        // The lead moved, so the first involvement is now at version 2.
        var refusal = team.End(first.Id, Today, 1, Today);

        Assert.Equal("Version", Assert.Single(refusal!.Errors).Field);
        Assert.Null(first.EndedOn);
    }

    [Fact]
    public void Ending_twice_or_an_unknown_involvement_is_refused()
    {
        var team = ATeam();
        var only = Add(team);
        team.End(only.Id, Today, 1, Today);

        Assert.Equal("InvolvementId", Assert.Single(team.End(only.Id, Today, 2, Today)!.Errors).Field);
        Assert.Equal("InvolvementId", Assert.Single(team.End(InvolvementId.New(), Today, 1, Today)!.Errors).Field);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-32)]
    public void An_end_date_outside_the_start_to_today_is_refused(int daysFromToday)
    {
        var team = ATeam();
        var only = Add(team, startedOn: Today.AddMonths(-1));

        var refusal = team.End(only.Id, Today.AddDays(daysFromToday), 1, Today);

        Assert.Equal("EndedOn", Assert.Single(refusal!.Errors).Field);
    }

    [Fact]
    public void Make_lead_on_an_involvement_that_is_not_current_is_refused()
    {
        var team = ATeam();
        var lead = Add(team);
        var former = Add(team, InvolvementRole.Teacher);
        team.End(former.Id, Today.AddDays(-1), 1, Today);

        Assert.Equal("InvolvementId", Assert.Single(team.MakeLead(former.Id, Today)!.Errors).Field);
        Assert.Equal("InvolvementId", Assert.Single(team.MakeLead(InvolvementId.New(), Today)!.Errors).Field);
        Assert.True(lead.IsLeadProfessional);
        Assert.False(former.IsLeadProfessional);
    }

    [Fact]
    public void Make_lead_on_the_current_lead_changes_nothing()
    {
        var team = ATeam();
        var lead = Add(team);

        Assert.Null(team.MakeLead(lead.Id, Today));

        Assert.True(lead.IsLeadProfessional);
        Assert.Equal(1, lead.Version);
    }

    [Fact]
    public void There_is_exactly_one_lead_among_current_involvements_after_any_sequence()
    {
        var random = new Random(19);
        for (var run = 0; run < 200; run++)
        {
            var team = ATeam();
            var people = Enumerable.Range(0, 4).Select(_ => ProfessionalId.New()).ToArray();
            var day = Today;
            for (var step = 0; step < 30; step++)
            {
                // One change a day: an involvement ended today still counts as current today.
                day = day.AddDays(1);
                var current = team.CurrentOn(day).ToList();
                switch (random.Next(3))
                {
                    case 0:
                        team.Add(people[random.Next(people.Length)], Agency, (InvolvementRole)random.Next(1, 4), day, random.Next(2) == 0, Recorder, day);
                        break;
                    case 1 when current.Count > 0:
                        team.MakeLead(current[random.Next(current.Count)].Id, day);
                        break;
                    case 2 when current.Count > 0:
                        var ending = current[random.Next(current.Count)];
                        team.End(ending.Id, day, ending.Version, day);
                        break;
                    default:
                        break;
                }

                var next = team.CurrentOn(day.AddDays(1)).ToList();
                Assert.Equal(next.Count == 0 ? 0 : 1, next.Count(i => i.IsLeadProfessional));
            }
        }
    }

    [Fact]
    public void Closing_a_case_by_ending_everyone_on_the_same_day_is_allowed()
    {
        var team = ATeam();
        var lead = Add(team);
        var teacher = Add(team, InvolvementRole.Teacher);

        Assert.Null(team.End(teacher.Id, Today, 1, Today));

        Assert.Null(team.End(lead.Id, Today, lead.Version, Today));
    }

    [Fact]
    public void A_new_involvement_after_the_case_closed_today_becomes_lead()
    {
        var team = ATeam();
        var former = Add(team);
        team.End(former.Id, Today, 1, Today);

        var next = Add(team, InvolvementRole.AllocatedSocialWorker);

        Assert.True(next.IsLeadProfessional);
        Assert.Same(next, team.LeadOn(Today.AddDays(1)));
    }
}
