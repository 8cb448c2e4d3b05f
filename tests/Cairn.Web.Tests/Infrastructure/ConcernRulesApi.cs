using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Cairn.Domain.Concerns;

namespace Cairn.Web.Tests.Infrastructure;

/// <summary>
/// Changes the area's concern rules as an API client must: read them, change what it means to, and send every rule back
/// with the version read.
/// </summary>
public static class ConcernRulesApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The body a client sends: the settings read and their version, changed by <paramref name="change"/>.</summary>
    public static async Task<JsonObject> ReadForChangeAsync(this HttpClient api, Action<JsonObject>? change = null)
    {
        var current = JsonNode.Parse(await api.GetStringAsync("/api/v1/concern-rules"))!.AsObject();
        var body = JsonNode.Parse(current["settings"]!.ToJsonString())!.AsObject();
        body["version"] = current["version"]!.GetValue<int>();
        change?.Invoke(body);
        return body;
    }

    public static async Task<HttpResponseMessage> ChangeConcernRulesAsync(this HttpClient api, Action<JsonObject> change) =>
        await api.PutAsJsonAsync("/api/v1/concern-rules", await api.ReadForChangeAsync(change));

    /// <summary>Puts every rule back to its default, so other tests in the class see them.</summary>
    public static async Task<HttpResponseMessage> ResetConcernRulesAsync(this HttpClient api)
    {
        var version = (await api.ReadForChangeAsync())["version"]!.GetValue<int>();
        var body = JsonSerializer.SerializeToNode(ConcernRuleSettings.Default, Json)!.AsObject();
        body["version"] = version;
        return await api.PutAsJsonAsync("/api/v1/concern-rules", body);
    }
}
