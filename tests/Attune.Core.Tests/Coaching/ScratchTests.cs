using System.Text.Json;
using Attune.Core.Coaching;

namespace Attune.Core.Tests.Coaching;

public sealed class ScratchTests
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    [Fact]
    public void Dump()
    {
        var a = Coach.Default.Assess(Environment.GetEnvironmentVariable("R") ?? "", CoachingContext.For(Environment.GetEnvironmentVariable("C") ?? "", Environment.GetEnvironmentVariable("G")));
        Assert.Fail(JsonSerializer.Serialize(a, Options));
    }
}
