using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attune.App.Common;

public static class Json
{
    /// <summary>How readings and webhook payloads are written: camelCase, enums as names.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        o.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
