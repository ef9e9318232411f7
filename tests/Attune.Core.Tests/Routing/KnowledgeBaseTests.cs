using Attune.Core.Listening;
using Attune.Core.Routing.SelfService;

namespace Attune.Core.Tests.Routing;

public class KnowledgeBaseTests
{
    private static readonly KnowledgeBase Demo = KnowledgeBase.Demo();

    [Theory]
    [InlineData("How do I reset my password?", "reset-password")]
    [InlineData("where is my parcel, can I track it", "track-order")]
    [InlineData("I need a PDF invoice with our VAT number", "download-invoice")]
    [InlineData("how can I change the card you charge", "update-payment-method")]
    public void Question_FindsTheRightArticleFirst(string question, string id)
    {
        var answer = Demo.Search(question);
        Assert.Equal(id, answer.Articles[0].Article.Id);
        Assert.Equal(SelfServiceAnswer.TalkToAPerson, answer.Handoff);
    }

    [Fact]
    public void Unrelated_FindsNothing()
    {
        Assert.Empty(Demo.Search("the weather is lovely today").Articles);
    }

    [Theory]
    [InlineData("My husband passed away, how do I reset his password?")]
    [InlineData("This is the third time I'm asking how to reset my password")]
    [InlineData("I'm absolutely furious, how do I reset my password?!")]
    public void VulnerableDistressedOrRepeat_GetsNoSelfService(string question)
    {
        Assert.Null(Demo.Answer(Listener.Default.Read(question), 0, question));
    }

    [Fact]
    public void KnownFailedContact_GetsNoSelfService()
    {
        const string Question = "How do I reset my password?";
        Assert.NotNull(Demo.Answer(Listener.Default.Read(Question), 0, Question));
        Assert.Null(Demo.Answer(Listener.Default.Read(Question), 1, Question));
    }
}
