using Attune.Core.Coaching.Playbooks;
using Attune.Core.Listening;
using Attune.Core.Text;

namespace Attune.Core.Coaching;

/// <summary>What the coach needs from the customer's messages, computed once per context.</summary>
internal sealed class CustomerSide
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "about", "after", "again", "also", "been", "before", "being", "could", "does", "doing", "from", "have", "having",
        "here", "into", "just", "know", "like", "make", "more", "much", "need", "only", "over", "please", "really",
        "should", "some", "still", "than", "thank", "thanks", "that", "their", "them", "then", "there", "these", "they",
        "this", "those", "very", "want", "what", "when", "where", "which", "while", "will", "with", "would", "your",
        "yours", "you're", "i'm", "i've", "can't", "don't", "didn't", "it's", "help", "hello", "hi", "dear", "sorry",
        "because", "since", "today", "anyone", "someone", "something", "anything", "other", "going", "able", "even",
        "every", "each", "well", "were", "without", "cannot", "shall",
    };

    private CustomerSide(HashSet<string> contentWords, bool asked, bool negative, bool upset, CompiledPlaybook? playbook, bool inferred, string reason)
    {
        ContentWords = contentWords;
        ContentLookup = contentWords.GetAlternateLookup<ReadOnlySpan<char>>();
        AskedQuestion = asked;
        Negative = negative;
        Upset = upset;
        Playbook = playbook;
        Inferred = inferred;
        Reason = reason;
    }

    public HashSet<string> ContentWords { get; }

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ContentLookup { get; }

    public bool AskedQuestion { get; }

    /// <summary>Negative feeling: sentiment ≤ -0.05 or a negative emotion present.</summary>
    public bool Negative { get; }

    /// <summary>Negative, complaining, repeating or threatening to leave: a case for a senior representative in some regions.</summary>
    public bool Upset { get; }

    public CompiledPlaybook? Playbook { get; }

    public bool Inferred { get; }

    public string Reason { get; }

    public static bool IsContentWord(ReadOnlySpan<char> norm) => norm.Length >= 4 && char.IsLetter(norm[0]);

    public static CustomerSide Prepare(CoachingContext context, PlaybookLibrary library)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var stop = Stop.GetAlternateLookup<ReadOnlySpan<char>>();
        var asked = false;
        var documents = new Document[context.CustomerMessages.Length];
        for (var m = 0; m < documents.Length; m++)
        {
            var doc = TextPreparer.Prepare(context.CustomerMessages[m]);
            documents[m] = doc;
            var tokens = doc.Tokens;
            for (var i = 0; i < tokens.Length; i++)
            {
                var norm = doc.Norm(i);
                if (tokens[i].IsWord && IsContentWord(norm) && !stop.Contains(norm))
                {
                    words.Add(norm.ToString());
                }
                if (norm is "?")
                {
                    asked = true;
                }
                else if (tokens[i].IsWord && (i == 0 || tokens[i - 1].Sentence != tokens[i].Sentence) && IsQuestionOpener(norm))
                {
                    asked = true;
                }
            }
        }

        var negative = false;
        var upset = false;
        foreach (var r in context.Readings)
        {
            var neg = r.Sentiment.Compound <= -0.05 || r[Emotion.Anger].IsPresent || r[Emotion.Annoyance].IsPresent
                || r[Emotion.Disappointment].IsPresent || r[Emotion.Sadness].IsPresent || r[Emotion.Grief].IsPresent || r[Emotion.Fear].IsPresent;
            negative |= neg;
            upset |= neg || r.Topic.Primary == Topic.Complaint || r.Effort.RepeatContact || r.Churn.IsAtRisk;
        }

        CompiledPlaybook? playbook = null;
        var inferred = false;
        var reason = "";
        if (!string.IsNullOrWhiteSpace(context.Situation))
        {
            var given = library.FindSituation(context.Situation);
            playbook = given is null ? null : library.Compiled(given);
            reason = given is null ? $"unknown situation '{context.Situation}'" : "given";
        }
        else
        {
            foreach (var s in library.Situations)
            {
                var why = Trigger(library.Compiled(s), context, documents, negative);
                if (why is not null)
                {
                    playbook = library.Compiled(s);
                    inferred = true;
                    reason = why;
                    break;
                }
            }
        }
        return new CustomerSide(words, asked, negative, upset, playbook, inferred, reason);
    }

    private static bool IsQuestionOpener(ReadOnlySpan<char> w) =>
        w is "how" or "what" or "where" or "when" or "why" or "which" or "who" or "can" or "could" or "is" or "are" or "do"
            or "does" or "will" or "would" or "should" or "did" or "has" or "have";

    private static string? Trigger(CompiledPlaybook compiled, CoachingContext context, Document[] documents, bool negative)
    {
        var t = compiled.Playbook.Triggers;
        foreach (var r in context.Readings)
        {
            foreach (var cue in r.Vulnerability)
            {
                if (cue.Confidence >= 0.5 && t.Vulnerability.Contains(cue.Characteristic))
                {
                    return "vulnerability: " + cue.Characteristic;
                }
            }
            foreach (var e in t.Emotions)
            {
                if (r[e].IsPresent)
                {
                    return "emotion: " + e;
                }
            }
            if (t.Churn && r.Churn.IsAtRisk)
            {
                return "churn risk";
            }
            if (t.RepeatContact && r.Effort.RepeatContact)
            {
                return "repeat contact";
            }
            if (t.MinUrgency is { } min && r.Urgency.Level >= min)
            {
                return "urgency: " + r.Urgency.Level;
            }
            if (t.Topics.Contains(r.Topic.Primary))
            {
                return "topic: " + r.Topic.Primary;
            }
            if (negative && t.TopicsIfNegative.Contains(r.Topic.Primary))
            {
                return "negative message about " + r.Topic.Primary;
            }
        }
        if (compiled.Triggers.Count > 0)
        {
            var matches = new List<Cues.CueMatch>();
            foreach (var doc in documents)
            {
                compiled.Triggers.FindAll(doc, matches);
                if (matches.Count > 0)
                {
                    var m = matches[0];
                    return "words: \"" + doc.Evidence(m.First, m.Last, "trigger", 1).Text + "\"";
                }
            }
        }
        return null;
    }
}
