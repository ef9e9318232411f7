using Attune.Core.Coaching.Playbooks;
using Attune.Core.Listening;

namespace Attune.Core.Tests.Coaching;

public sealed class PlaybookLibraryTests
{
    private const string Valid = """
        # a comment
        situation: late-refund
        title: Late refund
        summary: "The refund has not arrived: money matters."
        priority: 30
        when:
          topics: [Refund]
          vulnerability: [IncomeShock]
          phrases: [still no refund, '(where|when) is my refund']
        do:
          ownership: Own it.
          timeline: Give the date.
          chase: Say you chased it.
        dont:
          blame: No blame.
        phrases:
          chase:
            - (i've|i have) chased
            - i chased
        """;

    private static PlaybookFormatException Fails(string text, string name = "org/bad.yaml") =>
        Assert.Throws<PlaybookFormatException>(() => PlaybookLibrary.Parse([new PlaybookSource(name, text)]));

    [Fact]
    public void Embedded_HasEverySituationAndRegion()
    {
        var library = PlaybookLibrary.Default;
        foreach (var name in new[] { "bereavement", "serious-illness", "financial-hardship", "outage", "billing-error", "delivery-failure", "repeated-contact", "churn-threat", "complaint", "praise" })
        {
            Assert.NotNull(library.FindSituation(name));
        }
        foreach (var code in new[] { "JP", "KR", "DE", "NL", "GB", "US", "FR", "BR", "MX", "IN" })
        {
            Assert.NotNull(library.FindRegion(code));
        }
        Assert.Equal("bereavement", library.Situations[0].Name);
    }

    [Theory]
    [InlineData("ja-JP", "JP")]
    [InlineData("pt_BR", "BR")]
    [InlineData("de", "DE")]
    [InlineData("xx-ZZ", null)]
    [InlineData("gb", "GB")]
    public void FindRegion_AcceptsCodesAndLocales(string given, string? expected) =>
        Assert.Equal(expected, PlaybookLibrary.Default.FindRegion(given)?.Code);

    [Fact]
    public void ValidFile_IsParsedWithRulesTriggersAndPhrases()
    {
        var s = PlaybookLibrary.Parse([new PlaybookSource("late-refund.yaml", Valid)]).FindSituation("late-refund")!;
        Assert.Equal("Late refund", s.Title);
        Assert.Equal("The refund has not arrived: money matters.", s.Summary);
        Assert.Equal(30, s.Priority);
        Assert.Equal([Topic.Refund], s.Triggers.Topics);
        Assert.Equal([VulnerabilityCharacteristic.IncomeShock], s.Triggers.Vulnerability);
        Assert.Equal(["still no refund", "(where|when) is my refund"], s.Triggers.Phrases);
        Assert.Equal(["ownership", "timeline", "chase", "blame"], s.Rules.Select(r => r.Id));
        Assert.Equal(RuleKind.Dont, s.Rules[3].Kind);
        Assert.Equal(11, s.Rules[0].Line);
        Assert.Equal(2, s.Phrases["chase"].Length);
    }

    [Theory]
    [InlineData("situation: x\ntitle: X\ndo:\n\townership: y\n", 4, "", "tabs")]
    [InlineData("situation: x\ntitle: X\ncolour: red\ndo:\n  ownership: y\n", 3, "colour", "unknown field")]
    [InlineData("situation: x\ntitle: X\ndo:\n  ownership: y\n  hug: z\n", 5, "do.hug", "unknown check 'hug'")]
    [InlineData("situation: x\ntitle: X\nwhen:\n  emotions: [Grief, Joyful]\ndo:\n  ownership: y\n", 4, "when.emotions", "'Joyful' is not one of")]
    [InlineData("situation: x\ndo:\n  ownership: y\n", 0, "title", "is required")]
    [InlineData("situation: x\ntitle: X\ntitle: Y\ndo:\n  ownership: y\n", 3, "title", "duplicate key")]
    [InlineData("situation: x\ntitle: X\nwhen:\n  phrases: [{number} times]\ndo:\n  ownership: y\n", 4, "", "must be quoted")]
    [InlineData("situation: x\ntitle: X\nwhen:\n  phrases: ['(a|b']\ndo:\n  ownership: y\n", 4, "when.phrases", "invalid phrase")]
    [InlineData("situation: x\ntitle: X\nwhen:\n  phrases:\n    - died\n    - ~2 lost\ndo:\n  ownership: y\n", 6, "when.phrases", "invalid phrase '~2 lost'")]
    [InlineData("situation: x\ntitle: Note: this\ndo:\n  ownership: y\n", 2, "", "': ' must be quoted")]
    [InlineData("situation: Bad Name\ntitle: X\ndo:\n  ownership: y\n", 1, "situation", "kebab-case")]
    [InlineData("situation: x\ntitle: X\npriority: high\ndo:\n  ownership: y\n", 3, "priority", "whole number")]
    [InlineData("situation: x\ntitle: X\n", 1, "do", "at least one")]
    [InlineData("region: Japan\nname: J\n", 1, "region", "two-letter")]
    [InlineData("region: JP\nname: J\nexpect:\n  warmth: yes\n", 4, "expect.warmth", "true or false")]
    [InlineData("region: JP\nname: J\nweights:\n  action: 5\n", 4, "weights.action", "from 0 to 2")]
    [InlineData("title: X\n", 1, "", "starts with 'situation: NAME' or 'region: CODE'")]
    [InlineData("situation: x\ntitle: X\ndo:\n  - ownership\n", 4, "do", "mapping of check ids")]
    [InlineData("situation: x\ntitle: \"open\ndo:\n  ownership: y\n", 2, "", "unterminated")]
    public void InvalidFile_ReportsFileLineAndField(string text, int line, string field, string message)
    {
        var error = Fails(text).Errors[0];
        Assert.Equal("org/bad.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"org/bad.yaml:{line}:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralBadFiles_ReportEveryError()
    {
        var e = Assert.Throws<PlaybookFormatException>(() => PlaybookLibrary.Parse(
        [
            new PlaybookSource("a.yaml", "situation: a\ntitle: A\ndo:\n  hug: x\n"),
            new PlaybookSource("b.yaml", "region: XX\nname: X\nexpect:\n  formality: casual\n"),
        ]));
        Assert.Equal(["a.yaml", "b.yaml"], e.Errors.Select(x => x.File));
    }

    [Fact]
    public void OrganisationFile_ReplacesDefaultOfSameName()
    {
        var library = PlaybookLibrary.Default.With([new PlaybookSource("bereavement.yaml", "situation: bereavement\ntitle: Loss\ndo:\n  contact-point: Give your direct line.\n")]);
        Assert.Equal("Loss", library.FindSituation("bereavement")!.Title);
        Assert.Equal("Bereavement", PlaybookLibrary.Default.FindSituation("bereavement")!.Title);
        Assert.Equal(PlaybookLibrary.Default.Situations.Length, library.Situations.Length);
    }

    [Fact]
    public void DuplicateNameAcrossFiles_IsAnError()
    {
        var e = Assert.Throws<PlaybookFormatException>(() => PlaybookLibrary.Parse(
        [
            new PlaybookSource("a.yaml", "situation: a\ntitle: A\ndo:\n  ownership: x\n"),
            new PlaybookSource("b.yaml", "situation: a\ntitle: B\ndo:\n  ownership: x\n"),
        ]));
        Assert.Contains("also defined in a.yaml", e.Errors[0].Message, StringComparison.Ordinal);
    }
}
