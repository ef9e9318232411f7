using Attune.Cli.Input;

namespace Attune.Cli.Tests.Input;

public sealed class RecordReaderTests
{
    private static (RecordReader Reader, List<RecordItem> Items) ReadAll(string text, RecordFormat format)
    {
        var reader = RecordReader.Create(new StringReader(text), format);
        return (reader, [.. reader.Read()]);
    }

    [Fact]
    public void QuotedFieldsWithCommasQuotesAndNewlines_AreOneFieldEach()
    {
        var (reader, items) = ReadAll("id,text,agent\r\n1,\"Hello, \"\"team\"\"\nsecond line\",ann\r\n2,plain,bob\r\n", RecordFormat.Csv);

        Assert.Equal(["id", "text", "agent"], reader.Columns);
        var first = Assert.IsType<InputRecord>(items[0]);
        Assert.Equal(2, first.Line);
        Assert.Equal("Hello, \"team\"\nsecond line", first.Get("text"));
        Assert.Equal("ann", first.Get("agent"));
        var second = Assert.IsType<InputRecord>(items[1]);
        Assert.Equal(4, second.Line);
        Assert.Equal("plain", second.Get("text"));
    }

    [Fact]
    public void WrongFieldCount_IsABadRowAndReadingGoesOn()
    {
        var (_, items) = ReadAll("id,text\n1,a\n2,b,extra\n\n3,c\n", RecordFormat.Csv);

        Assert.Equal(3, items.Count);
        var error = Assert.IsType<RecordError>(items[1]);
        Assert.Equal(3, error.Line);
        Assert.Contains("expected 2 fields", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, Assert.IsType<InputRecord>(items[2]).Line);
    }

    [Fact]
    public void UnterminatedQuote_NamesItsLineAndLaterRowsAreRecovered()
    {
        var (_, items) = ReadAll("id,text\n1,a\n2,\"broken\n3,c\n4,d\n", RecordFormat.Csv);

        Assert.Equal("1", Assert.IsType<InputRecord>(items[0]).Get("id"));
        var error = Assert.IsType<RecordError>(items[1]);
        Assert.Equal(3, error.Line);
        Assert.Contains("unterminated quote starting at line 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(["3", "4"], items.OfType<InputRecord>().Skip(1).Select(r => r.Get("id")));
        Assert.Equal([4, 5], items.OfType<InputRecord>().Skip(1).Select(r => r.Line));
    }

    [Fact]
    public void EmptyCsv_IsUnusable()
    {
        var e = Assert.Throws<RecordFormatException>(() => RecordReader.Create(new StringReader(""), RecordFormat.Csv));
        Assert.Contains("header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLines_KeepsRawValuesAndReportsMalformedLines()
    {
        var (reader, items) = ReadAll("{\"id\":7,\"text\":\"hi\",\"meta\":{\"a\":[1,2]}}\n{oops\n\n[1]\n{\"id\":8,\"text\":null}\n", RecordFormat.JsonLines);

        Assert.Equal(["id", "text", "meta"], reader.Columns);
        var first = Assert.IsType<InputRecord>(items[0]);
        Assert.Equal("7", first.Get("id"));
        Assert.Equal("{\"a\":[1,2]}", first.Json![2]);
        Assert.Equal(2, Assert.IsType<RecordError>(items[1]).Line);
        Assert.StartsWith("malformed JSON", ((RecordError)items[1]).Message, StringComparison.Ordinal);
        Assert.Contains("expected a JSON object", Assert.IsType<RecordError>(items[2]).Message, StringComparison.Ordinal);
        Assert.Equal(4, items[2].Line);
        var last = Assert.IsType<InputRecord>(items[3]);
        Assert.Equal(5, last.Line);
        Assert.Null(last.Get("text"));
    }

    [Fact]
    public void JsonArray_IsUnusableWithAClearMessage()
    {
        var e = Assert.Throws<RecordFormatException>(() => RecordReader.Create(new StringReader("[\n{\"text\":\"a\"}\n]\n"), RecordFormat.JsonLines));
        Assert.Contains("JSON array", e.Message, StringComparison.Ordinal);
    }
}
