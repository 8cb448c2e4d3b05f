using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Shares;
using Cairn.Domain.Time;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Placements.Referrals;

/// <summary>
/// Matching and admission through the real register, referrals, dangers and placements (issue #15; L33–L37): a setting near a place
/// posing a risk to the child is flagged and ranked below an otherwise equal one; a resident's harmful behaviour is a conflict for a
/// newcomer vulnerable to it, named only to those who may open the resident's record; admission schedules the placement planning
/// meeting, which cannot be held before the risk and matching assessments are updated, and tells every resident's social worker
/// and IRO by a followed-through share.
/// </summary>
public sealed class PlacementMatchingTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    /// <summary>In the City of York, 10.1 km apart: further apart than the default danger distance of 8 km.</summary>
    private const string Centre = "YO1 3EL";
    private const string Edge = "YO3 5ZN";

    private static DateOnly Today => DateTimeOffset.UtcNow.InLondon();

    private static object Admission(Guid setting, int version, string? overrideReason = null) => new
    {
        settingId = setting,
        startedOn = Today,
        emergency = true,
        familyInformed = "ByPhone",
        familyConsulted = true,
        overrideReason,
        version,
    };

    private static async Task<JsonElement> PlacedAsync(HttpClient api, Guid referral, object admission)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/placement-referrals/{referral}/placements", admission);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<List<JsonElement>> OptionsAsync(HttpClient api, Guid referral)
    {
        var response = await api.GetAsync($"/api/v1/placement-referrals/{referral}/matches?top=200");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("options").EnumerateArray().ToList();
    }

    private static JsonElement Option(List<JsonElement> options, Guid setting) =>
        options.Single(o => o.GetProperty("settingId").GetGuid() == setting);

    [Fact]
    public async Task A_setting_near_a_place_posing_a_risk_is_flagged_with_the_distance_and_ranked_below_an_equal_distant_one()
    {
        var near = await factory.SettingAsync(PlacementTestData.Unique("Ouse House"), Centre);
        var far = await factory.SettingAsync(PlacementTestData.Unique("Foss House"), Edge);
        var (child, referral, _) = await factory.ReferredAsync();
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var place = await api.PostAsJsonAsync("/api/v1/places-of-concern", new
        {
            childId = child,
            name = "The bus station " + Guid.NewGuid().ToString("N")[..6],
            postcode = Centre,
            kind = "SexualExploitation",
            risk = "Older men meet girls here",
            from = Today.AddDays(-3),
        });
        Assert.True(place.StatusCode == HttpStatusCode.Created, await place.Content.ReadAsStringAsync());

        var options = await OptionsAsync(api, referral);

        var nearOption = Option(options, near);
        var farOption = Option(options, far);
        Assert.True(options.IndexOf(nearOption) > options.IndexOf(farOption), "the setting near the danger ranks below the distant one");
        Assert.True(nearOption.GetProperty("score").GetInt32() < farOption.GetProperty("score").GetInt32());
        var flag = Assert.Single(nearOption.GetProperty("dangers").EnumerateArray()).GetString()!;
        Assert.Contains("0.0 km", flag, StringComparison.Ordinal);
        Assert.Empty(farOption.GetProperty("dangers").EnumerateArray());
        Assert.True(nearOption.GetProperty("needsOverride").GetBoolean());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "placement.match" && a.PersonId == child)));
    }

    [Fact]
    public async Task A_residents_harmful_behaviour_is_a_conflict_for_a_newcomer_vulnerable_to_it_named_only_to_those_who_may_open_them()
    {
        var home = await factory.SettingAsync(PlacementTestData.Unique("Minster View"), Edge);
        var social = await factory.ApiAsAsync(Accounts.SocialWorker);
        var (resident, residentReferral, residentVersion) = await factory.ReferredAsync(["HarmfulSexualBehaviour"], []);
        await PlacedAsync(social, residentReferral, Admission(home, residentVersion));
        var (newcomer, referral, version) = await factory.ReferredAsync(vulnerabilities: ["SexualHarm"]);
        var join = await social.PostAsJsonAsync($"/api/v1/people/{newcomer}/team",
            new { professionalId = (await factory.ProfessionalOfAsync(Accounts.Police)).Value, role = "PoliceOfficer", startedOn = Today.AddDays(-1) });
        Assert.Equal(HttpStatusCode.Created, join.StatusCode);

        var seenBySocialWorker = Option(await OptionsAsync(social, referral), home);
        var police = await factory.ApiAsAsync(Accounts.Police);
        var policeResponse = await police.GetStringAsync($"/api/v1/placement-referrals/{referral}/matches?top=200");
        var seenByPolice = Option(JsonSerializer.Deserialize<JsonElement>(policeResponse).GetProperty("options").EnumerateArray().ToList(), home);

        Assert.Contains("harmful sexual behaviour", Assert.Single(seenBySocialWorker.GetProperty("conflicts").EnumerateArray()).GetString(),
            StringComparison.Ordinal);
        Assert.Single(seenByPolice.GetProperty("conflicts").EnumerateArray());
        var residentName = await factory.WithDbAsync(db => db.People.Where(p => p.Id == new PersonId(resident))
            .Select(p => new { p.GivenName, p.FamilyName }).SingleAsync());
        Assert.DoesNotContain(resident.ToString(), policeResponse, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(residentName.FamilyName, policeResponse, StringComparison.Ordinal);

        // Placing the newcomer there anyway needs a manager and a reason.
        Assert.Equal(HttpStatusCode.Forbidden,
            (await social.PostAsJsonAsync($"/api/v1/placement-referrals/{referral}/placements", Admission(home, version))).StatusCode);
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var placed = await manager.PostAsJsonAsync($"/api/v1/placement-referrals/{referral}/placements",
            Admission(home, version, "No other home can give 2:1 tonight; separate floors and waking staff agreed with the manager."));
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var placement = await factory.WithDbAsync(db => db.Placements.SingleAsync(p => p.ChildId == new PersonId(newcomer)));
        Assert.StartsWith("No other home", placement.OverrideReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admission_schedules_the_planning_meeting_and_tells_every_residents_social_worker_and_iro()
    {
        var home = await factory.SettingAsync(PlacementTestData.Unique("Walmgate Lodge"), Edge, vacancies: 3);
        var social = await factory.ApiAsAsync(Accounts.SocialWorker);
        var (resident, residentReferral, residentVersion) = await factory.ReferredAsync(vulnerabilities: []);
        var iro = await factory.ProfessionalOfAsync(Accounts.FrontDoor);
        Assert.Equal(HttpStatusCode.Created, (await social.PostAsJsonAsync($"/api/v1/people/{resident}/team",
            new { professionalId = iro.Value, role = "IndependentReviewingOfficer", startedOn = Today.AddDays(-30) })).StatusCode);
        await PlacedAsync(social, residentReferral, Admission(home, residentVersion));
        var (child, referral, version) = await factory.ReferredAsync(["Violence"], []);

        var response = await social.PostAsJsonAsync($"/api/v1/placement-referrals/{referral}/placements", Admission(home, version));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var placed = await response.JsonAsync();
        Assert.Equal(1, placed.GetProperty("residentsNotified").GetInt32());
        Assert.Equal(2, placed.GetProperty("sharesSent").GetInt32());
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var notices = await factory.WithDbAsync(db => db.Shares.AsNoTracking().Where(s => s.Kind == ShareKind.NewAdmissionNotice).ToListAsync());
        var about = notices.Where(s => s.Subject.Contains("Walmgate Lodge", StringComparison.Ordinal) && s.SentAt > DateTimeOffset.UtcNow.AddMinutes(-5))
            .ToList();
        Assert.Contains(about, s => s.RecipientProfessional == sam);
        Assert.Contains(about, s => s.RecipientProfessional == iro);
        Assert.All(about, s => Assert.Contains("violence towards others", s.Message, StringComparison.Ordinal));
        var childName = await factory.WithDbAsync(db => db.People.Where(p => p.Id == new PersonId(child)).Select(p => p.FamilyName).SingleAsync());
        Assert.All(about, s => Assert.DoesNotContain(childName, s.Message, StringComparison.Ordinal));

        var meetingId = placed.GetProperty("planningMeetingId").GetGuid();
        Assert.True(placed.TryGetProperty("planningMeetingDueOn", out var due) && due.ValueKind == JsonValueKind.String);
        var referralNow = await (await social.GetAsync($"/api/v1/placement-referrals/{referral}")).JsonAsync();
        Assert.Equal("Placed", referralNow.GetProperty("status").GetString());
        var vacancies = await factory.WithDbAsync(db => db.PlacementSettings.Where(s => s.Id == new SettingId(home)).Select(s => s.Vacancies).SingleAsync());
        Assert.Equal(1, vacancies); // three, less the two children placed

        // The planning meeting cannot be recorded as held until the risk and matching assessments are updated since the placement.
        var meeting = await (await social.GetAsync($"/api/v1/meetings/{meetingId}")).JsonAsync();
        var held = await social.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/held",
            new { heldOn = Today, version = meeting.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, held.StatusCode);
        Assert.Contains("risk assessment and matching assessment", await held.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await factory.AuthorisedAssessmentAsync(new PersonId(child), AssessmentType.Risk, DateTimeOffset.UtcNow);
        await factory.AuthorisedAssessmentAsync(new PersonId(child), AssessmentType.Matching, DateTimeOffset.UtcNow);
        var again = await social.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/held",
            new { heldOn = Today, version = meeting.GetProperty("version").GetInt32() });
        Assert.DoesNotContain("matching assessment", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_not_matched_the_uninvolved_see_nothing_and_only_social_care_places_a_child()
    {
        var home = await factory.SettingAsync(PlacementTestData.Unique("Bootham House"), Edge);
        var social = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await social.CreateChildAsync();
        var draft = await (await social.PostAsJsonAsync($"/api/v1/people/{child}/placement-referrals", new { risksAnswered = true })).JsonAsync();
        var draftId = draft.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await social.GetAsync($"/api/v1/placement-referrals/{draftId}/matches")).StatusCode);

        var (other, referral, version) = await factory.ReferredAsync();
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/placement-referrals/{referral}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await outsider.PostAsJsonAsync($"/api/v1/placement-referrals/{referral}/placements", Admission(home, version))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await social.PostAsJsonAsync($"/api/v1/people/{other}/team",
            new { professionalId = (await factory.ProfessionalOfAsync(Accounts.Police)).Value, role = "PoliceOfficer", startedOn = Today })).StatusCode);
        var police = await factory.ApiAsAsync(Accounts.Police);
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync($"/api/v1/placement-referrals/{referral}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await police.PostAsJsonAsync($"/api/v1/placement-referrals/{referral}/placements", Admission(home, version))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await social.PostAsJsonAsync($"/api/v1/placement-referrals/{referral}/placements", Admission(home, version + 1))).StatusCode);
        var noFamily = await social.PostAsJsonAsync($"/api/v1/placement-referrals/{referral}/placements",
            new { settingId = home, startedOn = Today, version });
        Assert.Equal(HttpStatusCode.BadRequest, noFamily.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Placements.AnyAsync(p => p.ChildId == new PersonId(other))));
    }
}
