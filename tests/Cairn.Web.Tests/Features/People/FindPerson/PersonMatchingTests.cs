using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Web.Features.People;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.People.FindPerson;

/// <summary>
/// Ranked matching through the real search and duplicate check (issue #16): the person is found first, with the
/// reason, whatever single slip was made; need-to-know hides them on every path, search and duplicate check alike.
/// </summary>
public sealed class PersonMatchingTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    /// <summary>
    /// A surname of its own per test, far from every other: random letters first (a shared opening would make other
    /// tests' surnames "a similar spelling"), ending "tb" so that swapping the last two letters is a slip of the keyboard
    /// that never also sounds alike (two vowels swapped would, and "sounds alike" would then be the better reason).
    /// </summary>
    private static string Surname()
    {
        var letters = Enumerable.Range(0, 9).Select(_ => (char)('b' + Random.Shared.Next(20))).ToArray();
        letters[0] = char.ToUpperInvariant(letters[0]);
        return new string(letters) + "tb";
    }

    /// <summary>
    /// A date of birth whose day and month can be swapped (both 12 or under, and different), one of about 2,000, so two
    /// Elizabeths of this class are rarely born the same day (which would make "new surname, same date and postcode" a tie).
    /// </summary>
    private static DateOnly Born()
    {
        var month = 1 + Random.Shared.Next(12);
        var day = 1 + ((month + Random.Shared.Next(11)) % 12);
        return new DateOnly(2005 + Random.Shared.Next(16), month, day);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Q(string value) => Uri.EscapeDataString(value);

    private static async Task<List<JsonElement>> FoundAsync(HttpClient api, string query)
    {
        var response = await api.GetAsync("/api/v1/people?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("people").EnumerateArray().ToList();
    }

    private static IEnumerable<string?> Reasons(JsonElement person) => person.GetProperty("reasons").EnumerateArray().Select(r => r.GetString());

    private async Task<(PersonId Id, string Surname, string Previous, DateOnly Born, NhsNumber Nhs)> ElizabethAsync(AreaId? area = null)
    {
        var surname = Surname();
        var previous = Surname();
        var born = Born();
        var nhs = await factory.UnusedNhsNumberAsync();
        var id = area is null
            ? await factory.PersonAsync("Elizabeth", surname, born, nhsNumber: nhs.Value, postcode: "YO10 5DD", involved: Accounts.SocialWorker)
            : await factory.PersonAsync("Elizabeth", surname, born, nhsNumber: nhs.Value, postcode: "YO10 5DD", area: area);
        await factory.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == id);
            Assert.Null(person.AddOtherName("Elizabeth", previous, NameKind.Previous, new DateOnly(2020, 1, 1)));
            await PersonSearchIndex.RebuildAsync(db, person, CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        return (id, surname, previous, born, nhs);
    }

    /// <summary>Each kind of slip, as the query for the person created by <see cref="ElizabethAsync"/>.</summary>
    private static IEnumerable<(string Query, string Reason)> Slips(string surname, string previous, DateOnly born, NhsNumber nhs) =>
    [
        ($"name={Q("Elizabeth " + surname)}&dateOfBirth={Date(born.AddDays(1))}", "date of birth: one day out"),
        ($"name={Q("Elizabeth " + surname)}&dateOfBirth={Date(new DateOnly(born.Year, born.Day, born.Month))}", "date of birth: day and month swapped"),
        ($"name={Q("Elizabeth " + surname)}&dateOfBirth={Date(born.AddYears(1))}", "date of birth: a slip in the year"),
        ($"name={Q("Liz " + surname)}", "given name: nickname of Elizabeth"),
        ($"name={Q("Elisabeth " + surname[..^2] + surname[^1] + surname[^2])}&dateOfBirth={Date(born)}", "a slip of the keyboard"),
        ($"name={Q("Elizabeth " + previous)}&dateOfBirth={Date(born)}", "previous surname"),
        ($"name={Q("Elizabeth Newpartner")}&dateOfBirth={Date(born)}&postcode=YO105DD", "same postcode"),
        ($"name={Q("Jane Doe")}&nhsNumber={nhs.Value}", "same NHS number"),
    ];

    [Fact]
    public async Task Whatever_single_slip_was_made_the_person_is_ranked_first_with_the_reason()
    {
        var (id, surname, previous, born, nhs) = await ElizabethAsync();
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        foreach (var (query, reason) in Slips(surname, previous, born, nhs))
        {
            var found = await FoundAsync(api, query);
            Assert.True(found.Count > 0, query);
            Assert.Equal(id.Value, found[0].GetProperty("id").GetGuid());
            Assert.Equal(1, found[0].GetProperty("rank").GetInt32());
            Assert.Contains(Reasons(found[0]), r => r!.Contains(reason, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(Accounts.SocialWorker, true)] // involved with the child
    [InlineData(Accounts.FrontDoor, true)] // reaches the whole area
    [InlineData(Accounts.Uninvolved, false)]
    [InlineData(Accounts.HealthVisitor, false)] // involved with other children, not this one
    [InlineData(Accounts.Police, false)]
    public async Task Need_to_know_hides_the_person_through_every_kind_of_slip(string searcher, bool finds)
    {
        var (id, surname, previous, born, nhs) = await ElizabethAsync();
        var api = await factory.ApiAsAsync(searcher);

        foreach (var (query, _) in Slips(surname, previous, born, nhs))
        {
            var found = await FoundAsync(api, query);
            Assert.True(finds == found.Any(p => p.GetProperty("id").GetGuid() == id.Value), $"{searcher} searching {query}");
        }

        var page = await (await factory.SignedInAsAsync(searcher)).GetStringAsync("/people?search=1&Name=" + Q("Liz " + surname));
        Assert.Equal(finds, page.Contains(id.Value.ToString(), StringComparison.Ordinal));
        Assert.Equal(finds, page.Contains("nickname of Elizabeth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Area_wide_reach_does_not_find_a_slip_of_someone_in_another_area()
    {
        var (id, surname, previous, born, nhs) = await ElizabethAsync(await factory.NewAreaAsync());
        var api = await factory.ApiAsAsync(Accounts.FrontDoor);

        foreach (var (query, _) in Slips(surname, previous, born, nhs))
        {
            Assert.DoesNotContain(id.Value, (await FoundAsync(api, query)).Select(p => p.GetProperty("id").GetGuid()));
        }
    }

    [Theory]
    [InlineData(Accounts.SocialWorker, true)]
    [InlineData(Accounts.Uninvolved, false)]
    [InlineData(Accounts.HealthVisitor, false)]
    public async Task The_duplicate_check_names_a_slipped_match_only_to_those_who_may_open_it(string creator, bool named)
    {
        var (id, surname, _, born, _) = await ElizabethAsync();
        var api = await factory.ApiAsAsync(creator);
        var command = new Dictionary<string, object?>
        {
            ["kind"] = "Child",
            ["givenName"] = "Liz",
            ["familyName"] = surname,
            ["dateOfBirth"] = Date(born.AddDays(1)),
            ["sex"] = "Female",
            ["role"] = creator == Accounts.HealthVisitor ? "HealthVisitor" : "AllocatedSocialWorker",
        };

        var response = await api.PostAsJsonAsync("/api/v1/people", command);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal(named, problem.GetProperty("matches").EnumerateArray().Any(m => m.GetGuid() == id.Value));
        Assert.Equal(named ? 0 : 1, problem.GetProperty("otherMatches").GetInt32());
        Assert.Equal(named, body.Contains(id.Value.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(named, body.Contains("nickname of Elizabeth", StringComparison.Ordinal));
        Assert.Equal(1, await factory.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == surname)));
    }

    [Fact]
    public async Task Created_records_are_found_by_their_keys_straight_away()
    {
        var surname = Surname();
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var created = await api.PostAsJsonAsync("/api/v1/people", new Dictionary<string, object?>
        {
            ["kind"] = "Child",
            ["givenName"] = "Katarzyna",
            ["familyName"] = surname,
            ["dateOfBirth"] = Date(Born()),
            ["sex"] = "Female",
            ["role"] = "AllocatedSocialWorker",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var found = await FoundAsync(api, "name=" + Q("Kasia " + surname));

        Assert.Equal($"Katarzyna {surname}", found[0].GetProperty("name").GetString());
        Assert.Contains("given name: nickname of Katarzyna", Reasons(found[0]));
    }
}
