using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Domain.Places;
using Cairn.Web.Tests.Features.AdultWorkers;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Dangers;

/// <summary>
/// People and places posing a risk to a child, with locations (L35): a risk person is located at a place of their own or else
/// their current address; places of concern resolve through the postcode directory; area-wide hotspots reach a child's dangers
/// only when they matter for the child's vulnerabilities; those with no location are returned apart. Both sides of every access
/// rule; every read and write audited, never the risk's words.
/// </summary>
public sealed class DangersTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static readonly PostcodeLocation York = new("E06000014", 459652, 451975);

    private static DateOnly Today => MeetingsPeopleTestData.Today;

    private static string Path(PersonId child) => $"/api/v1/children/{child.Value}/dangers";

    /// <summary>An adult recorded as posing a risk to the child, living at <paramref name="postcode"/> (resolved) or nowhere known.</summary>
    private async Task<RelationshipId> RiskPersonAsync(PersonId child, string? postcode)
    {
        var adult = await factory.PersonAsync("Risk", "Person" + Guid.NewGuid().ToString("N")[..6], Today.AddYears(-40), PersonKind.Adult);
        var admin = await factory.ProfessionalOfAsync(Accounts.Administrator);
        return await factory.WithDbAsync(async db =>
        {
            var relationship = Relationship.Record(adult, child, RelationshipType.PersonPosingRisk, null, null, "Police intelligence", admin,
                DateTimeOffset.UtcNow, Today).Value!;
            db.Relationships.Add(relationship);
            if (postcode is not null)
            {
                db.Addresses.Add(PersonAddress.Record(adult, "1 Test Street", null, "York", postcode, Today.AddYears(-1), York).Value!);
            }

            await db.SaveChangesAsync();
            return relationship.Id;
        });
    }

    private static Task<HttpResponseMessage> PlaceAsync(HttpClient api, PersonId? child, string kind = "SexualExploitation",
        string postcode = "YO1 0AJ") =>
        api.PostAsJsonAsync("/api/v1/places-of-concern", new
        {
            childId = child?.Value,
            name = "The takeaway " + Guid.NewGuid().ToString("N")[..6],
            postcode,
            kind,
            risk = "Adults give girls lifts from here",
            from = Today.AddDays(-7),
        });

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static IEnumerable<Guid> Ids(JsonElement dangers, string part) =>
        dangers.GetProperty("dangers").GetProperty(part).EnumerateArray().Select(d => d.GetProperty("id").GetGuid());

    [Fact]
    public async Task A_risk_person_is_located_at_their_current_address_or_a_place_of_their_own_and_one_with_neither_is_returned_apart()
    {
        var (api, child, _) = await factory.FamilyAsync();
        var housed = await RiskPersonAsync(child, "YO1 0AJ");
        var nowhere = await RiskPersonAsync(child, null);

        var dangers = await api.GetFromJsonAsync<JsonElement>(Path(child));
        Assert.Equal([housed.Value], Ids(dangers, "located"));
        Assert.Equal([nowhere.Value], Ids(dangers, "unlocated"));
        Assert.Equal(("YO1 0AJ", "CurrentAddress"), (dangers.GetProperty("dangers").GetProperty("located")[0].GetProperty("postcode").GetString(),
            dangers.GetProperty("dangers").GetProperty("located")[0].GetProperty("locatedBy").GetString()));
        Assert.Contains("dangers-unlocated", await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child.Value}"),
            StringComparison.Ordinal);

        var set = await api.PostAsJsonAsync($"{Path(child)}/people/{nowhere.Value}",
            new { kind = "CriminalExploitation", placeName = "The garage he runs", postcode = "YO1 0BU", version = 0 });
        var stale = await api.PostAsJsonAsync($"{Path(child)}/people/{nowhere.Value}", new { kind = "Violence", version = 0 });
        var unknownPostcode = await api.PostAsJsonAsync($"{Path(child)}/people/{housed.Value}",
            new { kind = "Violence", placeName = "A gym", postcode = "ZZ9 9ZZ", version = 0 });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.BadRequest), (set.StatusCode, stale.StatusCode,
            unknownPostcode.StatusCode));
        Assert.True((await unknownPostcode.JsonAsync()).GetProperty("errors").TryGetProperty("postcode", out _));
        dangers = await api.GetFromJsonAsync<JsonElement>(Path(child));
        Assert.Equal(new[] { housed.Value, nowhere.Value }.Order(), Ids(dangers, "located").Order());
        Assert.Empty(Ids(dangers, "unlocated"));
        var located = dangers.GetProperty("dangers").GetProperty("located").EnumerateArray().Single(d
            => d.GetProperty("id").GetGuid() == nowhere.Value);
        Assert.Equal(("YO1 0BU", "RecordedPlace", "CriminalExploitation"), (located.GetProperty("postcode").GetString(),
            located.GetProperty("locatedBy").GetString(), located.GetProperty("kind").GetString()));
        Assert.True(await factory.AuditedAsync("risk-person.set", child));
        Assert.True(await factory.AuditedAsync("risk-person.set", child, "refused"));
        Assert.True(await factory.AuditedAsync("dangers.list", child, "allowed"));
    }

    [Fact]
    public async Task Someone_involved_who_is_not_social_care_reads_the_dangers_but_may_not_record_and_a_stranger_gets_404()
    {
        var (_, child, _, _) = await factory.FamilyWithAsync("Nadia Hussain", "HealthVisitor");
        var risk = await RiskPersonAsync(child, "YO1 0AJ");
        var health = await factory.ApiAsAsync(Accounts.HealthVisitor);
        var stranger = await factory.ApiAsAsync(Accounts.Uninvolved);

        var read = await health.GetAsync(Path(child));
        var set = await health.PostAsJsonAsync($"{Path(child)}/people/{risk.Value}", new { kind = "Violence", version = 0 });
        var place = await PlaceAsync(health, child);
        var strangerRead = await stranger.GetAsync(Path(child));
        var strangerSet = await stranger.PostAsJsonAsync($"{Path(child)}/people/{risk.Value}", new { kind = "Violence", version = 0 });
        var strangerPlace = await PlaceAsync(stranger, child);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (read.StatusCode, set.StatusCode, place.StatusCode));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (strangerRead.StatusCode, strangerSet.StatusCode, strangerPlace.StatusCode));
        Assert.Equal(0, await factory.WithDbAsync(db => db.RiskPersonDangers.CountAsync(d => d.ChildId == child)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.PlacesOfConcern.CountAsync(p => p.ChildId == child)));
    }

    [Fact]
    public async Task A_place_named_for_the_child_is_on_their_record_and_an_area_hotspot_reaches_them_only_when_it_matters_for_their_vulnerabilities()
    {
        var (api, child, _) = await factory.FamilyAsync();
        var named = await CreatedAsync(await PlaceAsync(api, child, "Radicalisation"));
        var hotspot = await CreatedAsync(await PlaceAsync(await factory.ApiAsAsync(Accounts.Police), null, "SexualExploitation"));
        var notInDirectory = await PlaceAsync(api, child, postcode: "ZZ9 9ZZ");
        Assert.Equal(HttpStatusCode.BadRequest, notInDirectory.StatusCode);
        Assert.Equal("application/problem+json", notInDirectory.Content.Headers.ContentType?.MediaType);

        var plain = await api.GetFromJsonAsync<JsonElement>(Path(child));
        var exploited = await api.GetFromJsonAsync<JsonElement>($"{Path(child)}?vulnerability=SexualExploitation");
        var bullied = await api.GetFromJsonAsync<JsonElement>($"{Path(child)}?vulnerability=Bullying");

        Assert.Contains(named, Ids(plain, "located"));
        Assert.DoesNotContain(hotspot, Ids(plain, "located"));
        Assert.Contains(hotspot, Ids(exploited, "located"));
        Assert.DoesNotContain(hotspot, Ids(bullied, "located"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.PlacesOfConcern.CountAsync(p => p.ChildId == child)));
        Assert.True(await factory.AuditedAsync("place-of-concern.record", child));
        Assert.True(await factory.AuditedAsync("place-of-concern.record", child, "refused"));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Detail != null && a.Detail.Contains("give girls lifts"))));
    }

    [Fact]
    public async Task Hotspots_are_seen_and_recorded_by_the_areas_social_care_police_and_front_door_and_no_one_else_or_elsewhere()
    {
        var hotspot = await CreatedAsync(await PlaceAsync(await factory.ApiAsAsync(Accounts.FrontDoor), null, "CriminalExploitation"));
        var (_, elsewhere) = await factory.ProfessionalWithAccountAsync("Elsewhere Worker", await factory.NewAreaAsync());

        async Task<IEnumerable<Guid>?> SeenByAsync(string account)
        {
            var response = await (await factory.ApiAsAsync(account)).GetAsync("/api/v1/places-of-concern");
            return response.StatusCode == HttpStatusCode.OK
                ? (await response.JsonAsync()).GetProperty("places").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList()
                : null;
        }

        Assert.Contains(hotspot, (await SeenByAsync(Accounts.SocialWorker))!);
        Assert.Contains(hotspot, (await SeenByAsync(Accounts.Police))!);
        Assert.Contains(hotspot, (await SeenByAsync(Accounts.FrontDoor))!);
        Assert.Null(await SeenByAsync(Accounts.HealthVisitor));
        Assert.Null(await SeenByAsync(Accounts.Administrator));
        Assert.DoesNotContain(hotspot, (await SeenByAsync(elsewhere))!);
        Assert.Equal(HttpStatusCode.Forbidden, (await PlaceAsync(await factory.ApiAsAsync(Accounts.HealthVisitor), null)).StatusCode);

        var otherArea = await factory.ApiAsAsync(elsewhere);
        var front = await factory.ApiAsAsync(Accounts.FrontDoor);
        var endedElsewhere = await otherArea.PostAsJsonAsync($"/api/v1/places-of-concern/{hotspot}/end", new { to = Today, version = 1 });
        var stale = await front.PostAsJsonAsync($"/api/v1/places-of-concern/{hotspot}/end", new { to = Today, version = 9 });
        var ended = await front.PostAsJsonAsync($"/api/v1/places-of-concern/{hotspot}/end", new { to = Today, version = 1 });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Conflict, HttpStatusCode.OK), (endedElsewhere.StatusCode, stale.StatusCode,
            ended.StatusCode));
        Assert.Equal(Today, await factory.WithDbAsync(db => db.PlacesOfConcern.Where(p => p.Id == new PlaceOfConcernId(hotspot)).Select(p => p.To)
            .SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "place-of-concern.end" && a.RecordId == hotspot
            && a.Outcome == "succeeded")));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "place-of-concern.list" && a.Outcome == "refused")));
    }

    [Fact]
    public async Task The_dangers_page_shows_the_childs_people_and_places_and_is_404_to_someone_who_may_not_open_the_record()
    {
        var (api, child, _) = await factory.FamilyAsync();
        await RiskPersonAsync(child, "YO1 0AJ");
        var named = await CreatedAsync(await PlaceAsync(api, child));
        var name = await factory.WithDbAsync(db => db.PlacesOfConcern.Where(p => p.Id == new PlaceOfConcernId(named)).Select(p
            => p.Name).SingleAsync());

        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child.Value}/dangers");
        var stranger = await (await factory.SignedInAsAsync(Accounts.Uninvolved)).GetAsync($"/people/{child.Value}/dangers");
        var hotspots = await (await factory.SignedInAsAsync(Accounts.FrontDoor)).GetAsync("/places-of-concern");

        Assert.Contains(name, page, StringComparison.Ordinal);
        Assert.Contains("Current address, YO1 0AJ", page, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (stranger.StatusCode, hotspots.StatusCode));
    }

    private static Dictionary<string, string> PlaceForm(string name, string postcode = "YO1 0AJ") => new()
    {
        ["Input.Name"] = name,
        ["Input.Postcode"] = postcode,
        ["Input.Kind"] = "CriminalExploitation",
        ["Input.Risk"] = "Older boys recruit children to carry drugs from here",
        ["Input.From.Day"] = $"{Today.Day}",
        ["Input.From.Month"] = $"{Today.Month}",
        ["Input.From.Year"] = $"{Today.Year}",
    };

    [Fact]
    public async Task The_place_of_concern_forms_record_through_the_same_rules_as_the_api_for_the_child_and_the_area()
    {
        var (_, child, _, _) = await factory.FamilyWithAsync("Nadia Hussain", "HealthVisitor");
        var childPage = $"/people/{child.Value}/dangers";
        var social = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var health = await factory.SignedInAsAsync(Accounts.HealthVisitor);
        var named = "The flat over the chip shop " + Guid.NewGuid().ToString("N")[..6];

        // The child's page: a postcode not in the directory is shown in the error summary; the social worker records it; the involved
        // health visitor, who may read the dangers, is refused (403) and sees no form.
        var unknown = await social.PostAsync(childPage, await Clients.FormAsync(social, childPage, PlaceForm(named, "ZZ9 9ZZ")));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("govuk-error-summary", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var recorded = await social.PostAsync(childPage, await Clients.FormAsync(social, childPage, PlaceForm(named)));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains(named, await social.GetStringAsync(childPage), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"record-place\"", await health.GetStringAsync(childPage), StringComparison.Ordinal);
        var byHealth = await health.PostAsync(childPage, await Clients.FormAsync(health, childPage, PlaceForm(named + " again")));
        Assert.Equal(HttpStatusCode.Forbidden, byHealth.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.PlacesOfConcern.CountAsync(p => p.ChildId == child)));
        Assert.True(await factory.AuditedAsync("place-of-concern.record", child));

        // The area's page: the police record a hotspot; a health visitor may not use the page at all (403 in place, with why, no form).
        var police = await factory.SignedInAsAsync(Accounts.Police);
        var hotspot = "The underpass by the station " + Guid.NewGuid().ToString("N")[..6];
        var byPolice = await police.PostAsync("/places-of-concern", await Clients.FormAsync(police, "/places-of-concern", PlaceForm(hotspot)));
        Assert.Equal(HttpStatusCode.Redirect, byPolice.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.PlacesOfConcern.AnyAsync(p => p.Name == hotspot && p.ChildId == null)));
        var healthArea = await health.PostAsync("/places-of-concern", await Clients.FormAsync(health, childPage, PlaceForm(hotspot + " 2")));
        var healthPage = await health.GetAsync("/places-of-concern");
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (healthArea.StatusCode, healthPage.StatusCode));
        var refusedPage = await healthPage.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", refusedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"record-place\"", refusedPage, StringComparison.Ordinal);
        Assert.DoesNotContain(hotspot, refusedPage, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.PlacesOfConcern.AnyAsync(p => p.Name == hotspot + " 2")));

        // Ending a place from the pages, as of today, with the version shown: the health visitor is refused (403), a stale version is
        // 409, the social worker and the police end theirs; each stays as history.
        var namedId = await factory.WithDbAsync(db => db.PlacesOfConcern.Where(p => p.Name == named).Select(p => p.Id.Value).SingleAsync());
        var hotspotId = await factory.WithDbAsync(db => db.PlacesOfConcern.Where(p => p.Name == hotspot).Select(p => p.Id.Value).SingleAsync());
        Dictionary<string, string> Version(int version) => new() { ["version"] = $"{version}" };
        var endByHealth = await health.PostAsync($"{childPage}?handler=End&placeId={namedId}",
            await Clients.FormAsync(health, childPage, Version(1)));
        var endStale = await social.PostAsync($"{childPage}?handler=End&placeId={namedId}", await Clients.FormAsync(social, childPage, Version(9)));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Conflict), (endByHealth.StatusCode, endStale.StatusCode));
        var endNamed = await social.PostAsync($"{childPage}?handler=End&placeId={namedId}", await Clients.FormAsync(social, childPage, Version(1)));
        var endHotspot = await police.PostAsync($"/places-of-concern?handler=End&placeId={hotspotId}",
            await Clients.FormAsync(police, "/places-of-concern", Version(1)));
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (endNamed.StatusCode, endHotspot.StatusCode));
        var ended = await factory.WithDbAsync(db => db.PlacesOfConcern
            .Where(p => p.Id == new PlaceOfConcernId(namedId) || p.Id == new PlaceOfConcernId(hotspotId)).Select(p => p.To).ToListAsync());
        Assert.Equal(2, ended.Count);
        Assert.All(ended, to => Assert.Equal(Today, to));
        Assert.True(await factory.AuditedAsync("place-of-concern.end", child));
    }

    private static Dictionary<string, string> RiskPersonForm(string kind, string? place, string? postcode, int version) => new()
    {
        ["Input.Kind"] = kind,
        ["Input.PlaceName"] = place ?? "",
        ["Input.Postcode"] = postcode ?? "",
        ["Input.Version"] = $"{version}",
    };

    [Fact]
    public async Task The_risk_person_form_records_a_place_of_their_own_or_their_current_address_refuses_a_stale_version_and_others()
    {
        var (_, child, _, _) = await factory.FamilyWithAsync("Nadia Hussain", "HealthVisitor");
        var relationship = await RiskPersonAsync(child, "YO1 0AJ");
        var form = $"/people/{child.Value}/dangers/people/{relationship.Value}";
        var social = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var health = await factory.SignedInAsAsync(Accounts.HealthVisitor);
        var stranger = await factory.SignedInAsAsync(Accounts.Uninvolved);

        // The dangers page offers the form to children's social care; the form starts at their current address.
        Assert.Contains(form, await social.GetStringAsync($"/people/{child.Value}/dangers"), StringComparison.Ordinal);
        Assert.Contains("Current address, YO1 0AJ", await social.GetStringAsync(form), StringComparison.Ordinal);

        // A place with no postcode in the directory is shown in the error summary; then a place of their own is recorded.
        var unknown = await social.PostAsync(form,
            await Clients.FormAsync(social, form, RiskPersonForm("SexualExploitation", "A flat", "ZZ9 9ZZ", 0)));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("govuk-error-summary", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var place = "The flat above the bookmaker " + Guid.NewGuid().ToString("N")[..6];
        var recorded = await social.PostAsync(form,
            await Clients.FormAsync(social, form, RiskPersonForm("SexualExploitation", place, "YO1 0AJ", 0)));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains($"At {place}, YO1 0AJ", await social.GetStringAsync($"/people/{child.Value}/dangers"), StringComparison.Ordinal);

        // The form opened before that change is stale: 409 with the error summary, nothing overwritten.
        var stale = await social.PostAsync(form, await Clients.FormAsync(social, form, RiskPersonForm("Violence", null, null, 0)));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("govuk-error-summary", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Back to their current address, with the version now held.
        var back = await social.PostAsync(form, await Clients.FormAsync(social, form, RiskPersonForm("Violence", null, null, 1)));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var danger = await factory.WithDbAsync(db => db.RiskPersonDangers.AsNoTracking().SingleAsync(d => d.RelationshipId == relationship));
        Assert.Equal((Cairn.Domain.Placements.RiskKind.Violence, null, 2), (danger.Kind, danger.OwnLocation, danger.Version));

        // The involved health visitor may read the child's dangers but not record: 403 in place with why and no form, on reading and
        // on posting (audited as refused); someone who may not open the record gets 404 for both.
        var healthPage = await health.GetAsync(form);
        Assert.Equal(HttpStatusCode.Forbidden, healthPage.StatusCode);
        Assert.DoesNotContain("id=\"risk-person\"", await healthPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(form, await health.GetStringAsync($"/people/{child.Value}/dangers"), StringComparison.Ordinal);
        var byHealth = await health.PostAsync(form, await Clients.FormAsync(health, $"/people/{child.Value}/dangers",
            RiskPersonForm("Other", null, null, 2)));
        Assert.Equal(HttpStatusCode.Forbidden, byHealth.StatusCode);
        Assert.True(await factory.AuditedAsync("risk-person.set", child, "refused"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(form)).StatusCode);
        var byStranger = await stranger.PostAsync(form, await Clients.FormAsync(stranger, "/people", RiskPersonForm("Other", null, null, 2)));
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(2, (await factory.WithDbAsync(db => db.RiskPersonDangers.AsNoTracking().SingleAsync(d => d.RelationshipId == relationship)))
            .Version);
        Assert.True(await factory.AuditedAsync("risk-person.set", child));
    }
}
