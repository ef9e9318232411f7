using Attune.Core.Text;
using Attune.Core.Text.Patterns;

namespace Attune.Core.Listening.Signals;

/// <summary>The matches of one message split by signal, with the modifier scopes (negation, hypothetical, relative,
/// third party) the detectors ask about. Reused per thread to keep allocation low.</summary>
internal sealed class SignalContext
{
    [ThreadStatic]
    private static SignalContext? _cached;

    private readonly List<PhraseMatch> _all = new(32);
    private readonly List<PhraseMatch>[] _byKind = [new(8), new(4), new(4), new(4), new(16), new(8)];

    private SignalContext(SignalRules rules, Document document)
    {
        Rules = rules;
        Document = document;
    }

    public SignalRules Rules { get; private set; }

    public Document Document { get; private set; }

    public static SignalContext For(SignalRules rules, Document document)
    {
        var context = _cached ??= new SignalContext(rules, document);
        context.Rules = rules;
        context.Document = document;
        context._all.Clear();
        foreach (var list in context._byKind)
        {
            list.Clear();
        }
        rules.Matcher.Match(document, context._all);
        foreach (var m in context._all)
        {
            context._byKind[(int)rules.Rules[m.Entry].Kind].Add(m);
        }
        return context;
    }

    public List<PhraseMatch> Matches(SignalKind kind) => _byKind[(int)kind];

    public SignalRule Rule(in PhraseMatch match) => Rules.Rules[match.Entry];

    public int Sentence(in PhraseMatch match) => Document.Tokens[match.First].Sentence;

    /// <summary>A negation ends within its window before the cue, in the same clause (no punctuation or "but" between),
    /// and is not itself inside an "if" clause ("if this isn't fixed I'm leaving").</summary>
    public bool IsNegated(in PhraseMatch cue)
    {
        foreach (var mod in Matches(SignalKind.Modifier))
        {
            var rule = Rule(mod);
            if (rule.Modifier == ModifierKind.Negation && Before(mod, cue, rule.Window) && SameClause(mod.Last + 1, cue.First)
                && !HasBefore(ModifierKind.Hypothetical, mod))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A hypothetical ("if", "what if") ends within its window before the cue in the same sentence.</summary>
    public bool IsHypothetical(in PhraseMatch cue) => HasBefore(ModifierKind.Hypothetical, cue);

    /// <summary>A hypothetical before or after the cue in the same sentence ("I'll cancel if…", "if…, I'm leaving").</summary>
    public bool IsConditional(in PhraseMatch cue)
    {
        foreach (var mod in Matches(SignalKind.Modifier))
        {
            var rule = Rule(mod);
            if (rule.Modifier == ModifierKind.Hypothetical
                && (Before(mod, cue, rule.Window) || (mod.First > cue.Last && mod.First - cue.Last - 1 <= rule.Window && Sentence(mod) == Sentence(cue))))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The first token of a relative ("my mum") right before the cue in the same clause, or -1.</summary>
    public int RelativeBefore(in PhraseMatch cue)
    {
        foreach (var mod in Matches(SignalKind.Modifier))
        {
            var rule = Rule(mod);
            if (rule.Modifier == ModifierKind.Relative && Before(mod, cue, rule.Window) && SameClause(mod.Last + 1, cue.First))
            {
                return mod.First;
            }
        }
        return -1;
    }

    /// <summary>A not-churn modifier ("his", "the estate", "order") inside the cue or within its window before or after
    /// it, same sentence ("a transfer that I want to cancel").</summary>
    public bool IsNotChurn(in PhraseMatch cue)
    {
        foreach (var mod in Matches(SignalKind.Modifier))
        {
            var rule = Rule(mod);
            if (rule.Modifier == ModifierKind.NotChurn && Sentence(mod) == Sentence(cue)
                && (Before(mod, cue, rule.Window) || (mod.First >= cue.First && mod.First <= cue.Last + 1 + rule.Window)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the sentence of the cue has a self-reference ("I", "my") or a relative ("my mum", "he").</summary>
    public bool IsAboutSelf(in PhraseMatch cue)
    {
        var sentence = Sentence(cue);
        foreach (var mod in Matches(SignalKind.Modifier))
        {
            if (Rule(mod).Modifier is ModifierKind.Self or ModifierKind.Relative && Sentence(mod) == sentence)
            {
                return true;
            }
        }
        return false;
    }

    private bool HasBefore(ModifierKind kind, in PhraseMatch cue)
    {
        foreach (var mod in Matches(SignalKind.Modifier))
        {
            var rule = Rule(mod);
            if (rule.Modifier == kind && Before(mod, cue, rule.Window))
            {
                return true;
            }
        }
        return false;
    }

    private bool Before(in PhraseMatch mod, in PhraseMatch cue, int window) =>
        mod.Last < cue.First && cue.First - mod.Last - 1 <= window && Sentence(mod) == Sentence(cue);

    private bool SameClause(int from, int to)
    {
        for (var t = from; t < to; t++)
        {
            var token = Document.Tokens[t];
            if (token.Kind == TokenKind.Punctuation || Document.Norm(t) is "but" or "although" or "though")
            {
                return false;
            }
        }
        return true;
    }
}
