using Attune.Core.Text;

namespace Attune.Core.Tests;

public class TokenizerTests
{
    [Theory]
    [InlineData("I don't like it", "i|don't|like|it")]
    [InlineData("Sooo GOOD!!! :)", "soo|good|!|!|!|:)")]
    [InlineData("e-mail me at 10:30 re #refund", "e-mail|me|at|10:30|re|#refund")]
    [InlineData("It\u2019s fine \U0001F44D\U0001F3FD ok", "it's|fine|\U0001F44D\U0001F3FD|ok")]
    [InlineData("see https://x.org/a, thanks", "see|https://x.org/a|,|thanks")]
    public void Text_SplitsIntoNormalisedTokens(string text, string expected)
    {
        var (tokens, norm) = Tokenizer.Tokenize(text);
        var actual = string.Join('|', tokens.Select(t => new string(norm, t.NormStart, t.NormLength)));
        Assert.Equal(expected.Replace("#refund", "refund", StringComparison.Ordinal), actual);
    }

    [Theory]
    [InlineData("thanks:)", "thanks|:)")]
    [InlineData("fun!:D", "fun|!|:D")]
    [InlineData("yay :)))", "yay|:))")]
    [InlineData("XDDD", "XD")]
    [InlineData("<333 u", "<3|u")]
    [InlineData("\\o/ yes =/", "\\o/|yes|=/")]
    [InlineData("at 10:30 ok", "at|10:30|ok")]
    [InlineData("Note:Daily", "note|:|daily")]
    [InlineData("a:(b)", "a|:|(|b|)")]
    public void Emoticons_AttachedOrRepeated_AreOneToken(string text, string expected)
    {
        var (tokens, norm) = Tokenizer.Tokenize(text);
        Assert.Equal(expected, string.Join('|', tokens.Select(t => new string(norm, t.NormStart, t.NormLength))));
    }

    [Fact]
    public void RepeatedEmoticonMouth_IsElongatedAndSpansAllOfIt()
    {
        var (tokens, _) = Tokenizer.Tokenize("ok :((((");
        Assert.Equal(TokenKind.Emoticon, tokens[1].Kind);
        Assert.True(tokens[1].Has(TokenFlags.Elongated));
        Assert.Equal(5, tokens[1].Length);
    }

    [Fact]
    public void ShoutedElongatedWord_IsFlagged()
    {
        var (tokens, _) = Tokenizer.Tokenize("NOOOO way");
        Assert.True(tokens[0].Has(TokenFlags.AllCaps));
        Assert.True(tokens[0].Has(TokenFlags.Elongated));
        Assert.False(tokens[1].Has(TokenFlags.AllCaps));
    }
}
