using System.Collections.Immutable;
using Attune.Core.Listening;

namespace Attune.Core.Coaching;

/// <summary>What a reply answers: the customer's message(s) and their readings, the customer's region and the
/// situation. Build with <see cref="For(string, string?, string?)"/> or set the readings yourself.</summary>
public sealed class CoachingContext
{
    private Cache? _prepared;

    /// <summary>Creates a context; <paramref name="readings"/> must have one reading per message, in the same order.</summary>
    /// <param name="customerMessages">The customer's messages being answered, oldest first (may be empty).</param>
    /// <param name="readings">The reading of each message.</param>
    /// <param name="region">The customer's region code (<c>JP</c>) or locale (<c>ja-JP</c>); null or unknown = no regional norms.</param>
    /// <param name="situation">The situation playbook's name (<c>bereavement</c>); null to infer it from the readings.</param>
    public CoachingContext(ImmutableArray<string> customerMessages, ImmutableArray<Reading> readings, string? region = null, string? situation = null)
    {
        if (customerMessages.IsDefault)
        {
            customerMessages = [];
        }
        if (readings.IsDefault)
        {
            readings = [];
        }
        if (customerMessages.Length != readings.Length)
        {
            throw new ArgumentException("There must be one reading per customer message.", nameof(readings));
        }
        CustomerMessages = customerMessages;
        Readings = readings;
        Region = region;
        Situation = situation;
    }

    /// <summary>A context with no customer message, region or situation.</summary>
    public static CoachingContext Empty { get; } = new([], []);

    /// <summary>The customer's messages being answered, oldest first.</summary>
    public ImmutableArray<string> CustomerMessages { get; }

    /// <summary>The reading of each customer message.</summary>
    public ImmutableArray<Reading> Readings { get; }

    /// <summary>The customer's region code or locale, or null.</summary>
    public string? Region { get; }

    /// <summary>The situation playbook's name, or null to infer it.</summary>
    public string? Situation { get; }

    /// <summary>A context for one or more customer messages, each read with <see cref="Listener.Default"/>.</summary>
    public static CoachingContext For(string customerMessage, string? region = null, string? situation = null) =>
        For([customerMessage], region, situation);

    /// <summary>A context for several customer messages (oldest first), each read with <see cref="Listener.Default"/>.</summary>
    public static CoachingContext For(IEnumerable<string> customerMessages, string? region = null, string? situation = null)
    {
        ImmutableArray<string> messages = [.. customerMessages];
        var readings = ImmutableArray.CreateBuilder<Reading>(messages.Length);
        foreach (var m in messages)
        {
            readings.Add(Listener.Default.Read(m));
        }
        return new CoachingContext(messages, readings.MoveToImmutable(), region, situation);
    }

    // The coach's analysis of the customer side, cached so that re-assessing drafts against one context is cheap.
    internal T Prepared<T>(object owner, Func<CoachingContext, T> prepare)
        where T : class
    {
        var cached = Volatile.Read(ref _prepared);
        if (cached is not null && ReferenceEquals(cached.Owner, owner) && cached.Value is T value)
        {
            return value;
        }
        var result = prepare(this);
        Volatile.Write(ref _prepared, new Cache(owner, result));
        return result;
    }

    private sealed record Cache(object Owner, object Value);
}
