using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Features.FrontDoor;

[Collection(FrontDoorGroup.Name)]
public sealed class ThresholdTests(FrontDoorFactory factory) : FrontDoorScenario(factory)
{
    [Fact]
    public async Task The_threshold_document_is_data_that_safeguarding_leads_publish_in_editions()
    {
        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);
        var document = await frontDoor.GetFromJsonAsync<JsonElement>("/api/v1/threshold-document");
        Assert.Equal("Universal,EarlyHelp,Targeted,Statutory", string.Join(',', document.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("level").GetString())));
        var edition = document.GetProperty("edition").GetInt32();
        // Keep every indicator (other tests cite them) and add one.
        var lines = document.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "EarlyHelp").GetProperty("indicators").EnumerateArray()
            .Select(i => i.GetProperty("text").GetString() + (i.GetProperty("theme").GetString() is { } t && t != "None" ? $" [{t}]" : "")).ToList();
        var change = new { descriptor = "Additional needs met by an early help plan.", indicators = string.Join('\n', lines.Append("Parents isolated and struggling [ParentalMentalHealth]")), changeNote = "Partnership review", edition };

        Assert.Equal(HttpStatusCode.Forbidden, (await frontDoor.PutAsJsonAsync("/api/v1/threshold-document/levels/EarlyHelp", change)).StatusCode);
        var lead = await Factory.ApiAsAsync(Accounts.SafeguardingLead);
        var bad = await lead.PutAsJsonAsync("/api/v1/threshold-document/levels/EarlyHelp", change with { indicators = "Something [NotATheme]" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var published = await lead.PutAsJsonAsync("/api/v1/threshold-document/levels/EarlyHelp", change);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var now = await published.JsonAsync();
        Assert.Equal(edition + 1, now.GetProperty("edition").GetInt32());
        var earlyHelp = now.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "EarlyHelp");
        var codes = earlyHelp.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(lines.Count + 1, codes.Count);
        Assert.Equal("EH01", codes[0]);
        Assert.Equal($"EH{lines.Count + 1:00}", codes[^1]);

        Assert.Equal(HttpStatusCode.Conflict, (await lead.PutAsJsonAsync("/api/v1/threshold-document/levels/EarlyHelp", change)).StatusCode);
    }
}
