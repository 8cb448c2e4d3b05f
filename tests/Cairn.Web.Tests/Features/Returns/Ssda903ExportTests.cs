using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Returns;
using Cairn.Domain.Returns.Ssda903;
using Cairn.Domain.Time;
using Cairn.Web.Features.Returns;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Returns;

/// <summary>
/// The looked-after children return from the record, through the real app (issue #19; L41, L44): a child recorded through the API
/// as looked after, placed and missing appears in the exported CSVs with the DfE's codes and column order; a category of need not
/// given at the time is listed by the validation with a link to the legal status page and is gone once recorded there; only a
/// safeguarding lead in children's social care may export or validate, and every export is audited without names.
/// </summary>
public sealed class Ssda903ExportTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => DateTimeOffset.UtcNow.InLondon();

    /// <summary>Half an hour ago: on the day before, in London, when the test runs just after midnight.</summary>
    private readonly DateTimeOffset _wentMissingAt = DateTimeOffset.UtcNow.AddMinutes(-30);

    private static CollectionYear Year => CollectionYear.Containing(Today);

    private static string Path => $"/api/v1/returns/ssda903/{Year.EndingYear}";

    /// <summary>A child of the social worker's on a care order from today (no category of need given), placed today, missing since this morning.</summary>
    private async Task<(Guid Child, string ReturnId, Guid Status)> LookedAfterChildAsync()
    {
        var setting = await factory.SettingAsync(PlacementTestData.Unique("Fulford Lodge"), "YO3 5ZN", vacancies: 2);
        var (child, referral, version) = await factory.ReferredAsync();
        var social = await factory.ApiAsAsync(Accounts.SocialWorker);
        var status = await social.PostAsJsonAsync($"/api/v1/people/{child}/legal-status",
            new { kind = "LookedAfterCareOrder", from = Today, reason = "Care order made by the family court today", currentStatusId = (Guid?)null });
        Assert.True(status.StatusCode == HttpStatusCode.Created, await status.Content.ReadAsStringAsync());
        var placed = await social.PostAsJsonAsync($"/api/v1/placement-referrals/{referral}/placements",
            new { settingId = setting, startedOn = Today, familyInformed = "InPerson", familyConsulted = true, version });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var missing = await social.PostAsJsonAsync($"/api/v1/children/{child}/missing-episodes",
            new { from = "Placement", startedAt = _wentMissingAt, reportedBy = "Her carer" });
        Assert.True(missing.StatusCode == HttpStatusCode.Created, await missing.Content.ReadAsStringAsync());
        return (child, Ssda903RecordHandler.ChildIdOf(new PersonId(child)), (await status.JsonAsync()).GetProperty("id").GetGuid());
    }

    private static async Task<Dictionary<string, string>> FilesAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.Name, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }

    private static Ssda903Row Row(Dictionary<string, string> files, string table, string childId) =>
        Assert.Single(Ssda903Writer.Read(table, files[Ssda903Writer.FileName(table)]), r => r.Child == childId);

    private static async Task<JsonElement[]> FailuresOfAsync(HttpClient api, string childId)
    {
        var response = await api.GetAsync($"{Path}/validation");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("failures").EnumerateArray()
            .Where(f => f.GetProperty("childId").GetString() == childId).ToArray();
    }

    [Fact]
    public async Task A_looked_after_child_recorded_through_the_api_is_in_the_export_with_the_dfes_codes_in_the_dfes_column_order()
    {
        var (child, id, _) = await LookedAfterChildAsync();
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);

        var files = await FilesAsync(await lead.GetAsync(Path));

        Assert.StartsWith("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n",
            files["Episodes.csv"], StringComparison.Ordinal);
        Assert.StartsWith("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n", files["Header.csv"], StringComparison.Ordinal);
        var where = await factory.WithDbAsync(db => db.Placements.Where(p => p.ChildId == new PersonId(child)).Select(p => p.Where).SingleAsync());
        var episode = Row(files, Ssda903Layout.Episodes, id);
        Assert.Equal(Ssda903Row.FormatDate(Today), episode["DECOM"]);
        Assert.Equal("S", episode["RNE"]);
        Assert.Equal("C2", episode["LS"]);
        Assert.Null(episode["CIN"]);
        Assert.Equal(where.PlacementType, episode["PLACE"]);
        Assert.Equal("YO3 5ZN", episode["PL_POST"]);
        Assert.Null(episode["DEC"]);
        Assert.Equal("F", Row(files, Ssda903Layout.Header, id)["SEX"]);
        var missing = Row(files, Ssda903Layout.MissingEpisodes, id);
        Assert.Equal("M", missing["MISSING"]);
        Assert.Equal(Ssda903Row.FormatDate(_wentMissingAt.InLondon()), missing["MIS_START"]);
    }

    [Fact]
    public async Task A_category_of_need_not_given_is_listed_with_a_link_to_the_legal_status_page_and_is_gone_once_recorded_there()
    {
        var (child, id, status) = await LookedAfterChildAsync();
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);

        var before = await FailuresOfAsync(lead, id);
        var need = Assert.Single(before, f => f.GetProperty("ruleCode").GetString() == "145");
        Assert.Equal($"/people/{child}/legal-status", need.GetProperty("link").GetString());
        var page = await (await factory.SignedInAsAsync(Accounts.SafeguardingLead)).GetStringAsync($"/returns/ssda903/{Year.EndingYear}/validation");
        Assert.Contains($"href=\"/people/{child}/legal-status\"", page, StringComparison.Ordinal);

        var social = await factory.ApiAsAsync(Accounts.SocialWorker);
        var police = await (await factory.ApiAsAsync(Accounts.Police)).PostAsJsonAsync(
            $"/api/v1/people/{child}/legal-status/{status}/return-codes", new { needCode = "N1", version = 0 });
        var wrong = await social.PostAsJsonAsync($"/api/v1/people/{child}/legal-status/{status}/return-codes", new { needCode = "N9", version = 0 });
        var fixedNeed = await social.PostAsJsonAsync($"/api/v1/people/{child}/legal-status/{status}/return-codes", new { needCode = "N1", version = 0 });
        var stale = await social.PostAsJsonAsync($"/api/v1/people/{child}/legal-status/{status}/return-codes", new { needCode = "N2", version = 0 });

        Assert.NotEqual(HttpStatusCode.OK, police.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True(fixedNeed.StatusCode == HttpStatusCode.OK, await fixedNeed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.DoesNotContain(await FailuresOfAsync(lead, id), f => f.GetProperty("ruleCode").GetString() == "145");
        Assert.Equal("N1", Row(await FilesAsync(await lead.GetAsync(Path)), Ssda903Layout.Episodes, id)["CIN"]);
    }

    [Fact]
    public async Task Only_a_safeguarding_lead_in_childrens_social_care_may_export_and_each_export_is_audited_without_names()
    {
        var (child, _, _) = await LookedAfterChildAsync();
        var name = await factory.WithDbAsync(db => db.People.Where(p => p.Id == new PersonId(child)).Select(p => p.FamilyName).SingleAsync());
        Task<List<Web.Auditing.AuditEntry>> ExportsAsync() => factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "returns.ssda903.export").OrderBy(a => a.Sequence).ToListAsync());
        var before = (await ExportsAsync()).Count;

        var practitioner = await (await factory.ApiAsAsync(Accounts.SocialWorker)).GetAsync(Path);
        var administrator = await (await factory.ApiAsAsync(Accounts.Administrator)).GetAsync(Path);
        var validation = await (await factory.ApiAsAsync(Accounts.SocialWorker)).GetAsync($"{Path}/validation");
        var anonymous = await factory.CreateClient().GetAsync(Path);
        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetAsync("/returns");
        var badYear = await (await factory.ApiAsAsync(Accounts.SafeguardingLead)).GetAsync("/api/v1/returns/ssda903/1999");
        var exported = await (await factory.ApiAsAsync(Accounts.SafeguardingLead)).GetAsync(Path);

        Assert.Equal(HttpStatusCode.Forbidden, practitioner.StatusCode);
        Assert.Equal("application/problem+json", practitioner.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, administrator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, validation.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.True(page.StatusCode is HttpStatusCode.Forbidden
                    || (page.StatusCode == HttpStatusCode.Found && page.Headers.Location?.ToString().Contains("/forbidden", StringComparison.Ordinal) == true),
            $"{page.StatusCode} {page.Headers.Location}");
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var lead = await factory.ProfessionalOfAsync(Accounts.SafeguardingLead);
        var entries = await ExportsAsync();
        Assert.Equal(before + 1, entries.Count);
        var entry = entries[^1];
        Assert.Equal(lead.Value, entry.ActorId);
        Assert.Null(entry.PersonId);
        Assert.Contains(Year.Label, entry.Detail, StringComparison.Ordinal);
        Assert.Matches(@"Episodes \d+", entry.Detail!);
        Assert.DoesNotContain(name, entry.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignedInAsAsync(Accounts.SafeguardingLead)).GetAsync("/returns")).StatusCode);
    }
}
