using Attune.Core.Routing;

namespace Attune.Core.Tests.Routing;

public class PersonRequestTests
{
    [Theory]
    [InlineData("Can I speak to a human please", "speak to a human")]
    [InlineData("I want to talk to a real person", "talk to a real person")]
    [InlineData("a real person please", "real person")]
    [InlineData("connect me with an agent", "connect me with an agent")]
    [InlineData("Put me through to someone!", "Put me through to someone")]
    [InlineData("is there an actual human being there", "actual human")]
    public void RequestForAPerson_IsFound(string text, string words)
    {
        var evidence = PersonRequest.Find(text);
        Assert.NotNull(evidence);
        Assert.Equal(words, evidence.Text);
        Assert.Equal("person.request", evidence.Cue);
    }

    [Theory]
    [InlineData("How do I reset my password?")]
    [InlineData("The agent I spoke to was lovely")]
    [InlineData("I need someone's address changed")]
    [InlineData("")]
    public void NoRequest_IsNull(string text)
    {
        Assert.Null(PersonRequest.Find(text));
    }
}
