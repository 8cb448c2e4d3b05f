using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;
using Cairn.Domain.People;
using Cairn.Domain.Time;
using Cairn.Web.Features.FrontDoor;
using Cairn.Web.Features.People;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.FrontDoor;

/// <summary>
/// The whole picture at triage (L03, L04, L05): a police contact about a child whose school, GP and health visitor have each
/// recorded something small, whose brother and sister have open concern prompts, and whose mother has her own police
/// history and needs an interpreter. The front door sees all of it; nobody else does; every read is audited by id.
/// </summary>
public sealed class TriagePictureTests(FrontDoorFactory factory) : IClassFixture<FrontDoorFactory>
{
    private const string SchoolLead = "kate.collins@cairnmoor.example";
    private const string Gp = "dr.patel@cairnmoor.example";
    private static readonly DateTimeOffset Now = FrontDoorFactory.TuesdayMorning;
    private static DateOnly Today => Now.InLondon();

    private static readonly string[] NeglectTheme = ["Neglect"];

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private sealed record Family(
        PersonId Mother,
        PersonId Child,
        PersonId Brother,
        PersonId Baby,
        string MotherName,
        Dictionary<string, Guid> Entries,
        ConcernPromptId BrotherPrompt,
        ConcernPromptId BabyPrompt,
        ConcernPromptId AnsweredPrompt,
        ConcernPromptId LongAnsweredPrompt);

    /// <summary>
    /// A mother (Polish, needs an interpreter) and her three children in one household. The school lead is involved with the
    /// eldest, who is the child of the contact.
    /// </summary>
    private async Task<Family> FamilyAsync()
    {
        factory.Clock.Set(Now);
        var area = await factory.DemoAreaIdAsync();
        var admin = await factory.ProfessionalOfAsync(Accounts.Administrator);
        var motherGiven = "Mother" + Tag();
        var family = "Family" + Tag();
        var motherDetails = new PersonDetails(PersonKind.Adult, motherGiven, family, new DateOnly(1991, 4, 2), null, Sex.Female, null, null, null,
            "Polish", true);
        var mother = Person.Create(motherDetails, area, admin, Now).Value!;
        await factory.WithDbAsync(db =>
        {
            db.People.Add(mother);
            db.PersonSearchKeys.AddRange(PersonSearchIndex.KeysFor(mother));
            return db.SaveChangesAsync();
        });
        var child = await factory.PersonAsync("Eldest" + Tag(), family, Today.AddYears(-7));
        var brother = await factory.PersonAsync("Brother" + Tag(), family, Today.AddYears(-4));
        var baby = await factory.PersonAsync("Baby" + Tag(), family, Today.AddMonths(-10));

        var entries = new Dictionary<string, Guid>();
        var prompts = new List<ConcernPromptId>();
        await factory.WithDbAsync(async db =>
        {
            var household = Household.Start(area, "Family household", mother.Id, Today.AddYears(-3), Today).Value!;
            foreach (var c in new[] { child, brother, baby })
            {
                household.Join(c, Today.AddMonths(-10), Today);
                db.Relationships.Add(Relationship.Record(mother.Id, c, RelationshipType.Parent, null, null, null, admin, Now, Today).Value!);
            }

            db.Households.Add(household);
            var school = await db.Professionals.SingleAsync(p => p.Email == SchoolLead);
            db.Involvements.Add(new TeamAroundChild(child, [])
                .Add(school.Id, school.AgencyId, InvolvementRole.DesignatedSafeguardingLead, Today.AddYears(-1), false, school.Id, Today).Value!);

            // Every entry is written straight to the database, so the concern rules do not run on them: the prompts are the test's own.
            async Task<Guid> EntryAsync(string key, string by, PersonId about, bool isChild, ChronologyContent content)
            {
                var recorder = await db.Professionals.SingleAsync(p => p.Email == by);
                var agency = await db.Agencies.SingleAsync(a => a.Id == recorder.AgencyId);
                var entry = ChronologyEntry.Record(content, [(about, isChild)], agency.Id, agency.Kind, recorder.Id, Now).Value!;
                db.ChronologyEntries.Add(entry);
                entries[key] = entry.Id.Value;
                return entry.Id.Value;
            }

            static ChronologyContent Content(int daysAgo, ChronologyCategory category, Significance significance, string summary, ConcernTheme concerns,
                AppointmentOutcome? outcome = null, VoiceOfChild? voice = null, ContactMode? mode = null) =>
                new(Now.AddDays(-daysAgo), category, significance, mode, outcome, summary, null, voice) { Concerns = concerns };

            // The four low-level items of the last ten weeks, from school, GP and health visitor, none of them significant.
            await EntryAsync("school", SchoolLead, child, true, Content(65, ChronologyCategory.Education, Significance.Routine,
                "Came to school hungry and in the same unwashed clothes all week", ConcernTheme.Neglect));
            await EntryAsync("gp", Gp, child, true, Content(40, ChronologyCategory.Appointment, Significance.Routine,
                "Pre-school booster: was not brought", ConcernTheme.UnmetHealthNeeds, AppointmentOutcome.WasNotBrought));
            await EntryAsync("hv", Accounts.HealthVisitor, baby, true, Content(20, ChronologyCategory.HomeVisit, Significance.Routine,
                "Home visit: the house was cold and the baby had nappy rash", ConcernTheme.HomeConditions | ConcernTheme.Neglect,
                voice: new VoiceOfChild(null, null, "The baby is too young to give a view"), mode: ContactMode.FaceToFace));
            await EntryAsync("brother-school", SchoolLead, brother, true, Content(12, ChronologyCategory.Education, Significance.Routine,
                "Nursery: collected late three times this month", ConcernTheme.Neglect));
            // Outside the look-back window: a year and more ago.
            await EntryAsync("old", SchoolLead, child, true, Content(400, ChronologyCategory.Education, Significance.Routine,
                "Head lice untreated for a term", ConcernTheme.Neglect));
            // Recent, but routine and with no cause for concern: not part of the picture.
            await EntryAsync("routine", Gp, child, true, Content(10, ChronologyCategory.Appointment, Significance.Routine,
                "Asthma review: attended with mother", ConcernTheme.None, AppointmentOutcome.Attended));
            // The mother's own history: police, drunk and disorderly, parental alcohol misuse.
            await EntryAsync("mother", Accounts.Police, mother.Id, false, Content(30, ChronologyCategory.Police, Significance.Significant,
                "Arrested for being drunk and disorderly in the town centre", ConcernTheme.ParentalAlcoholMisuse));
            await db.SaveChangesAsync();

            var frontDoor = await db.Professionals.SingleAsync(p => p.Email == Accounts.FrontDoor);
            var calendar = new WorkingCalendar(EnglandAndWales.BankHolidays);
            ConcernPrompt Raise(ConcernRule rule, PersonId about, DateTimeOffset at, params string[] evidence)
            {
                var finding = new RuleFinding(rule, about, $"{evidence.Length} entries in the window",
                    evidence.Select(e => new ChronologyEntryId(entries[e])).ToList(), []);
                var prompt = ConcernPrompt.Raise(finding, frontDoor.Id, null, at, calendar).Value!;
                db.ConcernPrompts.Add(prompt);
                prompts.Add(prompt.Id);
                return prompt;
            }

            // The brother's and the baby's open prompts, the baby's citing the mother's own entry (L05).
            Raise(ConcernRule.CumulativeConcern, brother, Now.AddDays(-2), "brother-school", "mother");
            Raise(ConcernRule.UnderTwoInRiskHousehold, baby, Now.AddDays(-1), "hv", "mother");
            // The child's: one answered last week, one answered well over a year ago.
            var answered = Raise(ConcernRule.CumulativeConcern, child, Now.AddDays(-9), "school", "gp");
            Assert.Null(answered.Answer(frontDoor.Id, frontDoor.TeamId, PromptResponse.AlreadyInHand,
                "The school and GP are working with the family on a plan.", answered.Version, Now.AddDays(-7)));
            var old = Raise(ConcernRule.OffTheRadar, child, Now.AddDays(-420), "old");
            Assert.Null(old.Answer(frontDoor.Id, frontDoor.TeamId, PromptResponse.NoActionNeeded,
                "Seen at school every day; nothing more is needed.", old.Version, Now.AddDays(-410)));
            return await db.SaveChangesAsync();
        });

        return new Family(mother.Id, child, brother, baby, $"{motherGiven} {family}", entries, prompts[0], prompts[1], prompts[2], prompts[3]);
    }

    /// <summary>The front door records a police contact about the eldest child.</summary>
    private static async Task<Guid> PoliceContactAsync(HttpClient frontDoor, PersonId child)
    {
        var response = await frontDoor.PostAsJsonAsync("/api/v1/contacts", new
        {
            childId = child.Value,
            source = "Police",
            referrerName = "PC Dana Reid",
            referrerOrganisation = "Cairnmoor Police",
            referrerPhone = "01632 960123",
            concerns = "The child was found alone outside the family home late at night and was taken home by officers.",
            themes = NeglectTheme,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("contacts")[0].GetProperty("id").GetGuid();
    }

    private static IEnumerable<Guid> Ids(JsonElement list) => list.EnumerateArray().Select(e => e.GetProperty("id").GetGuid());

    [Fact]
    public async Task Triage_shows_every_childs_low_level_concerns_their_prompts_and_the_mothers_own_history_and_interpreter_need()
    {
        var f = await FamilyAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var contact = await PoliceContactAsync(frontDoor, f.Child);

        var picture = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}/picture");
        var children = picture.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("childId").GetGuid());
        Assert.Equal([f.Child.Value, f.Brother.Value, f.Baby.Value], picture.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("childId").GetGuid()));

        // L04: the low-level items are there, not only significant events, each with its agency, significance and causes for concern.
        var eldest = children[f.Child.Value];
        var events = eldest.GetProperty("events");
        Assert.Contains(f.Entries["school"], Ids(events));
        Assert.Contains(f.Entries["gp"], Ids(events));
        Assert.DoesNotContain(f.Entries["old"], Ids(events));
        Assert.DoesNotContain(f.Entries["routine"], Ids(events));
        var gp = events.EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == f.Entries["gp"]);
        Assert.Equal("Routine", gp.GetProperty("significance").GetString());
        Assert.Equal("UnmetHealthNeeds", gp.GetProperty("concerns").GetString());
        Assert.False(string.IsNullOrEmpty(gp.GetProperty("agency").GetString()));
        Assert.True(eldest.GetProperty("concernEntries").GetInt32() >= 2);
        Assert.Contains(f.Entries["hv"], Ids(children[f.Baby.Value].GetProperty("events")));
        Assert.Contains(f.Entries["brother-school"], Ids(children[f.Brother.Value].GetProperty("events")));

        // The siblings' open prompts with their evidence; the child's recently answered one; not the one answered long ago.
        var brotherPrompt = children[f.Brother.Value].GetProperty("prompts").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == f.BrotherPrompt.Value);
        Assert.Equal("Open", brotherPrompt.GetProperty("status").GetString());
        Assert.Equal("CumulativeConcern", brotherPrompt.GetProperty("rule").GetString());
        // Recording the contact re-evaluated the household, which may have added evidence: what the prompt was raised on stays.
        var brotherEvidence = Ids(brotherPrompt.GetProperty("evidence")).ToList();
        Assert.Contains(f.Entries["brother-school"], brotherEvidence);
        Assert.Contains(f.Entries["mother"], brotherEvidence);
        var babyPrompt = children[f.Baby.Value].GetProperty("prompts").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == f.BabyPrompt.Value);
        var motherEvidence = babyPrompt.GetProperty("evidence").EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == f.Entries["mother"]);
        Assert.Equal("ParentalAlcoholMisuse", motherEvidence.GetProperty("concerns").GetString());
        Assert.Equal(f.MotherName, motherEvidence.GetProperty("about").GetString());
        var childPrompts = Ids(eldest.GetProperty("prompts")).ToList();
        Assert.Contains(f.AnsweredPrompt.Value, childPrompts);
        Assert.DoesNotContain(f.LongAnsweredPrompt.Value, childPrompts);

        // L03, L05: the mother's own history, with what she is to each child.
        var mother = picture.GetProperty("adults").EnumerateArray().Single(a => a.GetProperty("personId").GetGuid() == f.Mother.Value);
        Assert.All(mother.GetProperty("children").EnumerateArray(), l => Assert.Equal("Parent, lives with them", l.GetProperty("relationship").GetString()));
        Assert.Equal(3, mother.GetProperty("children").GetArrayLength());
        var arrest = mother.GetProperty("history").EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == f.Entries["mother"]);
        Assert.Equal("ParentalAlcoholMisuse", arrest.GetProperty("concerns").GetString());
        Assert.Equal("Significant", arrest.GetProperty("significance").GetString());
        Assert.True(mother.GetProperty("interpreterNeeded").GetBoolean());

        // The interpreter need, first.
        var need = picture.GetProperty("languageNeeds").EnumerateArray().Single(n => n.GetProperty("personId").GetGuid() == f.Mother.Value);
        Assert.True(need.GetProperty("interpreterNeeded").GetBoolean());
        Assert.Equal("Polish", need.GetProperty("firstLanguage").GetString());
        Assert.Equal("Parent, lives with them", need.GetProperty("relationship").GetString());

        // The same on the triage page.
        var browser = await factory.SignedInAsAsync(Accounts.FrontDoor);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/contacts/{contact}"));
        Assert.Contains("Interpreter needed", page);
        Assert.Contains($"{f.MotherName} (Parent, lives with them): first language Polish, needs an interpreter", page);
        Assert.Contains("Came to school hungry and in the same unwashed clothes all week", page);
        Assert.Contains("Pre-school booster: was not brought", page);
        Assert.Contains("Home visit: the house was cold and the baby had nappy rash", page);
        Assert.Contains("Nursery: collected late three times this month", page);
        Assert.DoesNotContain("Head lice untreated for a term", page);
        Assert.DoesNotContain("Asthma review", page);
        Assert.Contains("Arrested for being drunk and disorderly in the town centre", page);
        Assert.Contains("Adults around the children", page);
        Assert.Contains("Causes for concern:</span> Parental alcohol misuse", page);
        Assert.Contains($"/concerns/{f.BrotherPrompt.Value}", page);
        Assert.Contains($"/concerns/{f.BabyPrompt.Value}", page);
        Assert.DoesNotContain($"/concerns/{f.LongAnsweredPrompt.Value}", page);
    }

    [Fact]
    public async Task The_childs_page_shows_the_carers_interpreter_need_to_whoever_may_open_it()
    {
        var f = await FamilyAsync();
        // The school lead is involved with the child (not the front door) and may open the record.
        var school = await factory.ApiAsAsync(SchoolLead);
        var record = await school.GetFromJsonAsync<JsonElement>($"/api/v1/people/{f.Child.Value}");
        var need = record.GetProperty("languageNeeds").EnumerateArray().Single();
        Assert.Equal(f.Mother.Value, need.GetProperty("personId").GetGuid());
        Assert.Equal(f.MotherName, need.GetProperty("name").GetString());
        Assert.True(need.GetProperty("interpreterNeeded").GetBoolean());
        Assert.Equal("Polish", need.GetProperty("firstLanguage").GetString());
        Assert.Equal("Parent, lives with them", need.GetProperty("relationship").GetString());

        var browser = await factory.SignedInAsAsync(SchoolLead);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/people/{f.Child.Value}"));
        Assert.Contains("Interpreter needed", page);
        Assert.Contains($"{f.MotherName} (Parent, lives with them): first language Polish, needs an interpreter", page);

        var uninvolved = await factory.ApiAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await uninvolved.GetAsync($"/api/v1/people/{f.Child.Value}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_front_door_sees_the_whole_picture_and_each_read_is_audited_by_id_without_names_or_text()
    {
        var f = await FamilyAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var contact = await PoliceContactAsync(frontDoor, f.Child);
        var before = await factory.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Sequence));

        // May open the child's record and sees the contact, but does not triage: 403 for the picture, and the page leaves it out.
        var school = await factory.ApiAsAsync(SchoolLead);
        Assert.Equal(HttpStatusCode.OK, (await school.GetAsync($"/api/v1/contacts/{contact}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync($"/api/v1/contacts/{contact}/picture")).StatusCode);
        var schoolBrowser = await factory.SignedInAsAsync(SchoolLead);
        var schoolPage = WebUtility.HtmlDecode(await schoolBrowser.GetStringAsync($"/contacts/{contact}"));
        Assert.Contains("is shown to the front door", schoolPage);
        Assert.DoesNotContain("Arrested for being drunk and disorderly", schoolPage);
        Assert.DoesNotContain("Nursery: collected late", schoolPage);
        // May not open the child's record: the contact and its picture do not exist for them.
        var uninvolved = await factory.ApiAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await uninvolved.GetAsync($"/api/v1/contacts/{contact}/picture")).StatusCode);
        var uninvolvedBrowser = await factory.SignedInAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await uninvolvedBrowser.GetAsync($"/contacts/{contact}")).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Sequence > before && a.Action == "contact.picture")));

        Assert.Equal(HttpStatusCode.OK, (await frontDoor.GetAsync($"/api/v1/contacts/{contact}/picture")).StatusCode);
        var me = await factory.ProfessionalOfAsync(Accounts.FrontDoor);
        var reads = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Sequence > before && a.Action == "contact.picture").ToListAsync());
        Assert.Equal(new[] { f.Mother.Value, f.Child.Value, f.Brother.Value, f.Baby.Value }.Order(), reads.Select(a => a.PersonId!.Value).Order());
        Assert.All(reads, a =>
        {
            Assert.Equal(me.Value, a.ActorId);
            Assert.Equal("contact", a.RecordType);
            Assert.Equal(contact, a.RecordId);
        });
        Assert.Equal("adult", reads.Single(a => a.PersonId == f.Mother.Value).Detail);

        var written = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Sequence > before).ToListAsync());
        var people = await factory.WithDbAsync(db => db.People
            .Where(p => p.Id == f.Mother || p.Id == f.Child || p.Id == f.Brother || p.Id == f.Baby).ToListAsync());
        var secrets = people.SelectMany(p => new[] { p.GivenName, p.FamilyName }).Append("drunk and disorderly").Append("Polish").ToList();
        foreach (var entry in written)
        {
            var text = string.Join("|", entry.Action, entry.RecordType, entry.Outcome, entry.Detail);
            Assert.DoesNotContain(secrets, s => text.Contains(s, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_long_chronology_is_capped_with_a_count_of_how_many_more()
    {
        var f = await FamilyAsync();
        await factory.WithDbAsync(async db =>
        {
            var recorder = await db.Professionals.SingleAsync(p => p.Email == SchoolLead);
            var agency = await db.Agencies.SingleAsync(a => a.Id == recorder.AgencyId);
            for (var i = 1; i <= WholePictureHandler.MaxEvents + 5; i++)
            {
                var content = new ChronologyContent(Now.AddHours(-i), ChronologyCategory.Education, Significance.Routine, null, null, $"Late to school, day {i}",
                    null, null)
                { Concerns = ConcernTheme.Neglect };
                db.ChronologyEntries.Add(ChronologyEntry.Record(content, [(f.Brother, true)], agency.Id, agency.Kind, recorder.Id, Now).Value!);
            }

            return await db.SaveChangesAsync();
        });
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var contact = await PoliceContactAsync(frontDoor, f.Child);

        var picture = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}/picture");
        var brother = picture.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("childId").GetGuid() == f.Brother.Value);
        var total = WholePictureHandler.MaxEvents + 5 + 1;
        Assert.Equal(WholePictureHandler.MaxEvents, brother.GetProperty("events").GetArrayLength());
        Assert.Equal(total - WholePictureHandler.MaxEvents, brother.GetProperty("moreEvents").GetInt32());
        Assert.Equal(total, brother.GetProperty("concernEntries").GetInt32());
        // Newest first: the oldest (the nursery's, twelve days ago) is one of those counted, not shown.
        Assert.DoesNotContain(f.Entries["brother-school"], Ids(brother.GetProperty("events")));

        var browser = await factory.SignedInAsAsync(Accounts.FrontDoor);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/contacts/{contact}"));
        Assert.Contains($"and {total - WholePictureHandler.MaxEvents} more", page);
    }
}
