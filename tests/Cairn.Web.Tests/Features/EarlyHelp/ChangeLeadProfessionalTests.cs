using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.EarlyHelp;

[Collection(EarlyHelpEpisodeGroup.Name)]
public sealed class ChangeLeadProfessionalTests(CairnFactory factory) : EarlyHelpEpisodeScenario(factory)
{
    [Fact]
    public async Task Changing_the_lead_keeps_the_history_and_a_stale_change_is_a_conflict()
    {
        var (api, child, id) = await OpenEpisodeAsync();
        var visitor = await Factory.ProfessionalOfAsync(Accounts.HealthVisitor);
        await JoinTeamAsync(api, child, visitor, "HealthVisitor");

        var changed = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/lead", new { leadProfessionalId = visitor.Value, reason = "Family know the health visitor best", version = 1 });
        var stale = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/lead",
            new { leadProfessionalId = (await Factory.ProfessionalOfAsync(Accounts.SocialWorker)).Value, reason = "Back again", version = 1 });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/early-help/{id}");
        Assert.Equal("Nadia Hussain", details.GetProperty("lead").GetProperty("name").GetString());
        var change = details.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("LeadProfessionalChanged", "Sam Okoro", "Nadia Hussain"),
            (change.GetProperty("kind").GetString(), change.GetProperty("fromLead").GetString(), change.GetProperty("toLead").GetString()));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "early-help.change-lead" && a.RecordId == id)));
    }
}
