using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Attune.App.Routing;

/// <summary>One problem in a YAML file: where it is, which field, what is wrong and what is allowed.</summary>
public sealed record YamlProblem(int Line, int Column, string Field, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Field}: {Message}";
}

/// <summary>A YAML file that failed to load or validate; <see cref="Problems"/> lists every problem found.</summary>
public sealed class YamlFileException(string file, IReadOnlyList<YamlProblem> problems)
    : Exception($"{file} is not valid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
{
    public IReadOnlyList<YamlProblem> Problems { get; } = problems;
}

/// <summary>Reads YAML nodes into values, collecting problems with positions instead of stopping at the first.</summary>
internal sealed class YamlReading
{
    public List<YamlProblem> Problems { get; } = [];

    public static YamlNode? Load(string text, List<YamlProblem> problems)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            problems.Add(new YamlProblem((int)e.Start.Line, (int)e.Start.Column, "(file)", "not valid YAML: " + (e.InnerException?.Message ?? e.Message)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some broken text (":\n{\ra"): the last thing it read is where it broke.
            var at = parser.Current?.End;
            problems.Add(new YamlProblem(Math.Max(1, (int)(at?.Line ?? 1)), Math.Max(1, (int)(at?.Column ?? 1)), "(file)",
                "not valid YAML: the text cannot be read past this point (an unclosed bracket or quote?)"));
            return null;
        }
    }

    public void Add(YamlNode node, string field, string message) =>
        Problems.Add(new YamlProblem((int)node.Start.Line, (int)node.Start.Column, field.Length == 0 ? "(file)" : field, message));

    public YamlMappingNode? Mapping(YamlNode node, string field, params string[] allowed)
    {
        if (node is not YamlMappingNode map)
        {
            Add(node, field, "expected a mapping (key: value lines)");
            return null;
        }
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(allowed, name) < 0)
            {
                Add(key, Join(field, name), $"unknown field; allowed: {string.Join(", ", allowed)}");
            }
        }
        return map;
    }

    public YamlSequenceNode? Sequence(YamlNode node, string field)
    {
        if (node is YamlSequenceNode seq)
        {
            return seq;
        }
        Add(node, field, "expected a list");
        return null;
    }

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? Text(YamlNode? node, string field, bool required = false, YamlNode? parent = null)
    {
        if (node is null)
        {
            if (required)
            {
                Add(parent ?? new YamlScalarNode(), field, "is required");
            }
            return null;
        }
        if (node is YamlScalarNode { Value: { } value } && !(value.Length == 0 && required))
        {
            return value;
        }
        Add(node, field, required ? "expected a non-empty text value" : "expected a text value");
        return null;
    }

    public double? Number(YamlNode? node, string field, double min, double max)
    {
        var text = Text(node, field);
        if (text is null)
        {
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < min || value > max)
        {
            Add(node!, field, $"expected a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, got '{text}'");
            return null;
        }
        return value;
    }

    public int? Integer(YamlNode? node, string field, int min)
    {
        var text = Text(node, field);
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            Add(node!, field, $"expected a whole number of at least {min}, got '{text}'");
            return null;
        }
        return value;
    }

    public bool? Bool(YamlNode? node, string field)
    {
        var text = Text(node, field);
        switch (text)
        {
            case null:
                return null;
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
            default:
                Add(node!, field, $"expected true or false, got '{text}'");
                return null;
        }
    }

    /// <summary>An enum value written in snake_case ("account_access", "life_event").</summary>
    public T? Enum<T>(YamlNode? node, string field)
        where T : struct, System.Enum
    {
        var text = Text(node, field);
        if (text is null)
        {
            return null;
        }
        if (System.Enum.TryParse<T>(text.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var value)
            && System.Enum.IsDefined(value))
        {
            return value;
        }
        Add(node!, field, $"'{text}' is not allowed; allowed: {string.Join(", ", System.Enum.GetNames<T>().Select(Snake))}");
        return null;
    }

    /// <summary>A list of items, or one item written alone.</summary>
    public static List<YamlNode> Items(YamlNode? node) =>
        node switch
        {
            null => [],
            YamlSequenceNode seq => [.. seq.Children],
            _ => [node],
        };

    /// <summary>A duration: "90s", "15m", "4h", "2d", "1h30m".</summary>
    public TimeSpan? Duration(YamlNode? node, string field)
    {
        var text = Text(node, field);
        if (text is null)
        {
            return null;
        }
        if (TryDuration(text, out var value))
        {
            return value;
        }
        Add(node!, field, $"expected a duration such as 30m, 4h, 2d or 1h30m (s, m, h, d), got '{text}'");
        return null;
    }

    public static bool TryDuration(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var i = 0;
        var any = false;
        text = text.Trim();
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
            // Up to about 270 years in any unit: beyond that a duration is a typo, and TimeSpan would overflow.
            if (i == start || i >= text.Length || !int.TryParse(text.AsSpan(start, i - start), CultureInfo.InvariantCulture, out var n) || n > 100_000)
            {
                return false;
            }
            value += char.ToLowerInvariant(text[i]) switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => TimeSpan.MinValue,
            };
            if (value < TimeSpan.Zero)
            {
                return false;
            }
            any = true;
            i++;
        }
        return any;
    }

    public static string Snake(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(pascal[i]));
        }
        return builder.ToString();
    }

    public static string Join(string field, string name) => field.Length == 0 ? name : field + "." + name;
}
