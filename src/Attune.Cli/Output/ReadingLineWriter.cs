using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Attune.Cli.Input;
using Attune.Core.Listening;

namespace Attune.Cli.Output;

/// <summary>Writes one JSON Lines object per read row: <c>{"line", "row", "text", "reading"}</c>
/// (documented in docs/reading-json.md). Lines are encoded on any thread, then written in order.</summary>
internal sealed class ReadingLineWriter(Stream stream) : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>Encodes the row's line, its other fields (kept as they were), the text read and the reading, with
    /// the trailing newline. Thread-safe.</summary>
    public static byte[] Encode(InputRecord record, int textField, string text, Reading reading)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", record.Line);
            writer.WriteStartObject("row");
            for (var i = 0; i < record.Names.Count; i++)
            {
                if (i == textField)
                {
                    continue;
                }
                writer.WritePropertyName(record.Names[i]);
                if (record.Json is { } json)
                {
                    writer.WriteRawValue(json[i], skipInputValidation: true);
                }
                else
                {
                    writer.WriteStringValue(record.Values[i]);
                }
            }
            writer.WriteEndObject();
            writer.WriteString("text", text);
            writer.WritePropertyName("reading");
            ReadingJson.Write(writer, reading);
            writer.WriteEndObject();
        }
        var line = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }

    public void Write(byte[] line) => stream.Write(line);

    public void Dispose() => stream.Dispose();
}
