using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Alerts;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Domain.Health;
using Cairn.Domain.People;
using Cairn.Domain.Places;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.People;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Demo;

/// <param name="Children">How many children to create, in families.</param>
/// <param name="EntriesPerChild">Average chronology entries per child.</param>
/// <param name="BusiestChildEntries">One child gets this many entries, for measuring the child page at its worst.</param>
public sealed record DemoSize(int Children, int EntriesPerChild = 12, int BusiestChildEntries = 0);

public sealed record DemoResult(string AreaName, int Children, int People, int Professionals, int ChronologyEntries,
    IReadOnlyList<(string Email, string What)> SignIns, PersonId BusiestChild);

/// <summary>
/// Seeds a synthetic area: agencies, teams, professionals with accounts, families with relationships,
/// addresses, involvements, chronologies, alerts and diagnoses, and a few scenarios that echo the
/// learning reviews. Every name, number and event is invented; NHS numbers are in the 999 range that is
/// never issued. Deterministic for a given size.
/// </summary>
public sealed class DemoSeeder(CairnDbContext db, IPasswordHasher<Account> hasher, TimeProvider clock)
{
    public const string DemoPassword = "Cairn-demo-2026!";

    private static readonly string[] Girls =
    [
        "Amelia", "Olivia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Freya", "Florence", "Grace", "Evie", "Sophia",
        "Ella", "Poppy", "Aisha", "Zara", "Maja", "Zuzanna", "Ruby", "Esme", "Daisy", "Layla", "Hannah", "Chloe",
        "Amira", "Niamh", "Erin", "Jessica", "Molly", "Sienna",
    ];

    private static readonly string[] Boys =
    [
        "Oliver", "George", "Noah", "Arthur", "Leo", "Muhammad", "Harry", "Oscar", "Jack", "Charlie", "Theo",
        "Freddie", "Alfie", "Jacob", "Ethan", "Kacper", "Jakub", "Mason", "Tyler", "Kai", "Reuben", "Ibrahim",
        "Callum", "Dylan", "Finley", "Logan", "Riley", "Joseph", "Samuel", "Toby",
    ];

    private static readonly string[] Families =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas", "Clarke", "Jackson", "Wood",
        "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes", "Moore", "Kowalski", "Nowak",
        "Wiśniewski", "Khan", "Ahmed", "Hussain", "O'Neill", "Murphy", "Kelly", "Begum", "Okafor", "Mensah", "Nguyen",
        "Campbell", "Stewart", "Anderson", "Scott", "Mitchell", "Baker",
    ];

    private static readonly string[] Streets =
    [
        "Acacia Avenue", "Mill Lane", "Station Road", "Church Street", "Victoria Terrace", "Orchard Close",
        "Beech Grove", "Hawthorn Way", "Queens Road", "Riverside Walk", "Chapel Row", "Meadow Court",
    ];

    /// <summary>What a child of three or more says on a home visit.</summary>
    private static readonly string[] ChildrensWords =
    [
        "I like it when Mum takes me to the park.",
        "I don't like it when they shout.",
        "School is OK, I have a best friend.",
        "I'm hungry when I get home.",
    ];

    private readonly Random _random = new(20261123);
    private int _entries;
    private Organisation _org = null!;

    public async Task<DemoResult> SeedAsync(DemoSize size, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // All or nothing: a seed that fails part-way leaves an empty database, so the next start seeds again.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await new PostcodeImporter(db).ImportShippedSubsetAsync(cancellationToken);
        var postcodes = await db.Postcodes.AsNoTracking().Where(p => p.LocalAuthorityCode == "E06000014").ToListAsync(cancellationToken);

        var area = Area.Create("Cairnmoor (demo area)", "E06000014");
        db.Areas.Add(area);
        var org = new Organisation(area, hasher);
        org.Build();
        _org = org;
        db.Agencies.AddRange(org.Agencies);
        db.Teams.AddRange(org.Teams);
        db.Professionals.AddRange(org.Professionals);
        db.Accounts.AddRange(org.Accounts);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var children = 0;
        var people = 0;
        var busiest = default(PersonId);
        var scenarios = new Scenarios(this, org, area, today, now);
        foreach (var family in scenarios.All())
        {
            children += family.Children.Count;
            people += family.Children.Count + family.Adults.Count;
            await SaveFamilyAsync(family, cancellationToken);
        }

        var familyNumber = 0;
        while (children < size.Children)
        {
            var family = NewFamily(org, area, postcodes, today, now, size.EntriesPerChild, familyNumber++);
            children += family.Children.Count;
            people += family.Children.Count + family.Adults.Count;
            if (busiest == default && size.BusiestChildEntries > 0)
            {
                busiest = family.Children[0].Id;
                AddEntries(family, family.Children[0], org, today, size.BusiestChildEntries);
            }

            await SaveFamilyAsync(family, cancellationToken);
        }

        await DemoRegister.SeedAsync(db, area, org.Administrator.Id, now, today, cancellationToken);
        await DemoPlacements.SeedAsync(db, area, org.SocialWorker.Id, now, today, cancellationToken);
        db.AuditEntries.Add(new AuditEntry { At = now, Action = "demo.seed", Outcome = "succeeded", Detail = $"children={children}" });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return new DemoResult(area.Name, children, people, org.Professionals.Count, _entries, org.SignIns, busiest);
    }

    private async Task SaveFamilyAsync(Family family, CancellationToken cancellationToken)
    {
        db.People.AddRange(family.Children);
        db.People.AddRange(family.Adults);
        foreach (var person in family.Children.Concat(family.Adults))
        {
            db.PersonSearchKeys.AddRange(PersonSearchIndex.KeysFor(person));
        }

        db.Households.Add(family.Household);
        db.Relationships.AddRange(family.Relationships);
        db.Addresses.AddRange(family.Addresses);
        db.Involvements.AddRange(family.Involvements);
        db.LegalStatuses.AddRange(family.LegalStatuses);
        db.ChronologyEntries.AddRange(family.Entries);
        db.Alerts.AddRange(family.Alerts);
        db.Diagnoses.AddRange(family.Diagnoses);
        db.Contacts.AddRange(family.Contacts);
        db.EducationRecords.AddRange(family.Education);
        _entries += family.Entries.Count;
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    internal Person NewPerson(Area area, PersonKind kind, string given, string family, DateOnly dob, Sex sex, Organisation org, DateTimeOffset now,
        string? language = null, bool interpreter = false, string? ethnicity = null)
    {
        var serial = _random.Next(1_000_000);
        var details = new PersonDetails(kind, given, family, dob, null, sex,
            ethnicity ?? Pick(["WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "AIND", "APKN", "BAFR", "NOBT"]),
            NhsNumber.Synthetic(serial).Value,
            kind == PersonKind.Child && now.Year - dob.Year >= 4
                ? Upn.Synthetic(816, _random.Next(2000, 2100), now.Year % 100, _random.Next(1000)).Value
                : null,
            language ?? "English", interpreter);
        var outcome = Person.Create(details, area.Id, org.Administrator.Id, now);
        return outcome.Value ?? throw new InvalidOperationException($"Demo person refused: {outcome.Refusal!.Errors[0].Message}");
    }

    private Family NewFamily(
        Organisation org, Area area, List<PostcodeEntry> postcodes, DateOnly today, DateTimeOffset now, int entriesPerChild, int number)
    {
        var surname = Pick(Families);
        var family = new Family(Household.Create(area.Id, $"{surname} household"));
        var mother = NewPerson(area, PersonKind.Adult, Pick(Girls), surname,
            today.AddYears(-_random.Next(19, 45)).AddDays(-_random.Next(365)), Sex.Female, org, now);
        family.Adults.Add(mother);
        if (_random.NextDouble() < 0.55)
        {
            family.Adults.Add(NewPerson(area, PersonKind.Adult, Pick(Boys), _random.NextDouble() < 0.7 ? surname : Pick(Families),
                today.AddYears(-_random.Next(20, 50)).AddDays(-_random.Next(365)), Sex.Male, org, now));
        }

        var childCount = _random.Next(1, 5);
        for (var i = 0; i < childCount; i++)
        {
            var girl = _random.NextDouble() < 0.5;
            var dob = today.AddDays(-_random.Next(20, 17 * 365));
            family.Children.Add(NewPerson(area, PersonKind.Child, Pick(girl ? Girls : Boys), surname, dob, girl ? Sex.Female : Sex.Male, org, now));
        }

        var postcode = postcodes.Count > 0 ? postcodes[_random.Next(postcodes.Count)] : null;
        var moveIn = today.AddYears(-_random.Next(1, 8));
        foreach (var member in family.Children.Concat(family.Adults))
        {
            family.Household.Join(member.Id, moveIn, today);
            if (postcode is not null)
            {
                family.Addresses.Add(PersonAddress.Record(
                    member.Id, $"{_random.Next(1, 120)} {Pick(Streets)}", null, "Cairnmoor", postcode.Postcode, moveIn,
                    new PostcodeLocation(postcode.LocalAuthorityCode, postcode.Easting, postcode.Northing)).Value!);
            }
        }

        foreach (var child in family.Children)
        {
            foreach (var adult in family.Adults)
            {
                family.Relationships.Add(Relationship.Record(
                    adult.Id, child.Id, RelationshipType.Parent, child.DateOfBirth, null, null, org.Administrator.Id, now, today).Value!);
            }
        }

        for (var i = 0; i < family.Children.Count; i++)
        {
            for (var j = i + 1; j < family.Children.Count; j++)
            {
                family.Relationships.Add(Relationship.Record(
                    family.Children[i].Id, family.Children[j].Id, RelationshipType.Sibling, null, null, null, org.Administrator.Id, now, today)
                    .Value!);
            }
        }

        var allocated = _random.NextDouble() < 0.45;
        var worker = org.SocialWorkers[number % org.SocialWorkers.Count];
        foreach (var child in family.Children)
        {
            var team = new TeamAroundChild(child.Id, []);
            var age = child.AgeOn(today) ?? 0;
            if (allocated)
            {
                Add(family, team.Add(
                    worker.Id, worker.AgencyId, InvolvementRole.AllocatedSocialWorker, today.AddDays(-_random.Next(30, 400)), true,
                    worker.Id, today));
                var status = _random.NextDouble() < 0.25 ? LegalStatusKind.ChildProtectionPlan : LegalStatusKind.ChildInNeed;
                family.LegalStatuses.Add(LegalStatus.Change(null, child.Id, status,
                    status == LegalStatusKind.ChildProtectionPlan ? ChildProtectionCategory.Neglect : null,
                    today.AddDays(-_random.Next(30, 300)), "Decision following child and family assessment", worker.Id, now).Value!);
            }

            var gp = org.Gps[_random.Next(org.Gps.Count)];
            Add(family, team.Add(gp.Id, gp.AgencyId, InvolvementRole.GeneralPractitioner, child.DateOfBirth!.Value, false, gp.Id, today));
            if (age < 5)
            {
                var hv = org.HealthVisitors[_random.Next(org.HealthVisitors.Count)];
                Add(family, team.Add(
                    hv.Id, hv.AgencyId, InvolvementRole.HealthVisitor, child.DateOfBirth.Value.AddDays(10), !allocated, hv.Id, today));
            }
            else
            {
                var dsl = org.SchoolLeads[_random.Next(org.SchoolLeads.Count)];
                Add(family, team.Add(
                    dsl.Id, dsl.AgencyId, InvolvementRole.DesignatedSafeguardingLead, today.AddYears(-Math.Min(age - 4, 5)), !allocated,
                    dsl.Id, today));
            }

            AddEntries(family, child, org, today, Math.Max(1, entriesPerChild + _random.Next(-entriesPerChild / 2, entriesPerChild / 2 + 1)));
        }

        if (family.Children.Count > 1 && _random.NextDouble() < 0.2)
        {
            // A household incident reaches every child's chronology.
            var police = org.PoliceOfficers[_random.Next(org.PoliceOfficers.Count)];
            Record(family, family.Children.Select(c => c.Id).ToList(), police, today.AddDays(-_random.Next(5, 200)),
                ChronologyCategory.Police, Significance.Significant,
                "Police attended a verbal argument at the home; children present", null, null, null);
        }

        return family;
    }

    private static void Add(Family family, Outcome<Involvement> outcome)
    {
        if (outcome.Value is { } involvement)
        {
            family.Involvements.Add(involvement);
        }
    }

    internal void AddEntries(Family family, Person child, Organisation org, DateOnly today, int count)
    {
        var age = Math.Max(0, child.AgeOn(today) ?? 0);
        for (var i = 0; i < count; i++)
        {
            var when = today.AddDays(-_random.Next(1, Math.Max(2, Math.Min(age * 365, 5 * 365))));
            var roll = _random.Next(6);
            var (author, category, summary) = roll switch
            {
                0 => (org.Gps[_random.Next(org.Gps.Count)], ChronologyCategory.Appointment, "GP appointment"),
                1 => (age < 5 ? org.HealthVisitors[_random.Next(org.HealthVisitors.Count)] : org.SchoolLeads[_random.Next(org.SchoolLeads.Count)],
                    age < 5 ? ChronologyCategory.HomeVisit : ChronologyCategory.Education,
                    age < 5 ? "Health visitor home visit" : "Attendance and welfare check at school"),
                2 => (org.SocialWorkers[_random.Next(org.SocialWorkers.Count)], ChronologyCategory.HomeVisit, "Social work home visit"),
                3 => (org.PoliceOfficers[_random.Next(org.PoliceOfficers.Count)], ChronologyCategory.Police, "Police welfare check"),
                4 => (org.SchoolLeads[_random.Next(org.SchoolLeads.Count)], ChronologyCategory.Education, "Concern logged by school"),
                _ => (org.SocialWorkers[_random.Next(org.SocialWorkers.Count)], ChronologyCategory.Meeting, "Team around the child meeting"),
            };
            var outcome = category == ChronologyCategory.Appointment
                ? (_random.NextDouble() < 0.15 ? AppointmentOutcome.WasNotBrought : AppointmentOutcome.Attended)
                : (AppointmentOutcome?)null;
            var significance = _random.NextDouble() < 0.12
                ? Significance.Significant
                : _random.NextDouble() < 0.02 ? Significance.Critical : Significance.Routine;
            var voice = category == ChronologyCategory.HomeVisit
                ? age >= 3
                    ? new VoiceOfChild(Pick(ChildrensWords), "Seen alone in their bedroom", null)
                    : new VoiceOfChild(null, null, "Too young to give views in words; observed playing and interacting with parent")
                : null;
            Record(family, [child.Id], author, when, category, significance,
                summary + (outcome == AppointmentOutcome.WasNotBrought ? ": was not brought" : ""),
                "Synthetic demo entry. Notes of what was seen, heard and agreed.", outcome, voice);
        }
    }

    internal void Record(Family family, IReadOnlyList<PersonId> about, Professional author, DateOnly on, ChronologyCategory category,
        Significance significance, string summary, string? detail, AppointmentOutcome? outcome, VoiceOfChild? voice,
        ContactMode mode = ContactMode.FaceToFace, Domain.Concerns.ConcernTheme concerns = Domain.Concerns.ConcernTheme.None)
    {
        var at = Clock.FromLondon(on.ToDateTime(new TimeOnly(9 + _random.Next(8), _random.Next(60))));
        var agency = _org.KindOf(author.AgencyId);
        var content = new ChronologyContent(at, category, significance, mode, outcome, summary, detail, voice) { Concerns = concerns };
        var entry = ChronologyEntry.Record(content, about.Select(p => (p, true)).ToList(), author.AgencyId, agency, author.Id, at.AddHours(2));
        family.Entries.Add(entry.Value ?? throw new InvalidOperationException($"Demo entry refused: {entry.Refusal!.Errors[0].Message}"));
    }

    internal static void RaiseAlert(Family family, Person child, Professional owner, AlertCategory category, string risk, string atRisk,
        string fromWhom, string source, string description, DateOnly raisedOn, DateOnly reviewBy, DateTimeOffset now)
    {
        var alert = Alert.Raise(child.Id, new AlertDraft(category, risk, atRisk, fromWhom, source, raisedOn, reviewBy, description), owner.Id, now);
        family.Alerts.Add(alert.Value ?? throw new InvalidOperationException($"Demo alert refused: {alert.Refusal!.Errors[0].Message}"));
    }

    internal static void Diagnose(Family family, Person person, string condition, DateOnly on, string source, Professional by, DateTimeOffset now) =>
        family.Diagnoses.Add(Diagnosis.Record(person.Id, condition, on, source, null, by.Id, now).Value!);

    internal T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    internal int Next(int min, int max) => _random.Next(min, max);
}

/// <summary>One family's records, saved together.</summary>
internal sealed class Family(Household household)
{
    public Household Household { get; } = household;
    public List<Person> Children { get; } = [];
    public List<Person> Adults { get; } = [];
    public List<Relationship> Relationships { get; } = [];
    public List<PersonAddress> Addresses { get; } = [];
    public List<Involvement> Involvements { get; } = [];
    public List<LegalStatus> LegalStatuses { get; } = [];
    public List<ChronologyEntry> Entries { get; } = [];
    public List<Alert> Alerts { get; } = [];
    public List<Diagnosis> Diagnoses { get; } = [];
    public List<Domain.FrontDoor.Contact> Contacts { get; } = [];
    public List<Domain.Education.EducationRecord> Education { get; } = [];
}
