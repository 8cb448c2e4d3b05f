using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Features.Children.ViewChild;

/// <summary>The chronology with the household's significant events (L03): what is added, what is not, and nothing twice.</summary>
public sealed class ViewChildChronologyTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static object Entry(string summary, string significance, bool household = false) => new
    {
        occurredAt = DateTimeOffset.UtcNow.AddHours(-3),
        category = "Incident",
        significance,
        contactMode = "FaceToFace",
        summary,
        includeHouseholdChildren = household,
    };

    private static async Task<string> RecordAsync(HttpClient api, Guid child, object entry)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/chronology", entry);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task The_household_view_adds_a_siblings_significant_entries_once_and_leaves_out_routine_ones()
    {
        var zofia = (await factory.PersonIdAsync("Zofia", "Nowak")).Value;
        var tomasz = (await factory.PersonIdAsync("Tomasz", "Nowak")).Value;
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var significant = await RecordAsync(api, tomasz, Entry("Bruise seen on the baby's arm at nursery", "Significant"));
        var routine = await RecordAsync(api, tomasz, Entry("Baby weighed at clinic", "Routine"));
        var both = await RecordAsync(api, zofia, Entry("Police called to the foster home", "Significant", household: true));

        var own = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{zofia}/chronology");
        var withHousehold = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{zofia}/chronology?household=true");
        var ids = withHousehold.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();

        Assert.Single(ids, id => id == significant);
        Assert.Single(ids, id => id == both);
        Assert.DoesNotContain(routine, ids);
        Assert.True(withHousehold.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == significant).GetProperty("aboutSomeoneElse").GetBoolean());
        Assert.False(withHousehold.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == both).GetProperty("aboutSomeoneElse").GetBoolean());
        Assert.True(withHousehold.GetProperty("total").GetInt32() > own.GetProperty("total").GetInt32());
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task The_household_view_pages_through_every_entry_once_newest_first()
    {
        var zofia = (await factory.PersonIdAsync("Zofia", "Nowak")).Value;
        var tomasz = (await factory.PersonIdAsync("Tomasz", "Nowak")).Value;
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        for (var i = 0; i < 30; i++)
        {
            await RecordAsync(api, i % 3 == 0 ? tomasz : zofia, Entry($"Entry {i}", "Significant", household: i % 5 == 0));
        }

        var first = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{zofia}/chronology?household=true");
        var total = first.GetProperty("total").GetInt32();
        var pages = first.GetProperty("pageCount").GetInt32();
        var seen = new List<(string Id, DateTimeOffset At)>();
        for (var page = 1; page <= pages; page++)
        {
            var items = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{zofia}/chronology?household=true&page={page}")).GetProperty("items");
            seen.AddRange(items.EnumerateArray().Select(i => (i.GetProperty("id").GetString()!, i.GetProperty("occurredAt").GetDateTimeOffset())));
        }

        Assert.True(pages > 1);
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Select(s => s.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(s => s.At).Select(s => s.At), seen.Select(s => s.At));
    }

    [Fact]
    public async Task The_childs_page_reads_its_page_number_from_the_address()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        for (var i = 0; i < 26; i++)
        {
            await RecordAsync(api, child, Entry($"Paged entry #{i}.", "Routine"));
        }

        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var first = await web.GetStringAsync($"/people/{child}");
        var second = await web.GetStringAsync($"/people/{child}?page=2");

        // Razor Pages' own route value "page" is this page's path, never a page number, and never an error on the page.
        // Newest first, 25 a page: the last recorded is on the first page, the first recorded alone on the second.
        Assert.DoesNotContain("govuk-error-summary", first, StringComparison.Ordinal);
        Assert.Contains("Paged entry #25.", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Paged entry #0.", first, StringComparison.Ordinal);
        Assert.Contains("Paged entry #0.", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Paged entry #25.", second, StringComparison.Ordinal);
    }
}
