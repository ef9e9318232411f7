using Attune.Core.Listening;
using Attune.Core.Text;

namespace Attune.Core.Routing;

/// <summary>Finds a customer's request to speak to a person ("speak to a human", "real person", "an agent please").</summary>
public static class PersonRequest
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "speak", "speaking", "talk", "talking", "chat", "connect", "transfer", "put", "get", "need", "want", "give", "reach",
    };

    private static readonly HashSet<string> Persons = new(StringComparer.Ordinal)
    {
        "human", "person", "agent", "operator", "representative", "rep", "someone", "somebody", "advisor", "adviser",
    };

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "to", "with", "me", "a", "an", "real", "actual", "live", "proper", "human", "through", "please", "your", "one", "of",
    };

    /// <summary>The words of the first request for a person in <paramref name="text"/>, with the cue
    /// <c>person.request</c>; null when there is none. "real person", "actual human", "human being" count alone;
    /// otherwise a verb ("speak", "talk", "connect"…) followed within four words by a person word ("human",
    /// "agent", "someone"…).</summary>
    public static Evidence? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var document = TextPreparer.Prepare(text);
        var tokens = document.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            var norm = document.NormString(i);
            if ((norm is "real" or "actual" or "live") && i + 1 < tokens.Length && document.NormString(i + 1) is "person" or "human" or "people" or "agent")
            {
                return document.Evidence(i, i + 1, "person.request", 1);
            }
            if (norm == "human" && i + 1 < tokens.Length && document.NormString(i + 1) is "being" or "please")
            {
                return document.Evidence(i, i + 1, "person.request", 1);
            }
            if (!Verbs.Contains(norm))
            {
                continue;
            }
            for (var j = i + 1; j < tokens.Length && j <= i + 5; j++)
            {
                var next = document.NormString(j);
                if (Persons.Contains(next) && !(next is "someone" or "somebody" && norm is "get" or "need" or "want" or "give"))
                {
                    return document.Evidence(i, j, "person.request", 1);
                }
                if (!Fillers.Contains(next))
                {
                    break;
                }
            }
        }
        return null;
    }
}
