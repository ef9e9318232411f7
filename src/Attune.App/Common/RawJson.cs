using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attune.App.Common;

/// <summary>
/// JSON that is already text, such as a stored reading: written into a response as it is, not parsed and written
/// again. Only for JSON this application wrote itself, since it is not validated on the way out.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson(string text)
{
    public string Text { get; } = text;

    public static RawJson? From(string? text) => text is null ? null : new RawJson(text);

    public override string ToString() => Text;
}

internal sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new RawJson(document.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Text, skipInputValidation: true);
}
