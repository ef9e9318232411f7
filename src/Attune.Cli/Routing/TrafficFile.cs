using System.Collections.Immutable;
using System.Globalization;
using Attune.Cli.Input;
using Attune.Core.Listening;
using Attune.Core.Routing;
using Attune.Core.Routing.SelfService;
using Attune.Core.Routing.Simulation;

namespace Attune.Cli.Routing;

/// <summary>Traffic for the simulator: read from CSV / JSON Lines (the import shape) or generated, then read by the
/// listening engine once per distinct message before any replay.</summary>
internal static class TrafficFile
{
    public static readonly string[] Required = ["conversation_id", "customer", "channel", "text", "created_at"];

    /// <summary>Loads messages; bad rows go to <paramref name="errors"/> with their line and the good ones are kept.</summary>
    public static List<GeneratedMessage> Load(string path, List<string> errors)
    {
        using var reader = RecordReader.Open(path);
        var missing = Required.Where(c => !reader.Columns.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new RecordFormatException($"missing {(reader.Format == RecordFormat.Csv ? "column" : "field")}(s) {string.Join(", ", missing)}; "
                + $"required: {string.Join(", ", Required)}; optional: region, value, renewal_date, open_incidents, needs, language, handle_minutes");
        }
        var messages = new List<GeneratedMessage>();
        foreach (var item in reader.Read())
        {
            if (item is RecordError error)
            {
                errors.Add(error.ToString());
                continue;
            }
            var record = (InputRecord)item;
            var problem = Row(record, out var message);
            if (problem is not null)
            {
                errors.Add($"line {record.Line}: {problem}");
                continue;
            }
            messages.Add(message!);
        }
        return messages;
    }

    private static string? Row(InputRecord record, out GeneratedMessage? message)
    {
        message = null;
        foreach (var column in Required)
        {
            if (string.IsNullOrWhiteSpace(record.Get(column)))
            {
                return $"{column} is empty";
            }
        }
        if (!DateTimeOffset.TryParse(record.Get("created_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            return $"created_at '{record.Get("created_at")}' is not a date and time (ISO 8601, e.g. 2026-11-23T09:15:00Z)";
        }
        decimal value = 0;
        if (record.Get("value") is { Length: > 0 } valueText && !decimal.TryParse(valueText, NumberStyles.Number, CultureInfo.InvariantCulture, out value))
        {
            return $"value '{valueText}' is not a number";
        }
        DateOnly? renewal = null;
        if (record.Get("renewal_date") is { Length: > 0 } renewalText)
        {
            if (!DateOnly.TryParse(renewalText, CultureInfo.InvariantCulture, out var day))
            {
                return $"renewal_date '{renewalText}' is not a date (2026-12-31)";
            }
            renewal = day;
        }
        var incidents = 0;
        if (record.Get("open_incidents") is { Length: > 0 } incidentsText && (!int.TryParse(incidentsText, CultureInfo.InvariantCulture, out incidents) || incidents < 0))
        {
            return $"open_incidents '{incidentsText}' is not a whole number of 0 or more";
        }
        ImmutableArray<string> needs = record.Get("needs") is { Length: > 0 } needsText
            ? [.. needsText.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : [];
        var customer = new CustomerContext(record.Get("customer")!, record.Get("region") ?? "", value, renewal, incidents, needs, record.Get("language") is { Length: > 0 } language ? language : "en");
        message = new GeneratedMessage(record.Get("conversation_id")!, customer, record.Get("channel")!.ToLowerInvariant(), created, record.Get("text")!);
        return null;
    }

    /// <summary>Reads every distinct text once (listening, person request, knowledge-base search) and builds the
    /// simulator's traffic.</summary>
    public static ImmutableArray<SimConversation> Prepare(IReadOnlyList<GeneratedMessage> messages, KnowledgeBase knowledge, IReadOnlyDictionary<string, double>? handleMinutes = null)
    {
        var cache = new Dictionary<string, (Reading Reading, Evidence? Person, SelfServiceAnswer Answer)>(StringComparer.Ordinal);
        var builder = ImmutableArray.CreateBuilder<SimConversation>(messages.Count);
        foreach (var m in messages)
        {
            if (!cache.TryGetValue(m.Text, out var read))
            {
                read = (Listener.Default.Read(m.Text), PersonRequest.Find(m.Text), knowledge.Search(m.Text));
                cache[m.Text] = read;
            }
            double? minutes = handleMinutes is not null && handleMinutes.TryGetValue(m.Id, out var h) ? h : null;
            builder.Add(new SimConversation(m.Id, m.Customer, m.Channel, m.CreatedAt, read.Reading, read.Person, read.Answer, minutes));
        }
        return builder.MoveToImmutable();
    }
}
