using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.People;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.People.CreatePerson;

/// <summary>
/// Creating a person: a valid record is saved with its creator in the team around the child; bad identifiers
/// are refused by name and nothing is saved; a likely duplicate is flagged before a second record splits what
/// agencies know (L10), without ever naming a record the creator may not open.
/// </summary>
public sealed class CreatePersonTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static readonly DateOnly BornOn = new(2020, 6, 1);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A family name of its own per test, far from any other, so no test's duplicate check sees another's child. Every letter
    /// is random, the first included: a shared prefix made two tests' names close enough to count as a likely duplicate.
    /// </summary>
    private static string FamilyName()
    {
        var letters = Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray();
        letters[0] = char.ToUpperInvariant(letters[0]);
        return new string(letters);
    }

    private static Dictionary<string, object?> Child(string given, string family, DateOnly? born = null, string? nhs = null, string? upn = null) => new()
    {
        ["kind"] = "Child",
        ["givenName"] = given,
        ["familyName"] = family,
        ["dateOfBirth"] = Date(born ?? BornOn),
        ["sex"] = "Female",
        ["nhsNumber"] = nhs,
        ["upn"] = upn,
        ["firstLanguage"] = "English",
        ["role"] = "AllocatedSocialWorker",
    };

    private Task<int> PeopleCountAsync() => factory.WithDbAsync(db => db.People.CountAsync());

    private Task<Person?> PersonNamedAsync(string family) =>
        factory.WithDbAsync(db => db.People.AsNoTracking().SingleOrDefaultAsync(p => p.FamilyName == family));

    private Task<DateOnly> DateOfBirthAsync(PersonId id) =>
        factory.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.DateOfBirth!.Value).SingleAsync());

    [Fact]
    public async Task A_valid_child_created_through_the_api_is_saved_with_its_creator_as_lead_professional_and_audited()
    {
        var family = FamilyName();
        var nhs = await factory.UnusedNhsNumberAsync();
        var upn = Upn.Synthetic(816, 2050, 20, Random.Shared.Next(1000));
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        var response = await api.PostAsJsonAsync("/api/v1/people", Child("Maja", family, nhs: nhs.ToString(), upn: upn.Value.ToLowerInvariant()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/people/{id}", response.Headers.Location?.OriginalString);
        var person = await PersonNamedAsync(family);
        Assert.NotNull(person);
        Assert.Equal(id, person.Id.Value);
        Assert.Equal((PersonKind.Child, "Maja", BornOn), (person.Kind, person.GivenName, person.DateOfBirth!.Value));
        Assert.Equal(nhs.Value, person.NhsNumber);
        Assert.Equal(upn.Value, person.Upn);
        var involvement = await factory.WithDbAsync(db => db.Involvements.AsNoTracking().SingleAsync(i => i.ChildId == person.Id));
        Assert.Equal((sam, InvolvementRole.AllocatedSocialWorker, true), (involvement.ProfessionalId, involvement.Role, involvement.IsLeadProfessional));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "person.create" && a.PersonId == id && a.ActorId == sam.Value)));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/people/{id}")).StatusCode);
        Assert.Contains(id, (await api.GetFromJsonAsync<JsonElement>("/api/v1/people?name=" + family)).GetProperty("people").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task A_valid_child_created_through_the_page_opens_the_new_record()
    {
        var family = FamilyName();
        var web = await factory.SignedInAsAsync(Accounts.HealthVisitor);

        var response = await web.PostAsync("/people/new", await Clients.FormAsync(web, "/people/new", PageForm("Maja", family)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var person = await PersonNamedAsync(family);
        Assert.NotNull(person);
        Assert.Equal($"/people/{person.Id.Value}", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync($"/people/{person.Id.Value}")).StatusCode);
    }

    [Fact]
    public async Task An_adult_created_by_someone_with_no_child_to_link_them_to_is_saved_but_not_opened()
    {
        var family = FamilyName();
        var web = await factory.SignedInAsAsync(Accounts.HealthVisitor);
        var form = PageForm("Anna", family);
        form["Input.Kind"] = "Adult";
        form["Input.DateOfBirth"] = "1990-02-02";
        form.Remove("Input.Role");

        var response = await web.PostAsync("/people/new", await Clients.FormAsync(web, "/people/new", form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/people", response.Headers.Location?.OriginalString);
        var person = await PersonNamedAsync(family);
        Assert.NotNull(person);
        Assert.Equal(PersonKind.Adult, person.Kind);
        Assert.False(await factory.WithDbAsync(db => db.Involvements.AnyAsync(i => i.ChildId == person.Id)));
    }

    [Theory]
    [InlineData("9434765918", null, "nhsNumber", "check digit does not match")] // 943 476 5919 with the last digit changed
    [InlineData("94347659", null, "nhsNumber", "10 digits")]
    [InlineData(null, "A81620501012", "upn", "13 characters")]
    [InlineData(null, "I816205010123", "upn", "13 characters")] // I is not in the UPN alphabet
    public async Task A_bad_identifier_is_refused_by_name_in_problem_json_and_nothing_is_saved(string? nhs, string? upn, string field, string message)
    {
        var family = FamilyName();
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var before = await PeopleCountAsync();

        var response = await api.PostAsJsonAsync("/api/v1/people", Child("Maja", family, nhs: nhs, upn: upn));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains(message, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await PeopleCountAsync());
        Assert.Null(await PersonNamedAsync(family));
    }

    [Theory]
    [InlineData("{\"kind\":\"Child\",\"familyName\":\"Unparsed\",\"dateOfBirth\":\"31/02/2020\",\"role\":\"AllocatedSocialWorker\"}")]
    [InlineData("{\"kind\":\"Robot\",\"familyName\":\"Unparsed\",\"dateOfBirth\":\"2020-02-02\"}")]
    public async Task A_body_that_does_not_parse_is_a_400_problem_not_a_server_error(string json)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        var response = await api.PostAsync("/api/v1/people", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await PersonNamedAsync("Unparsed"));
    }

    [Fact]
    public async Task A_upn_whose_check_letter_does_not_match_is_refused()
    {
        var family = FamilyName();
        var good = Upn.Synthetic(816, 2050, 20, 123).Value;
        var wrongLetter = (good[0] == 'A' ? 'B' : 'A') + good[1..];
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        var response = await api.PostAsJsonAsync("/api/v1/people", Child("Maja", family, upn: wrongLetter));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("check letter", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("upn")[0].GetString(), StringComparison.Ordinal);
        Assert.Null(await PersonNamedAsync(family));
    }

    [Fact]
    public async Task Bad_identifiers_on_the_page_get_an_error_summary_linking_each_field_and_nothing_is_saved()
    {
        var family = FamilyName();
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var form = PageForm("Maja", family);
        form["Input.NhsNumber"] = "943 476 5918";
        form["Input.Upn"] = "not a upn";
        var before = await PeopleCountAsync();

        var response = await web.PostAsync("/people/new", await Clients.FormAsync(web, "/people/new", form));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_NhsNumber\">Enter a valid NHS number", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Upn\">Enter a UPN of 13 characters", html, StringComparison.Ordinal);
        Assert.Equal(before, await PeopleCountAsync());
    }

    [Fact]
    public async Task The_same_nhs_number_is_a_409_naming_the_match_and_nothing_is_saved_until_confirmed()
    {
        var existingFamily = FamilyName();
        var nhs = await factory.UnusedNhsNumberAsync();
        var existing = await factory.PersonAsync("Olivia", existingFamily, BornOn.AddYears(-3), nhsNumber: nhs.Value, involved: Accounts.SocialWorker);
        var family = FamilyName();
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var command = Child("Maja", family, nhs: nhs.Value);

        var first = await api.PostAsJsonAsync("/api/v1/people", command);

        Assert.Equal(HttpStatusCode.Conflict, first.StatusCode);
        Assert.Equal("application/problem+json", first.Content.Headers.ContentType?.MediaType);
        var problem = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([existing.Value], problem.GetProperty("matches").EnumerateArray().Select(m => m.GetGuid()));
        Assert.Equal(0, problem.GetProperty("otherMatches").GetInt32());
        Assert.Null(await PersonNamedAsync(family));

        command["confirmedNotDuplicate"] = true;
        var withoutReason = await api.PostAsJsonAsync("/api/v1/people", command);

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal("application/problem+json", withoutReason.Content.Headers.ContentType?.MediaType);
        Assert.True((await withoutReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("notDuplicateReason", out _));
        Assert.Null(await PersonNamedAsync(family));

        command["notDuplicateReason"] = "NHS number was mistyped on the referral; confirmed with the GP";
        var confirmed = await api.PostAsJsonAsync("/api/v1/people", command);

        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var created = await PersonNamedAsync(family);
        Assert.NotNull(created);
        Assert.Equal("NHS number was mistyped on the referral; confirmed with the GP", created.NotDuplicateReason);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == "person.create" && a.PersonId == created.Id.Value && a.Detail == "confirmed not a duplicate")));
    }

    [Theory]
    [InlineData("Olivia", "{0}")] // the same name
    [InlineData("OLIVIA", "{0}")] // in capitals
    [InlineData("Olivai", "{0}")] // a slip in the given name
    [InlineData("Olivia", "{1}")] // a slip in the family name
    public async Task A_similar_name_with_the_same_date_of_birth_is_a_likely_duplicate(string given, string familyPattern)
    {
        var family = FamilyName();
        var existing = await factory.PersonAsync("Olivia", family, BornOn, involved: Accounts.SocialWorker);
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var slipped = family[..^1] + (family[^1] == 'z' ? 'y' : 'z');
        var before = await PeopleCountAsync();

        var response = await api.PostAsJsonAsync("/api/v1/people", Child(given, string.Format(CultureInfo.InvariantCulture, familyPattern, family, slipped)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(existing.Value, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches").EnumerateArray().Select(m => m.GetGuid()));
        Assert.Equal(before, await PeopleCountAsync());
    }

    /// <summary>Changed from ranking: a date of birth one day out used to make a different person; now it is a slip (issue #16).</summary>
    [Fact]
    public async Task The_same_name_with_a_date_of_birth_far_from_the_record_is_not_a_duplicate()
    {
        var family = FamilyName();
        await factory.PersonAsync("Olivia", family, BornOn, involved: Accounts.SocialWorker);
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        var response = await api.PostAsJsonAsync("/api/v1/people", Child("Olivia", family, born: BornOn.AddYears(-3).AddDays(100)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(1, 0, 0, "date of birth: one day out")]
    [InlineData(0, 0, 0, "same date of birth")]
    [InlineData(0, 1, 0, "date of birth: another month")]
    [InlineData(0, 0, 1, "date of birth: a slip in the year")]
    public async Task A_date_of_birth_one_slip_out_is_a_likely_duplicate_with_the_reason_shown(int days, int months, int years, string reason)
    {
        var family = FamilyName();
        var existing = await factory.PersonAsync("Olivia", family, BornOn, involved: Accounts.SocialWorker);
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        var response = await api.PostAsJsonAsync("/api/v1/people", Child("Olivia", family, born: BornOn.AddDays(days).AddMonths(months).AddYears(years)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        // Other tests' look-alikes may also be listed; the person recorded here is the best match.
        var match = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matchDetails").EnumerateArray().First();
        Assert.Equal(existing.Value, match.GetProperty("id").GetGuid());
        Assert.Contains(reason, match.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_nickname_or_previous_surname_is_a_likely_duplicate()
    {
        var family = FamilyName();
        var existing = await factory.PersonAsync("Elizabeth", family, BornOn, involved: Accounts.SocialWorker);
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        var response = await api.PostAsJsonAsync("/api/v1/people", Child("Liz", family));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        // Other tests' look-alikes may also be listed; the person recorded here is the best match.
        var match = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matchDetails").EnumerateArray().First();
        Assert.Equal(existing.Value, match.GetProperty("id").GetGuid());
        Assert.Contains("given name: nickname of Elizabeth", match.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task On_the_page_a_likely_duplicate_gives_a_warning_linking_the_match_and_confirming_creates_the_record()
    {
        var family = FamilyName();
        var existing = await factory.PersonAsync("Olivia", family, BornOn, involved: Accounts.SocialWorker);
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var before = await PeopleCountAsync();

        var warned = await web.PostAsync("/people/new", await Clients.FormAsync(web, "/people/new", PageForm("Olivia", family)));
        var html = await warned.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("This person may already have a record", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{existing.Value}\">Olivia {family}</a>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.ConfirmedNotDuplicate\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await PeopleCountAsync());

        Assert.Contains("same date of birth", html, StringComparison.Ordinal);

        var form = PageForm("Olivia", family);
        form["Input.ConfirmedNotDuplicate"] = "true";
        var withoutReason = await web.PostAsync("/people/new", await Clients.FormAsync(web, "/people/new", form));
        var refused = await withoutReason.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("href=\"#Input_NotDuplicateReason\">Enter why this is a different person", refused, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{existing.Value}\">Olivia {family}</a>", refused, StringComparison.Ordinal);
        Assert.Equal(before, await PeopleCountAsync());

        form["Input.NotDuplicateReason"] = "A cousin with the same name, born the same day; checked with the school";
        var confirmed = await web.PostAsync("/people/new", await Clients.FormAsync(web, "/people/new", form));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family && p.NotDuplicateReason != null)));
    }

    [Fact]
    public async Task A_duplicate_the_creator_may_not_open_is_counted_but_never_named_on_the_api()
    {
        var family = FamilyName();
        var nhs = await factory.UnusedNhsNumberAsync();
        var existing = await factory.PersonAsync("Olivia", family, BornOn, nhsNumber: nhs.Value, involved: Accounts.SocialWorker);
        var api = await factory.ApiAsAsync(Accounts.Uninvolved);

        var byName = await api.PostAsJsonAsync("/api/v1/people", Child("Olivai", family));
        var byNhs = await api.PostAsJsonAsync("/api/v1/people", Child("Someone", FamilyName(), born: BornOn.AddYears(-1), nhs: nhs.Value));

        foreach (var response in new[] { byName, byNhs })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            var problem = JsonSerializer.Deserialize<JsonElement>(body);
            Assert.Empty(problem.GetProperty("matches").EnumerateArray());
            Assert.Equal(1, problem.GetProperty("otherMatches").GetInt32());
            Assert.DoesNotContain(existing.Value.ToString(), body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Olivia", body, StringComparison.Ordinal);
            Assert.DoesNotContain(Date(BornOn), body, StringComparison.Ordinal);
        }

        Assert.Equal(1, await factory.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family)));
    }

    [Fact]
    public async Task A_duplicate_the_creator_may_not_open_is_counted_but_never_named_on_the_page()
    {
        var family = FamilyName();
        var existing = await factory.PersonAsync("Olivia", family, BornOn, involved: Accounts.SocialWorker);
        var web = await factory.SignedInAsAsync(Accounts.Uninvolved);

        var response = await web.PostAsync("/people/new", await Clients.FormAsync(web, "/people/new", PageForm("Olivai", family)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This person may already have a record", html, StringComparison.Ordinal);
        Assert.Contains("A possible match exists that you are not involved with", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Possible matches", html, StringComparison.Ordinal);
        Assert.DoesNotContain(existing.Value.ToString(), html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Olivia", html, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family)));
    }

    [Fact]
    public async Task Area_wide_reach_names_a_duplicate_in_the_area_but_only_counts_one_in_another_area()
    {
        var family = FamilyName();
        var nhs = await factory.UnusedNhsNumberAsync();
        var inArea = await factory.PersonAsync("Olivia", family, BornOn, involved: Accounts.SocialWorker);
        var elsewhere = await factory.PersonAsync("Olivia", FamilyName(), BornOn.AddYears(-2), nhsNumber: nhs.Value, area: await factory.NewAreaAsync());
        var api = await factory.ApiAsAsync(Accounts.FrontDoor);

        var sameName = await api.PostAsJsonAsync("/api/v1/people", Child("Olivia", family));
        var sameNhs = await api.PostAsJsonAsync("/api/v1/people", Child("Someone", FamilyName(), nhs: nhs.Value));

        Assert.Equal(HttpStatusCode.Conflict, sameName.StatusCode);
        Assert.Equal([inArea.Value], (await sameName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches").EnumerateArray().Select(m => m.GetGuid()));
        Assert.Equal(HttpStatusCode.Conflict, sameNhs.StatusCode);
        var body = await sameNhs.Content.ReadAsStringAsync();
        Assert.Equal(1, JsonSerializer.Deserialize<JsonElement>(body).GetProperty("otherMatches").GetInt32());
        Assert.DoesNotContain(elsewhere.Value.ToString(), body, StringComparison.OrdinalIgnoreCase);
    }

    private static Dictionary<string, string> PageForm(string given, string family) => new()
    {
        ["Input.Kind"] = "Child",
        ["Input.GivenName"] = given,
        ["Input.FamilyName"] = family,
        ["Input.DateOfBirth"] = Date(BornOn),
        ["Input.Sex"] = "Female",
        ["Input.Role"] = "HealthVisitor",
    };
}
