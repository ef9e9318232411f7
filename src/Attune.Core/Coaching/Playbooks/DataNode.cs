using System.Collections.Immutable;

namespace Attune.Core.Coaching.Playbooks;

/// <summary>A value read from a playbook file: a scalar, a list or a mapping, with the 1-based line it starts on.</summary>
internal abstract record DataNode(int Line);

/// <summary>A text value (quotes removed).</summary>
internal sealed record ScalarNode(int Line, string Value) : DataNode(Line);

/// <summary>A list of values, written as <c>- item</c> lines or as <c>[a, b]</c>.</summary>
internal sealed record ListNode(int Line, ImmutableArray<DataNode> Items) : DataNode(Line);

/// <summary>A mapping of keys to values, in file order; keys are unique.</summary>
internal sealed record MapNode(int Line, ImmutableArray<KeyValuePair<string, DataNode>> Entries) : DataNode(Line)
{
    public DataNode? Get(string key)
    {
        foreach (var e in Entries)
        {
            if (e.Key == key)
            {
                return e.Value;
            }
        }
        return null;
    }
}
