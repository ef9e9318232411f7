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
    public void JsonArray_IsReadElementByElementWithTheLineEachStartsOn()
    {
        var (reader, items) = ReadAll("[\n  {\"id\": 1, \"text\": \"a\"},\n  42,\n  {\"id\": 3,\n   \"text\": \"c\"}\n]\n", RecordFormat.JsonLines);

        Assert.Equal(["id", "text"], reader.Columns);
        Assert.Equal(2, Assert.IsType<InputRecord>(items[0]).Line);
        Assert.Contains("expected a JSON object, found a number", Assert.IsType<RecordError>(items[1]).Message, StringComparison.Ordinal);
        Assert.Equal(3, items[1].Line);
        var last = Assert.IsType<InputRecord>(items[2]);
        Assert.Equal(4, last.Line);
        Assert.Equal("c", last.Get("text"));
    }

    [Fact]
    public void BrokenJsonArray_KeepsTheElementsBeforeTheErrorAndNamesItsLine()
    {
        var (_, items) = ReadAll("[\n{\"text\": \"a\"},\n{\"text\": oops}\n]", RecordFormat.JsonLines);

        Assert.Equal("a", Assert.IsType<InputRecord>(items[0]).Get("text"));
        var error = Assert.IsType<RecordError>(Assert.Single(items.Skip(1)));
        Assert.Equal(3, error.Line);
        Assert.StartsWith("malformed JSON", error.Message, StringComparison.Ordinal);
    }
}

public sealed class RecordReaderJsonArrayTests
{
    [Fact]
    public void ContentAfterTheArray_IsReportedNotLost()
    {
        var reader = RecordReader.Create(new StringReader("[{\"text\": \"a\"}]\n{\"text\": \"b\"}\n"), RecordFormat.JsonLines);

        var items = reader.Read().ToList();

        Assert.Equal("a", Assert.IsType<InputRecord>(items[0]).Get("text"));
        var error = Assert.IsType<RecordError>(items[1]);
        Assert.Equal(2, error.Line);
        Assert.Contains("after the end of the JSON array", error.Message, StringComparison.Ordinal);
    }
}

public sealed class RecordReaderProperties
{
    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [FsCheck.Xunit.Property]
    public bool CsvWrittenWithRfc4180Quoting_ReadsBackTheSameFieldsAndLines(string?[][] table)
    {
        var rows = table.Where(r => r is not null).Select(r => Enumerable.Range(0, 3).Select(i => i < r.Length ? r[i] ?? "" : "").ToArray()).ToList();
        var csv = "a,b,c\r\n" + string.Concat(rows.Select(r => string.Join(',', r.Select(Quote)) + "\r\n"));

        var items = RecordReader.Create(new StringReader(csv), RecordFormat.Csv).Read().ToList();

        var expectedLine = 2;
        for (var i = 0; i < rows.Count; i++)
        {
            if (items[i] is not InputRecord record || record.Line != expectedLine || !record.Values.SequenceEqual(rows[i]))
            {
                return false;
            }
            expectedLine += 1 + rows[i].Sum(f => f.Count(c => c == '\n'));
        }
        return items.Count == rows.Count;
    }

    [FsCheck.Xunit.Property]
    public bool AnyText_OnlyFailsWithRecordFormatExceptionAndEveryItemHasAValidLine(string text)
    {
        var input = "id,text\n" + (text ?? "");
        var lines = input.Count(c => c == '\n') + input.Count(c => c == '\r') + 1;
        var items = RecordReader.Create(new StringReader(input), RecordFormat.Csv).Read().ToList();
        List<RecordItem> json;
        try
        {
            json = [.. RecordReader.Create(new StringReader(text ?? ""), RecordFormat.JsonLines).Read()];
        }
        catch (RecordFormatException)
        {
            json = [];
        }
        return items.All(i => i.Line >= 2 && i.Line <= lines) && json.All(i => i.Line >= 1 && i.Line <= lines);
    }
}
