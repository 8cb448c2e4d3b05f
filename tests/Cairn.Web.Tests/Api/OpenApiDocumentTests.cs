using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Api;

public sealed class OpenApiDocumentTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    [Fact]
    public async Task Typed_ids_are_described_as_uuid_strings_as_they_are_sent()
    {
        var document = JsonDocument.Parse(await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync("/api/openapi/v1.json")).RootElement;
        var schemas = document.GetProperty("components").GetProperty("schemas");

        // SentShare.Id is a ShareId; AddInvolvementCommand.ProfessionalId is a nullable ProfessionalId.
        foreach (var (schema, property) in new[] { ("SentShare", "id"), ("AddInvolvementCommand", "professionalId") })
        {
            var described = Resolve(schemas, schemas.GetProperty(schema).GetProperty("properties").GetProperty(property));
            Assert.Equal("uuid", described.GetProperty("format").GetString());
            Assert.Contains("string", described.GetProperty("type").ToString(), StringComparison.Ordinal);
            Assert.False(described.TryGetProperty("properties", out var nested) && nested.EnumerateObject().Any(), $"{schema}.{property} is described as an object");
        }
    }

    private static JsonElement Resolve(JsonElement schemas, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        if (schema.TryGetProperty("oneOf", out var options) || schema.TryGetProperty("anyOf", out options))
        {
            return Resolve(schemas, options.EnumerateArray().First(o => !o.TryGetProperty("type", out var t) || t.GetString() != "null"));
        }

        return schema;
    }
}
