using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cairn.Web.Features;

/// <summary>Writes Cairn's strongly typed ids (PersonId, AlertId, …) as plain GUID strings in the API.</summary>
public sealed class StronglyTypedIdJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => IsTypedId(typeToConvert);

    /// <summary>A Cairn id: a value type in Cairn.Domain named ...Id that wraps one Guid.</summary>
    public static bool IsTypedId(Type type) =>
        type is { IsValueType: true, Namespace: "Cairn.Domain" } && type.Name.EndsWith("Id", StringComparison.Ordinal)
        && type.GetConstructor([typeof(Guid)]) is not null;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(IdConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class IdConverter<TId> : JsonConverter<TId>
        where TId : struct
    {
        private static readonly ConstructorInfo Constructor = typeof(TId).GetConstructor([typeof(Guid)])!;
        private static readonly PropertyInfo ValueProperty = typeof(TId).GetProperty("Value")!;

        public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (TId)Constructor.Invoke([reader.GetGuid()]);

        public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
            writer.WriteStringValue((Guid)ValueProperty.GetValue(value)!);
    }
}
