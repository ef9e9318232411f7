using System.Text;
using System.Text.Json;

namespace Attune.Cli.Input;

/// <summary>The formats <see cref="RecordReader"/> reads.</summary>
internal enum RecordFormat
{
    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,

    /// <summary>JSON Lines: one JSON object per line.</summary>
    JsonLines,
}

/// <summary>One item read from a file: a good <see cref="InputRecord"/> or a bad row (<see cref="RecordError"/>).</summary>
/// <param name="Line">The 1-based line of the file where the row starts.</param>
internal abstract record RecordItem(int Line);

/// <summary>A bad row: where it starts and what is wrong with it. Reading goes on after it.</summary>
internal sealed record RecordError(int Line, string Message) : RecordItem(Line)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>A good row: its fields by name, in file order.</summary>
/// <param name="Line">The 1-based line where the row starts (a CSV row with quoted newlines spans several lines).</param>
/// <param name="Names">The field names: the CSV header, or the JSON object's keys in order.</param>
/// <param name="Values">Each field as text: CSV fields as written; JSON strings unescaped, other JSON values as
/// their JSON text, JSON null as null.</param>
/// <param name="Json">JSON Lines only: each field's original JSON text, so numbers, objects and nulls are kept as
/// they were; null for CSV.</param>
internal sealed record InputRecord(int Line, IReadOnlyList<string> Names, IReadOnlyList<string?> Values, IReadOnlyList<string>? Json)
    : RecordItem(Line)
{
    /// <summary>The index of the field named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The text of the field named <paramref name="name"/>; null when absent or JSON null.</summary>
    public string? Get(string name)
    {
        var i = IndexOf(name);
        return i < 0 ? null : Values[i];
    }
}

/// <summary>The file cannot be read as records at all (no header, not the expected format).</summary>
internal sealed class RecordFormatException(string message) : Exception(message);

/// <summary>Reads CSV (RFC 4180) or JSON Lines as records with line numbers. Bad rows come out as
/// <see cref="RecordError"/> items and reading goes on, so one broken row never loses the good ones.</summary>
/// <remarks>CSV: the first row is the header; fields may be quoted, with doubled quotes and newlines inside
/// quotes; blank lines are skipped; a row with a different number of fields than the header is a bad row; an
/// unterminated quote makes its row bad and reading resumes on the line after the one where the quote opened.
/// JSON Lines: blank lines are skipped; a line that is not a JSON object is a bad row. A file that starts with
/// <c>[</c> is read as one JSON array of objects (whole, into memory), each element at the line where it starts. A UTF-8 byte-order mark is
/// ignored. Not thread-safe; <see cref="Read"/> may be enumerated once.</remarks>
internal sealed class RecordReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly CharSource _source;
    private readonly Queue<RecordItem> _pending = new();
    private int _line = 1;
    private bool _started;

    private RecordReader(TextReader reader, RecordFormat format)
    {
        _reader = reader;
        _source = new CharSource(reader);
        Format = format;
        Columns = format == RecordFormat.Csv ? ReadHeader() : PeekJsonColumns();
    }

    /// <summary>The format being read.</summary>
    public RecordFormat Format { get; }

    /// <summary>The column names: the CSV header, or the keys of the first good JSON object (empty when none).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The format a file name implies: .csv → CSV, .jsonl / .ndjson / .json → JSON Lines; null otherwise.</summary>
    public static RecordFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => RecordFormat.Csv,
        ".jsonl" or ".ndjson" or ".json" => RecordFormat.JsonLines,
        _ => null,
    };

    /// <summary>Parses a format name given by a user: csv, jsonl (or json, ndjson).</summary>
    public static RecordFormat? ParseFormat(string name) => name.ToLowerInvariant() switch
    {
        "csv" => RecordFormat.Csv,
        "jsonl" or "json" or "ndjson" or "jsonlines" => RecordFormat.JsonLines,
        _ => null,
    };

    /// <summary>Starts reading <paramref name="reader"/>; reads the header (CSV) or up to the first good object (JSON Lines).</summary>
    /// <exception cref="RecordFormatException">The CSV input has no header row.</exception>
    public static RecordReader Create(TextReader reader, RecordFormat format) => new(reader, format);

    /// <summary>Opens a file; the format comes from <paramref name="format"/> or else the extension.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="RecordFormatException">The format cannot be told, or the file is unusable.</exception>
    public static RecordReader Open(string path, RecordFormat? format = null)
    {
        var chosen = format ?? FormatOf(path)
            ?? throw new RecordFormatException($"cannot tell the format of '{path}' from its extension: use .csv or .jsonl, or say --format csv|jsonl");
        var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        try
        {
            return new RecordReader(reader, chosen);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The rows after the header, in file order, good and bad.</summary>
    public IEnumerable<RecordItem> Read()
    {
        if (_started)
        {
            throw new InvalidOperationException("Read() may be enumerated once.");
        }
        _started = true;
        while (_pending.TryDequeue(out var item))
        {
            yield return item;
        }
        if (Format == RecordFormat.Csv)
        {
            while (NextCsvItem() is { } item)
            {
                yield return item;
            }
        }
        else
        {
            while (NextJsonItem() is { } item)
            {
                yield return item;
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    private string[] ReadHeader()
    {
        while (true)
        {
            var row = ParseCsvRow();
            switch (row.Kind)
            {
                case CsvRowKind.End:
                    throw new RecordFormatException("the file is empty: a CSV file needs a header row naming its columns");
                case CsvRowKind.Blank:
                    continue;
                case CsvRowKind.Unterminated:
                    throw new RecordFormatException($"the header row has an unterminated quote starting at line {row.QuoteLine}");
                default:
                    return [.. row.Fields.Select(f => f.Trim())];
            }
        }
    }

    private RecordItem? NextCsvItem()
    {
        while (true)
        {
            var row = ParseCsvRow();
            switch (row.Kind)
            {
                case CsvRowKind.End:
                    return null;
                case CsvRowKind.Blank:
                    continue;
                case CsvRowKind.Unterminated:
                    return new RecordError(row.Line, $"unterminated quote starting at line {row.QuoteLine}; reading resumes at line {row.QuoteLine + 1}");
                default:
                    if (row.Fields.Count != Columns.Count)
                    {
                        return new RecordError(row.Line, $"wrong field count: expected {Columns.Count} fields (as in the header), found {row.Fields.Count}");
                    }
                    return new InputRecord(row.Line, Columns, row.Fields, null);
            }
        }
    }

    private enum CsvRowKind
    {
        Row,
        Blank,
        Unterminated,
        End,
    }

    private readonly record struct CsvRow(CsvRowKind Kind, int Line, List<string> Fields, int QuoteLine);

    private CsvRow ParseCsvRow()
    {
        var startLine = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var raw = new StringBuilder();
        var inQuotes = false;
        var quoted = false;
        var quoteLine = 0;
        var resumeAt = -1;
        while (true)
        {
            var c = _source.Read();
            if (c < 0)
            {
                if (inQuotes)
                {
                    // Recover: everything after the line where the quote opened is read again as fresh rows.
                    if (resumeAt >= 0)
                    {
                        _source.PushBack(raw.ToString(resumeAt, raw.Length - resumeAt));
                        _line = quoteLine + 1;
                    }
                    return new CsvRow(CsvRowKind.Unterminated, startLine, fields, quoteLine);
                }
                if (raw.Length == 0)
                {
                    return new CsvRow(CsvRowKind.End, startLine, fields, 0);
                }
                fields.Add(field.ToString());
                return new CsvRow(CsvRowKind.Row, startLine, fields, 0);
            }
            var ch = (char)c;
            raw.Append(ch);
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (_source.Peek() == '"')
                    {
                        raw.Append((char)_source.Read());
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        _line++;
                        if (resumeAt < 0)
                        {
                            resumeAt = raw.Length;
                        }
                    }
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    quoted = false;
                    break;
                case '\r' or '\n':
                    if (ch == '\r' && _source.Peek() == '\n')
                    {
                        _source.Read();
                    }
                    _line++;
                    if (fields.Count == 0 && field.Length == 0 && !quoted)
                    {
                        return new CsvRow(CsvRowKind.Blank, startLine, fields, 0);
                    }
                    fields.Add(field.ToString());
                    return new CsvRow(CsvRowKind.Row, startLine, fields, 0);
                case '"' when field.Length == 0 && !quoted:
                    inQuotes = true;
                    quoted = true;
                    quoteLine = _line;
                    break;
                default:
                    // Lenient: a stray quote inside an unquoted field, or text after a closing quote, is kept as text.
                    field.Append(ch);
                    break;
            }
        }
    }

    private string[] PeekJsonColumns()
    {
        while (_source.ReadLine() is { } first)
        {
            var line = _line++;
            if (string.IsNullOrWhiteSpace(first))
            {
                continue;
            }
            if (first.TrimStart().StartsWith('['))
            {
                ReadJsonArray(first + "\n" + _source.ReadToEnd(), line);
            }
            else
            {
                _pending.Enqueue(ParseJsonLine(line, first));
            }
            break;
        }
        foreach (var item in _pending)
        {
            if (item is InputRecord record)
            {
                return [.. record.Names];
            }
        }
        while (NextJsonItem() is { } item)
        {
            _pending.Enqueue(item);
            if (item is InputRecord record)
            {
                return [.. record.Names];
            }
        }
        return [];
    }

    /// <summary>A .json file holding one array of objects: read whole (it is one JSON value), each element a row
    /// at the line where it starts. A syntax error ends the array: it is reported at its line, the elements before
    /// it are kept.</summary>
    private void ReadJsonArray(string text, int firstLine)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var line = firstLine;
        var counted = 0L;
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                line += bytes.AsSpan((int)counted, (int)(reader.TokenStartIndex - counted)).Count((byte)'\n');
                counted = reader.TokenStartIndex;
                using var element = JsonDocument.ParseValue(ref reader);
                _pending.Enqueue(ToItem(line, element.RootElement));
            }
            var after = (int)reader.BytesConsumed;
            var extra = bytes.AsSpan(after).IndexOfAnyExcept(" \t\r\n"u8);
            if (extra >= 0)
            {
                line += bytes.AsSpan((int)counted, after + extra - (int)counted).Count((byte)'\n');
                _pending.Enqueue(new RecordError(line, "content after the end of the JSON array was not read: a .json file holds one array, or one object per line (JSON Lines)"));
            }
        }
        catch (JsonException e)
        {
            _pending.Enqueue(new RecordError(firstLine + (int)(e.LineNumber ?? 0), $"malformed JSON: {FirstSentence(e.Message)}; the rest of the array cannot be read"));
        }
    }

    private RecordItem? NextJsonItem()
    {
        while (true)
        {
            var text = _source.ReadLine();
            if (text is null)
            {
                return null;
            }
            var line = _line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            return ParseJsonLine(line, text);
        }
    }

    private static RecordItem ParseJsonLine(int line, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return ToItem(line, document.RootElement);
        }
        catch (JsonException e)
        {
            return new RecordError(line, $"malformed JSON: {FirstSentence(e.Message)}");
        }
    }

    private static RecordItem ToItem(int line, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new RecordError(line, $"expected a JSON object, found {Describe(root.ValueKind)}");
        }
        var names = new List<string>();
        var values = new List<string?>();
        var json = new List<string>();
        foreach (var property in root.EnumerateObject())
        {
            names.Add(property.Name);
            values.Add(property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            });
            json.Add(property.Value.GetRawText());
        }
        return new InputRecord(line, names, values, json);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    // JsonException messages end with "Path: $ | LineNumber: 0 | BytePositionInLine: 7."; keep the part that reads well.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>Characters from a reader with push-back, so a broken CSV row can be read again as fresh rows.</summary>
    private sealed class CharSource(TextReader reader)
    {
        private readonly char[] _buffer = new char[16 * 1024];
        private string _pushed = string.Empty;
        private int _pushedAt;
        private int _position;
        private int _length;

        public int Read()
        {
            if (_pushedAt < _pushed.Length)
            {
                return _pushed[_pushedAt++];
            }
            if (_position == _length && !Fill())
            {
                return -1;
            }
            return _buffer[_position++];
        }

        public int Peek()
        {
            if (_pushedAt < _pushed.Length)
            {
                return _pushed[_pushedAt];
            }
            if (_position == _length && !Fill())
            {
                return -1;
            }
            return _buffer[_position];
        }

        public void PushBack(string text)
        {
            _pushed = string.Concat(text, _pushed.AsSpan(_pushedAt));
            _pushedAt = 0;
        }

        /// <summary>Everything not read yet.</summary>
        public string ReadToEnd()
        {
            var rest = new StringBuilder();
            rest.Append(_pushed.AsSpan(_pushedAt));
            _pushedAt = _pushed.Length;
            rest.Append(_buffer, _position, _length - _position);
            _position = _length;
            rest.Append(reader.ReadToEnd());
            return rest.ToString();
        }

        /// <summary>A line without its terminator (\n, \r\n or \r), or null at the end.</summary>
        public string? ReadLine()
        {
            var c = Read();
            if (c < 0)
            {
                return null;
            }
            var line = new StringBuilder();
            while (c >= 0 && c != '\n' && c != '\r')
            {
                line.Append((char)c);
                c = Read();
            }
            if (c == '\r' && Peek() == '\n')
            {
                Read();
            }
            return line.ToString();
        }

        private bool Fill()
        {
            _length = reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length <= 0)
            {
                _length = 0;
                return false;
            }
            return true;
        }
    }
}
