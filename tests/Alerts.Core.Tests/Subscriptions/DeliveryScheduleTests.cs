using Alerts.Core.Subscriptions;

namespace Alerts.Core.Tests.Subscriptions;

/// <summary>The subscriber's clock: digest times, quiet hours and local days across time zones and daylight saving.</summary>
public sealed class DeliveryScheduleTests
{
    // Tuesday 1 December 2026, 12:00 UTC (13:00 in Paris, 07:00 in New York).
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static Subscriber Reader(string? zone = null, QuietHours? quiet = null) =>
        new("r", "Reader", ChannelKind.Email, "r@example.org") { TimeZone = zone, QuietHours = quiet };

    private static Subscription Every(Cadence cadence, string? time = null, DayOfWeek? day = null) =>
        new("t", "r") { Cadence = cadence, DigestTime = time, DigestDay = day };

    [Fact]
    public void NextDigest_DailyAtEightInParis_IsTomorrowAtSevenUtc()
    {
        var schedule = new DeliverySchedule(Reader("Europe/Paris"));

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero), schedule.NextDigest(Every(Cadence.Daily, "08:00"), Noon));
    }

    [Fact]
    public void NextDigest_DailyLaterToday_IsToday()
    {
        var schedule = new DeliverySchedule(Reader("Europe/Paris"));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 17, 30, 0, TimeSpan.Zero), schedule.NextDigest(Every(Cadence.Daily, "18:30"), Noon));
    }

    [Fact]
    public void NextDigest_WeeklyOnMondayInNewYork_IsNextMondayLocalTime()
    {
        var schedule = new DeliverySchedule(Reader("America/New_York"));

        // Monday 7 December, 09:00 EST = 14:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero), schedule.NextDigest(Every(Cadence.Weekly, "09:00", DayOfWeek.Monday), Noon));
    }

    [Fact]
    public void NextDigest_WeeklyOnTodayAfterItsTime_IsInAWeek()
    {
        var schedule = new DeliverySchedule(Reader());

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero), schedule.NextDigest(Every(Cadence.Weekly, null, DayOfWeek.Tuesday), Noon));
    }

    [Fact]
    public void NextDigest_Hourly_IsTheNextFullHour()
    {
        var schedule = new DeliverySchedule(Reader("Asia/Kolkata"));

        // Kolkata is UTC+05:30: its hours begin at half past in UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.Zero), schedule.NextDigest(Every(Cadence.Hourly), Noon));
    }

    [Fact]
    public void NextDigest_AcrossTheSpringChange_KeepsTheLocalTime()
    {
        var schedule = new DeliverySchedule(Reader("Europe/Paris"));

        // Paris moves to UTC+2 on 29 March 2026: 08:00 local is 06:00 UTC that day, 07:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero), schedule.NextDigest(Every(Cadence.Daily), new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void NextDigest_DigestTimeInQuietHours_WaitsUntilTheyEnd()
    {
        var schedule = new DeliverySchedule(Reader("UTC", new QuietHours("22:00", "07:00")));

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero), schedule.NextDigest(Every(Cadence.Daily, "06:00"), Noon));
    }

    [Theory]
    [InlineData(23, true)]
    [InlineData(3, true)]
    [InlineData(7, false)]
    [InlineData(12, false)]
    public void IsQuiet_NightWindowAcrossMidnight_HoldsOnlyAtNight(int hourInParis, bool quiet)
    {
        var schedule = new DeliverySchedule(Reader("Europe/Paris", new QuietHours("22:00", "07:00")));
        var instant = new DateTimeOffset(2026, 12, 1, hourInParis, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(quiet, schedule.IsQuiet(instant));
    }

    [Fact]
    public void OutOfQuietHours_AtNight_IsTheMorningsEnd()
    {
        var schedule = new DeliverySchedule(Reader("Europe/Paris", new QuietHours("22:00", "07:00")));

        var ends = schedule.OutOfQuietHours(new DateTimeOffset(2026, 12, 1, 22, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero), ends);
    }

    [Fact]
    public void LocalDay_LateEveningUtcInTokyo_IsTheNextDay()
    {
        var schedule = new DeliverySchedule(Reader("Asia/Tokyo"));

        Assert.Equal(new DateOnly(2026, 12, 2), schedule.LocalDay(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero), schedule.StartOfNextDay(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("08:00", true)]
    [InlineData("8:05", true)]
    [InlineData("24:00", false)]
    [InlineData("8am", false)]
    [InlineData(null, false)]
    public void TryParseTime_TwentyFourHourClockOnly(string? text, bool valid) =>
        Assert.Equal(valid, DeliverySchedule.TryParseTime(text, out _));
}
