using System.Text.Json;
using Attune.App.Common;
using Attune.App.Features.Ingestion;

namespace Attune.App.Tests;

public sealed class RawJsonTests
{
    private const string Reading = """{"sentiment":{"compound":-0.62,"label":"negative"},"emotions":[{"emotion":"grief","score":0.81}]}""";

    [Fact]
    public void A_stored_reading_is_written_into_a_response_as_the_object_it_is()
    {
        var json = JsonSerializer.Serialize(new IngestedMessage(7, 3, 2, true, "open", RawJson.From(Reading)), Json.Options);

        using var written = JsonDocument.Parse(json);
        var reading = written.RootElement.GetProperty("reading");
        Assert.Equal(JsonValueKind.Object, reading.ValueKind);
        Assert.Equal(-0.62, reading.GetProperty("sentiment").GetProperty("compound").GetDouble());
        Assert.Equal("grief", reading.GetProperty("emotions")[0].GetProperty("emotion").GetString());
    }

    [Fact]
    public void A_response_read_back_keeps_the_reading_text()
    {
        var json = JsonSerializer.Serialize(new IngestedMessage(7, 3, 2, false, "open", RawJson.From(Reading)), Json.Options);

        var back = JsonSerializer.Deserialize<IngestedMessage>(json, Json.Options)!;

        Assert.Equal(Reading, back.Reading!.Text);
        Assert.False(back.Created);
    }

    [Fact]
    public void A_message_without_a_reading_has_none()
    {
        Assert.Null(RawJson.From(null));
        using var written = JsonDocument.Parse(JsonSerializer.Serialize(new IngestedMessage(7, 3, 2, true, "pending", null), Json.Options));
        Assert.False(written.RootElement.TryGetProperty("reading", out _)); // nulls are left out
    }
}
