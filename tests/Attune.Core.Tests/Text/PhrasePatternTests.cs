using Attune.Core.Text;
using Attune.Core.Text.Patterns;
using FsCheck.Xunit;

namespace Attune.Core.Tests.Text;

public class PhrasePatternTests
{
    [Theory]
    [InlineData("passed away", "My dad passed away.", "passed away")]
    [InlineData("(husband|wife|mum|mother) (passed away|died)", "my Mum died in May", "Mum died")]
    [InlineData("(husband|wife|mum|mother) (passed away|died)", "my wife passed away", "wife passed away")]
    [InlineData("cancel*", "I want it Cancelled now", "Cancelled")]
    [InlineData("(really)? sorry", "I am really sorry", "really sorry")]
    [InlineData("(really)? sorry", "I am sorry", "sorry")]
    [InlineData("lost ~2 job", "I lost my new job", "lost my new job")]
    [InlineData("lost ~2 job", "I lost my job", "lost my job")]
    [InlineData("{number} times", "I called 5 times", "5 times")]
    [InlineData("{number} times", "I called five times", "five times")]
    [InlineData("{ordinal} time", "this is the 3rd time", "3rd time")]
    [InlineData("{ordinal} time", "the third time", "third time")]
    [InlineData("my {any} died", "my cat died", "my cat died")]
    [InlineData("can't pay", "I can\u2019t pay", "can\u2019t pay")]
    [InlineData("CAN'T Pay", "i can't pay", "can't pay")]
    [InlineData("(i'm|i am) (not)? ok", "I am not ok", "I am not ok")]
    public void Pattern_MatchesExpectedWords(string pattern, string text, string expected)
    {
        var matches = Find(pattern, text, out var document);
        var m = Assert.Single(matches);
        Assert.Equal(expected, document.Evidence(m.First, m.Last, "x", 1).Text);
    }

    [Theory]
    [InlineData("passed away", "he passed. Away we go")]
    [InlineData("passed away", "he passed\naway")]
    [InlineData("lost ~2 job", "I lost my brand new job")]
    [InlineData("(husband|wife) died", "my son died")]
    [InlineData("cancel*", "can I")]
    [InlineData("{number} times", "many times")]
    [InlineData("{ordinal} time", "the 3 time")]
    [InlineData("passed away", "")]
    public void Pattern_DoesNotMatch(string pattern, string text)
    {
        Assert.Empty(Find(pattern, text, out _));
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("   ", 1, "empty")]
    [InlineData("(a|b", 1, "never closed")]
    [InlineData("a b)", 4, "without a matching '('")]
    [InlineData("a|b", 2, "outside parentheses")]
    [InlineData("a (|b)", 4, "empty alternative")]
    [InlineData("? a", 1, "'?' must follow")]
    [InlineData("a * b", 3, "'*' must end a word")]
    [InlineData("a {num}", 3, "unknown token class")]
    [InlineData("a {number", 3, "never closed")]
    [InlineData("~2 a", 1, "cannot start with a gap")]
    [InlineData("a ~2", 3, "cannot end with a gap")]
    [InlineData("a ~x b", 3, "1 to 9")]
    [InlineData("a ~0 b", 3, "1 to 9")]
    [InlineData("(a)? (b)?", 1, "could match no words")]
    [InlineData("a?? b", 3, "'??'")]
    [InlineData("a(b)", 2, "separate elements with a space")]
    public void BadPattern_ThrowsNamingColumnAndProblem(string pattern, int column, string problem)
    {
        var e = Assert.Throws<PhrasePatternException>(() => PhrasePattern.Parse(pattern));
        Assert.Equal(column, e.Column);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
        Assert.Contains($"column {column}", e.Message, StringComparison.Ordinal);
        Assert.False(PhrasePattern.TryParse(pattern, out _, out var error));
        Assert.Equal(e.Message, error);
    }

    [Fact]
    public void ManyEntries_ReportEntryIndexAndTokens()
    {
        var matcher = new PhraseMatcher(
        [
            ("bereavement", PhrasePattern.Parse("(he|she|husband|wife)? (passed away|died)")),
            ("churn", PhrasePattern.Parse("close ~2 account")),
            ("cancel", PhrasePattern.Parse("cancel*")),
            ("count", PhrasePattern.Parse("{ordinal} time")),
        ]);
        var document = TextPreparer.Prepare("My husband died. I need to close his account, cancel it. Third time asking");
        var matches = matcher.Match(document);
        Assert.Equal(
            ["bereavement:husband died", "churn:close his account", "cancel:cancel", "count:Third time"],
            matches.Select(m => matcher.Id(m.Entry) + ":" + document.Evidence(m.First, m.Last, "", 0).Text));
        Assert.Equal(4, matcher.Count);
    }

    [Fact]
    public void OneEntry_DoesNotReportOverlappingMatches()
    {
        var matcher = new PhraseMatcher([("sorry", PhrasePattern.Parse("(really)? sorry"))]);
        var document = TextPreparer.Prepare("really sorry, sorry");
        var matches = matcher.Match(document);
        Assert.Equal([new PhraseMatch(0, 0, 1), new PhraseMatch(0, 3, 3)], matches);
    }

    [Fact]
    public void PrefixAndClassEntries_AreFoundAnywhere()
    {
        var matcher = new PhraseMatcher(
        [
            ("prefix", PhrasePattern.Parse("(refund*|money back)")),
            ("short", PhrasePattern.Parse("ab*")),
            ("class", PhrasePattern.Parse("{number} (hours|days)")),
        ]);
        var document = TextPreparer.Prepare("about a refunded order, money back after 3 days");
        var ids = matcher.Match(document).Select(m => matcher.Id(m.Entry)).ToArray();
        Assert.Equal(["short", "prefix", "prefix", "class"], ids);
    }

    [Theory]
    [InlineData("third", 3)]
    [InlineData("3rd", 3)]
    [InlineData("21st", 21)]
    [InlineData("twentieth", 20)]
    public void Ordinal_IsRead(string word, int value)
    {
        Assert.True(PhraseNumbers.TryOrdinal(word, out var actual));
        Assert.Equal(value, actual);
    }

    [Theory]
    [InlineData("five", 5)]
    [InlineData("12", 12)]
    public void Number_IsRead(string word, int value)
    {
        Assert.True(PhraseNumbers.TryNumber(word, out var actual));
        Assert.Equal(value, actual);
    }

    [Theory]
    [InlineData("(in|in the) hospital", "she is in the hospital", "in the hospital")]
    [InlineData("(a|b c|d) e", "x b c e", "b c e")]
    [InlineData("(a|b c|d) e", "x d e", "d e")]
    [InlineData("my (late)? (wife|husband) ~1 (died|passed away)", "my late wife sadly died", "my late wife sadly died")]
    public void MixedGroups_MatchSingleAndMultiwordAlternatives(string pattern, string text, string expected)
    {
        var m = Assert.Single(Find(pattern, text, out var document));
        Assert.Equal(expected, document.Evidence(m.First, m.Last, "x", 1).Text);
    }

    [Property(MaxTest = 300)]
    public bool AnyText_MatchesStayInsideOneSentenceAndInOrder(string? text)
    {
        var matcher = new PhraseMatcher(
        [
            ("a", PhrasePattern.Parse("(i|we)? (can't|cannot) ~2 (pay|afford)")),
            ("b", PhrasePattern.Parse("{number} (times|days)")),
            ("c", PhrasePattern.Parse("x* ~1 {any}")),
        ]);
        var document = TextPreparer.Prepare(text ?? string.Empty);
        var matches = matcher.Match(document);
        var previous = -1;
        foreach (var m in matches)
        {
            if (m.First < previous || m.Last < m.First || m.Last >= document.Tokens.Length
                || document.Tokens[m.First].Sentence != document.Tokens[m.Last].Sentence)
            {
                return false;
            }
            previous = m.First;
        }
        return true;
    }

    private static List<PhraseMatch> Find(string pattern, string text, out Document document)
    {
        var matcher = new PhraseMatcher([("p", PhrasePattern.Parse(pattern))]);
        document = TextPreparer.Prepare(text);
        return matcher.Match(document);
    }
}
