using Attune.Core.Coaching.Playbooks;

namespace Attune.App.Features.Organisation;

public sealed record PlaybookRuleView(string Id, string Kind, string Guidance);

public sealed record SituationPlaybookView(string Name, string Title, string Summary, string Outcome, int Priority, IReadOnlyList<PlaybookRuleView> Rules);

public sealed record RegionPlaybookView(string Code, string Name, string Summary, string Formality, int? MaxWords, int? MaxApologies,
    IReadOnlyList<string> Expectations, IReadOnlyList<string> Notes);

public sealed record PlaybooksView(IReadOnlyList<SituationPlaybookView> Situations, IReadOnlyList<RegionPlaybookView> Regions);

/// <summary>The situation and region playbooks the coaching module ships, for reading (Settings and the API).</summary>
public static class PlaybookCatalog
{
    private static readonly Lazy<PlaybooksView> Built = new(() => Build(PlaybookLibrary.Default));

    public static PlaybooksView Shipped => Built.Value;

    internal static PlaybooksView Build(PlaybookLibrary library) => new(
        [.. library.Situations.OrderByDescending(s => s.Priority).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new SituationPlaybookView(s.Name, s.Title, s.Summary, s.Outcome, s.Priority,
                [.. s.Rules.Select(r => new PlaybookRuleView(r.Id, r.Kind == RuleKind.Do ? "do" : "dont", r.Guidance))]))],
        [.. library.Regions.OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new RegionPlaybookView(r.Code, r.Name, r.Summary, r.Formality.ToString().ToLowerInvariant(), r.MaxWords, r.MaxApologies,
                Expectations(r), r.Notes))]);

    private static List<string> Expectations(RegionalNorms r)
    {
        var list = new List<string>();
        if (r.Specifics)
        {
            list.Add("precise facts: numbers, dates, exact steps");
        }
        if (r.Warmth)
        {
            list.Add("a warm, personal greeting or closing");
        }
        if (r.SeniorEscalation)
        {
            list.Add("a senior person steps in for an upset customer");
        }
        if (r.Discretion)
        {
            list.Add("discretion: no exclamation marks or effusive language");
        }
        if (r.ActionWeight > 1)
        {
            list.Add("action counts more than words");
        }
        return list;
    }
}
