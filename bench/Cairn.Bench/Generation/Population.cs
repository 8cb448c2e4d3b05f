using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Alerts;
using Cairn.Domain.Children;
using Cairn.Domain.Education;
using Cairn.Domain.Health;
using Cairn.Domain.People;
using Cairn.Domain.Places;
using Cairn.Web.Data;

namespace Cairn.Bench.Generation;

/// <summary>One household's records, built through the domain's own factories and saved together.</summary>
internal sealed class FamilyRecords(Household household)
{
    public Household Household { get; } = household;
    public List<Person> Adults { get; } = [];
    public List<Person> Children { get; } = [];
    public List<Relationship> Relationships { get; } = [];
    public List<PersonAddress> Addresses { get; } = [];
    public List<Involvement> Involvements { get; } = [];
    public List<LegalStatus> LegalStatuses { get; } = [];
    public List<Alert> Alerts { get; } = [];
    public List<Diagnosis> Diagnoses { get; } = [];
    public List<EducationRecord> Education { get; } = [];

    public IEnumerable<Person> People => Adults.Concat(Children);
}

/// <summary>What the chronology generator needs to know about one child: who works with them and how many entries they get.</summary>
internal sealed class ChildProfile(Person child, int daysOld, IReadOnlyList<PersonId> household)
{
    public Person Child { get; } = child;
    public int DaysOld { get; } = daysOld;
    public int Age => DaysOld / 365;
    /// <summary>The children of the household, this one included: a household incident concerns them all.</summary>
    public IReadOnlyList<PersonId> Household { get; } = household;
    public Professional Gp { get; set; } = null!;
    public Professional? HealthVisitor { get; set; }
    public Professional? SchoolLead { get; set; }
    public Professional? SocialWorker { get; set; }
    /// <summary>Whether this child's entries may be household incidents (never for the busiest child's siblings, so its count stays exact).</summary>
    public bool SharesEntries { get; set; } = true;
    /// <summary>How far back this child's chronology reaches, in days.</summary>
    public int SpanDays { get; set; }
    public int Quota { get; set; }
}

/// <summary>
/// Builds the area's families: adults and children with unique synthetic NHS numbers (999 range, never
/// issued), shared addresses, parent and sibling relationships, a GP for every child, a health visitor or a
/// school safeguarding lead, and for one child in ten an allocated social worker with a legal status.
/// </summary>
internal sealed class Population(BenchOrganisation org, Area area, IReadOnlyList<PostcodeEntry> postcodes, Random random, DateOnly today, DateTimeOffset now)
{
    private static readonly string[] Ethnicities = ["WBRI", "WBRI", "WBRI", "WBRI", "WOTH", "WIRI", "MWBC", "MWBA", "AIND", "APKN", "ABAN", "BAFR", "BCRB", "CHNE", "OOTH", "NOBT"];
    private static readonly string[] Streets = ["Acacia Avenue", "Mill Lane", "Station Road", "Church Street", "Victoria Terrace", "Orchard Close", "Beech Grove", "Hawthorn Way", "Queens Road", "Riverside Walk", "Chapel Row", "Meadow Court", "Foss Bank", "Tanner Row", "Heslington Lane", "Moor Lane"];
    private readonly HashSet<string> _nhsNumbers = new(StringComparer.Ordinal);
    private long _nhsSerial;
    private int _allocatedFamilies;

    public List<ChildProfile> Children { get; } = [];

    public ChildProfile Busiest { get; private set; } = null!;

    /// <summary>
    /// The family of the child whose page is measured: an open child protection case with a long history. She is
    /// Olivia Smith, the commonest given and family names, so a search for her has the most candidates to sift.
    /// </summary>
    public FamilyRecords BusiestFamily(int busiestEntries)
    {
        const string surname = "Smith";
        var family = new FamilyRecords(Household.Create(area.Id, $"{surname} household"));
        family.Adults.Add(NewPerson(PersonKind.Adult, Names.Given(random, true), surname, today.AddYears(-34).AddDays(-40), Sex.Female));
        family.Adults.Add(NewPerson(PersonKind.Adult, Names.Given(random, false), Names.Family(random), today.AddYears(-38).AddDays(-200), Sex.Male));
        family.Children.Add(NewPerson(PersonKind.Child, "Olivia", surname, today.AddYears(-9).AddDays(-123), Sex.Female));
        family.Children.Add(NewPerson(PersonKind.Child, Names.Given(random, false), surname, today.AddYears(-13).AddDays(-57), Sex.Male));
        family.Children.Add(NewPerson(PersonKind.Child, Names.Given(random, false), surname, today.AddYears(-5).AddDays(-301), Sex.Male));
        var profiles = Finish(family, allocated: true, today.AddYears(-7));

        Busiest = profiles[0];
        Busiest.Quota = busiestEntries;
        Busiest.SpanDays = Math.Min(Busiest.DaysOld - 1, 6 * 365);
        foreach (var sibling in profiles.Skip(1))
        {
            sibling.SharesEntries = false;
        }

        var child = Busiest.Child;
        var worker = Busiest.SocialWorker!;
        var cin = LegalStatus.Change(null, child.Id, LegalStatusKind.ChildInNeed, null, today.AddYears(-4), "Child and family assessment: child in need", worker.Id, now).Value!;
        var plan = LegalStatus.Change(cin, child.Id, LegalStatusKind.ChildProtectionPlan, ChildProtectionCategory.Neglect, today.AddMonths(-14),
            "Initial child protection conference", worker.Id, now).Value!;
        family.LegalStatuses.RemoveAll(s => s.ChildId == child.Id);
        family.LegalStatuses.Add(cin);
        family.LegalStatuses.Add(plan);
        family.Alerts.Add(Alert.Raise(child.Id, new AlertDraft(AlertCategory.DomesticAbuse, "Domestic abuse in the home", "The child and her mother",
            "Mother's former partner", "Police incident report", today.AddMonths(-2), today.AddMonths(3),
            "Police attended a domestic incident at the home. Do not discuss the plan with the former partner; contact the allocated social worker before any home visit."),
            worker.Id, now).Value!);
        family.Diagnoses.Add(Diagnosis.Record(child.Id, "Asthma", today.AddYears(-3), "GP", null, Busiest.Gp.Id, now).Value!);
        // At school, with no complex needs: the concern rules look back over 90 days of her chronology. The rules
        // bench also measures her with complex needs, when they look back a year.
        family.Education.RemoveAll(e => e.PersonId == child.Id);
        family.Education.Add(Education(child.Id, EducationStatus.AtSchool, today.AddYears(-5), null, Busiest.SchoolLead!));
        return family;
    }

    /// <summary>A family of one or two adults and one to four children, no bigger than the people left to create.</summary>
    public FamilyRecords NextFamily(int remainingPeople)
    {
        var adults = random.NextDouble() < 0.55 ? 2 : 1;
        var children = random.Next(1, 5);
        if (adults + children > remainingPeople)
        {
            adults = remainingPeople == 1 ? 0 : 1;
            children = remainingPeople - adults;
        }

        var surname = Names.Family(random);
        var family = new FamilyRecords(Household.Create(area.Id, $"{surname} household"));
        for (var i = 0; i < adults; i++)
        {
            var mother = i == 0;
            family.Adults.Add(NewPerson(PersonKind.Adult, Names.Given(random, mother), mother || random.NextDouble() < 0.7 ? surname : Names.Family(random),
                today.AddYears(-random.Next(19, 50)).AddDays(-random.Next(365)), mother ? Sex.Female : Sex.Male));
        }

        for (var i = 0; i < children; i++)
        {
            var girl = random.NextDouble() < 0.5;
            family.Children.Add(NewPerson(PersonKind.Child, Names.Given(random, girl), surname, today.AddDays(-random.Next(20, 17 * 365)), girl ? Sex.Female : Sex.Male));
        }

        Finish(family, allocated: random.NextDouble() < BenchOrganisation.AllocatedShare, today.AddYears(-random.Next(1, 10)));
        return family;
    }

    private List<ChildProfile> Finish(FamilyRecords family, bool allocated, DateOnly movedIn)
    {
        var postcode = postcodes[random.Next(postcodes.Count)];
        var line1 = $"{random.Next(1, 200)} {Streets[random.Next(Streets.Length)]}";
        foreach (var member in family.People)
        {
            family.Household.Join(member.Id, movedIn, today);
            family.Addresses.Add(PersonAddress.Record(member.Id, line1, null, "Cairnmoor", postcode.Postcode, movedIn,
                new PostcodeLocation(postcode.LocalAuthorityCode, postcode.Easting, postcode.Northing)).Value!);
        }

        foreach (var child in family.Children)
        {
            foreach (var adult in family.Adults)
            {
                family.Relationships.Add(Relationship.Record(adult.Id, child.Id, RelationshipType.Parent, child.DateOfBirth, null, null, org.Administrator.Id, now, today).Value!);
            }
        }

        for (var i = 0; i < family.Children.Count; i++)
        {
            for (var j = i + 1; j < family.Children.Count; j++)
            {
                family.Relationships.Add(Relationship.Record(family.Children[i].Id, family.Children[j].Id, RelationshipType.Sibling, null, null, null, org.Administrator.Id, now, today).Value!);
            }
        }

        // A family shares its GP practice and, when open to children's social care, its social worker.
        var practice = random.Next(org.Gps.Count / 3);
        var worker = allocated ? org.SocialWorkers[_allocatedFamilies++ % org.SocialWorkers.Count] : null;
        var household = family.Children.Select(c => c.Id).ToList();
        var profiles = new List<ChildProfile>();
        foreach (var child in family.Children)
        {
            var daysOld = today.DayNumber - child.DateOfBirth!.Value.DayNumber;
            var profile = new ChildProfile(child, daysOld, household) { SpanDays = Math.Min(daysOld - 1, 5 * 365) };
            var team = new TeamAroundChild(child.Id, []);
            if (worker is not null)
            {
                profile.SocialWorker = worker;
                Add(family, team.Add(worker.Id, worker.AgencyId, InvolvementRole.AllocatedSocialWorker, today.AddDays(-random.Next(30, 400)), true, worker.Id, today));
                var plan = random.NextDouble() < 0.25;
                family.LegalStatuses.Add(LegalStatus.Change(null, child.Id, plan ? LegalStatusKind.ChildProtectionPlan : LegalStatusKind.ChildInNeed,
                    plan ? ChildProtectionCategory.Neglect : null, today.AddDays(-random.Next(30, 300)), "Decision following child and family assessment", worker.Id, now).Value!);
            }

            profile.Gp = org.Gps[practice * 3 + random.Next(3)];
            Add(family, team.Add(profile.Gp.Id, profile.Gp.AgencyId, InvolvementRole.GeneralPractitioner, child.DateOfBirth.Value, false, profile.Gp.Id, today));
            if (profile.Age < 5)
            {
                profile.HealthVisitor = org.HealthVisitors[random.Next(org.HealthVisitors.Count)];
                Add(family, team.Add(profile.HealthVisitor.Id, profile.HealthVisitor.AgencyId, InvolvementRole.HealthVisitor,
                    child.DateOfBirth.Value.AddDays(10), worker is null, profile.HealthVisitor.Id, today));
            }
            else
            {
                profile.SchoolLead = org.SchoolLeads[random.Next(org.SchoolLeads.Count)];
                Add(family, team.Add(profile.SchoolLead.Id, profile.SchoolLead.AgencyId, InvolvementRole.DesignatedSafeguardingLead,
                    today.AddYears(-Math.Min(profile.Age - 4, 5)), worker is null, profile.SchoolLead.Id, today));
            }

            // About 4 in 100 children have complex needs (an EHCP or a disability) and 1 in 100 of school age is
            // electively home educated: the off-the-radar rule's children (L09, L50).
            var complex = random.NextDouble() < 0.04 ? "EHCP: speech, language and communication needs" : null;
            var status = profile.Age < 5 ? EducationStatus.NotOfSchoolAge
                : random.NextDouble() < 0.01 ? EducationStatus.ElectivelyHomeEducated
                : EducationStatus.AtSchool;
            family.Education.Add(Education(child.Id, status, profile.Age < 5 ? child.DateOfBirth.Value : today.AddYears(-Math.Min(profile.Age - 4, 5)),
                complex, profile.SchoolLead ?? profile.HealthVisitor ?? profile.Gp));
            profiles.Add(profile);
        }

        Children.AddRange(profiles);
        return profiles;
    }

    private EducationRecord Education(PersonId child, EducationStatus status, DateOnly since, string? complexNeeds, Professional by)
    {
        var outcome = EducationRecord.Record(child, new EducationDraft(status, since, complexNeeds is not null, complexNeeds, "From the school census and the health visitor's records"),
            by.Id, now);
        return outcome.Value ?? throw new InvalidOperationException($"Education record refused: {outcome.Refusal!.Errors[0].Message}");
    }

    private static void Add(FamilyRecords family, Outcome<Involvement> outcome) =>
        family.Involvements.Add(outcome.Value ?? throw new InvalidOperationException($"Involvement refused: {outcome.Refusal!.Errors[0].Message}"));

    private Person NewPerson(PersonKind kind, string given, string family, DateOnly dateOfBirth, Sex sex)
    {
        string nhsNumber;
        do
        {
            nhsNumber = NhsNumber.Synthetic(_nhsSerial++).Value;
        }
        while (!_nhsNumbers.Add(nhsNumber));

        var upn = kind == PersonKind.Child && today.Year - dateOfBirth.Year >= 4
            ? Upn.Synthetic(816, random.Next(2000, 2100), dateOfBirth.Year + 4, random.Next(1000)).Value
            : null;
        var interpreter = random.NextDouble() < 0.03;
        var details = new PersonDetails(kind, given, family, dateOfBirth, null, sex, Ethnicities[random.Next(Ethnicities.Length)], nhsNumber, upn,
            interpreter ? "Polish" : "English", interpreter);
        var outcome = Person.Create(details, area.Id, org.Administrator.Id, now);
        return outcome.Value ?? throw new InvalidOperationException($"Person refused: {outcome.Refusal!.Errors[0].Message}");
    }
}
