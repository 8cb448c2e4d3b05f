using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Web.Data;
using Cairn.Web.Features.Meetings;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.MeetingRules;

/// <summary>
/// The area's meeting timescales (L21; T05–T11 national, T17 and the rest local): everyone reads them; an administrator changes
/// the local ones with the version read, audited; a national one is refused with nothing changed; a placement planning meeting
/// scheduled after the 72 hours became 48 is due in 48 hours. Its own database, since the rules are the area's.
/// </summary>
public sealed class MeetingRulesTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private const string Placement = "PlacementPlanningMeeting:FirstDue";

    private static JsonElement Row(JsonElement settings, string key) =>
        settings.GetProperty("timescales").EnumerateArray().Single(t => t.GetProperty("key").GetString() == key);

    [Fact]
    public async Task A_national_timescale_is_refused_and_the_placement_planning_meetings_72_hours_become_48_for_the_next_one_scheduled()
    {
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var admin = await factory.ApiAsAsync(Accounts.Administrator);
        var defaults = await sam.GetFromJsonAsync<JsonElement>("/api/v1/meeting-rules");
        Assert.Equal((true, 0, false), (defaults.GetProperty("isDefault").GetBoolean(), defaults.GetProperty("version").GetInt32(),
            defaults.GetProperty("mayChange").GetBoolean()));
        Assert.Equal((72, false, "T17 (local)"), (Row(defaults, Placement).GetProperty("amount").GetInt32(),
            Row(defaults, Placement).GetProperty("national").GetBoolean(), Row(defaults, Placement).GetProperty("source").GetString()));
        Assert.Equal((15, true, "T05"), (Row(defaults, "InitialChildProtectionConference:FirstDue").GetProperty("amount").GetInt32(),
            Row(defaults, "InitialChildProtectionConference:FirstDue").GetProperty("national").GetBoolean(),
            Row(defaults, "InitialChildProtectionConference:FirstDue").GetProperty("source").GetString()));

        var bySam = await sam.PutAsJsonAsync("/api/v1/meeting-rules", new { amounts = new Dictionary<string, int> { [Placement] = 48 }, version = 0 });
        var national = await admin.PutAsJsonAsync("/api/v1/meeting-rules", new
        {
            amounts = new Dictionary<string, int> { [Placement] = 48, ["InitialChildProtectionConference:FirstDue"] = 20 },
            version = 0,
        });
        var outOfRange = await admin.PutAsJsonAsync("/api/v1/meeting-rules", new
        {
            amounts = new Dictionary<string, int> { [Placement] = 0, ["NoSuchMeeting:FirstDue"] = 3 },
            version = 0,
        });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (bySam.StatusCode, national.StatusCode, outOfRange.StatusCode));
        var errors = (await national.JsonAsync()).GetProperty("errors");
        Assert.Contains("T05", errors.GetProperty("amounts[InitialChildProtectionConference:FirstDue]")[0].GetString(), StringComparison.Ordinal);
        var rangeErrors = (await outOfRange.JsonAsync()).GetProperty("errors");
        Assert.True(rangeErrors.TryGetProperty($"amounts[{Placement}]", out _));
        Assert.True(rangeErrors.TryGetProperty("amounts[NoSuchMeeting:FirstDue]", out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.MeetingRules.CountAsync()));

        var changed = await admin.PutAsJsonAsync("/api/v1/meeting-rules", new { amounts = new Dictionary<string, int> { [Placement] = 48 }, version = 0 });
        var stale = await admin.PutAsJsonAsync("/api/v1/meeting-rules", new { amounts = new Dictionary<string, int> { [Placement] = 24 }, version = 0 });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (changed.StatusCode, stale.StatusCode));
        var now = await changed.JsonAsync();
        Assert.Equal((false, 1, 48, 72), (now.GetProperty("isDefault").GetBoolean(), now.GetProperty("version").GetInt32(),
            Row(now, Placement).GetProperty("amount").GetInt32(), Row(now, Placement).GetProperty("defaultAmount").GetInt32()));
        Assert.Equal($"{Placement} 72->48", await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "meeting-rules.change"
            && e.Outcome == "succeeded").Select(e => e.Detail).SingleAsync()));
        Assert.Equal(48, (await sam.GetFromJsonAsync<JsonElement>("/api/v1/meeting-rules")).GetProperty("timescales").EnumerateArray()
            .Single(t => t.GetProperty("key").GetString() == Placement).GetProperty("amount").GetInt32());

        var child = new PersonId(await sam.CreateChildAsync());
        var owner = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var placedAt = new DateTimeOffset(2026, 3, 4, 15, 30, 0, TimeSpan.Zero);
        using (var scope = factory.Services.CreateScope())
        {
            var scheduling = scope.ServiceProvider.GetRequiredService<MeetingSchedulingHandler>();
            var meeting = await scheduling.ScheduleAsync(child, new MeetingTriggerFacts(MeetingKind.PlacementPlanningMeeting, 1,
                MeetingTrigger.PlacementStarted, Guid.NewGuid(), new DateOnly(2026, 3, 4), placedAt), owner, null, placedAt, CancellationToken.None);
            Assert.NotNull(meeting);
            await scope.ServiceProvider.GetRequiredService<CairnDbContext>().SaveChangesAsync();
        }

        var scheduled = await factory.WithDbAsync(db => db.Meetings.SingleAsync(m => m.ChildId == child));
        Assert.Equal(placedAt.AddHours(48), scheduled.DueAt);
    }

    [Fact]
    public async Task The_administration_page_is_for_administrators_shows_national_timescales_read_only_and_refuses_an_amount_out_of_range()
    {
        var worker = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var admin = await factory.SignedInAsAsync(Accounts.Administrator);

        var refusedPage = await worker.GetAsync("/admin/meeting-rules");
        var page = await admin.GetStringAsync("/admin/meeting-rules");
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var refused = await admin.PostAsync("/admin/meeting-rules", await Clients.FormAsync(admin, "/admin/meeting-rules", new()
        {
            ["Input.Rows[0].Key"] = "CoreGroup:ThenEvery",
            ["Input.Rows[0].Amount"] = "400",
            ["Input.Version"] = version,
        }));

        Assert.NotEqual(HttpStatusCode.OK, refusedPage.StatusCode);
        Assert.Contains("Placement planning meeting: first due (hours)", page, StringComparison.Ordinal);
        Assert.Contains("T09", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Rows[0].Key\" value=\"InitialChildProtectionConference:FirstDue\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Rows[0]_Amount\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Everyone_signed_in_reads_the_meeting_types_with_their_statutory_definitions()
    {
        var police = await factory.SignedInAsAsync(Accounts.Police);
        var api = await factory.ApiAsAsync(Accounts.Police);

        var page = await police.GetStringAsync("/meeting-types");
        var types = await api.GetFromJsonAsync<JsonElement>("/api/v1/meeting-types");

        Assert.Equal(MeetingTypes.All.Count, types.GetProperty("types").GetArrayLength());
        var professionals = types.GetProperty("types").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "ProfessionalsMeeting");
        Assert.False(professionals.GetProperty("statutory").GetBoolean());
        foreach (var text in new[] { "Initial child protection conference", "15 working days", "T05", "Not statutory", "At least 3 agencies",
                     "An independent chair", "Placement planning meeting", "T17 (local)" })
        {
            Assert.Contains(text, page, StringComparison.Ordinal);
        }
    }
}
