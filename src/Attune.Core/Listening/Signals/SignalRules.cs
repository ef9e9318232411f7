using System.Collections.Immutable;
using System.Globalization;
using Attune.Core.Resources;
using Attune.Core.Text.Patterns;

namespace Attune.Core.Listening.Signals;

/// <summary>The rules of the listening signals (format in Resources/listening/signals.md), with one
/// <see cref="PhraseMatcher"/> over all of them: entry i of the matcher is <see cref="Rules"/>[i].</summary>
internal sealed class SignalRules
{
    private const string Resource = "listening/signals.rules";

    private SignalRules(ImmutableArray<SignalRule> rules)
    {
        Rules = rules;
        var entries = new (string, PhrasePattern)[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            entries[i] = (rules[i].Id, rules[i].Pattern);
        }
        Matcher = new PhraseMatcher(entries);
    }

    public ImmutableArray<SignalRule> Rules { get; }

    public PhraseMatcher Matcher { get; }

    public static SignalRules LoadEmbedded() => Parse(EmbeddedResource.ReadText(Resource));

    /// <summary>Parses the rules text; throws <see cref="SignalRulesException"/> listing every bad line.</summary>
    public static SignalRules Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = ImmutableArray.CreateBuilder<SignalRule>();
        var errors = new List<SignalRulesError>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        SignalKind? section = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            if (line[0] == '[')
            {
                section = ParseSection(line, lineNumber, errors) ?? section;
                continue;
            }
            if (section is null)
            {
                errors.Add(new(lineNumber, "section", "a rule before any section; start with [vulnerability], [urgency], [effort], [churn], [topic] or [modifier]"));
                continue;
            }
            var rule = ParseRule(section.Value, line, lineNumber, errors);
            if (rule is null)
            {
                continue;
            }
            if (ids.TryGetValue(rule.Id, out var first))
            {
                errors.Add(new(lineNumber, "id", $"'{rule.Id}' is already used on line {first}; ids must be unique"));
                continue;
            }
            ids[rule.Id] = lineNumber;
            rules.Add(rule);
        }
        if (errors.Count > 0)
        {
            throw new SignalRulesException(errors);
        }
        return new SignalRules(rules.ToImmutable());
    }

    private static SignalKind? ParseSection(string line, int lineNumber, List<SignalRulesError> errors)
    {
        SignalKind? kind = line switch
        {
            "[vulnerability]" => SignalKind.Vulnerability,
            "[urgency]" => SignalKind.Urgency,
            "[effort]" => SignalKind.Effort,
            "[churn]" => SignalKind.Churn,
            "[topic]" => SignalKind.Topic,
            "[modifier]" => SignalKind.Modifier,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add(new(lineNumber, "section", $"unknown section '{line}'; allowed: [vulnerability], [urgency], [effort], [churn], [topic], [modifier]"));
        }
        return kind;
    }

    private static SignalRule? ParseRule(SignalKind section, string line, int n, List<SignalRulesError> errors)
    {
        var (count, layout) = section switch
        {
            SignalKind.Vulnerability => (4, "id | Driver/Characteristic | confidence | pattern"),
            SignalKind.Urgency => (3, "id | level | pattern"),
            SignalKind.Effort => (4, "id | kind | weight | pattern"),
            SignalKind.Churn => (3, "id | score | pattern"),
            SignalKind.Topic => (4, "id | Topic | weight | pattern"),
            _ => (4, "id | kind | window | pattern"),
        };
        // The pattern is the last field, so its own '|' (alternatives) stay in it.
        var fields = line.Split('|', count);
        if (fields.Length < count)
        {
            errors.Add(new(n, "line", $"has {fields.Length} field(s) separated by '|'; [{section.ToString().ToLowerInvariant()}] lines are: {layout}"));
            return null;
        }
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = fields[i].Trim();
        }
        var before = errors.Count;
        var id = fields[0];
        if (id.Length == 0 || id.AsSpan().ContainsAny(" \t()"))
        {
            errors.Add(new(n, "id", $"'{id}' is not an id; write a dotted name without spaces, e.g. bereavement.passed-away"));
        }
        var patternText = fields[^1];
        PhrasePattern? pattern = null;
        try
        {
            pattern = PhrasePattern.Parse(patternText);
        }
        catch (PhrasePatternException e)
        {
            errors.Add(new(n, "pattern", $"column {e.Column}: {e.Problem} (in \"{patternText}\")"));
        }

        var rule = new SignalRule(id, section, n, pattern!);
        switch (section)
        {
            case SignalKind.Vulnerability:
                rule = rule with
                {
                    Characteristic = ParseCharacteristic(fields[1], n, errors),
                    Weight = ParseUnit(fields[2], "confidence", n, errors),
                };
                break;
            case SignalKind.Urgency:
                rule = rule with { Level = ParseLevel(fields[1], n, errors) };
                break;
            case SignalKind.Effort:
                rule = ParseEffortKind(rule, fields[1], n, errors) with { Weight = ParseUnit(fields[2], "weight", n, errors) };
                break;
            case SignalKind.Churn:
                rule = rule with { Weight = ParseUnit(fields[1], "score", n, errors) };
                break;
            case SignalKind.Topic:
                rule = rule with
                {
                    Topic = ParseEnum<Topic>(fields[1], "topic", n, errors),
                    Weight = ParseUnit(fields[2], "weight", n, errors),
                };
                break;
            default:
                rule = rule with
                {
                    Modifier = ParseModifier(fields[1], n, errors),
                    Window = ParseWindow(fields[2], n, errors),
                };
                break;
        }
        return errors.Count == before ? rule : null;
    }

    private static VulnerabilityCharacteristic ParseCharacteristic(string field, int n, List<SignalRulesError> errors)
    {
        var slash = field.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            errors.Add(new(n, "characteristic", $"'{field}' is not Driver/Characteristic, e.g. LifeEvent/Bereavement"));
            return default;
        }
        var before = errors.Count;
        var driver = ParseEnum<VulnerabilityDriver>(field[..slash], "driver", n, errors);
        var characteristic = ParseEnum<VulnerabilityCharacteristic>(field[(slash + 1)..], "characteristic", n, errors);
        if (errors.Count == before)
        {
            var expected = VulnerabilityDrivers.Of(characteristic);
            if (expected != driver)
            {
                errors.Add(new(n, "driver", $"{characteristic} belongs to the driver {expected}, not {driver}"));
            }
        }
        return characteristic;
    }

    private static UrgencyLevel ParseLevel(string field, int n, List<SignalRulesError> errors)
    {
        var level = ParseEnum<UrgencyLevel>(field, "level", n, errors);
        if (level == UrgencyLevel.Normal)
        {
            errors.Add(new(n, "level", "'Normal' is what a message without urgency rules gets; allowed: Low, High, Critical"));
        }
        return level;
    }

    private static SignalRule ParseEffortKind(SignalRule rule, string field, int n, List<SignalRulesError> errors)
    {
        const string Allowed = "allowed: repeat, wait, retry, transfer, hop, channel:<name> (e.g. channel:phone)";
        if (field.StartsWith("channel:", StringComparison.Ordinal))
        {
            var name = field["channel:".Length..];
            if (name.Length == 0)
            {
                errors.Add(new(n, "kind", "'channel:' needs a channel name, e.g. channel:phone"));
            }
            return rule with { Effort = EffortKind.Channel, Channel = name };
        }
        EffortKind? kind = field switch
        {
            "repeat" => EffortKind.Repeat,
            "wait" => EffortKind.Wait,
            "retry" => EffortKind.Retry,
            "transfer" => EffortKind.Transfer,
            "hop" => EffortKind.Hop,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add(new(n, "kind", $"'{field}' is not an effort kind; {Allowed}"));
        }
        return rule with { Effort = kind ?? default };
    }

    private static ModifierKind ParseModifier(string field, int n, List<SignalRulesError> errors)
    {
        ModifierKind? kind = field switch
        {
            "negation" => ModifierKind.Negation,
            "hypothetical" => ModifierKind.Hypothetical,
            "relative" => ModifierKind.Relative,
            "not-churn" => ModifierKind.NotChurn,
            "self" => ModifierKind.Self,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add(new(n, "kind", $"'{field}' is not a modifier kind; allowed: negation, hypothetical, relative, not-churn, self"));
        }
        return kind ?? default;
    }

    private static int ParseWindow(string field, int n, List<SignalRulesError> errors)
    {
        if (!int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var window) || window > 12)
        {
            errors.Add(new(n, "window", $"'{field}' is not a whole number of tokens from 0 to 12"));
        }
        return window;
    }

    private static double ParseUnit(string field, string name, int n, List<SignalRulesError> errors)
    {
        if (!double.TryParse(field, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1)
        {
            errors.Add(new(n, name, $"'{field}' is not a number from 0 to 1 (e.g. 0.9)"));
        }
        return value;
    }

    private static T ParseEnum<T>(string field, string name, int n, List<SignalRulesError> errors)
        where T : struct, Enum
    {
        T value = default;
        if (field.Length == 0 || char.IsDigit(field[0]) || !Enum.TryParse(field, ignoreCase: false, out value) || !Enum.IsDefined(value))
        {
            errors.Add(new(n, name, $"'{field}' is not a {name}; allowed: {string.Join(", ", Enum.GetNames<T>())}"));
        }
        return value;
    }
}
