using Attune.Core.Listening;
using Attune.Core.Text;

namespace Attune.Core.Tests.Text;

public sealed class NamesTests
{
    [Theory]
    [InlineData("LifeEvent", "life event")]
    [InlineData("LowEmotionalResilience", "low emotional resilience")]
    [InlineData("Bereavement", "bereavement")]
    [InlineData("mental health", "mental health")]
    [InlineData("", "")]
    public void PascalName_ReadsAsLowerCaseWords(string name, string expected) => Assert.Equal(expected, Names.Words(name));

    [Fact]
    public void EnumValue_ReadsAsItsNameInWords() => Assert.Equal("life event", Names.Words(VulnerabilityDriver.LifeEvent));

    [Theory]
    [InlineData(0, "0 problems")]
    [InlineData(1, "1 problem")]
    [InlineData(1200, "1200 problems")]
    public void Count_IsSingularForOneOnly(int count, string expected) => Assert.Equal(expected, Names.Count(count, "problem"));
}
