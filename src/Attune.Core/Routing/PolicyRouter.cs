using System.Collections.Immutable;
using System.Globalization;
using Attune.Core.Listening;
using Attune.Core.Routing.SelfService;
using Attune.Core.Text;

namespace Attune.Core.Routing;

/// <summary>Decides where a conversation goes under one validated policy. Rules are tried in order and the first
/// whose conditions all hold decides; then the guarantees apply, whatever the rules say: a vulnerable customer never
/// gets self-service, and a customer who asks for a person, is upset or distressed, or has already tried without a
/// solution reaches a person. Thread-safe and deterministic.</summary>
public sealed class PolicyRouter
{
    private readonly RoutingPolicy _policy;
    private readonly KnowledgeBase? _knowledge;
    private readonly BusinessCalendar _defaultCalendar;
    private readonly Dictionary<string, Desk> _desks;

    /// <summary>Creates a router; throws <see cref="ArgumentException"/> listing the errors when the policy is not valid,
    /// so that an invalid policy can never route.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="knowledge">The knowledge base self-service answers come from; null to rely on
    /// <see cref="RoutingInput.SelfServiceAnswer"/> (or to offer self-service without articles).</param>
    public PolicyRouter(RoutingPolicy policy, KnowledgeBase? knowledge = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = PolicyValidator.Validate(policy);
        if (errors.Count > 0)
        {
            throw new ArgumentException("The policy is not valid: " + string.Join("; ", errors), nameof(policy));
        }
        _policy = policy;
        _knowledge = knowledge;
        _defaultCalendar = policy.Calendars[policy.DefaultCalendar];
        _desks = policy.Desks.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    /// <summary>The policy this router applies.</summary>
    public RoutingPolicy Policy => _policy;

    /// <summary>Routes one conversation.</summary>
    public RoutingDecision Route(RoutingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reading = input.Reading;
        RoutingRule? matched = null;
        foreach (var rule in _policy.Rules)
        {
            if (Matches(rule.When, input, null))
            {
                matched = rule;
                break;
            }
        }
        var action = matched?.Then ?? _policy.Fallback;
        var reasons = new List<string>(4);
        if (matched is not null)
        {
            Matches(matched.When, input, reasons);
        }
        else
        {
            reasons.Add("no rule matched (fallback)");
        }

        var guarantees = ImmutableArray.CreateBuilder<string>();
        SelfServiceAnswer? answer = null;
        if (action.Mode == HandlingMode.SelfService)
        {
            string? guarantee = null;
            if (reading.IsVulnerable)
            {
                guarantee = "vulnerable customers reach a trained person, never self-service";
            }
            else if (input.PersonRequest is { } request)
            {
                guarantee = $"asked for a person '{request.Text}'";
            }
            else if (RoutingSignals.IsUpset(reading))
            {
                guarantee = "upset customers reach a person";
            }
            else if (RoutingSignals.IsDistressed(reading))
            {
                guarantee = "no self-service in distress";
            }
            else if (RoutingSignals.HasFailedContact(reading, input.FailedContacts))
            {
                guarantee = "no self-service after a failed contact";
            }
            else
            {
                answer = input.SelfServiceAnswer ?? (input.Text is { } text ? _knowledge?.Search(text) : null);
                if (answer is { Articles.IsEmpty: true })
                {
                    guarantee = "no self-service answer found";
                    answer = null;
                }
            }
            if (guarantee is not null)
            {
                guarantees.Add(guarantee);
                var fallback = _policy.Fallback;
                action = action with { Desk = fallback.Desk, Mode = fallback.Mode, Label = fallback.Label, Playbook = action.Playbook ?? fallback.Playbook };
            }
        }

        var sla = _policy.Slas[action.Sla];
        var calendar = _policy.Calendars[sla.Calendar];
        var desk = _desks[action.Desk];
        var label = action.Label ?? action.Desk + " desk";
        var explanation = guarantees.Count == 0
            ? $"{label}: {string.Join("; ", reasons)}"
            : $"{label}: {string.Join("; ", reasons)}; {string.Join("; ", guarantees)}";
        return new RoutingDecision(
            action.Desk,
            action.Priority,
            action.Mode,
            sla,
            calendar.AddBusinessTime(input.Now, sla.FirstReply),
            calendar.AddBusinessTime(input.Now, sla.Resolution),
            action.Playbook,
            explanation,
            matched?.Id ?? "fallback",
            _policy.Version,
            reading.IsVulnerable || desk.RequiresVulnerabilityTraining,
            guarantees.ToImmutable(),
            answer);
    }

    /// <summary>Whether every set condition holds; when <paramref name="reasons"/> is given, adds one plain reason per
    /// condition that carries meaning.</summary>
    private bool Matches(RuleCondition when, RoutingInput input, List<string>? reasons)
    {
        var reading = input.Reading;
        var customer = input.Customer;
        if (when.Vulnerable is { } vulnerable && vulnerable != reading.IsVulnerable)
        {
            return false;
        }
        if (when.Vulnerable == true || !when.Drivers.IsEmpty || !when.Characteristics.IsEmpty || when.MinVulnerabilityConfidence is not null)
        {
            VulnerabilityCue? best = null;
            foreach (var cue in reading.Vulnerability)
            {
                if ((when.Drivers.IsEmpty || when.Drivers.Contains(cue.Driver))
                    && (when.Characteristics.IsEmpty || when.Characteristics.Contains(cue.Characteristic))
                    && cue.Confidence >= (when.MinVulnerabilityConfidence ?? 0)
                    && (best is null || cue.Confidence > best.Confidence))
                {
                    best = cue;
                }
            }
            if (best is null)
            {
                return false;
            }
            reasons?.Add($"{Names.Words(best.Characteristic)} cue {Quote(best.Evidence)}({Names.Words(best.Driver)})");
        }
        else if (when.Vulnerable == false)
        {
            reasons?.Add("no vulnerability cue");
        }
        if (when.AsksForPerson is { } asks && asks != input.PersonRequest is not null)
        {
            return false;
        }
        if (when.AsksForPerson == true)
        {
            reasons?.Add($"asked for a person '{input.PersonRequest!.Text}'");
        }
        if (when.Upset is { } upset)
        {
            if (upset != RoutingSignals.IsUpset(reading))
            {
                return false;
            }
            if (upset)
            {
                reasons?.Add($"upset (sentiment {reading.Sentiment.Compound.ToString("0.00", CultureInfo.InvariantCulture)})");
            }
        }
        if (!when.Emotions.IsEmpty)
        {
            var threshold = when.MinIntensity ?? 0.5;
            EmotionScore? best = null;
            foreach (var emotion in when.Emotions)
            {
                var score = reading[emotion];
                if (score.Score >= threshold && (best is null || score.Score > best.Score))
                {
                    best = score;
                }
            }
            if (best is null)
            {
                return false;
            }
            reasons?.Add($"{best.Emotion.ToString().ToLowerInvariant()} {best.Score.ToString("0.00", CultureInfo.InvariantCulture)} {Quote(best.Evidence)}".TrimEnd());
        }
        if (when.SentimentAtMost is { } most)
        {
            if (reading.Sentiment.Compound > most)
            {
                return false;
            }
            reasons?.Add($"sentiment {reading.Sentiment.Compound.ToString("0.00", CultureInfo.InvariantCulture)}");
        }
        if (when.UrgencyAtLeast is { } urgency)
        {
            if (reading.Urgency.Level < urgency)
            {
                return false;
            }
            reasons?.Add($"{reading.Urgency.Level.ToString().ToLowerInvariant()} urgency {Quote(reading.Urgency.Reasons)}".TrimEnd());
        }
        if (when.EffortAtLeast is { } effort)
        {
            if (reading.Effort.Score < effort)
            {
                return false;
            }
            reasons?.Add($"effort {reading.Effort.Score.ToString("0.00", CultureInfo.InvariantCulture)} {Quote(reading.Effort.Evidence)}".TrimEnd());
        }
        if (when.RepeatContact is { } repeat)
        {
            if (repeat != RoutingSignals.HasFailedContact(reading, input.FailedContacts))
            {
                return false;
            }
            if (repeat)
            {
                reasons?.Add($"repeat contact {Quote(reading.Effort.Evidence)}".TrimEnd());
            }
        }
        if (when.ChurnAtLeast is { } churn)
        {
            if (reading.Churn.Score < churn)
            {
                return false;
            }
            reasons?.Add($"churn intent {Quote(reading.Churn.Evidence)}".TrimEnd());
        }
        if (!when.Topics.IsEmpty)
        {
            if (!when.Topics.Contains(reading.Topic.Primary))
            {
                return false;
            }
            reasons?.Add($"topic {Names.Words(reading.Topic.Primary)} {Quote(reading.Topic.Evidence)}".TrimEnd());
        }
        if (!when.Regions.IsEmpty)
        {
            if (!ContainsIgnoreCase(when.Regions, customer.Region))
            {
                return false;
            }
            reasons?.Add($"region {customer.Region}");
        }
        if (when.ValueAtLeast is { } value)
        {
            if (customer.Value < value)
            {
                return false;
            }
            reasons?.Add($"account value {customer.Value.ToString(CultureInfo.InvariantCulture)}");
        }
        if (when.RenewalWithinDays is { } days)
        {
            if (customer.RenewalDate is not { } renewal)
            {
                return false;
            }
            var until = renewal.DayNumber - DateOnly.FromDateTime(input.Now.UtcDateTime).DayNumber;
            if (until < 0 || until > days)
            {
                return false;
            }
            reasons?.Add($"renews in {until} days");
        }
        if (when.OpenIncidentsAtLeast is { } incidents)
        {
            if (customer.OpenIncidents < incidents)
            {
                return false;
            }
            reasons?.Add($"{customer.OpenIncidents} open incidents");
        }
        if (!when.Needs.IsEmpty)
        {
            string? need = null;
            foreach (var n in customer.Needs)
            {
                if (ContainsIgnoreCase(when.Needs, n))
                {
                    need = n;
                    break;
                }
            }
            if (need is null)
            {
                return false;
            }
            reasons?.Add($"recorded need '{need}'");
        }
        if (!when.Channels.IsEmpty)
        {
            if (!ContainsIgnoreCase(when.Channels, input.Channel))
            {
                return false;
            }
            reasons?.Add($"channel {input.Channel}");
        }
        if (when.BusinessHours is { } hours)
        {
            if (hours != _defaultCalendar.IsOpen(input.Now))
            {
                return false;
            }
            reasons?.Add(hours ? "in business hours" : "out of business hours");
        }
        return true;
    }

    private static bool ContainsIgnoreCase(ImmutableArray<string> items, string value)
    {
        foreach (var item in items)
        {
            if (string.Equals(item, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The strongest evidence in quotes with a trailing space; empty when there is none.</summary>
    private static string Quote(ImmutableArray<Evidence> evidence)
    {
        if (evidence.IsDefaultOrEmpty)
        {
            return "";
        }
        var best = evidence[0];
        foreach (var e in evidence)
        {
            if (Math.Abs(e.Weight) > Math.Abs(best.Weight))
            {
                best = e;
            }
        }
        return $"'{best.Text}' ";
    }
}
