using System.Collections.Immutable;
using Attune.Core.Listening;
using Attune.Core.Resources;
using Attune.Core.Text;

namespace Attune.Core.Routing.SelfService;

/// <summary>A knowledge-base article: Markdown whose first "# " heading is the title.</summary>
/// <param name="Id">A stable id, e.g. the file name without extension ("reset-password").</param>
/// <param name="Title">The title (the first "# " heading, or the id when there is none).</param>
/// <param name="Markdown">The whole article as Markdown.</param>
public sealed record KnowledgeArticle(string Id, string Title, string Markdown)
{
    /// <summary>Reads an article from Markdown: the title is the first line starting with "# ".</summary>
    public static KnowledgeArticle FromMarkdown(string id, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("# "))
            {
                return new KnowledgeArticle(id, trimmed[2..].Trim().ToString(), markdown);
            }
        }
        return new KnowledgeArticle(id, id, markdown);
    }
}

/// <summary>One article found for a question.</summary>
/// <param name="Article">The article.</param>
/// <param name="Score">Its BM25 score (0 or more; higher is a better match; not comparable across knowledge bases).</param>
public sealed record ArticleMatch(KnowledgeArticle Article, double Score);

/// <summary>A self-service answer: the best articles and, always, the way to a person.</summary>
/// <param name="Articles">The best matching articles, best first; empty when nothing matched well enough.</param>
/// <param name="Handoff">The words of the always-visible way to a person.</param>
public sealed record SelfServiceAnswer(ImmutableArray<ArticleMatch> Articles, string Handoff = SelfServiceAnswer.TalkToAPerson)
{
    /// <summary>The default handoff label.</summary>
    public const string TalkToAPerson = "Talk to a person";
}

/// <summary>Articles ranked by Okapi BM25 (k1 = 1.2, b = 0.75) over the listening tokenizer's normal forms, with the
/// title counted twice. Immutable after construction; thread-safe.</summary>
public sealed class KnowledgeBase
{
    /// <summary>BM25 term-frequency saturation.</summary>
    public const double K1 = 1.2;

    /// <summary>BM25 length normalisation.</summary>
    public const double B = 0.75;

    /// <summary>The score an article needs to be offered; below it the question goes to a person. Tuned on the demo
    /// articles so that one shared content word ("password") is enough, but a single common word is not.</summary>
    public const double MinScore = 1.5;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "i", "me", "my", "you", "your", "we", "our", "it", "is", "are", "was", "be", "to", "of", "in",
        "on", "for", "and", "or", "do", "does", "how", "what", "can", "could", "would", "please", "hi", "hello", "thanks",
        "thank", "with", "this", "that", "there", "at", "by", "from", "if", "so", "am", "have", "has", "get", "want",
        "need", "help", "where", "when", "which", "will", "just", "not", "no", "yes", "any", "about", "up", "out", "as",
    };

    private readonly ImmutableArray<KnowledgeArticle> _articles;
    private readonly Dictionary<string, List<(int Doc, int Count)>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Doc, int Count)>>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[] _lengths;
    private readonly double _averageLength;

    /// <summary>Indexes the articles.</summary>
    public KnowledgeBase(IEnumerable<KnowledgeArticle> articles)
    {
        _articles = [.. articles];
        _lengths = new int[_articles.Length];
        for (var d = 0; d < _articles.Length; d++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var length = Count(_articles[d].Title, counts, 2) + Count(_articles[d].Markdown, counts, 1);
            _lengths[d] = length;
            foreach (var (term, count) in counts)
            {
                if (!_postings.TryGetValue(term, out var list))
                {
                    _postings[term] = list = [];
                }
                list.Add((d, count));
            }
        }
        _averageLength = _lengths.Length == 0 ? 1 : Math.Max(1, _lengths.Average());
        _lookup = _postings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The articles, in the order given.</summary>
    public ImmutableArray<KnowledgeArticle> Articles => _articles;

    /// <summary>Attune's demo articles (embedded resources under routing/knowledge/).</summary>
    public static KnowledgeBase Demo()
    {
        var articles = new List<KnowledgeArticle>();
        foreach (var path in EmbeddedResource.List("routing/knowledge"))
        {
            var id = Path.GetFileNameWithoutExtension(path);
            articles.Add(KnowledgeArticle.FromMarkdown(id, EmbeddedResource.ReadText(path)));
        }
        return new KnowledgeBase(articles);
    }

    /// <summary>The best articles (at most <paramref name="top"/>, each scoring at least <see cref="MinScore"/>) for a
    /// question, always with the handoff to a person.</summary>
    public SelfServiceAnswer Search(string question, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(question);
        var document = TextPreparer.Prepare(question);
        var scores = new double[_articles.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Tokens.Length; i++)
        {
            if (!document.Tokens[i].IsWord && document.Tokens[i].Kind != TokenKind.Number)
            {
                continue;
            }
            var term = document.Norm(i);
            if (!_lookup.TryGetValue(term, out var postings) || StopWords.Contains(term.ToString()) || !seen.Add(term.ToString()))
            {
                continue;
            }
            var idf = Math.Log(1 + ((_articles.Length - postings.Count + 0.5) / (postings.Count + 0.5)));
            foreach (var (doc, count) in postings)
            {
                var norm = K1 * (1 - B + (B * _lengths[doc] / _averageLength));
                scores[doc] += idf * (count * (K1 + 1)) / (count + norm);
            }
        }
        var matches = new List<ArticleMatch>();
        for (var d = 0; d < scores.Length; d++)
        {
            if (scores[d] >= MinScore)
            {
                matches.Add(new ArticleMatch(_articles[d], scores[d]));
            }
        }
        matches.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Article.Id, b.Article.Id));
        return new SelfServiceAnswer([.. matches.Take(top)]);
    }

    /// <summary>A self-service answer only when self-service is allowed for this reading (not vulnerable, not
    /// distressed, no failed contact: <see cref="RoutingSignals.AllowsSelfService"/>); null otherwise.</summary>
    public SelfServiceAnswer? Answer(Reading reading, int failedContacts, string question) =>
        RoutingSignals.AllowsSelfService(reading, failedContacts) ? Search(question) : null;

    private static int Count(string text, Dictionary<string, int> counts, int weight)
    {
        var document = TextPreparer.Prepare(text);
        var length = 0;
        for (var i = 0; i < document.Tokens.Length; i++)
        {
            if (!document.Tokens[i].IsWord && document.Tokens[i].Kind != TokenKind.Number)
            {
                continue;
            }
            var term = document.NormString(i);
            if (StopWords.Contains(term))
            {
                continue;
            }
            counts[term] = counts.GetValueOrDefault(term) + weight;
            length += weight;
        }
        return length;
    }
}
