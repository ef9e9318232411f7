using Attune.Core.Listening;
using Attune.Core.Listening.Signals;
using Attune.Core.Text;
using FsCheck.Xunit;

namespace Attune.Core.Tests.Listening;

public class SignalRulesTests
{
    [Fact]
    public void EmbeddedRules_ParseAndCoverEverySection()
    {
        var rules = SignalRules.LoadEmbedded();
        foreach (var kind in Enum.GetValues<SignalKind>())
        {
            Assert.Contains(rules.Rules, r => r.Kind == kind);
        }
        foreach (var characteristic in Enum.GetValues<VulnerabilityCharacteristic>())
        {
            Assert.Contains(rules.Rules, r => r.Kind == SignalKind.Vulnerability && r.Characteristic == characteristic);
        }
        foreach (var topic in Enum.GetValues<Topic>().Where(t => t != Topic.Other))
        {
            Assert.Contains(rules.Rules, r => r.Kind == SignalKind.Topic && r.Topic == topic);
        }
    }

    [Fact]
    public void WellFormedText_ParsesEveryField()
    {
        var rules = SignalRules.Parse("""
            # comment
            [vulnerability]
            bereavement.x | LifeEvent/Bereavement | 0.9 | (he|she)? (passed away|died)

            [urgency]
            u.x | Critical | gas leak
            [effort]
            e.x | channel:phone | 0.2 | called
            [churn]
            c.x | 0.6 | cancel*
            [topic]
            t.x | Refund | 0.8 | money back
            [modifier]
            m.x | negation | 3 | not
            """);
        Assert.Equal(6, rules.Rules.Length);
        var v = rules.Rules[0];
        Assert.Equal(("bereavement.x", VulnerabilityCharacteristic.Bereavement, 0.9, 3), (v.Id, v.Characteristic, v.Weight, v.Line));
        Assert.Equal(UrgencyLevel.Critical, rules.Rules[1].Level);
        Assert.Equal((EffortKind.Channel, "phone"), (rules.Rules[2].Effort, rules.Rules[2].Channel));
        Assert.Equal(0.6, rules.Rules[3].Weight);
        Assert.Equal(Topic.Refund, rules.Rules[4].Topic);
        Assert.Equal((ModifierKind.Negation, 3), (rules.Rules[5].Modifier, rules.Rules[5].Window));
    }

    [Theory]
    [InlineData("x | LifeEvent/Bereavement | 0.9 | died", 1, "section", "before any section")]
    [InlineData("[vulnerable]", 1, "section", "unknown section")]
    [InlineData("[vulnerability]\nx | LifeEvent/Bereavement | 1.5 | died", 2, "confidence", "from 0 to 1")]
    [InlineData("[vulnerability]\nx | Health/Bereavement | 0.9 | died", 2, "driver", "belongs to the driver LifeEvent")]
    [InlineData("[vulnerability]\nx | LifeEvent/Sadness | 0.9 | died", 2, "characteristic", "allowed: PhysicalDisability")]
    [InlineData("[vulnerability]\nx | Bereavement | 0.9 | died", 2, "characteristic", "Driver/Characteristic")]
    [InlineData("[vulnerability]\nx | LifeEvent/Bereavement | died", 2, "line", "id | Driver/Characteristic | confidence | pattern")]
    [InlineData("[vulnerability]\n\nx | LifeEvent/Bereavement | 0.9 | (passed away", 3, "pattern", "column 1: '(' is never closed")]
    [InlineData("[urgency]\nx | Normal | today", 2, "level", "allowed: Low, High, Critical")]
    [InlineData("[urgency]\nx | Soon | today", 2, "level", "allowed: Low, Normal, High, Critical")]
    [InlineData("[effort]\nx | often | 0.5 | again", 2, "kind", "allowed: repeat, wait, retry")]
    [InlineData("[effort]\nx | channel: | 0.5 | called", 2, "kind", "needs a channel name")]
    [InlineData("[churn]\nx | high | cancel", 2, "score", "from 0 to 1")]
    [InlineData("[topic]\nx | Billing | 0.5 | bill\nx | Billing | 0.5 | invoice", 3, "id", "already used on line 2")]
    [InlineData("[topic]\nx | Money | 0.5 | bill", 2, "topic", "allowed: Other, Billing")]
    [InlineData("[modifier]\nx | maybe | 3 | if", 2, "kind", "allowed: negation, hypothetical, relative, not-churn, self")]
    [InlineData("[modifier]\nx | negation | 30 | not", 2, "window", "0 to 12")]
    [InlineData("[churn]\nbad id | 0.5 | cancel", 2, "id", "without spaces")]
    public void BadLine_IsReportedWithLineFieldAndWhatIsAllowed(string text, int line, string field, string problem)
    {
        var e = Assert.Throws<SignalRulesException>(() => SignalRules.Parse(text));
        var error = Assert.Single(e.Errors);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Contains($"line {line}, {field}:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralBadLines_AreAllReported()
    {
        var e = Assert.Throws<SignalRulesException>(() => SignalRules.Parse("[churn]\na | 2 | cancel\nb | 0.5 | cancel\nc | 0.5 | (x"));
        Assert.Equal([2, 4], e.Errors.Select(x => x.Line));
    }

    [Property(MaxTest = 500)]
    public bool AnyRulesText_ParsesOrReportsLineErrors(string? body, bool withSection)
    {
        var text = (withSection ? "[churn]\n" : string.Empty) + (body ?? string.Empty);
        try
        {
            SignalRules.Parse(text);
            return true;
        }
        catch (SignalRulesException e)
        {
            return e.Errors.Count > 0 && e.Errors.All(x => x.Line >= 1 && x.Problem.Length > 0);
        }
    }

    [Property(MaxTest = 300)]
    public bool AnyText_GivesSignalsInRange(string? text)
    {
        var signals = new SignalDetector(SignalRules.LoadEmbedded()).Detect(TextPreparer.Prepare(text ?? string.Empty));
        return signals.Vulnerability.All(c => c.Confidence is > 0 and <= 1 && !c.Evidence.IsEmpty)
            && signals.Effort.Score is >= 0 and <= 1
            && signals.Churn.Score is >= 0 and <= 1
            && signals.Topic.Scores.All(s => s.Score is > 0 and <= 1)
            && Enum.IsDefined(signals.Urgency.Level);
    }

    [Fact]
    public void SameText_GivesSameSignals()
    {
        const string Text = "Third time writing: my mum has dementia, I can't afford this bill and I'm switching to another provider by Friday.";
        var a = Listener.Default.Read(Text);
        var b = Listener.Default.Read(Text);
        Assert.Equal(a.Vulnerability.Select(c => (c.Characteristic, c.Confidence)), b.Vulnerability.Select(c => (c.Characteristic, c.Confidence)));
        Assert.Equal(a.Churn.Score, b.Churn.Score);
        Assert.Equal(a.Urgency.Level, b.Urgency.Level);
        Assert.Equal(a.Topic.Primary, b.Topic.Primary);
    }
}
