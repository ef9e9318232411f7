namespace Attune.Core.Routing;

/// <summary>One problem with a policy.</summary>
/// <param name="Path">Where it is, as a path into the policy: "rules[2].then.desk", "slas.care.calendar".</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record PolicyError(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Checks a policy's meaning: references between its parts, ranges, and the guarantees that no rule may
/// break. A policy with any error is never activated.</summary>
public static class PolicyValidator
{
    /// <summary>Every problem with <paramref name="policy"/>; empty when it may be activated.</summary>
    public static IReadOnlyList<PolicyError> Validate(RoutingPolicy policy)
    {
        var errors = new List<PolicyError>();
        if (string.IsNullOrWhiteSpace(policy.Name))
        {
            errors.Add(new("policy", "the policy needs a name"));
        }
        if (string.IsNullOrWhiteSpace(policy.Version))
        {
            errors.Add(new("version", "the policy needs a version, recorded with every decision (e.g. 2026-11-23.1)"));
        }
        foreach (var (name, calendar) in policy.Calendars)
        {
            if (calendar.Windows.Length != 7)
            {
                errors.Add(new($"calendars.{name}", "a calendar has seven days"));
            }
            else if (calendar.Windows.All(w => w is null))
            {
                errors.Add(new($"calendars.{name}.hours", "a calendar needs at least one open day"));
            }
        }
        if (!policy.Calendars.ContainsKey(policy.DefaultCalendar))
        {
            errors.Add(new("default_calendar", $"unknown calendar '{policy.DefaultCalendar}'; defined: {Names(policy.Calendars.Keys)}"));
        }
        var desks = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.Desks.Length; i++)
        {
            if (!desks.Add(policy.Desks[i].Name))
            {
                errors.Add(new($"desks[{i}].name", $"desk '{policy.Desks[i].Name}' is defined twice"));
            }
        }
        foreach (var (name, sla) in policy.Slas)
        {
            if (!policy.Calendars.ContainsKey(sla.Calendar))
            {
                errors.Add(new($"slas.{name}.calendar", $"unknown calendar '{sla.Calendar}'; defined: {Names(policy.Calendars.Keys)}"));
            }
            Positive(errors, $"slas.{name}.first_reply", sla.FirstReply);
            Positive(errors, $"slas.{name}.next_reply", sla.NextReply);
            Positive(errors, $"slas.{name}.resolution", sla.Resolution);
            if (sla.Resolution < sla.FirstReply)
            {
                errors.Add(new($"slas.{name}.resolution", "resolution cannot be due before the first reply"));
            }
            if (sla.UpdateEvery is { } every)
            {
                Positive(errors, $"slas.{name}.update_every", every);
            }
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.Rules.Length; i++)
        {
            var rule = policy.Rules[i];
            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                errors.Add(new($"rules[{i}].id", "each rule needs an id"));
            }
            else if (!ids.Add(rule.Id))
            {
                errors.Add(new($"rules[{i}].id", $"rule id '{rule.Id}' is used twice"));
            }
            CheckCondition(errors, $"rules[{i}].when", rule.When);
            CheckAction(errors, $"rules[{i}].then", rule.Then, policy, desks);
            if (rule.Then.Mode == HandlingMode.SelfService && (rule.When.Vulnerable == true || !rule.When.Drivers.IsEmpty || !rule.When.Characteristics.IsEmpty))
            {
                errors.Add(new($"rules[{i}].then.mode", "vulnerable customers are never sent to self-service; use human or specialist"));
            }
            if (rule.Then.Mode == HandlingMode.SelfService && (rule.When.AsksForPerson == true || rule.When.Upset == true))
            {
                errors.Add(new($"rules[{i}].then.mode", "a customer who asks for a person or is upset reaches a person; use human or specialist"));
            }
        }
        CheckAction(errors, "fallback", policy.Fallback, policy, desks);
        if (policy.Fallback.Mode == HandlingMode.SelfService)
        {
            errors.Add(new("fallback.mode", "the fallback is where a person is found when self-service is not allowed; use human or specialist"));
        }
        return errors;
    }

    private static void CheckCondition(List<PolicyError> errors, string path, RuleCondition when)
    {
        Unit(errors, $"{path}.min_intensity", when.MinIntensity);
        Unit(errors, $"{path}.min_confidence", when.MinVulnerabilityConfidence);
        Unit(errors, $"{path}.effort_at_least", when.EffortAtLeast);
        Unit(errors, $"{path}.churn_at_least", when.ChurnAtLeast);
        if (when.SentimentAtMost is < -1 or > 1)
        {
            errors.Add(new($"{path}.sentiment_at_most", "must be between -1 and 1"));
        }
        if (when.RenewalWithinDays is < 0)
        {
            errors.Add(new($"{path}.renewal_within_days", "must be 0 or more days"));
        }
        if (when.OpenIncidentsAtLeast is < 0)
        {
            errors.Add(new($"{path}.open_incidents_at_least", "must be 0 or more"));
        }
        if (when.MinIntensity is not null && when.Emotions.IsEmpty)
        {
            errors.Add(new($"{path}.min_intensity", "min_intensity applies to the listed emotions; add emotion: [...]"));
        }
    }

    private static void CheckAction(List<PolicyError> errors, string path, RuleAction action, RoutingPolicy policy, HashSet<string> desks)
    {
        if (!desks.Contains(action.Desk))
        {
            errors.Add(new($"{path}.desk", $"unknown desk '{action.Desk}'; defined: {Names(desks)}"));
        }
        if (!policy.Slas.ContainsKey(action.Sla))
        {
            errors.Add(new($"{path}.sla", $"unknown SLA profile '{action.Sla}'; defined: {Names(policy.Slas.Keys)}"));
        }
    }

    private static void Unit(List<PolicyError> errors, string path, double? value)
    {
        if (value is < 0 or > 1)
        {
            errors.Add(new(path, "must be between 0 and 1"));
        }
    }

    private static void Positive(List<PolicyError> errors, string path, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add(new(path, "must be a positive duration (e.g. 30m, 4h, 2d)"));
        }
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
