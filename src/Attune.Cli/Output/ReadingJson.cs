using System.Text.Json;
using System.Text.Json.Serialization;
using Attune.Cli.Evaluation;
using Attune.Core.Listening;
using Attune.Core.Text;

namespace Attune.Cli.Output;

/// <summary>Source-generated JSON for readings and evaluation reports. The shape is documented in docs/reading-json.md.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(Reading))]
[JsonSerializable(typeof(EvalReport))]
internal sealed partial class ReadingJsonContext : JsonSerializerContext;

/// <summary>Writes <see cref="Reading"/>s as JSON: camelCase names, enums as camelCase strings, spans as {start, length}.</summary>
internal static class ReadingJson
{
    private static readonly JsonNamingPolicy Camel = JsonNamingPolicy.CamelCase;

    public static readonly ReadingJsonContext Compact = Build(indented: false);

    public static readonly ReadingJsonContext Indented = Build(indented: true);

    public static string Serialize(Reading reading, bool indented = false) =>
        JsonSerializer.Serialize(reading, (indented ? Indented : Compact).Reading);

    public static void Write(Utf8JsonWriter writer, Reading reading) =>
        JsonSerializer.Serialize(writer, reading, Compact.Reading);

    private static ReadingJsonContext Build(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = Camel,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            WriteIndented = indented,
            // Messages are full of apostrophes, accents and emoji; keep them readable rather than \u-escaped.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters =
            {
                new TextSpanConverter(),
                new JsonStringEnumConverter<Emotion>(Camel),
                new JsonStringEnumConverter<SentimentLabel>(Camel),
                new JsonStringEnumConverter<UrgencyLevel>(Camel),
                new JsonStringEnumConverter<VulnerabilityDriver>(Camel),
                new JsonStringEnumConverter<VulnerabilityCharacteristic>(Camel),
                new JsonStringEnumConverter<Topic>(Camel),
            },
        };
        return new ReadingJsonContext(options);
    }

    /// <summary>A span is {start, length} in UTF-16 code units of the original text; its derived End is left out.</summary>
    private sealed class TextSpanConverter : JsonConverter<TextSpan>
    {
        public override TextSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            int start = 0, length = 0;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("a span is an object {start, length}");
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "start")
                {
                    start = reader.GetInt32();
                }
                else if (name == "length")
                {
                    length = reader.GetInt32();
                }
                else
                {
                    reader.Skip();
                }
            }
            return new TextSpan(start, length);
        }

        public override void Write(Utf8JsonWriter writer, TextSpan value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", value.Start);
            writer.WriteNumber("length", value.Length);
            writer.WriteEndObject();
        }
    }
}
