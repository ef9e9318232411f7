using Attune.App.Features.Organisation;

namespace Attune.App.Tests;

public sealed class WeeklyShiftsTests
{
    private static readonly DateTimeOffset MondayNineUtc = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("mon 09:00-17:00", "UTC", "2026-01-05T09:00:00Z", true)]
    [InlineData("mon 09:00-17:00", "UTC", "2026-01-05T17:00:00Z", false)]
    [InlineData("mon 09:00-17:00", "UTC", "2026-01-06T10:00:00Z", false)]
    [InlineData("sun 22:00-06:00", "UTC", "2026-01-05T05:59:00Z", true)]
    [InlineData("sun 22:00-06:00", "UTC", "2026-01-05T06:00:00Z", false)]
    [InlineData("mon 00:00-08:00", "Europe/Berlin", "2026-01-04T23:30:00Z", true)]
    [InlineData("mon 09:00-17:00", "America/New_York", "2026-01-05T21:59:00Z", true)]
    [InlineData("mon 09:00-17:00", "America/New_York", "2026-07-06T21:30:00Z", false)]
    [InlineData("sat,sun 10:00-24:00", "UTC", "2026-01-04T23:59:00Z", true)]
    [InlineData("", "UTC", "2026-01-04T03:00:00Z", true)]
    public void OnShift_FollowsTheAgentsTimeZone(string stored, string zone, string at, bool expected) =>
        Assert.Equal(expected, WeeklyShifts.OnShift(stored, zone, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Normalise_SortsDaysAndAcceptsFullNames()
    {
        var stored = WeeklyShifts.Normalise([new ShiftRequest(["Friday", "mon", "fri"], "08:30", "16:45"), new ShiftRequest(["sat"], "22:00", "02:00")]);

        Assert.Equal("mon,fri 08:30-16:45;sat 22:00-02:00", stored.Value);
        Assert.Equal(["mon", "fri"], WeeklyShifts.Views(stored.Value)[0].Days);
    }

    [Theory]
    [InlineData("09:00", "09:00", "shifts[0].end")]
    [InlineData("24:00", "10:00", "shifts[0].start")]
    [InlineData("9:00", "17:00", "shifts[0].start")]
    [InlineData("09:00", "17:60", "shifts[0].end")]
    public void Normalise_BadTime_NamesTheField(string start, string end, string field) =>
        Assert.Equal(field, WeeklyShifts.Normalise([new ShiftRequest(["mon"], start, end)]).Error?.Field);

    [Fact]
    public void ToUtc_SplitsAShiftAcrossMidnight()
    {
        var utc = WeeklyShifts.ToUtc("sun 22:00-06:00", "Asia/Tokyo", MondayNineUtc);

        // Sunday 22:00 Tokyo is Sunday 13:00 UTC; it ends Sunday 21:00 UTC, within one UTC day.
        var shift = Assert.Single(utc);
        Assert.Equal((DayOfWeek.Sunday, TimeSpan.FromHours(13), TimeSpan.FromHours(21)), (shift.Day, shift.From, shift.To));
        Assert.Equal(2, WeeklyShifts.ToUtc("sun 22:00-06:00", "UTC", MondayNineUtc).Length);
    }
}
