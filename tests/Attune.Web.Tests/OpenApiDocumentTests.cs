using System.Text.Json;

namespace Attune.Web.Tests;

public sealed class OpenApiDocumentTests(AttuneFactory factory) : IClassFixture<AttuneFactory>
{
    private async Task<JsonElement> DocumentAsync()
    {
        var text = await factory.Client(key: null).GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonElement Responses(JsonElement doc, string path, string method) =>
        doc.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");

    private static string? SchemaRef(JsonElement response) =>
        response.GetProperty("content").GetProperty("application/json").GetProperty("schema").TryGetProperty("$ref", out var r) ? r.GetString() : null;

    [Fact]
    public async Task Ingest_documents_201_for_a_new_message_and_200_for_a_retry_with_the_message_schema()
    {
        var responses = Responses(await DocumentAsync(), "/api/v1/messages", "post");

        Assert.Equal("#/components/schemas/IngestedMessage", SchemaRef(responses.GetProperty("201")));
        Assert.Equal("#/components/schemas/IngestedMessage", SchemaRef(responses.GetProperty("200")));
    }

    [Fact]
    public async Task The_reading_is_documented_as_an_object_saying_what_it_holds()
    {
        var raw = (await DocumentAsync()).GetProperty("components").GetProperty("schemas").GetProperty("RawJson");

        Assert.Equal("object", raw.GetProperty("type").GetString());
        Assert.Contains("vulnerability", raw.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/conversations/{id}", "get", "200")]
    [InlineData("/api/v1/desks", "post", "201")]
    [InlineData("/api/v1/webhooks", "post", "201")]
    public async Task Endpoints_document_what_they_return(string path, string method, string status) =>
        Assert.NotNull(SchemaRef(Responses(await DocumentAsync(), path, method).GetProperty(status)));

    [Fact]
    public async Task Deleting_documents_204()
    {
        var responses = Responses(await DocumentAsync(), "/api/v1/api-keys/{id}", "delete");

        Assert.True(responses.TryGetProperty("204", out _));
    }
}
