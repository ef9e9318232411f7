using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Attune.Web.Tests;

public sealed class IngestionEndpointsTests(AttuneFactory factory) : IClassFixture<AttuneFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string json, string path = "/api/v1/messages")
    {
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), Json(json), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Theory]
    [InlineData("""{"source":"shop","externalId":"x-1","text":"hi","customer":{"externalId":"c"}""", "body")]
    [InlineData("""{"source":"shop","externalId":"x-1","text":42,"customer":{"externalId":"c"}}""", "text")]
    [InlineData("""{"source":"shop","externalId":"x-1","sentAt":"last tuesday","text":"hi","customer":{"externalId":"c"}}""", "sentAt")]
    [InlineData("""{"source":"shop","externalId":"x-1","customer":{"externalId":"c"}}""", "text")]
    [InlineData("""{"externalId":"x-1","text":"hi","customer":{"externalId":"c"}}""", "source")]
    [InlineData("""{"source":"shop","externalId":"x-1","text":"hi"}""", "customer.externalId")]
    [InlineData("", "body")]
    public async Task BadRequest_Is400ProblemNamingTheField(string json, string field)
    {
        var (status, body) = await PostAsync(factory.Client(), json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(field, body.GetProperty("field").GetString());
        Assert.Equal(400, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task OversizedText_Is400NamingText()
    {
        var text = new string('a', 40_000);

        var (status, body) = await PostAsync(factory.Client(), $$$"""{"source":"shop","externalId":"big","text":"{{{text}}}","customer":{"externalId":"c"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("text", body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task RepeatedPost_Creates201ThenReturnsTheSameMessage200()
    {
        const string json = """{"source":"shop","externalId":"idem-1","text":"My card was charged twice.","customer":{"externalId":"c-77","name":"Ada"},"channel":"email"}""";
        var client = factory.Client();

        var first = await PostAsync(client, json);
        var second = await PostAsync(client, json);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(first.Body.GetProperty("messageId").GetInt64(), second.Body.GetProperty("messageId").GetInt64());
        Assert.False(second.Body.GetProperty("created").GetBoolean());
        Assert.Equal(JsonValueKind.Object, first.Body.GetProperty("reading").ValueKind);
    }

    [Fact]
    public async Task Batch_ReportsEachItemAndKeepsTheGoodOnes()
    {
        const string json = """{"messages":[{"source":"shop","externalId":"b-1","text":"one","customer":{"externalId":"c-b"}},{"source":"shop","externalId":"b-2","customer":{"externalId":"c-b"}}]}""";

        var (status, body) = await PostAsync(factory.Client(), json, "/api/v1/messages:batch");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("rejected").GetInt32());
        Assert.Equal("messages[1].text", body.GetProperty("items")[1].GetProperty("error").GetProperty("field").GetString());
    }

    [Fact]
    public async Task IngestedMessage_AppearsInItsConversationWithItsReading()
    {
        var client = factory.Client();
        var (_, created) = await PostAsync(client, """{"source":"shop","externalId":"tl-1","text":"Where is my order?","customer":{"externalId":"c-tl"},"conversationId":"th-1"}""");

        var conversation = await client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{created.GetProperty("conversationId").GetInt64()}", TestContext.Current.CancellationToken);

        var message = Assert.Single(conversation.GetProperty("timeline").EnumerateArray());
        Assert.Equal("Where is my order?", message.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Object, message.GetProperty("reading").ValueKind);
    }
}
