using Cairn.Domain.Agencies;
using Cairn.Domain.Alerts;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;
using Cairn.Domain.Education;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.People;

namespace Cairn.Web.Demo;

/// <summary>
/// Invented families whose stories echo the learning reviews Cairn answers, so the demo shows why each
/// rule exists. None is a real case.
/// </summary>
internal sealed class Scenarios(DemoSeeder seeder, Organisation org, Area area, DateOnly today, DateTimeOffset now)
{
    public IEnumerable<Family> All()
    {
        yield return BankHolidayWeekend();
        yield return NeglectAddsUp();
        yield return OffTheRadar();
    }

    /// <summary>A three-year-old found alone on a bank holiday weekend; alcohol, domestic abuse and neglect at home (L02, L05, L06).</summary>
    private Family BankHolidayWeekend()
    {
        var family = new Family(Household.Create(area.Id, "Nowak household"));
        var mother = seeder.NewPerson(area, PersonKind.Adult, "Agnieszka", "Nowak", today.AddYears(-29), Sex.Female, org, now,
            "Polish", true, "WOTH");
        var father = seeder.NewPerson(area, PersonKind.Adult, "Marek", "Nowak", today.AddYears(-33), Sex.Male, org, now,
            "Polish", true, "WOTH");
        var child = seeder.NewPerson(area, PersonKind.Child, "Zofia", "Nowak", today.AddYears(-3).AddDays(-40), Sex.Female, org, now,
            "Polish", false, "WOTH");
        var baby = seeder.NewPerson(area, PersonKind.Child, "Tomasz", "Nowak", today.AddMonths(-14), Sex.Male, org, now,
            "Polish", false, "WOTH");
        family.Adults.AddRange([mother, father]);
        family.Children.AddRange([child, baby]);
        foreach (var p in new[] { mother, father, child, baby })
        {
            family.Household.Join(p.Id, today.AddYears(-2), today);
        }

        foreach (var c in new[] { child, baby })
        {
            family.Relationships.Add(Relationship.Record(
                mother.Id, c.Id, RelationshipType.Parent, c.DateOfBirth, null, null, org.SocialWorker.Id, now, today).Value!);
            family.Relationships.Add(Relationship.Record(father.Id, c.Id, RelationshipType.PersonPosingRisk, null, null,
                "Domestic abuse towards the children's mother while the children were present; bail conditions forbid contact",
                org.SocialWorker.Id, now, today).Value!);
            var team = new TeamAroundChild(c.Id, []);
            Keep(family, team.Add(
                org.SocialWorker.Id, org.SocialWorker.AgencyId, InvolvementRole.AllocatedSocialWorker, today.AddMonths(-2), true,
                org.SocialWorker.Id, today));
            Keep(family, team.Add(
                org.HealthVisitor.Id, org.HealthVisitor.AgencyId, InvolvementRole.HealthVisitor, today.AddMonths(-12), false,
                org.HealthVisitor.Id, today));
            Keep(family, team.Add(org.Gp.Id, org.Gp.AgencyId, InvolvementRole.GeneralPractitioner, c.DateOfBirth!.Value, false, org.Gp.Id, today));
            family.LegalStatuses.Add(LegalStatus.Change(null, c.Id, LegalStatusKind.LookedAfterInterimCareOrder, null, today.AddMonths(-2),
                "Interim care order granted after the child was found alone outside the home", org.SocialWorker.Id, now).Value!);
            DemoSeeder.RaiseAlert(family, c, org.SocialWorker, AlertCategory.DomesticAbuse, "Domestic abuse by father",
                "Zofia, Tomasz and their mother", "Marek Nowak (father)", "Police notification and bail conditions",
                "Father was arrested after an assault on mother with both children in the home. " +
                "Bail conditions forbid contact with the children; " +
                "any sighting of him near the foster home or nursery must be reported to police at once.",
                today.AddMonths(-2), today.AddMonths(1), now);
        }

        seeder.Record(family, [child.Id, baby.Id], org.PoliceOfficer, today.AddMonths(-2).AddDays(-3),
            ChronologyCategory.Police, Significance.Critical,
            "Child aged 3 found alone outside the home on bank holiday Sunday",
            "Neighbour called police. Mother found inside, too intoxicated to know where the child was. Baby asleep upstairs.", null, null,
            concerns: ConcernTheme.Neglect | ConcernTheme.ParentalAlcoholMisuse);
        seeder.Record(family, [child.Id, baby.Id], org.PoliceOfficer, today.AddMonths(-5), ChronologyCategory.Incident, Significance.Significant,
            "Domestic incident at the home; both children present", "Vulnerable child notification completed.", null, null,
            concerns: ConcernTheme.DomesticAbuse);
        seeder.Record(family, [baby.Id], org.HealthVisitor, today.AddMonths(-6), ChronologyCategory.HomeVisit, Significance.Significant,
            "Home visit: home cold, little food, empty bottles in kitchen", null, null,
            new VoiceOfChild(null, null, "Baby of 8 months; observed: quiet, did not seek comfort from mother"),
            concerns: ConcernTheme.HomeConditions | ConcernTheme.ParentalAlcoholMisuse);
        seeder.Record(family, [child.Id], org.SocialWorker, today.AddMonths(-1), ChronologyCategory.HomeVisit, Significance.Routine,
            "Visit to foster home with Polish interpreter", null, null,
            new VoiceOfChild("Mama was sleeping and I went outside to find her friend.", "Seen alone, with an interpreter, through play", null));
        return family;
    }

    /// <summary>Four agencies each hold a low-level concern; together they are neglect (L04).</summary>
    private Family NeglectAddsUp()
    {
        var family = new Family(Household.Create(area.Id, "Brooks household"));
        var mother = seeder.NewPerson(area, PersonKind.Adult, "Kerry", "Brooks", today.AddYears(-31), Sex.Female, org, now);
        var boy = seeder.NewPerson(area, PersonKind.Child, "Tyler", "Brooks", today.AddYears(-7).AddDays(-100), Sex.Male, org, now);
        var baby = seeder.NewPerson(area, PersonKind.Child, "Lola", "Brooks", today.AddMonths(-9), Sex.Female, org, now);
        family.Adults.Add(mother);
        family.Children.AddRange([boy, baby]);
        foreach (var p in new[] { mother, boy, baby })
        {
            family.Household.Join(p.Id, today.AddYears(-1), today);
        }

        family.Relationships.Add(Relationship.Record(
            mother.Id, boy.Id, RelationshipType.Parent, boy.DateOfBirth, null, null, org.Teacher.Id, now, today).Value!);
        family.Relationships.Add(Relationship.Record(
            mother.Id, baby.Id, RelationshipType.Parent, baby.DateOfBirth, null, null, org.Teacher.Id, now, today).Value!);
        family.Relationships.Add(Relationship.Record(boy.Id, baby.Id, RelationshipType.Sibling, null, null, null, org.Teacher.Id, now, today).Value!);
        var boyTeam = new TeamAroundChild(boy.Id, []);
        Keep(family, boyTeam.Add(
            org.Teacher.Id, org.Teacher.AgencyId, InvolvementRole.DesignatedSafeguardingLead, today.AddYears(-2), true, org.Teacher.Id, today));
        Keep(family, boyTeam.Add(org.Gp.Id, org.Gp.AgencyId, InvolvementRole.GeneralPractitioner, boy.DateOfBirth!.Value, false, org.Gp.Id, today));
        var babyTeam = new TeamAroundChild(baby.Id, []);
        Keep(family, babyTeam.Add(
            org.HealthVisitor.Id, org.HealthVisitor.AgencyId, InvolvementRole.HealthVisitor, baby.DateOfBirth!.Value.AddDays(12), true,
            org.HealthVisitor.Id, today));
        Keep(family, babyTeam.Add(org.Gp.Id, org.Gp.AgencyId, InvolvementRole.GeneralPractitioner, baby.DateOfBirth.Value, false, org.Gp.Id, today));

        seeder.Record(family, [boy.Id], org.Teacher, today.AddDays(-40), ChronologyCategory.Education, Significance.Routine,
            "Poor hygiene; came to school hungry", null, null, null, concerns: ConcernTheme.Neglect);
        seeder.Record(family, [baby.Id], org.Gp, today.AddDays(-30), ChronologyCategory.Appointment, Significance.Routine,
            "Immunisation appointment: was not brought", null, AppointmentOutcome.WasNotBrought, null, concerns: ConcernTheme.UnmetHealthNeeds);
        seeder.Record(family, [baby.Id], org.HealthVisitor, today.AddDays(-21), ChronologyCategory.HomeVisit, Significance.Routine,
            "Home visit: house very cold, baby in wet clothing", null, null,
            new VoiceOfChild(null, null, "Baby of 8 months; observed: unsettled, nappy rash"), concerns: ConcernTheme.HomeConditions);
        seeder.Record(family, [boy.Id, baby.Id], org.PoliceOfficer, today.AddDays(-10), ChronologyCategory.Police, Significance.Significant,
            "Domestic incident reported by neighbour; children at home", null, null, null, concerns: ConcernTheme.DomesticAbuse);

        // This morning the school rang the front door: the contact waits for triage, with the whole picture beside it.
        var referrer = new Referrer(org.Teacher.Name, "School", "Designated safeguarding lead", org.Teacher.Phone, org.Teacher.Email, false);
        var draft = new ContactDraft(ContactSource.School, referrer,
            "Tyler arrived late, hungry and in the same clothes as all week. " +
            "He said there was shouting at home last night and he looked after his sister.",
            ConcernTheme.Neglect | ConcernTheme.DomesticAbuse, now.AddHours(-3));
        family.Contacts.Add(Contact.Receive(draft, boy.Id, area.Id, Guid.CreateVersion7(), org.FrontDoor.Id, null, null, now,
            new Domain.Time.WorkingCalendar(Domain.Time.EnglandAndWales.BankHolidays)).Value!);
        return family;
    }

    /// <summary>A young man with complex needs, home educated, repeatedly not brought to appointments (L09, L28, L50).</summary>
    private Family OffTheRadar()
    {
        var family = new Family(Household.Create(area.Id, "Price household"));
        var father = seeder.NewPerson(area, PersonKind.Adult, "Gareth", "Price", today.AddYears(-48), Sex.Male, org, now);
        var son = seeder.NewPerson(area, PersonKind.Child, "Daniel", "Price", today.AddYears(-16).AddDays(-20), Sex.Male, org, now);
        family.Adults.Add(father);
        family.Children.Add(son);
        family.Household.Join(father.Id, today.AddYears(-10), today);
        family.Household.Join(son.Id, today.AddYears(-10), today);
        family.Relationships.Add(Relationship.Record(
            father.Id, son.Id, RelationshipType.Parent, son.DateOfBirth, null, null, org.Gp.Id, now, today).Value!);
        var team = new TeamAroundChild(son.Id, []);
        Keep(family, team.Add(org.Gp.Id, org.Gp.AgencyId, InvolvementRole.GeneralPractitioner, son.DateOfBirth!.Value, true, org.Gp.Id, today));
        Keep(family, team.Add(org.Camhs.Id, org.Camhs.AgencyId, InvolvementRole.CamhsPractitioner, today.AddYears(-3), false, org.Camhs.Id, today));
        DemoSeeder.Diagnose(family, son, "Global developmental delay", today.AddYears(-12), "Community paediatrician", org.Gp, now);
        DemoSeeder.Diagnose(family, son, "Autism spectrum condition", today.AddYears(-4), "CAMHS neurodevelopmental assessment", org.Camhs, now);
        for (var i = 0; i < 3; i++)
        {
            seeder.Record(family, [son.Id], org.Gp, today.AddMonths(-2 - (i * 3)), ChronologyCategory.Appointment, Significance.Routine,
                "Annual health check: was not brought", null, AppointmentOutcome.WasNotBrought, null, concerns: ConcernTheme.UnmetHealthNeeds);
        }

        seeder.Record(family, [son.Id], org.Camhs, today.AddMonths(-11), ChronologyCategory.Education, Significance.Significant,
            "Family confirmed elective home education; special school place withdrawn", null, null, null);
        var education = new EducationDraft(EducationStatus.ElectivelyHomeEducated,
            today.AddMonths(-11), true, "Global developmental delay and autism; EHCP ceased when the special school place was withdrawn",
            "Family confirmed elective home education");
        family.Education.Add(EducationRecord.Record(son.Id, education, org.Camhs.Id, now).Value!);
        return family;
    }

    private static void Keep(Family family, Domain.Outcome<Involvement> outcome)
    {
        if (outcome.Value is { } involvement)
        {
            family.Involvements.Add(involvement);
        }
    }
}
