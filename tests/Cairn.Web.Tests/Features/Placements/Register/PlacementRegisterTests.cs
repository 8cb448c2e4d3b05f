using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Placements.Register;

/// <summary>
/// The placement register (issue #15; L33, L41, L44) over the real database: children's social care reads it, its managers and
/// administrators keep it, other agencies are refused (403) and another area's or a missing setting is 404; a setting's postcode is
/// found in the directory and says whether it is in the area; bad input is 400 problem+json with nothing saved; a stale version is
/// 409; every change and refusal is audited by id; vacancies and changes are kept as history.
/// </summary>
public sealed class PlacementRegisterTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    /// <summary>In the demo area (York, E06000014).</summary>
    private const string InArea = "YO1 3EL";

    /// <summary>In North Yorkshire: out of the demo area.</summary>
    private const string OutOfArea = "YO7 4AF";

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    private static object Home(string name, Guid provider, string postcode = InArea, string type = "ChildrensHome", int minAge = 11,
        string[]? restrictions = null, int capacity = 4) => new
        {
            providerId = provider,
            name,
            type,
            regulator = "Ofsted",
            registrationNumber = "SC654321",
            lastJudgement = "Good",
            lastJudgementOn = "2025-09-15",
            postcode,
            capacity,
            minAge,
            maxAge = 17,
            sexes = "Any",
            specialisms = new[] { "Exploitation", "SelfHarm" },
            staffing = "TwoToOne",
            wakingNightStaff = true,
            restrictions = restrictions ?? ["DeprivationOfLiberty"],
            registrationSuspended = false,
        };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<Guid> ProviderAsync(HttpClient api, string? name = null) =>
        (await CreatedAsync(await api.PostAsJsonAsync("/api/v1/placements/providers",
            new { name = name ?? Unique("Ridings Care"), kind = "Private", phone = "01632 960001", email = "office@ridings.example" })))
        .GetProperty("id").GetGuid();

    private async Task<int> AuditedAsync(string action, Guid record, string outcome = "succeeded") =>
        await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.RecordId == record && e.Outcome == outcome
                                                                         && e.PersonId == null));

    [Fact]
    public async Task A_manager_records_a_provider_and_a_setting_in_the_area_then_vacancies_and_a_change_are_kept_as_history()
    {
        var api = await factory.ApiAsAsync(Accounts.TeamManager);
        var providerId = await ProviderAsync(api);
        var provider = await api.GetFromJsonAsync<JsonElement>($"/api/v1/placements/providers/{providerId}");
        var name = Unique("Heworth Lodge");

        var setting = await CreatedAsync(await api.PostAsJsonAsync("/api/v1/placements/settings", Home(name, providerId)));
        var id = setting.GetProperty("id").GetGuid();
        var vacancies = await api.PostAsJsonAsync($"/api/v1/placements/settings/{id}/vacancies",
            new { vacancies = 2, from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), version = 1 });
        var changed = await api.PutAsJsonAsync($"/api/v1/placements/settings/{id}", MergeVersion(Home(name, providerId, capacity: 5), 2));

        Assert.Equal(("PR4", 1), (provider.GetProperty("kindCode").GetString(), provider.GetProperty("version").GetInt32()));
        Assert.Equal(("YO1 3EL", "E06000014", true), (setting.GetProperty("details").GetProperty("postcode").GetString(),
            setting.GetProperty("details").GetProperty("localAuthorityCode").GetString(), setting.GetProperty("inArea").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, vacancies.StatusCode);
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var now = await api.GetFromJsonAsync<JsonElement>($"/api/v1/placements/settings/{id}");
        Assert.Equal((3, 5, 2), (now.GetProperty("version").GetInt32(), now.GetProperty("details").GetProperty("capacity").GetInt32(),
            now.GetProperty("vacancies").GetInt32()));
        Assert.Equal(2, now.GetProperty("vacancyHistory")[0].GetProperty("vacancies").GetInt32());
        var revisions = now.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal([3, 1], revisions.Select(r => r.GetProperty("version").GetInt32()));
        Assert.Equal(["Capacity"], revisions[0].GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal((1, 1, 1, 1), (await AuditedAsync("placement.provider.record", providerId), await AuditedAsync("placement.setting.record", id),
            await AuditedAsync("placement.vacancies.record", id), await AuditedAsync("placement.setting.change", id)));
        Assert.Equal(2, await factory.WithDbAsync(db => db.SettingRevisions.CountAsync(r => r.SettingId == new Domain.SettingId(id))));
    }

    [Fact]
    public async Task A_stale_version_is_a_409_problem_and_changes_nothing_and_is_audited()
    {
        var api = await factory.ApiAsAsync(Accounts.TeamManager);
        var providerId = await ProviderAsync(api);
        var name = Unique("Ouse View");
        var id = (await CreatedAsync(await api.PostAsJsonAsync("/api/v1/placements/settings", Home(name, providerId)))).GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(HttpStatusCode.OK,
            (await api.PostAsJsonAsync($"/api/v1/placements/settings/{id}/vacancies", new { vacancies = 1, from = today, version = 1 })).StatusCode);

        var staleChange = await api.PutAsJsonAsync($"/api/v1/placements/settings/{id}", MergeVersion(Home(name, providerId, capacity: 9), 1));
        var staleVacancies = await api.PostAsJsonAsync($"/api/v1/placements/settings/{id}/vacancies",
            new { vacancies = 0, from = today, version = 1 });
        var staleProvider = await api.PutAsJsonAsync($"/api/v1/placements/providers/{providerId}",
            new { name = "Renamed", kind = "Voluntary", version = 0 });

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict),
            (staleChange.StatusCode, staleVacancies.StatusCode, staleProvider.StatusCode));
        Assert.Equal("application/problem+json", staleChange.Content.Headers.ContentType?.MediaType);
        var now = await api.GetFromJsonAsync<JsonElement>($"/api/v1/placements/settings/{id}");
        Assert.Equal((2, 4, 1), (now.GetProperty("version").GetInt32(), now.GetProperty("details").GetProperty("capacity").GetInt32(),
            now.GetProperty("vacancies").GetInt32()));
        Assert.Equal(1, await AuditedAsync("placement.setting.change", id, "refused"));
        Assert.Equal(1, await AuditedAsync("placement.vacancies.record", id, "refused"));
    }

    [Fact]
    public async Task Bad_input_is_a_400_problem_naming_each_field_and_nothing_is_saved()
    {
        var api = await factory.ApiAsAsync(Accounts.TeamManager);
        var providerId = await ProviderAsync(api);
        var name = Unique("Refused");

        var unknownPostcode = await api.PostAsJsonAsync("/api/v1/placements/settings", Home(name, providerId, postcode: "YO99 9ZZ"));
        var young = await api.PostAsJsonAsync("/api/v1/placements/settings", Home(name, providerId, type: "SupportedAccommodation", minAge: 14));
        var secure = await api.PostAsJsonAsync("/api/v1/placements/settings", Home(name, providerId, restrictions: ["SecureAccommodation"]));
        var noProvider = await api.PostAsJsonAsync("/api/v1/placements/settings", Home(name, Guid.NewGuid()));
        var future = await api.PostAsJsonAsync("/api/v1/placements/settings", Merge(Home(name, providerId), "lastJudgementOn", "2999-01-01"));
        var badJson = await api.PostAsync("/api/v1/placements/settings", new StringContent("{ \"name\": ", Encoding.UTF8, "application/json"));
        var notJson = await api.PostAsync("/api/v1/placements/settings", new StringContent("name=x", Encoding.UTF8, "text/plain"));
        var badProvider = await api.PostAsJsonAsync("/api/v1/placements/providers", new { name = "", kind = "Private", email = "nope" });

        foreach (var (response, field) in new[]
                 {
                     (unknownPostcode, "postcode"), (young, "minAge"), (secure, "restrictions"), (noProvider, "providerId"),
                     (future, "lastJudgementOn"), (badProvider, "email"),
                 })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
        }

        Assert.Contains("not in the postcode directory", await unknownPostcode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType), (badJson.StatusCode, notJson.StatusCode));
        Assert.Equal(0, await factory.WithDbAsync(db => db.PlacementSettings.CountAsync(s => s.Name == name)));
    }

    [Fact]
    public async Task Vacancies_above_capacity_or_dated_in_the_future_are_refused_and_nothing_is_kept()
    {
        var api = await factory.ApiAsAsync(Accounts.Administrator);
        var id = (await CreatedAsync(await api.PostAsJsonAsync("/api/v1/placements/settings", Home(Unique("Lodge"), await ProviderAsync(api)))))
            .GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var tooMany = await api.PostAsJsonAsync($"/api/v1/placements/settings/{id}/vacancies", new { vacancies = 5, from = today, version = 1 });
        var future = await api.PostAsJsonAsync($"/api/v1/placements/settings/{id}/vacancies",
            new { vacancies = 1, from = today.AddDays(2), version = 1 });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (tooMany.StatusCode, future.StatusCode));
        Assert.True((await tooMany.JsonAsync()).GetProperty("errors").TryGetProperty("vacancies", out _));
        Assert.True((await future.JsonAsync()).GetProperty("errors").TryGetProperty("from", out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SettingVacancies.CountAsync(v => v.SettingId == new Domain.SettingId(id))));
    }

    [Fact]
    public async Task Childrens_social_care_reads_the_register_but_only_its_managers_and_administrators_change_it()
    {
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var providerId = await ProviderAsync(manager);
        var name = Unique("Thornfield");
        var id = await SettingAsync(manager, name, providerId);

        var read = await worker.GetAsync($"/api/v1/placements/settings/{id}");
        var list = await frontDoor.GetAsync("/api/v1/placements/settings");
        var providers = await worker.GetAsync("/api/v1/placements/providers");
        var record = await worker.PostAsJsonAsync("/api/v1/placements/settings", Home(Unique("Not mine"), providerId));
        var change = await worker.PutAsJsonAsync($"/api/v1/placements/settings/{id}", MergeVersion(Home(name, providerId, capacity: 2), 1));
        var vacancies = await frontDoor.PostAsJsonAsync($"/api/v1/placements/settings/{id}/vacancies",
            new { vacancies = 1, from = DateOnly.FromDateTime(DateTime.UtcNow), version = 1 });
        var provider = await worker.PostAsJsonAsync("/api/v1/placements/providers", new { name = Unique("Mine"), kind = "Private" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (read.StatusCode, list.StatusCode, providers.StatusCode));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (record.StatusCode, change.StatusCode, vacancies.StatusCode, provider.StatusCode));
        Assert.Equal("application/problem+json", change.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/placements/settings/{id}")).GetProperty("version").GetInt32());
        Assert.Equal(1, await AuditedAsync("placement.setting.change", id, "refused"));
        Assert.Equal(1, await AuditedAsync("placement.vacancies.record", id, "refused"));
    }

    [Fact]
    public async Task Other_agencies_are_refused_the_register_and_a_setting_not_on_it_is_not_found()
    {
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var id = await SettingAsync(manager, Unique("Coastal"), await ProviderAsync(manager));
        var police = await factory.ApiAsAsync(Accounts.Police);
        var health = await factory.ApiAsAsync(Accounts.HealthVisitor);

        var policeList = await police.GetAsync("/api/v1/placements/settings");
        var policeOne = await police.GetAsync($"/api/v1/placements/settings/{id}");
        var healthProviders = await health.GetAsync("/api/v1/placements/providers");
        var healthChange = await health.PostAsJsonAsync($"/api/v1/placements/settings/{id}/vacancies", new { vacancies = 1, version = 1 });
        var missing = await manager.GetAsync($"/api/v1/placements/settings/{Guid.NewGuid()}");
        var missingChange = await manager.PutAsJsonAsync($"/api/v1/placements/settings/{Guid.NewGuid()}", new { version = 1 });
        var anonymous = await factory.CreateClient().GetAsync("/api/v1/placements/settings");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (policeList.StatusCode, policeOne.StatusCode, healthProviders.StatusCode, healthChange.StatusCode));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized),
            (missing.StatusCode, missingChange.StatusCode, anonymous.StatusCode));
        Assert.Equal(1, await AuditedAsync("placement.vacancies.record", id, "refused"));
    }

    [Fact]
    public async Task The_register_filters_by_type_place_and_vacancies_and_the_demo_area_has_settings_in_and_out_of_it()
    {
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var providerId = await ProviderAsync(manager);
        var away = await CreatedAsync(await manager.PostAsJsonAsync("/api/v1/placements/settings",
            Home(Unique("Hambleton"), providerId, postcode: OutOfArea, type: "SecureChildrensHome", restrictions: ["SecureAccommodation"])));

        var all = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/placements/settings")).GetProperty("settings").EnumerateArray().ToList();
        var outside = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/placements/settings?inArea=false")).GetProperty("settings")
            .EnumerateArray().ToList();
        var inside = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/placements/settings?inArea=true")).GetProperty("settings")
            .EnumerateArray().ToList();
        var secure = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/placements/settings?type=SecureChildrensHome")).GetProperty("settings")
            .EnumerateArray().ToList();
        var open = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/placements/settings?withVacancies=true")).GetProperty("settings")
            .EnumerateArray().ToList();

        Assert.False(away.GetProperty("inArea").GetBoolean());
        Assert.True(all.Count >= 13, $"{all.Count} settings");
        Assert.Contains(outside, s => s.GetProperty("id").GetGuid() == away.GetProperty("id").GetGuid());
        Assert.All(outside, s => Assert.False(s.GetProperty("inArea").GetBoolean()));
        Assert.All(inside, s => Assert.True(s.GetProperty("inArea").GetBoolean()));
        Assert.True(inside.Count >= 5 && outside.Count >= 4, $"{inside.Count} in, {outside.Count} out");
        Assert.All(secure, s => Assert.Equal("SecureChildrensHome", s.GetProperty("type").GetString()));
        Assert.All(open, s => Assert.True(s.GetProperty("vacancies").GetInt32() > 0));
        Assert.NotEmpty(open);
    }

    [Fact]
    public async Task The_pages_show_the_register_to_childrens_social_care_refuse_other_agencies_and_show_errors_on_the_form()
    {
        var worker = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var manager = await factory.SignedInAsAsync(Accounts.TeamManager);
        var police = await factory.SignedInAsAsync(Accounts.Police);
        var api = await factory.ApiAsAsync(Accounts.TeamManager);
        var providerId = await ProviderAsync(api);
        var name = Unique("Fulford Lodge");
        var id = (await CreatedAsync(await api.PostAsJsonAsync("/api/v1/placements/settings", Home(name, providerId)))).GetProperty("id").GetGuid();

        var register = await worker.GetStringAsync("/placements/register");
        var page = await worker.GetStringAsync($"/placements/settings/{id}");
        var refused = await police.GetAsync("/placements/register");
        var workerForm = await worker.GetAsync($"/placements/settings/{id}/vacancies");
        var form = await manager.GetStringAsync($"/placements/settings/{id}/vacancies");
        var version = Regex.Match(form, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var path = $"/placements/settings/{id}/vacancies";
        var bad = await PostFormAsync(manager, path, new()
        {
            ["Input.Vacancies"] = "9",
            ["Input.From.Day"] = "1",
            ["Input.From.Month"] = "13",
            ["Input.From.Year"] = "2026",
            ["Input.Version"] = version,
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var good = await PostFormAsync(manager, path, new()
        {
            ["Input.Vacancies"] = "3",
            ["Input.From.Day"] = $"{today.Day}",
            ["Input.From.Month"] = $"{today.Month}",
            ["Input.From.Year"] = $"{today.Year}",
            ["Input.Version"] = version,
        });
        var badSetting = await PostFormAsync(manager, "/placements/settings/new", new()
        {
            ["Input.ProviderId"] = providerId.ToString(),
            ["Input.Name"] = Unique("Refused"),
            ["Input.Type"] = "SupportedAccommodation",
            ["Input.Postcode"] = "YO99 9ZZ",
            ["Input.Capacity"] = "3",
            ["Input.MinAge"] = "12",
            ["Input.MaxAge"] = "17",
            ["Input.Sexes"] = "Any",
            ["Input.Staffing"] = "AsRegistered",
            ["Input.LastJudgement"] = "NotYetInspected",
            ["Input.Regulator"] = "Ofsted",
            ["Input.RegistrationNumber"] = "SC111111",
        });

        Assert.Contains("Heworth Lodge", register, StringComparison.Ordinal);
        Assert.Contains("Out of area", register, StringComparison.Ordinal);
        Assert.DoesNotContain("Add a setting", register, StringComparison.Ordinal);
        Assert.Contains(name, page, StringComparison.Ordinal);
        Assert.Contains("Children living here now", page, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, workerForm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", badHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_From\"", badHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(3, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/placements/settings/{id}")).GetProperty("vacancies").GetInt32());
        var settingHtml = await badSetting.Content.ReadAsStringAsync();
        Assert.Contains("not in the postcode directory", settingHtml, StringComparison.Ordinal);
        Assert.Contains("Supported accommodation is for young people aged 16 and 17 only", settingHtml, StringComparison.Ordinal);
    }

    private static async Task<Guid> SettingAsync(HttpClient api, string name, Guid provider) =>
        (await CreatedAsync(await api.PostAsJsonAsync("/api/v1/placements/settings", Home(name, provider)))).GetProperty("id").GetGuid();

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields) =>
        await client.PostAsync(path, await Clients.FormAsync(client, path, fields));

    private static Dictionary<string, object?> MergeVersion(object body, int version) => Merge(body, "version", version);

    private static Dictionary<string, object?> Merge(object body, string key, object? value)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(body))!;
        fields[key] = value;
        return fields;
    }
}
