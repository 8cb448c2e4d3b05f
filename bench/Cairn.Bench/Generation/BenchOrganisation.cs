using System.Globalization;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Demo;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace Cairn.Bench.Generation;

/// <summary>
/// The agencies and professionals of a large area, sized to the population so caseloads are realistic: about
/// 18 children per social worker, several hundred per GP or school safeguarding lead. Every professional has a
/// sign-in account with the demo password, so the benchmark database can be browsed with `cairn`.
/// </summary>
internal sealed class BenchOrganisation
{
    private readonly Area _area;
    private readonly Random _random;
    private readonly string _passwordHash;
    private readonly Dictionary<AgencyId, AgencyKind> _kinds = [];

    public BenchOrganisation(Area area, int expectedChildren, Random random, IPasswordHasher<Account> hasher)
    {
        _area = area;
        _random = random;
        _passwordHash = hasher.HashPassword(new Account(), DemoSeeder.DemoPassword);
        Build(expectedChildren);
    }

    public List<Agency> Agencies { get; } = [];
    public List<Team> Teams { get; } = [];
    public List<Professional> Professionals { get; } = [];
    public List<Account> Accounts { get; } = [];
    public List<Professional> SocialWorkers { get; } = [];
    public List<Professional> Gps { get; } = [];
    public List<Professional> HealthVisitors { get; } = [];
    public List<Professional> SchoolLeads { get; } = [];
    public List<Professional> PoliceOfficers { get; } = [];
    public List<Professional> HospitalClinicians { get; } = [];
    public Professional Administrator { get; private set; } = null!;
    public Professional FrontDoor { get; private set; } = null!;

    /// <summary>Share of children with an allocated social worker (open to children's social care).</summary>
    public const double AllocatedShare = 0.10;

    public AgencyKind KindOf(AgencyId id) => _kinds[id];

    private void Build(int children)
    {
        var csc = AddAgency("Cairnmoor Children's Services", AgencyKind.ChildrensSocialCare);
        var admin = AddTeam(csc, "Systems Administration");
        Administrator = AddPerson(csc, admin, "Systems administrator", Role.Administrator);
        var frontDoor = AddTeam(csc, "Front Door (MASH)");
        FrontDoor = AddPerson(csc, frontDoor, "Front door social worker", Role.FrontDoor);
        for (var i = 0; i < 5; i++)
        {
            AddPerson(csc, frontDoor, "Front door social worker", Role.FrontDoor);
        }

        var edt = AddTeam(csc, "Emergency Duty Team");
        for (var i = 0; i < 3; i++)
        {
            AddPerson(csc, edt, "Emergency duty social worker", Role.EmergencyDuty);
        }

        AddPerson(csc, AddTeam(csc, "Safeguarding and Quality"), "Partnership safeguarding lead", Role.SafeguardingLead);

        var socialWorkers = Math.Max(4, (int)Math.Ceiling(children * AllocatedShare / 18));
        for (var t = 0; SocialWorkers.Count < socialWorkers; t++)
        {
            var team = AddTeam(csc, t % 2 == 0 ? $"Assessment Team {t + 1}" : $"Child Protection Team {t + 1}");
            Teams[^1].AssignManager(AddPerson(csc, team, "Team manager", Role.TeamManager).Id);
            for (var i = 0; i < 8 && SocialWorkers.Count < socialWorkers; i++)
            {
                SocialWorkers.Add(AddPerson(csc, team, "Social worker", Role.Practitioner));
            }
        }

        var police = AddAgency("Cairnmoor Police", AgencyKind.Police);
        var ppu = AddTeam(police, "Public Protection Unit");
        for (var i = 0; i < Math.Max(4, children / 1000); i++)
        {
            PoliceOfficers.Add(AddPerson(police, ppu, "Police constable", Role.Practitioner));
        }

        var hv = AddAgency("Cairnmoor Health Visiting Service", AgencyKind.HealthVisiting);
        for (var i = 0; i < Math.Max(2, children / 1200); i++)
        {
            HealthVisitors.Add(AddPerson(hv, null, "Health visitor", Role.Practitioner));
        }

        var hospital = AddAgency("Cairnmoor District Hospital", AgencyKind.Hospital);
        for (var i = 0; i < Math.Max(2, children / 6000); i++)
        {
            HospitalClinicians.Add(AddPerson(hospital, null, "Paediatrician", Role.Practitioner));
        }

        for (var p = 0; p < Math.Max(3, children / 2000); p++)
        {
            var practice = AddAgency($"{Names.Family(_random)} Medical Practice {p + 1}", AgencyKind.GeneralPractice);
            for (var i = 0; i < 3; i++)
            {
                Gps.Add(AddPerson(practice, null, "GP", Role.Practitioner));
            }
        }

        for (var s = 0; s < Math.Max(4, children / 900); s++)
        {
            var school = AddAgency($"{Names.Family(_random)} {(s % 3 == 0 ? "Academy" : "Primary School")} {s + 1}", AgencyKind.School);
            SchoolLeads.Add(AddPerson(school, null, "Designated safeguarding lead", Role.Practitioner));
        }

        foreach (var (name, kind, title) in new[]
                 {
                     ("Cairnmoor Midwifery", AgencyKind.Midwifery, "Community midwife"),
                     ("Cairnmoor CAMHS", AgencyKind.Camhs, "CAMHS clinician"),
                     ("Cairnmoor Youth Justice Service", AgencyKind.YouthJustice, "Youth justice worker"),
                     ("Cairnmoor Housing", AgencyKind.Housing, "Housing officer"),
                     ("Cairnmoor Adult Social Care", AgencyKind.AdultSocialCare, "Adult social worker"),
                     ("Cairnmoor Family Support (voluntary)", AgencyKind.Voluntary, "Family support worker"),
                 })
        {
            AddPerson(AddAgency(name, kind), null, title, Role.Practitioner);
        }
    }

    private AgencyId AddAgency(string name, AgencyKind kind)
    {
        var agency = Agency.Create(_area.Id, name, kind, "01904 550000");
        Agencies.Add(agency);
        _kinds[agency.Id] = kind;
        return agency.Id;
    }

    private TeamId AddTeam(AgencyId agency, string name)
    {
        var team = Team.Create(agency, name);
        Teams.Add(team);
        return team.Id;
    }

    private Professional AddPerson(AgencyId agency, TeamId? team, string title, Role roles)
    {
        var girl = _random.NextDouble() < 0.6;
        var given = Names.Given(_random, girl);
        var family = Names.Family(_random);
        var number = Professionals.Count.ToString(CultureInfo.InvariantCulture);
        // Sign-in names say the job, not the (invented) person: "social-worker.12@cairnmoor.example".
        var email = $"{title.ToLowerInvariant().Replace(' ', '-')}.{number}@cairnmoor.example";
        var professional = Professional.Create(agency, team, $"{given} {family}", title, email, "01904 55" + number.PadLeft(4, '0'), roles);
        Professionals.Add(professional);
        Accounts.Add(new Account { ProfessionalId = professional.Id, UserName = email, PasswordHash = _passwordHash });
        return professional;
    }
}
