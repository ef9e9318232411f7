using System.Text;
using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Security;
using Attune.Core.Listening;
using Attune.Core.Routing;
using Attune.Core.Routing.SelfService;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Knowledge;

public sealed record NewArticle(string? Id, string? Markdown);

public sealed record ArticleView(string Id, string Title, string Markdown, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string UpdatedBy);

public sealed record ArticleSummary(string Id, string Title, DateTimeOffset UpdatedAt);

public sealed record SuggestedArticle(string Id, string Title, double Score, string Markdown);

/// <summary>What self-service offers for a message: articles only when self-service is right for this customer, and
/// always the way to a person.</summary>
public sealed record SelfServiceView(bool SelfService, string? RefusedBecause, IReadOnlyList<SuggestedArticle> Articles, string Handoff);

/// <summary>The knowledge base: Markdown articles written by admins, searched with BM25 for self-service and routing.</summary>
public sealed class KnowledgeArticles(AttuneDb db, Audit audit, TimeProvider clock)
{
    public const int MaxMarkdown = 100_000;
    public const int MaxText = 10_000;
    private static readonly Lock Gate = new();
    private static (string Key, KnowledgeBase Base) _cache = ("", new KnowledgeBase([]));

    /// <summary>Creates the article, or replaces the one with the same id; the id defaults to the title as a slug.</summary>
    public async Task<Result<ArticleView>> SaveAsync(NewArticle request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Markdown))
        {
            return Failure.Invalid("markdown", "markdown is required: the article's text, with its title as the first '# ' heading.");
        }
        if (request.Markdown.Length > MaxMarkdown)
        {
            return Failure.Invalid("markdown", $"markdown is {request.Markdown.Length:N0} characters; at most {MaxMarkdown:N0} are allowed.");
        }
        var parsed = KnowledgeArticle.FromMarkdown(request.Id ?? "", request.Markdown);
        if (string.IsNullOrWhiteSpace(parsed.Title))
        {
            return Failure.Invalid("markdown", "the article has no title: start it with a '# ' heading or give an id.");
        }
        var slug = string.IsNullOrWhiteSpace(request.Id) ? Slug(parsed.Title) : request.Id.Trim();
        if (slug.Length is 0 or > 200 || !slug.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            return Failure.Invalid("id", $"id '{slug}' must be 1 to 200 characters of a-z, 0-9 and '-'.");
        }
        var now = clock.GetUtcNow();
        var row = await db.Articles.FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (row is null)
        {
            row = new Article { Slug = slug, Title = "", Markdown = "", CreatedAt = now, UpdatedBy = actor };
            db.Articles.Add(row);
        }
        row.Title = parsed.Title.Length > 300 ? parsed.Title[..300] : parsed.Title;
        row.Markdown = request.Markdown;
        row.UpdatedAt = now;
        row.UpdatedBy = actor;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "article.saved", $"article:{slug}", row.Title, ct);
        return View(row);
    }

    public async Task<IReadOnlyList<ArticleSummary>> ListAsync(CancellationToken ct) =>
        await db.Articles.AsNoTracking().OrderBy(a => a.Slug).Select(a => new ArticleSummary(a.Slug, a.Title, a.UpdatedAt)).ToListAsync(ct);

    public async Task<Result<ArticleView>> GetAsync(string id, CancellationToken ct)
    {
        var row = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == id, ct);
        return row is null ? Failure.NotFound($"Article '{id}'") : View(row);
    }

    /// <summary>The articles as a BM25 index, rebuilt only when an article changed.</summary>
    public async Task<KnowledgeBase> KnowledgeBaseAsync(CancellationToken ct)
    {
        var count = await db.Articles.CountAsync(ct);
        var last = await db.Articles.AsNoTracking().OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.UpdatedAt }).FirstOrDefaultAsync(ct);
        var key = last is null ? "0" : $"{count}:{last.UpdatedAt.UtcTicks}:{last.Id}";
        lock (Gate)
        {
            if (_cache.Key == key)
            {
                return _cache.Base;
            }
        }
        var rows = await db.Articles.AsNoTracking().OrderBy(a => a.Slug).Select(a => new { a.Slug, a.Title, a.Markdown }).ToListAsync(ct);
        var built = new KnowledgeBase(rows.Select(r => new KnowledgeArticle(r.Slug, r.Title, r.Markdown)));
        lock (Gate)
        {
            _cache = (key, built);
        }
        return built;
    }

    /// <summary>The best articles for <paramref name="text"/>, or none with the reason when the customer must reach a
    /// person: vulnerable, upset or distressed, asking for a person, or back after a failed contact.</summary>
    public async Task<Result<SelfServiceView>> SelfServiceAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Failure.Invalid("text", "text is required: the customer's question.");
        }
        if (text.Length > MaxText)
        {
            return Failure.Invalid("text", $"text is {text.Length:N0} characters; at most {MaxText:N0} are allowed.");
        }
        var reading = Listener.Default.Read(text);
        var refused = RefusalFor(reading, PersonRequest.Find(text));
        if (refused is not null)
        {
            return new SelfServiceView(false, refused, [], SelfServiceAnswer.TalkToAPerson);
        }
        var answer = (await KnowledgeBaseAsync(ct)).Search(text);
        return new SelfServiceView(answer.Articles.Length > 0, answer.Articles.Length > 0 ? null : "no article matches well enough",
            [.. answer.Articles.Select(m => new SuggestedArticle(m.Article.Id, m.Article.Title, Math.Round(m.Score, 3), m.Article.Markdown))],
            answer.Handoff);
    }

    private static string? RefusalFor(Reading reading, Evidence? person) =>
        reading.IsVulnerable ? "vulnerable customers reach a trained person, never self-service"
        : person is { } p ? $"asked for a person '{p.Text}'"
        : RoutingSignals.IsUpset(reading) ? "upset customers reach a person"
        : RoutingSignals.IsDistressed(reading) ? "no self-service in distress"
        : RoutingSignals.HasFailedContact(reading, 0) ? "no self-service after a failed contact"
        : null;

    private static ArticleView View(Article a) => new(a.Slug, a.Title, a.Markdown, a.CreatedAt, a.UpdatedAt, a.UpdatedBy);

    private static string Slug(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var ch in title.ToLowerInvariant())
        {
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                sb.Append(ch);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length > 200 ? slug[..200].Trim('-') : slug;
    }
}
