using System.Collections.Immutable;
using System.Text;

namespace Attune.Core.Coaching.Playbooks;

/// <summary>Parses the strict YAML subset of playbook files: block mappings, block lists of scalars, flow lists
/// <c>[a, b]</c>, plain / "double" / 'single' quoted scalars and <c>#</c> comments. Anything else is an error with
/// its line number, so a file that parses here is also valid YAML with the same meaning.</summary>
internal static class DataParser
{
    private readonly record struct Line(int Number, int Indent, string Content);

    public static MapNode Parse(string file, string text, List<PlaybookError> errors)
    {
        var lines = new List<Line>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r', ' ', '\t');
            var indent = 0;
            while (indent < line.Length && line[indent] == ' ')
            {
                indent++;
            }
            if (indent == line.Length || line[indent] == '#')
            {
                continue;
            }
            if (line[indent] == '\t')
            {
                errors.Add(new PlaybookError(file, number, "", "indent with spaces, not tabs"));
                continue;
            }
            if (number == 1 && line == "---")
            {
                continue;
            }
            lines.Add(new Line(number, indent, line[indent..]));
        }

        var parser = new State(file, lines, errors);
        if (lines.Count == 0)
        {
            return new MapNode(1, []);
        }
        if (lines[0].Indent != 0)
        {
            errors.Add(new PlaybookError(file, lines[0].Number, "", "the first key must start at column 1"));
        }
        var root = parser.Block(lines[0].Indent);
        if (parser.Position < lines.Count)
        {
            errors.Add(new PlaybookError(file, lines[parser.Position].Number, "", "unexpected indentation"));
        }
        if (root is MapNode map)
        {
            return map;
        }
        errors.Add(new PlaybookError(file, root.Line, "", "the file must be a mapping of keys to values, not a list"));
        return new MapNode(root.Line, []);
    }

    private sealed class State(string file, List<Line> lines, List<PlaybookError> errors)
    {
        public int Position { get; private set; }

        public DataNode Block(int indent)
        {
            var first = lines[Position];
            return first.Content.StartsWith("- ", StringComparison.Ordinal) || first.Content == "-" ? List(indent) : Map(indent);
        }

        private ListNode List(int indent)
        {
            var startLine = lines[Position].Number;
            var items = ImmutableArray.CreateBuilder<DataNode>();
            while (Position < lines.Count && lines[Position].Indent == indent)
            {
                var line = lines[Position];
                if (!(line.Content.StartsWith("- ", StringComparison.Ordinal) || line.Content == "-"))
                {
                    errors.Add(new PlaybookError(file, line.Number, "", "expected a list item '- …' here (a list and a key cannot share an indentation level)"));
                    Position++;
                    continue;
                }
                Position++;
                var value = line.Content.Length > 1 ? line.Content[2..].TrimStart() : "";
                if (value.Length == 0)
                {
                    errors.Add(new PlaybookError(file, line.Number, "", "empty list item"));
                    continue;
                }
                if (KeyEnd(value) > 0)
                {
                    errors.Add(new PlaybookError(file, line.Number, "", "lists of mappings are not supported; use a mapping of names to values instead"));
                    continue;
                }
                items.Add(Value(line.Number, value));
                SkipDeeper(indent, "a list item cannot have nested content");
            }
            return new ListNode(startLine, items.ToImmutable());
        }

        private MapNode Map(int indent)
        {
            var startLine = lines[Position].Number;
            var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, DataNode>>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (Position < lines.Count && lines[Position].Indent == indent)
            {
                var line = lines[Position];
                Position++;
                var colon = KeyEnd(line.Content);
                if (colon <= 0)
                {
                    errors.Add(new PlaybookError(file, line.Number, "", line.Content.StartsWith('-')
                        ? "expected 'key: value' here, found a list item (a list and a key cannot share an indentation level)"
                        : "expected 'key: value' (keys are letters, digits, '-', '_' and '.', followed by ': ')"));
                    SkipDeeper(indent, null);
                    continue;
                }
                var key = line.Content[..colon];
                var rest = line.Content[(colon + 1)..].Trim();
                if (!seen.Add(key))
                {
                    errors.Add(new PlaybookError(file, line.Number, key, "duplicate key"));
                }
                DataNode value;
                if (rest.Length > 0 && rest[0] != '#')
                {
                    value = Value(line.Number, rest);
                    SkipDeeper(indent, "a key with a value on its line cannot also have an indented block");
                }
                else if (Position < lines.Count && lines[Position].Indent > indent)
                {
                    value = Block(lines[Position].Indent);
                }
                else if (Position < lines.Count && lines[Position].Indent == indent && lines[Position].Content.StartsWith("- ", StringComparison.Ordinal))
                {
                    // YAML allows a block list at the same indentation as its key.
                    value = List(indent);
                }
                else
                {
                    value = new ScalarNode(line.Number, "");
                }
                entries.Add(new(key, value));
            }
            if (Position < lines.Count && lines[Position].Indent > indent)
            {
                errors.Add(new PlaybookError(file, lines[Position].Number, "", "unexpected indentation"));
                SkipDeeper(indent, null);
            }
            return new MapNode(startLine, entries.ToImmutable());
        }

        private void SkipDeeper(int indent, string? message)
        {
            var reported = message is null;
            while (Position < lines.Count && lines[Position].Indent > indent)
            {
                if (!reported)
                {
                    errors.Add(new PlaybookError(file, lines[Position].Number, "", message!));
                    reported = true;
                }
                Position++;
            }
        }

        private DataNode Value(int number, string text)
        {
            if (text[0] == '[')
            {
                return FlowList(number, text);
            }
            var scalar = Scalar(number, text, out var rest);
            rest = rest.TrimStart();
            if (rest.Length > 0 && rest[0] != '#')
            {
                errors.Add(new PlaybookError(file, number, "", $"unexpected text after the value: '{rest}'"));
            }
            return new ScalarNode(number, scalar);
        }

        private ListNode FlowList(int number, string text)
        {
            var items = ImmutableArray.CreateBuilder<DataNode>();
            var rest = text[1..].TrimStart();
            while (true)
            {
                if (rest.Length == 0)
                {
                    errors.Add(new PlaybookError(file, number, "", "a list started with '[' must end with ']' on the same line"));
                    break;
                }
                if (rest[0] == ']')
                {
                    var after = rest[1..].TrimStart();
                    if (after.Length > 0 && after[0] != '#')
                    {
                        errors.Add(new PlaybookError(file, number, "", $"unexpected text after ']': '{after}'"));
                    }
                    break;
                }
                var value = Scalar(number, rest, out rest, inFlow: true);
                items.Add(new ScalarNode(number, value));
                rest = rest.TrimStart();
                if (rest.Length > 0 && rest[0] == ',')
                {
                    rest = rest[1..].TrimStart();
                }
                else if (rest.Length > 0 && rest[0] != ']')
                {
                    errors.Add(new PlaybookError(file, number, "", $"expected ',' or ']' in the list, found '{rest}'"));
                    break;
                }
            }
            return new ListNode(number, items.ToImmutable());
        }

        private string Scalar(int number, string text, out string rest, bool inFlow = false)
        {
            if (text[0] is '"' or '\'')
            {
                return Quoted(number, text, out rest);
            }
            if (text[0] is '{' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`' or '[' or ']' or ',' or '?')
            {
                errors.Add(new PlaybookError(file, number, "", $"a value starting with '{text[0]}' must be quoted"));
            }
            var end = text.Length;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '#' && i > 0 && text[i - 1] == ' ')
                {
                    end = i;
                    break;
                }
                if (inFlow && text[i] is ',' or ']')
                {
                    end = i;
                    break;
                }
                if (inFlow && text[i] is '{' or '}' or '[')
                {
                    errors.Add(new PlaybookError(file, number, "", $"a list item containing '{text[i]}' must be quoted"));
                    end = text.IndexOfAny([',', ']'], i) is var e and >= 0 ? e : text.Length;
                    break;
                }
                if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' '))
                {
                    errors.Add(new PlaybookError(file, number, "", "a value containing ': ' must be quoted"));
                    break;
                }
            }
            rest = text[end..];
            return text[..end].Trim();
        }

        private string Quoted(int number, string text, out string rest)
        {
            var quote = text[0];
            var sb = new StringBuilder();
            for (var i = 1; i < text.Length; i++)
            {
                var c = text[i];
                if (quote == '\'' && c == '\'')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        sb.Append('\'');
                        i++;
                        continue;
                    }
                    rest = text[(i + 1)..];
                    return sb.ToString();
                }
                if (quote == '"' && c == '\\' && i + 1 < text.Length)
                {
                    var next = text[++i];
                    sb.Append(next switch { 'n' => '\n', 't' => '\t', _ => next });
                    continue;
                }
                if (quote == '"' && c == '"')
                {
                    rest = text[(i + 1)..];
                    return sb.ToString();
                }
                sb.Append(c);
            }
            errors.Add(new PlaybookError(file, number, "", $"unterminated {(quote == '"' ? "double" : "single")}-quoted value"));
            rest = "";
            return sb.ToString();
        }

        // Index of the ':' ending a key at the start of the text, or -1.
        private static int KeyEnd(string text)
        {
            var i = 0;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.'))
            {
                i++;
            }
            return i > 0 && i < text.Length && text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' ') ? i : -1;
        }
    }
}
