using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain.Shares;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.EmergencyDuty;

/// <summary>
/// Which urgencies go to the Emergency Duty Team, and how long it has to acknowledge, is the area's data (issue #12, L02):
/// anyone may read it; safeguarding leads and administrators change it, with the version read; every change is audited.
/// A class of its own, because changing the rules changes what every later share in the area does.
/// </summary>
public sealed class OutOfHoursRulesTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static readonly string[] SameDayOnly = ["SameWorkingDay"];
    private static readonly string[] Defaults = ["Immediate", "SameWorkingDay"];

    private static bool Urgent(JsonElement rules, string urgency) => rules.GetProperty("urgencies").EnumerateArray()
        .Single(u => u.GetProperty("urgency").GetString() == urgency).GetProperty("goesToEmergencyDuty").GetBoolean();

    [Fact]
    public async Task The_rules_are_read_by_anyone_and_changed_only_by_a_lead_with_the_version_read_and_audited()
    {
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);
        var rules = await worker.GetFromJsonAsync<JsonElement>("/api/v1/emergency-duty/rules");
        Assert.True(Urgent(rules, "Immediate"));
        Assert.True(Urgent(rules, "SameWorkingDay"));
        Assert.False(Urgent(rules, "WithinWorkingDays"));
        Assert.Equal(60, rules.GetProperty("acknowledgeMinutes").GetInt32());
        Assert.True(rules.GetProperty("isDefault").GetBoolean());

        var change = new { urgent = new[] { "Immediate" }, acknowledgeMinutes = 30, onCallMinutes = 45, version = 0 };
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutAsJsonAsync("/api/v1/emergency-duty/rules", change)).StatusCode);

        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        var withoutImmediate = await lead.PutAsJsonAsync("/api/v1/emergency-duty/rules", change with { urgent = SameDayOnly });
        Assert.Equal(HttpStatusCode.BadRequest, withoutImmediate.StatusCode);
        Assert.True((await withoutImmediate.JsonAsync()).GetProperty("errors").TryGetProperty("urgent", out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.OutOfHoursRules.CountAsync()));

        var saved = await lead.PutAsJsonAsync("/api/v1/emergency-duty/rules", change);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var now = await saved.JsonAsync();
        Assert.False(Urgent(now, "SameWorkingDay"));
        Assert.Equal(30, now.GetProperty("acknowledgeMinutes").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PutAsJsonAsync("/api/v1/emergency-duty/rules", change)).StatusCode);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "out-of-hours-rules.change").ToListAsync());
        Assert.Contains("Immediate+SameWorkingDay->Immediate", Assert.Single(audit).Detail, StringComparison.Ordinal);

        // A same-day share sent out of hours now waits for the day team in this area; an immediate one still goes to the EDT.
        var rule = await factory.WithDbAsync(db => db.OutOfHoursRules.SingleAsync());
        Assert.False(rule.ToRules().IsUrgent(Urgency.SameWorkingDay));

        // Put back, so the page test below starts from one known version.
        Assert.Equal(HttpStatusCode.OK, (await lead.PutAsJsonAsync("/api/v1/emergency-duty/rules",
            new { urgent = Defaults, acknowledgeMinutes = 60, onCallMinutes = 60, version = 1 })).StatusCode);
    }

    [Fact]
    public async Task The_rules_page_shows_what_each_urgency_does_and_refuses_an_unworkable_clock_with_an_error_summary()
    {
        var lead = await factory.SignedInAsAsync(Accounts.SafeguardingLead);
        var page = await lead.GetStringAsync("/emergency-duty/rules");
        Assert.Contains("Goes to the Emergency Duty Team", page, StringComparison.Ordinal);
        Assert.Contains("Waits for the day team", page, StringComparison.Ordinal);
        var version = await factory.WithDbAsync(db => db.OutOfHoursRules.Select(r => (int?)r.Version).SingleOrDefaultAsync()) ?? 0;

        var refused = await lead.PostAsync("/emergency-duty/rules", await Clients.FormAsync(lead, "/emergency-duty/rules", new()
        {
            ["Input.Urgent"] = "Immediate",
            ["Input.AcknowledgeMinutes"] = "5",
            ["Input.OnCallMinutes"] = "60",
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

        // Pages answer an invalid form with the page again and a GOV.UK error summary linking to the field.
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("#Input_AcknowledgeMinutes", html, StringComparison.Ordinal);
        Assert.Contains("minutes the Emergency Duty Team has to acknowledge", html, StringComparison.Ordinal);
        Assert.Equal(version, await factory.WithDbAsync(db => db.OutOfHoursRules.Select(r => (int?)r.Version).SingleOrDefaultAsync()) ?? 0);

        var worker = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var readOnly = await worker.GetStringAsync("/emergency-duty/rules");
        Assert.DoesNotContain("Save the rules", readOnly, StringComparison.Ordinal);
    }
}
