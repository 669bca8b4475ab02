namespace Alerts.Core.Subscriptions;

/// <summary>How often a subscription's matches reach the subscriber.</summary>
public enum Cadence
{
    /// <summary>Each match as it happens (quiet hours and the daily cap still hold it back).</summary>
    Immediate,

    /// <summary>One digest an hour, on the hour.</summary>
    Hourly,

    /// <summary>One digest a day at the subscription's digest time, in the subscriber's time zone.</summary>
    Daily,

    /// <summary>One digest a week on the digest day at the digest time.</summary>
    Weekly,
}

/// <summary>
/// A daily window, in the subscriber's time zone, during which alerts wait (unless urgent). <c>From</c> after
/// <c>To</c> spans midnight: 22:00-07:00 is the night.
/// </summary>
/// <param name="From">Start, "HH:mm".</param>
/// <param name="To">End, "HH:mm".</param>
public sealed record QuietHours(string From, string To);
