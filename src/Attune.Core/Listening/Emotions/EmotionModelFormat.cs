using System.Globalization;
using System.Text;

namespace Attune.Core.Listening.Emotions;

/// <summary>Reads and writes the text format of <c>emotions.model</c> (see Resources/listening/emotions-model.md).</summary>
internal static class EmotionModelFormat
{
    public const string Magic = "attune-emotions";
    public const int Version = 1;

    private static readonly char[] Space = [' '];

    /// <summary>Writes <paramref name="model"/> with its comment lines.</summary>
    public static string Write(EmotionModelData model, IEnumerable<string> comments)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(model.RowCount * 40);
        sb.Append(c, $"{Magic} {Version}\n");
        foreach (var comment in comments)
        {
            sb.Append("# ").Append(comment).Append('\n');
        }
        sb.Append("features ").Append(model.Scheme.Describe()).Append('\n');
        sb.Append("labels ").AppendJoin(' ', EmotionHeads.Names).Append('\n');
        sb.Append("thresholds ").AppendJoin(' ', model.Thresholds.Select(t => t.ToString("0.###", c))).Append('\n');
        sb.Append("bias ").AppendJoin(' ', model.Bias.Select(b => b.ToString("0.####", c))).Append('\n');
        sb.Append(c, $"scale {model.Scale}\n");
        sb.Append(c, $"rows {model.RowCount}\n");
        foreach (var (hash, row) in model.Rows.Entries().OrderBy(p => p.Hash))
        {
            sb.Append(hash.ToString("x8", c));
            for (var h = 0; h < EmotionHeads.Count; h++)
            {
                sb.Append(' ').Append(model.Weights[(row * EmotionHeads.Count) + h].ToString(c));
            }
            sb.Append('\n');
        }
        sb.Append("end\n");
        return sb.ToString();
    }

    /// <summary>Parses a model; throws <see cref="FormatException"/> naming the source, line and problem.</summary>
    public static EmotionModelData Parse(string text, string source)
    {
        var reader = new LineReader(text, source);
        var header = reader.Next("the header");
        if (header != $"{Magic} {Version}")
        {
            throw reader.Error($"expected header '{Magic} {Version}', found '{Shorten(header)}'");
        }
        var scheme = ParseScheme(reader, reader.Field("features"));
        var labels = reader.Field("labels").Split(' ');
        if (!labels.SequenceEqual(EmotionHeads.Names))
        {
            throw reader.Error($"expected labels '{string.Join(' ', EmotionHeads.Names)}'");
        }
        var thresholds = ParseDoubles(reader, reader.Field("thresholds"), "threshold");
        foreach (var t in thresholds)
        {
            if (!(t > 0 && t < 1))
            {
                throw reader.Error($"threshold {t.ToString(CultureInfo.InvariantCulture)} is not strictly between 0 and 1");
            }
        }
        var bias = ParseDoubles(reader, reader.Field("bias"), "bias");
        var scale = ParseInt(reader, reader.Field("scale"), "scale");
        if (scale <= 0)
        {
            throw reader.Error("scale must be a positive integer");
        }
        var count = ParseInt(reader, reader.Field("rows"), "row count");
        if (count < 0)
        {
            throw reader.Error("row count must not be negative");
        }

        var rows = new uint[count];
        var seen = new HashSet<uint>();
        var weights = new sbyte[count * EmotionHeads.Count];
        for (var r = 0; r < count; r++)
        {
            var line = reader.Next($"row {r + 1} of {count}");
            var parts = line.Split(Space);
            if (parts.Length != EmotionHeads.Count + 1)
            {
                throw reader.Error($"expected a feature hash and {EmotionHeads.Count} weights, found {parts.Length} fields");
            }
            if (!uint.TryParse(parts[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hash) || parts[0].Length != 8)
            {
                throw reader.Error($"'{Shorten(parts[0])}' is not an 8-digit hexadecimal feature hash");
            }
            rows[r] = hash;
            if (!seen.Add(hash))
            {
                throw reader.Error($"feature hash {parts[0]} appears twice");
            }
            for (var h = 0; h < EmotionHeads.Count; h++)
            {
                if (!sbyte.TryParse(parts[h + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var q))
                {
                    throw reader.Error($"weight {h + 1} ('{Shorten(parts[h + 1])}') is not an integer from -128 to 127");
                }
                weights[(r * EmotionHeads.Count) + h] = q;
            }
        }
        if (reader.Next("the 'end' line") != "end")
        {
            throw reader.Error($"expected 'end' after {count} rows");
        }
        return new EmotionModelData(scheme, new FeatureTable(rows), weights, scale, bias, thresholds);
    }

    private static EmotionFeatureScheme ParseScheme(LineReader reader, string value)
    {
        var parts = value.Split(' ');
        if (parts.Length != 5 || parts[0] != "unigram")
        {
            throw reader.Error("expected 'features unigram bigram=B negation=N prefix=P shape=S'");
        }
        int Get(int index, string name)
        {
            var part = parts[index];
            if (!part.StartsWith(name + "=", StringComparison.Ordinal)
                || !int.TryParse(part.AsSpan(name.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                throw reader.Error($"expected '{name}=<number>', found '{Shorten(part)}'");
            }
            return v;
        }
        return new EmotionFeatureScheme(Get(1, "bigram") != 0, Get(2, "negation"), Get(3, "prefix"), Get(4, "shape") != 0);
    }

    private static double[] ParseDoubles(LineReader reader, string value, string what)
    {
        var parts = value.Split(' ');
        if (parts.Length != EmotionHeads.Count)
        {
            throw reader.Error($"expected {EmotionHeads.Count} {what} values, found {parts.Length}");
        }
        var result = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out result[i]) || !double.IsFinite(result[i]))
            {
                throw reader.Error($"{what} {i + 1} ('{Shorten(parts[i])}') is not a number");
            }
        }
        return result;
    }

    private static int ParseInt(LineReader reader, string value, string what) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw reader.Error($"{what} '{Shorten(value)}' is not an integer");

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>Walks the lines of the file, skipping comments and blank lines, remembering the line number.</summary>
    private sealed class LineReader(string text, string source)
    {
        private int _position;

        public int Line { get; private set; }

        public string Next(string expected)
        {
            while (_position < text.Length)
            {
                var end = text.IndexOf('\n', _position);
                if (end < 0)
                {
                    end = text.Length;
                }
                var line = text.AsSpan(_position, end - _position).TrimEnd('\r');
                _position = end + 1;
                Line++;
                if (line.IsEmpty || line[0] == '#')
                {
                    continue;
                }
                return line.ToString();
            }
            Line++;
            throw Error($"the file ends where {expected} was expected");
        }

        public string Field(string name)
        {
            var line = Next($"the '{name}' line");
            return line.StartsWith(name + " ", StringComparison.Ordinal)
                ? line[(name.Length + 1)..]
                : throw Error($"expected the '{name}' line, found '{Shorten(line)}'");
        }

        public FormatException Error(string message) => new($"{source} line {Line}: {message}.");
    }
}
