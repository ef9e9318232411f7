using System.Collections.Immutable;
using Attune.Core.Coaching.Cues;
using Attune.Core.Coaching.Playbooks;
using Attune.Core.Listening;
using Attune.Core.Text;

namespace Attune.Core.Coaching;

/// <summary>The coaching engine: assesses an agent's reply for empathy and action, flags what hurts it, checks it
/// against the situation's playbook and the customer's regional norms, scores it and suggests what to change.
/// Deterministic and thread-safe; build one (or use <see cref="Default"/>) and share it.</summary>
public sealed class Coach
{
    private const int MaxSuggestions = 3;
    private const int LongReplyWords = 150;
    private const int LongSentenceWords = 45;

    private static readonly Lazy<Coach> Shared = new(() => new Coach(PlaybookLibrary.Default));
    private static readonly Lazy<CueLexicon> EmbeddedCues = new(CueLexicon.LoadEmbedded);

    private readonly CueLexicon _cues;
    private readonly Func<CoachingContext, CustomerSide> _prepare;

    /// <summary>Creates a coach over the given playbooks and regional norms, with Attune's embedded cue lexicon.</summary>
    public Coach(PlaybookLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        Library = library;
        _cues = EmbeddedCues.Value;
        _prepare = c => CustomerSide.Prepare(c, Library);
    }

    /// <summary>The coach over Attune's own embedded playbooks, regional norms and cues.</summary>
    public static Coach Default => Shared.Value;

    /// <summary>The playbooks and regional norms this coach uses.</summary>
    public PlaybookLibrary Library { get; }

    /// <summary>Assesses one reply. Never throws for any string; <c>null</c> is read as empty.</summary>
    /// <param name="reply">The agent's reply (plain text).</param>
    /// <param name="context">What it answers; <see cref="CoachingContext.Empty"/> when nothing is known.</param>
    public Assessment Assess(string? reply, CoachingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var customer = context.Prepared(this, _prepare);
        var doc = TextPreparer.Prepare(reply ?? string.Empty);
        var matches = new List<CueMatch>(16);
        _cues.Index.FindAll(doc, matches);
        var facts = ReplyFacts.Of(doc, matches);

        var empathy = ReadEmpathy(doc, matches, customer);
        var action = ReadAction(doc, matches, facts, customer);
        var region = Library.FindRegion(context.Region) ?? RegionalNorms.Neutral;

        var flags = new List<CoachingFlag>();
        FlagCues(doc, matches, action, flags);
        FlagShape(doc, facts, flags);
        var situation = customer.Playbook?.Playbook;
        if (empathy.Acknowledges && !action.Acts && !action.HasTimeline && situation?.ActionNeeded != false)
        {
            var first = FirstEmpathy(empathy);
            flags.Add(new CoachingFlag(FlagKind.HollowEmpathy, FlagSeverity.Major, first.Span, first.Text, "hollow",
                "Empathy with no action: the customer hears understanding but no plan, which deepens frustration.",
                "Follow it with what you will do and when: \"I'm sorry about this. I've … and I'll update you by …\""));
        }
        var grave = customer.Negative || IsGrave(context);
        if (grave)
        {
            FlagTone(doc, matches, flags, "The customer is upset or going through something hard; ");
        }

        var present = Presence(doc, matches, empathy, action, facts, flags);
        var situationFit = CheckPlaybook(doc, customer, present, flags);
        var regionalFit = CheckRegion(region, doc, matches, facts, action, customer);

        flags.Sort(static (a, b) => b.Severity != a.Severity ? b.Severity.CompareTo(a.Severity) : a.Span.Start.CompareTo(b.Span.Start));
        var parts = ScoreOf(empathy, action, region, regionalFit, situationFit, situation, flags);
        var score = (int)Math.Round(Math.Clamp(parts.Empathy + parts.Action + parts.Fit - parts.Penalties, 0, 100), MidpointRounding.AwayFromZero);
        var suggestions = Suggest(flags, empathy, action, situationFit, regionalFit, customer);
        return new Assessment(score, parts, empathy, action, [.. flags], regionalFit, situationFit, suggestions, facts.Words);
    }

    private static bool IsGrave(CoachingContext context)
    {
        foreach (var r in context.Readings)
        {
            foreach (var v in r.Vulnerability)
            {
                if (v.Confidence >= 0.5)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static EmpathyReading ReadEmpathy(Document doc, List<CueMatch> matches, CustomerSide customer)
    {
        var er = Mechanism(doc, matches, CueKind.EmotionStrong, CueKind.EmotionWeak, "emotional-reaction", null);
        var ip = Mechanism(doc, matches, CueKind.InterpretationStrong, CueKind.InterpretationWeak, "interpretation", customer);
        var ex = Mechanism(doc, matches, CueKind.ExplorationStrong, CueKind.ExplorationWeak, "exploration", null);
        return new EmpathyReading(er, ip, ex);
    }

    // A weak interpretation that restates the customer's own words in the same sentence counts as strong.
    private static MechanismReading Mechanism(Document doc, List<CueMatch> matches, CueKind strong, CueKind weak, string name, CustomerSide? restate)
    {
        var level = MechanismLevel.None;
        var evidence = ImmutableArray.CreateBuilder<Evidence>();
        foreach (var m in matches)
        {
            if (m.Kind == strong)
            {
                level = MechanismLevel.Strong;
                evidence.Insert(CountStrong(evidence), doc.Evidence(m.First, m.Last, name + "." + m.Id, 1));
            }
            else if (m.Kind == weak && !InsideStrong(matches, m, strong))
            {
                var restates = restate is not null && Restates(doc, m, restate);
                if (restates)
                {
                    level = MechanismLevel.Strong;
                    evidence.Insert(CountStrong(evidence), doc.Evidence(m.First, SentenceEnd(doc, m.First), name + ".restates", 1));
                }
                else
                {
                    level = level == MechanismLevel.None ? MechanismLevel.Weak : level;
                    evidence.Add(doc.Evidence(m.First, m.Last, name + "." + m.Id, 0.5));
                }
            }
        }
        return new MechanismReading(level, evidence.ToImmutable());
    }

    private static bool InsideStrong(List<CueMatch> matches, CueMatch weak, CueKind strong)
    {
        foreach (var m in matches)
        {
            if (m.Kind == strong && m.First <= weak.First && m.Last >= weak.Last)
            {
                return true;
            }
        }
        return false;
    }

    private static int CountStrong(ImmutableArray<Evidence>.Builder evidence)
    {
        var n = 0;
        while (n < evidence.Count && evidence[n].Weight >= 1)
        {
            n++;
        }
        return n;
    }

    private static bool Restates(Document doc, CueMatch m, CustomerSide customer)
    {
        var tokens = doc.Tokens;
        var sentence = tokens[m.First].Sentence;
        var shared = 0;
        for (var i = m.Last + 1; i < tokens.Length && tokens[i].Sentence == sentence; i++)
        {
            var norm = doc.Norm(i);
            if (tokens[i].IsWord && CustomerSide.IsContentWord(norm) && customer.ContentLookup.Contains(norm) && ++shared >= 2)
            {
                return true;
            }
        }
        return false;
    }

    private static int SentenceEnd(Document doc, int token)
    {
        var tokens = doc.Tokens;
        var last = token;
        while (last + 1 < tokens.Length && tokens[last + 1].Sentence == tokens[token].Sentence)
        {
            last++;
        }
        return last;
    }

    private static ActionReading ReadAction(Document doc, List<CueMatch> matches, in ReplyFacts facts, CustomerSide customer)
    {
        var strong = ImmutableArray.CreateBuilder<Evidence>();
        var weak = ImmutableArray.CreateBuilder<Evidence>();
        var next = ImmutableArray.CreateBuilder<Evidence>();
        var time = ImmutableArray.CreateBuilder<Evidence>();
        var follow = ImmutableArray.CreateBuilder<Evidence>();
        var done = ImmutableArray.CreateBuilder<Evidence>();
        var tokens = doc.Tokens;
        foreach (var m in matches)
        {
            switch (m.Kind)
            {
                case CueKind.OwnershipStrong:
                case CueKind.OwnershipWeak:
                    AddOnce(m.Kind == CueKind.OwnershipStrong ? strong : weak, doc.Evidence(m.First, m.Last, "ownership." + m.Id, m.Kind == CueKind.OwnershipStrong ? 1 : 0.5));
                    // An owner followed by an action verb in the same sentence is a concrete next step.
                    for (var i = m.First + 1; i < tokens.Length && i <= m.Last + 6 && tokens[i].Sentence == tokens[m.First].Sentence; i++)
                    {
                        if (facts.IsActionVerb(i))
                        {
                            AddOnce(next, doc.Evidence(m.First, i, "next-step.owned", 1));
                            break;
                        }
                    }
                    break;
                case CueKind.Instruction:
                    next.Add(doc.Evidence(m.First, m.Last, "next-step." + m.Id, 0.8));
                    break;
                case CueKind.Timeline:
                    time.Add(doc.Evidence(m.First, m.Last, "timeline." + m.Id, 1));
                    break;
                case CueKind.FollowUp:
                    follow.Add(doc.Evidence(m.First, m.Last, "follow-up." + m.Id, 1));
                    break;
                case CueKind.Resolution:
                    done.Add(doc.Evidence(m.First, m.Last, "resolution." + m.Id, 1));
                    break;
                default:
                    break;
            }
        }
        if (facts.FirstStep >= 0)
        {
            next.Add(doc.Evidence(facts.FirstStep, facts.FirstStep, "next-step.numbered-steps", 0.8));
        }
        var ownership = strong.Count > 0 ? strong.ToImmutable() : weak.ToImmutable();
        bool? answers = null;
        if (customer.AskedQuestion)
        {
            answers = next.Count > 0 || done.Count > 0 || time.Count > 0 || ReplyFacts.SharedWords(doc, customer) >= 2;
        }
        return new ActionReading(ownership, next.ToImmutable(), time.ToImmutable(), follow.ToImmutable(), done.ToImmutable(), answers);
    }

    private static void AddOnce(ImmutableArray<Evidence>.Builder list, Evidence e)
    {
        foreach (var x in list)
        {
            if (x.Span == e.Span)
            {
                return;
            }
        }
        list.Add(e);
    }

    private static void FlagCues(Document doc, List<CueMatch> matches, ActionReading action, List<CoachingFlag> flags)
    {
        var hasAlternative = false;
        foreach (var m in matches)
        {
            hasAlternative |= m.Kind == CueKind.Alternative;
        }
        var jargon = 0;
        var lastFlagged = new int[Enum.GetValues<CueKind>().Length];
        Array.Fill(lastFlagged, -1);
        foreach (var m in matches)
        {
            // One flag per stretch of words: overlapping cues of one kind ("apologise for any inconvenience this may have caused") count once.
            if (m.First <= lastFlagged[(int)m.Kind])
            {
                continue;
            }
            lastFlagged[(int)m.Kind] = m.Last;
            var e = doc.Evidence(m.First, m.Last, CueLexicon.KindName(m.Kind) + "." + m.Id, 1);
            switch (m.Kind)
            {
                case CueKind.Cliche:
                    flags.Add(new CoachingFlag(FlagKind.ScriptedCliche, FlagSeverity.Minor, e.Span, e.Text, e.Cue,
                        "A stock phrase customers recognise as a script: it signals a template, not a person.", m.Rewrite));
                    break;
                case CueKind.Blame:
                    flags.Add(new CoachingFlag(FlagKind.Blame, FlagSeverity.Major, e.Span, e.Text, e.Cue,
                        "Points at the customer's mistake; however polite, it reads as blame and makes them defensive.", m.Rewrite));
                    break;
                case CueKind.Dismissal:
                    flags.Add(new CoachingFlag(FlagKind.Dismissal, FlagSeverity.Major, e.Span, e.Text, e.Cue,
                        "Dismisses the customer's problem or feelings instead of owning it.", m.Rewrite));
                    break;
                case CueKind.Policy when !hasAlternative:
                    flags.Add(new CoachingFlag(FlagKind.Dismissal, FlagSeverity.Major, e.Span, e.Text, e.Cue,
                        "A policy quoted with no option closes the conversation; the customer hears \"no\" and nothing else.", m.Rewrite));
                    break;
                case CueKind.DeadEnd when !hasAlternative && !action.Acts:
                    flags.Add(new CoachingFlag(FlagKind.DeadEnd, FlagSeverity.Critical, e.Span, e.Text, e.Cue,
                        "A dead end: the customer is left with nothing to do and no one to turn to.", m.Rewrite));
                    break;
                case CueKind.DeadEnd when !hasAlternative:
                    flags.Add(new CoachingFlag(FlagKind.DeadEnd, FlagSeverity.Minor, e.Span, e.Text, e.Cue,
                        "\"Nothing we can do\" lands harder than the help that follows; lead with what you can do.", m.Rewrite));
                    break;
                case CueKind.Jargon when jargon < 3:
                    jargon++;
                    flags.Add(new CoachingFlag(FlagKind.Jargon, FlagSeverity.Minor, e.Span, e.Text, e.Cue,
                        $"\"{e.Text}\" is internal or technical language the customer may not know.",
                        "Say it in everyday words, or explain it in a few words the first time."));
                    break;
                default:
                    break;
            }
        }
    }

    private static void FlagTone(Document doc, List<CueMatch> matches, List<CoachingFlag> flags, string why)
    {
        // One flag per kind: the offer or the cheer as a whole is the problem, not each word of it.
        bool upsell = false, cheer = false;
        foreach (var m in matches)
        {
            if (m.Kind is CueKind.Upsell or CueKind.Cheer && !(m.Kind == CueKind.Upsell ? upsell : cheer) && !HasFlagAt(flags, FlagKind.ToneMismatch, doc, m.First))
            {
                upsell |= m.Kind == CueKind.Upsell;
                cheer |= m.Kind == CueKind.Cheer;
                var e = doc.Evidence(m.First, m.Last, CueLexicon.KindName(m.Kind) + "." + m.Id, 1);
                flags.Add(new CoachingFlag(FlagKind.ToneMismatch, m.Kind == CueKind.Upsell ? FlagSeverity.Critical : FlagSeverity.Major, e.Span, e.Text, e.Cue,
                    why + (m.Kind == CueKind.Upsell ? "an offer now reads as using their situation to sell." : "upbeat words read as not listening."),
                    m.Rewrite));
            }
        }
    }

    private static bool HasFlagAt(List<CoachingFlag> flags, FlagKind kind, Document doc, int token)
    {
        var start = doc.ToOriginal(doc.Tokens[token].Start, 1).Start;
        foreach (var f in flags)
        {
            if (f.Kind == kind && f.Span.Start == start)
            {
                return true;
            }
        }
        return false;
    }

    private static void FlagShape(Document doc, in ReplyFacts facts, List<CoachingFlag> flags)
    {
        var all = new TextSpan(0, doc.Original.Length);
        if (facts.Words > LongReplyWords && facts.Paragraphs <= 1 && facts.FirstStep < 0)
        {
            flags.Add(new CoachingFlag(FlagKind.WallOfText, facts.Words > 2 * LongReplyWords ? FlagSeverity.Major : FlagSeverity.Minor, all, "", "shape.wall",
                $"{facts.Words} words in one block: the customer has to dig for what matters.",
                "Lead with the answer in one or two sentences, then short paragraphs or numbered steps."));
        }
        else if (facts.LongestSentence > LongSentenceWords)
        {
            var e = doc.Evidence(facts.LongestSentenceFirst, facts.LongestSentenceLast, "shape.long-sentence", 1);
            flags.Add(new CoachingFlag(FlagKind.WallOfText, FlagSeverity.Minor, e.Span, e.Text, e.Cue,
                $"A sentence of {facts.LongestSentence} words is hard to follow.", "Split it: one idea per sentence."));
        }
    }

    private static Evidence FirstEmpathy(EmpathyReading empathy)
    {
        Evidence? first = null;
        foreach (var e in empathy.EmotionalReaction.Evidence.AddRange(empathy.Interpretation.Evidence))
        {
            if (first is null || e.Span.Start < first.Span.Start)
            {
                first = e;
            }
        }
        return first!;
    }

    private static Dictionary<string, ImmutableArray<Evidence>> Presence(Document doc, List<CueMatch> matches, EmpathyReading empathy, ActionReading action, in ReplyFacts facts, List<CoachingFlag> flags)
    {
        var p = new Dictionary<string, ImmutableArray<Evidence>>(StringComparer.Ordinal);
        void Set(string id, ImmutableArray<Evidence> e, bool present = true)
        {
            if (present)
            {
                p[id] = e.IsDefault ? [] : e;
            }
        }
        Set("emotional-reaction", empathy.EmotionalReaction.Evidence, empathy.EmotionalReaction.Level != MechanismLevel.None);
        Set("interpretation", empathy.Interpretation.Evidence, empathy.Interpretation.Level != MechanismLevel.None);
        Set("exploration", empathy.Exploration.Evidence, empathy.Exploration.Level != MechanismLevel.None);
        Set("ownership", action.Ownership, action.HasOwnership);
        Set("next-step", action.NextStep, action.HasNextStep);
        Set("timeline", action.Timeline, action.HasTimeline);
        Set("follow-up", action.FollowUp, action.HasFollowUp);
        Set("resolution", action.Resolution, action.HasResolution);
        Set("answers-question", [], action.AnswersQuestion != false);

        // Condolence first: an emotional reaction before any action, in the first two sentences.
        var firstAction = int.MaxValue;
        foreach (var e in action.Ownership.AddRange(action.NextStep).AddRange(action.Resolution))
        {
            firstAction = Math.Min(firstAction, e.Span.Start);
        }
        foreach (var e in empathy.EmotionalReaction.Evidence)
        {
            if (e.Span.Start < firstAction && ReplyFacts.SentenceAt(doc, e.Span.Start) <= facts.FirstSentence + 1)
            {
                Set("condolence-first", [e]);
                break;
            }
        }

        var byKind = new Dictionary<CueKind, ImmutableArray<Evidence>.Builder>();
        foreach (var m in matches)
        {
            if (!byKind.TryGetValue(m.Kind, out var list))
            {
                byKind[m.Kind] = list = ImmutableArray.CreateBuilder<Evidence>();
            }
            list.Add(doc.Evidence(m.First, m.Last, CueLexicon.KindName(m.Kind) + "." + m.Id, 1));
        }
        void FromCue(string id, CueKind kind)
        {
            if (byKind.TryGetValue(kind, out var list))
            {
                Set(id, list.ToImmutable());
            }
        }
        FromCue("apology", CueKind.Apology);
        FromCue("senior-escalation", CueKind.Senior);
        FromCue("contact-point", CueKind.ContactPoint);
        FromCue("alternative", CueKind.Alternative);
        FromCue("upsell", CueKind.Upsell);
        FromCue("cheer", CueKind.Cheer);
        FromCue("casual", CueKind.Casual);
        if (facts.Exclamations > 0)
        {
            Set("exclamation", [doc.Evidence(facts.FirstExclamation, facts.FirstExclamation, "exclamation", 1)]);
            if (!p.ContainsKey("cheer") && facts.Exclamations >= 2)
            {
                Set("cheer", [doc.Evidence(facts.FirstExclamation, facts.FirstExclamation, "exclamation", 1)]);
            }
        }
        foreach (var (id, kind) in new[] { ("cliche", FlagKind.ScriptedCliche), ("blame", FlagKind.Blame), ("dismissal", FlagKind.Dismissal), ("dead-end", FlagKind.DeadEnd), ("hollow", FlagKind.HollowEmpathy), ("jargon", FlagKind.Jargon), ("wall-of-text", FlagKind.WallOfText) })
        {
            foreach (var f in flags)
            {
                if (f.Kind == kind)
                {
                    Set(id, [new Evidence(f.Span, f.Text, f.Cue, 1)]);
                    break;
                }
            }
        }
        return p;
    }

    private static SituationFit CheckPlaybook(Document doc, CustomerSide customer, Dictionary<string, ImmutableArray<Evidence>> present, List<CoachingFlag> flags)
    {
        if (customer.Playbook is not { } compiled)
        {
            return new SituationFit("", "", false, customer.Reason, "", 1, []);
        }
        var playbook = compiled.Playbook;
        if (compiled.Checks.Count > 0)
        {
            var own = new List<CueMatch>();
            compiled.Checks.FindAll(doc, own);
            foreach (var m in own)
            {
                var e = doc.Evidence(m.First, m.Last, playbook.Name + "." + m.Id, 1);
                present[m.Id] = present.TryGetValue(m.Id, out var list) ? list.Add(e) : [e];
            }
        }
        var checks = ImmutableArray.CreateBuilder<PlaybookCheck>(playbook.Rules.Length);
        var passed = 0;
        foreach (var rule in playbook.Rules)
        {
            var isPresent = present.TryGetValue(rule.Id, out var evidence);
            var ok = rule.Kind == RuleKind.Do ? isPresent : !isPresent;
            passed += ok ? 1 : 0;
            checks.Add(new PlaybookCheck(rule, ok, isPresent ? evidence : []));
            if (!ok && rule.Kind == RuleKind.Dont && evidence.Length > 0)
            {
                var kind = rule.Id is "upsell" or "cheer" or "exclamation" or "casual" ? FlagKind.ToneMismatch : FlagKind.PlaybookViolation;
                var first = evidence[0];
                if (!HasFlagSpan(flags, first.Span))
                {
                    flags.Add(new CoachingFlag(kind, FlagSeverity.Critical, first.Span, first.Text, playbook.Name + ".dont." + rule.Id,
                        $"{playbook.Title}: {rule.Guidance}", rule.Guidance));
                }
                else
                {
                    Escalate(flags, first.Span);
                }
            }
        }
        var fit = playbook.Rules.Length == 0 ? 1 : (double)passed / playbook.Rules.Length;
        return new SituationFit(playbook.Name, playbook.Title, customer.Inferred, customer.Reason, playbook.Outcome, fit, checks.MoveToImmutable());
    }

    private static bool HasFlagSpan(List<CoachingFlag> flags, TextSpan span)
    {
        foreach (var f in flags)
        {
            if (f.Span == span)
            {
                return true;
            }
        }
        return false;
    }

    // A flag that also breaks a playbook's "never" rule is critical.
    private static void Escalate(List<CoachingFlag> flags, TextSpan span)
    {
        for (var i = 0; i < flags.Count; i++)
        {
            if (flags[i].Span == span)
            {
                flags[i] = flags[i] with { Severity = FlagSeverity.Critical };
            }
        }
    }

    private static RegionalFit CheckRegion(RegionalNorms region, Document doc, List<CueMatch> matches, in ReplyFacts facts, ActionReading action, CustomerSide customer)
    {
        if (region.Code.Length == 0)
        {
            return new RegionalFit("", region.Name, 1, [], []);
        }
        var checks = ImmutableArray.CreateBuilder<RegionalCheck>();
        var penalty = 0.0;
        void Check(string id, bool ok, string found, string fix, double weight)
        {
            checks.Add(new RegionalCheck(id, ok, found, ok ? "" : fix));
            penalty += ok ? 0 : weight;
        }
        int Count(CueKind kind)
        {
            var n = 0;
            foreach (var m in matches)
            {
                n += m.Kind == kind ? 1 : 0;
            }
            return n;
        }

        if (region.ActionWeight >= 1.2)
        {
            Check("action", action.Acts, action.Acts ? "The reply acts." : "The reply does not act.",
                $"In {region.Name} what you do counts more than what you say: state the action and when it happens.", 0.3);
        }
        if (region.MaxApologies is { } max)
        {
            var apologies = Count(CueKind.Apology);
            var ok = apologies <= max || action.Acts && apologies <= max + 1;
            Check("max-apologies", ok, $"{apologies} apolog{(apologies == 1 ? "y" : "ies")}{(action.Acts ? "" : " and no action")}.",
                "Apologise once, sincerely, then show the action that fixes it.", 0.3);
        }
        if (region.Formality == Formality.Formal)
        {
            var casual = Count(CueKind.Casual);
            Check("formality", casual == 0, casual == 0 ? "The register is appropriately formal." : "Casual words in a formal culture.",
                "Use a polite, formal register: no \"hey\", \"no worries\" or \"awesome\".", 0.15);
        }
        if (region.MaxWords is { } maxWords)
        {
            Check("max-words", facts.Words <= maxWords, $"{facts.Words} words (expected at most {maxWords}).",
                "Be direct: answer first, cut pleasantries and repetition.", 0.15);
        }
        if (region.Specifics)
        {
            var specific = facts.Numbers > 0 || action.HasTimeline || facts.FirstStep >= 0;
            Check("specifics", specific, specific ? "The reply gives precise facts." : "No precise facts: no numbers, dates or exact steps.",
                "Be precise: give the exact figure, date, reference or steps.", 0.2);
        }
        if (region.Warmth)
        {
            var warm = Count(CueKind.Warmth) > 0;
            Check("warmth", warm, warm ? "The reply is personal and warm." : "No personal greeting or warm closing.",
                "Open and close personally and warmly (greet them, wish them well) before and after the business.", 0.2);
        }
        if (region.SeniorEscalation)
        {
            var senior = Count(CueKind.Senior) > 0;
            Check("senior-escalation", senior || !customer.Upset,
                !customer.Upset ? "No escalation needed." : senior ? "A senior person is involved." : "An upset customer and no senior person involved.",
                "Involve a senior representative (a manager or team leader) and say so; it shows the company takes it seriously.", 0.25);
        }
        if (region.Discretion)
        {
            var strongSentences = 0;
            var lastSentence = -1;
            foreach (var m in matches)
            {
                var sentence = doc.Tokens[m.First].Sentence;
                if (m.Kind == CueKind.EmotionStrong && sentence != lastSentence)
                {
                    strongSentences++;
                    lastSentence = sentence;
                }
            }
            var loud = facts.Exclamations > 0 || Count(CueKind.Cheer) > 0 || strongSentences >= 2;
            Check("discretion", !loud, loud ? "Effusive or exclamatory language." : "Measured and discreet.",
                "Keep it measured: no exclamation marks or effusive phrases; let the action show the care.", 0.15);
        }
        return new RegionalFit(region.Code, region.Name, Math.Max(0, 1 - penalty), checks.ToImmutable(), region.Notes);
    }

    private static ScoreParts ScoreOf(EmpathyReading empathy, ActionReading action, RegionalNorms region, RegionalFit regionalFit, SituationFit situationFit, SituationPlaybook? situation, List<CoachingFlag> flags)
    {
        var ew = region.EmotionWeight;
        var iw = region.InterpretationWeight;
        var xw = region.ExplorationWeight;
        var empathyRaw = ew + iw <= 0 ? 0 : Math.Min(1, (ew * empathy.EmotionalReaction.Points + iw * empathy.Interpretation.Points + 0.5 * xw * empathy.Exploration.Points) / (ew + iw));
        var actionRaw = (action.HasOwnership ? 0.2 : 0) + (action.HasNextStep ? 0.3 : 0) + (action.HasTimeline ? 0.15 : 0)
            + (action.HasFollowUp ? 0.15 : 0) + (action.HasResolution ? 0.35 : 0) + (action.AnswersQuestion == true ? 0.15 : 0);
        actionRaw = Math.Min(1, actionRaw) * (action.AnswersQuestion == false ? 0.6 : 1);
        if (situation?.ActionNeeded == false)
        {
            actionRaw = Math.Max(actionRaw, 0.75);
        }
        var empathyWeight = (ew + iw) / 2;
        var total = empathyWeight + region.ActionWeight;
        var empathyMax = total <= 0 ? 40 : 80 * empathyWeight / total;
        var actionMax = 80 - empathyMax;
        var penalties = 0.0;
        foreach (var f in flags)
        {
            penalties += f.Severity switch { FlagSeverity.Critical => 20, FlagSeverity.Major => 10, _ => 3 };
        }
        return new ScoreParts(
            Math.Round(empathyRaw * empathyMax, 1), Math.Round(empathyMax, 1),
            Math.Round(actionRaw * actionMax, 1), Math.Round(actionMax, 1),
            Math.Round(10 * regionalFit.Fit + 10 * situationFit.Fit, 1),
            Math.Min(60, penalties));
    }

    private static ImmutableArray<Suggestion> Suggest(List<CoachingFlag> flags, EmpathyReading empathy, ActionReading action, SituationFit situation, RegionalFit region, CustomerSide customer)
    {
        var list = new List<Suggestion>(8);
        void Add(string text, string because)
        {
            if (list.Count < MaxSuggestions && text.Length > 0 && !list.Exists(s => s.Text == text))
            {
                list.Add(new Suggestion(text, because));
            }
        }
        foreach (var f in flags)
        {
            if (f.Severity == FlagSeverity.Critical)
            {
                Add(f.Rewrite, $"{Describe(f.Kind)}: \"{Short(f.Text)}\"");
            }
        }
        foreach (var f in flags)
        {
            if (f.Severity == FlagSeverity.Major)
            {
                Add(f.Rewrite, $"{Describe(f.Kind)}: \"{Short(f.Text)}\"");
            }
        }
        // A playbook's own words come first; the generic advice is skipped where the playbook already says it.
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in situation.Checks)
        {
            if (!c.Passed && c.Rule.Kind == RuleKind.Do)
            {
                Add(c.Rule.Guidance, $"{situation.Title} playbook: {c.Rule.Id}");
                covered.Add(c.Rule.Id);
            }
        }
        if (!action.Acts && !empathy.Acknowledges && !covered.Contains("ownership") && !covered.Contains("next-step"))
        {
            Add("Take ownership and name the next step: \"I'll … and you'll hear from me by …\"", "no action");
        }
        if (action.AnswersQuestion == false && !covered.Contains("answers-question"))
        {
            Add("Answer what the customer asked before anything else.", "question not answered");
        }
        if (customer.Negative && !empathy.Acknowledges && !covered.Contains("interpretation") && !covered.Contains("emotional-reaction") && !covered.Contains("condolence-first"))
        {
            Add("Acknowledge how they feel in your own words before the fix: \"Being charged twice is stressful.\"", "no empathy for an upset customer");
        }
        if (action.Acts && !action.HasTimeline && !action.HasResolution && !covered.Contains("timeline"))
        {
            Add("Say when: \"by Friday\", \"within 24 hours\", \"today before 5 pm\".", "no timeline");
        }
        foreach (var c in region.Checks)
        {
            if (!c.Passed)
            {
                Add(c.Suggestion, $"{region.Name}: {c.Check}");
            }
        }
        foreach (var f in flags)
        {
            Add(f.Rewrite, $"{Describe(f.Kind)}: \"{Short(f.Text)}\"");
        }
        return [.. list];
    }

    private static string Describe(FlagKind kind) => kind switch
    {
        FlagKind.HollowEmpathy => "hollow empathy",
        FlagKind.ScriptedCliche => "scripted cliché",
        FlagKind.DeadEnd => "dead end",
        FlagKind.WallOfText => "wall of text",
        FlagKind.ToneMismatch => "tone mismatch",
        FlagKind.PlaybookViolation => "playbook violation",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Short(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
