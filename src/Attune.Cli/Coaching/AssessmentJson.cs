using System.Text.Json;
using System.Text.Json.Serialization;
using Attune.Core.Coaching;
using Attune.Core.Coaching.Playbooks;
using Attune.Core.Text;

namespace Attune.Cli.Coaching;

/// <summary>Source-generated JSON for assessments, playbooks and coaching summaries.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Assessment))]
[JsonSerializable(typeof(CoachFileReport))]
[JsonSerializable(typeof(SituationPlaybook))]
[JsonSerializable(typeof(RegionalNorms))]
internal sealed partial class AssessmentJsonContext : JsonSerializerContext;

/// <summary>Writes assessments as JSON: camelCase names, enums as camelCase strings, spans as {start, length}.</summary>
internal static class AssessmentJson
{
    private static readonly JsonNamingPolicy Camel = JsonNamingPolicy.CamelCase;

    public static readonly AssessmentJsonContext Indented = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = Camel,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new SpanConverter(),
            new JsonStringEnumConverter<MechanismLevel>(Camel),
            new JsonStringEnumConverter<FlagKind>(Camel),
            new JsonStringEnumConverter<FlagSeverity>(Camel),
            new JsonStringEnumConverter<RuleKind>(Camel),
            new JsonStringEnumConverter<Formality>(Camel),
            new JsonStringEnumConverter<Attune.Core.Listening.Emotion>(Camel),
            new JsonStringEnumConverter<Attune.Core.Listening.Topic>(Camel),
            new JsonStringEnumConverter<Attune.Core.Listening.UrgencyLevel>(Camel),
            new JsonStringEnumConverter<Attune.Core.Listening.VulnerabilityCharacteristic>(Camel),
        },
    });

    public static string Serialize(Assessment assessment) => JsonSerializer.Serialize(assessment, Indented.Assessment);

    private sealed class SpanConverter : JsonConverter<TextSpan>
    {
        public override TextSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("spans are written, not read");

        public override void Write(Utf8JsonWriter writer, TextSpan value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", value.Start);
            writer.WriteNumber("length", value.Length);
            writer.WriteEndObject();
        }
    }
}
