using System.Globalization;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace Cairn.Web.Demo;

/// <summary>The demo area's agencies, teams and professionals, each professional with a sign-in account.</summary>
internal sealed class Organisation(Area area, IPasswordHasher<Account> hasher)
{
    private readonly string _passwordHash = hasher.HashPassword(new Account(), DemoSeeder.DemoPassword);

    public List<Agency> Agencies { get; } = [];
    public List<Team> Teams { get; } = [];
    public List<Professional> Professionals { get; } = [];
    public List<Account> Accounts { get; } = [];
    public List<(string Email, string What)> SignIns { get; } = [];
    public List<Professional> SocialWorkers { get; } = [];
    public List<Professional> Gps { get; } = [];
    public List<Professional> HealthVisitors { get; } = [];
    public List<Professional> SchoolLeads { get; } = [];
    public List<Professional> PoliceOfficers { get; } = [];
    public Professional Administrator { get; private set; } = null!;
    public Professional SocialWorker { get; private set; } = null!;
    public Professional TeamManager { get; private set; } = null!;
    public Professional FrontDoor { get; private set; } = null!;
    public Professional FrontDoorManager { get; private set; } = null!;
    public Professional SafeguardingLead { get; private set; } = null!;
    public Professional PoliceOfficer { get; private set; } = null!;
    public Professional HealthVisitor { get; private set; } = null!;
    public Professional Gp { get; private set; } = null!;
    public Professional Teacher { get; private set; } = null!;
    public Professional Camhs { get; private set; } = null!;
    public Professional Uninvolved { get; private set; } = null!;

    public AgencyKind KindOf(AgencyId id) => Agencies.First(a => a.Id == id).Kind;

    public void Build()
    {
        var csc = AddAgency("Cairnmoor Children's Services", AgencyKind.ChildrensSocialCare, "01904 550000");
        var frontDoor = AddTeam(csc, "Front Door (MASH)");
        var assessment = AddTeam(csc, "Assessment Team");
        var protection = AddTeam(csc, "Child Protection Team");
        var edt = AddTeam(csc, "Emergency Duty Team");
        var quality = AddTeam(csc, "Safeguarding and Quality");
        var admin = AddTeam(csc, "Systems Administration");
        var police = AddAgency("Cairnmoor Police", AgencyKind.Police, "101");
        var ppu = AddTeam(police, "Public Protection Unit");
        var hv = AddAgency("Cairnmoor Health Visiting Service", AgencyKind.HealthVisiting, "01904 551100");
        var midwifery = AddAgency("Cairnmoor Midwifery", AgencyKind.Midwifery, "01904 551200");
        var hospital = AddAgency("Cairnmoor District Hospital", AgencyKind.Hospital, "01904 551300");
        var camhs = AddAgency("Cairnmoor CAMHS", AgencyKind.Camhs, "01904 551400");
        var yjs = AddAgency("Cairnmoor Youth Justice Service", AgencyKind.YouthJustice, "01904 551500");
        var housing = AddAgency("Cairnmoor Housing", AgencyKind.Housing, "01904 551600");
        var asc = AddAgency("Cairnmoor Adult Social Care", AgencyKind.AdultSocialCare, "01904 551700");
        var voluntary = AddAgency("Cairnmoor Family Support (voluntary)", AgencyKind.Voluntary, "01904 551800");
        string[] practices = ["Riverside Medical Practice", "Minster Surgery", "Heworth Green Health Centre"];
        string[] schools = ["St Aidan's Primary School", "Millfield Primary School", "Cairnmoor Academy", "Hollins Secondary School"];

        Administrator = AddPerson(csc, admin, "Alex Morgan", "Systems administrator", "admin", Role.Administrator,
            "administrator: accounts and reference data, no case access");
        SocialWorker = AddPerson(csc, assessment, "Sam Okoro", "Social worker", "sam.okoro", Role.Practitioner,
            "social worker with allocated children");
        SocialWorkers.Add(SocialWorker);
        for (var i = 0; i < 8; i++)
        {
            SocialWorkers.Add(AddPerson(
                csc, i % 2 == 0 ? assessment : protection, Name(i, "social"), "Social worker", null, Role.Practitioner, null));
        }

        TeamManager = AddPerson(csc, assessment, "Priya Shah", "Team manager", "priya.shah", Role.TeamManager, "team manager of the Assessment Team");
        Teams.First(t => t.Id == assessment).AssignManager(TeamManager.Id);
        Teams.First(t => t.Id == protection)
            .AssignManager(AddPerson(csc, protection, "Grace Adeyemi", "Team manager", null, Role.TeamManager, null).Id);
        FrontDoor = AddPerson(csc, frontDoor, "Jordan Lee", "Front door social worker", "jordan.lee", Role.FrontDoor,
            "front door (MASH): every child in the area");
        FrontDoorManager = AddPerson(csc, frontDoor, "Ellis Ward", "Front door manager", "ellis.ward", Role.FrontDoor | Role.TeamManager,
            "front door manager: signs off triage decisions");
        // The front door team is the one a front door manager manages: concern prompts with no lead professional go to it.
        Teams.First(t => t.Id == frontDoor).AssignManager(FrontDoorManager.Id);
        AddPerson(csc, edt, "Robin Hart", "Emergency duty social worker", "robin.hart", Role.EmergencyDuty, "Emergency Duty Team (out of hours)");
        // Told when the Emergency Duty Team misses an acknowledgement (L02): its manager first, then the senior manager on call.
        Teams.First(t => t.Id == edt).AssignManager(AddPerson(csc, edt, "Jamie Fox", "Emergency Duty Team manager", null,
            Role.EmergencyDuty | Role.TeamManager, null).Id);
        AddPerson(csc, quality, "Sasha Reid", "Service manager (on call out of hours)", null, Role.SeniorManagerOnCall, null);
        SafeguardingLead = AddPerson(csc, quality, "Morgan Blake", "Partnership safeguarding lead", "morgan.blake", Role.SafeguardingLead,
            "safeguarding lead: every child in the area, the audit log");
        AddPerson(csc, quality, "Dana Whitfield", "Head of children's services", null, Role.HeadOfService, null);
        PoliceOfficer = AddPerson(police, ppu, "DC Chris Barnes", "Detective constable", "chris.barnes", Role.Practitioner, "police officer");
        PoliceOfficers.Add(PoliceOfficer);
        for (var i = 0; i < 3; i++)
        {
            PoliceOfficers.Add(AddPerson(police, ppu, Name(i, "police"), "Police constable", null, Role.Practitioner, null));
        }

        HealthVisitor = AddPerson(hv, null, "Nadia Hussain", "Health visitor", "nadia.hussain", Role.Practitioner, "health visitor");
        HealthVisitors.Add(HealthVisitor);
        for (var i = 0; i < 4; i++)
        {
            HealthVisitors.Add(AddPerson(hv, null, Name(i, "hv"), "Health visitor", null, Role.Practitioner, null));
        }

        foreach (var (practice, index) in practices.Select((p, i) => (p, i)))
        {
            var agency = AddAgency(practice, AgencyKind.GeneralPractice, $"01904 55{index}200");
            var gp = AddPerson(agency, null, Name(index, "gp"), "GP", index == 0 ? "dr.patel" : null, Role.Practitioner, index == 0 ? "GP" : null);
            Gps.Add(gp);
            if (index == 0)
            {
                Gp = gp;
            }
        }

        foreach (var (school, index) in schools.Select((s, i) => (s, i)))
        {
            var agency = AddAgency(school, AgencyKind.School, $"01904 55{index}300");
            var lead = AddPerson(agency, null, Name(index, "school"), "Designated safeguarding lead", index == 2 ? "kate.collins" : null,
                Role.Practitioner, index == 2 ? "teacher, designated safeguarding lead" : null);
            SchoolLeads.Add(lead);
            if (index == 2)
            {
                Teacher = lead;
            }
        }

        Camhs = AddPerson(camhs, null, "Dr Ruth Ellison", "CAMHS clinician", null, Role.Practitioner, null);
        AddPerson(midwifery, null, "Megan Price", "Community midwife", null, Role.Practitioner, null);
        AddPerson(hospital, null, "Dr Tom Reid", "Consultant paediatrician", null, Role.Practitioner, null);
        AddPerson(yjs, null, "Lewis Grant", "Youth justice worker", null, Role.Practitioner, null);
        AddPerson(housing, null, "Fatima Noor", "Housing officer", null, Role.Practitioner, null);
        AddPerson(asc, null, "Owen Rees", "Adult social worker", null, Role.Practitioner, null);
        AddPerson(voluntary, null, "Beth Carter", "Family support worker", null, Role.Practitioner, null);
        Uninvolved = AddPerson(yjs, null, "Casey Quinn", "Youth justice worker", "casey.quinn", Role.Practitioner,
            "practitioner with no involvement: sees no child (404)");
    }

    private static string Name(int index, string kind)
    {
        string[] given = ["Jamie", "Taylor", "Rowan", "Avery", "Quinn", "Harper", "Reese", "Skyler", "Emerson", "Finley"];
        string[] family = ["Fletcher", "Dawson", "Holt", "Marsh", "Pryce", "Lowe", "Sutton", "Hale", "Booth", "Kerr"];
        var offset = kind.Length;
        var name = $"{given[(index + offset) % given.Length]} {family[(index * 3 + offset) % family.Length]}";
        return kind == "gp" ? "Dr " + name : name;
    }

    private AgencyId AddAgency(string name, AgencyKind kind, string phone)
    {
        var agency = Agency.Create(area.Id, name, kind, phone);
        Agencies.Add(agency);
        return agency.Id;
    }

    private TeamId AddTeam(AgencyId agency, string name)
    {
        var team = Team.Create(agency, name);
        Teams.Add(team);
        return team.Id;
    }

    private Professional AddPerson(AgencyId agency, TeamId? team, string name, string title, string? signIn, Role roles, string? what)
    {
        var local = signIn
            ?? name.ToLowerInvariant().Replace("dr ", "", StringComparison.Ordinal).Replace(' ', '.').Replace("'", "", StringComparison.Ordinal)
            + "." + Professionals.Count.ToString(CultureInfo.InvariantCulture);
        var email = $"{local}@cairnmoor.example";
        var phone = "01904 55" + (1000 + Professionals.Count).ToString(CultureInfo.InvariantCulture);
        var professional = Professional.Create(agency, team, name, title, email, phone, roles);
        Professionals.Add(professional);
        Accounts.Add(new Account { ProfessionalId = professional.Id, UserName = email, PasswordHash = _passwordHash });
        if (what is not null)
        {
            SignIns.Add((email, what));
        }

        return professional;
    }
}
