using System.Text.Encodings.Web;
using System.Text.Json;
using Attune.Cli.Input;
using Attune.Core.Listening;

namespace Attune.Cli.Output;

/// <summary>Writes one JSON Lines object per read row: <c>{"line", "row", "text", "reading"}</c>
/// (documented in docs/reading-json.md).</summary>
internal sealed class ReadingLineWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;

    public ReadingLineWriter(Stream stream)
    {
        _stream = stream;
        _writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Writes the row's line, its other fields (kept as they were), the text read and the reading.</summary>
    public void Write(InputRecord record, int textField, string text, Reading reading)
    {
        _writer.WriteStartObject();
        _writer.WriteNumber("line", record.Line);
        _writer.WriteStartObject("row");
        for (var i = 0; i < record.Names.Count; i++)
        {
            if (i == textField)
            {
                continue;
            }
            _writer.WritePropertyName(record.Names[i]);
            if (record.Json is { } json)
            {
                _writer.WriteRawValue(json[i], skipInputValidation: true);
            }
            else
            {
                _writer.WriteStringValue(record.Values[i]);
            }
        }
        _writer.WriteEndObject();
        _writer.WriteString("text", text);
        _writer.WritePropertyName("reading");
        ReadingJson.Write(_writer, reading);
        _writer.WriteEndObject();
        _writer.Flush();
        _stream.WriteByte((byte)'\n');
        _writer.Reset();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
