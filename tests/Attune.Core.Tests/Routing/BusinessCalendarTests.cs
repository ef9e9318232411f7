using FsCheck.Xunit;

namespace Attune.Core.Tests.Routing;

public class BusinessCalendarTests
{
    [Fact]
    public void Weekend_IsClosed()
    {
        Assert.False(TestPolicies.Office.IsOpen(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)));
        Assert.True(TestPolicies.Office.IsOpen(TestPolicies.Monday9));
    }

    [Property(MaxTest = 200)]
    public bool AddThenMeasure_GivesTheDurationBack(ushort startMinutes, ushort durationMinutes)
    {
        var start = TestPolicies.Monday9.AddMinutes(startMinutes);
        var duration = TimeSpan.FromMinutes(durationMinutes % 5000);
        var due = TestPolicies.Office.AddBusinessTime(start, duration);
        return TestPolicies.Office.BusinessTimeBetween(start, due) == duration && due >= start + duration;
    }
}
