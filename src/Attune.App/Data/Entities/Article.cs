namespace Attune.App.Data.Entities;

/// <summary>A knowledge-base article (Markdown; the first "# " heading is its title).</summary>
public sealed class Article
{
    public long Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Markdown { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
