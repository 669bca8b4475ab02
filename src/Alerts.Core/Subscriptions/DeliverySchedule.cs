using System.Globalization;

namespace Alerts.Core.Subscriptions;

/// <summary>
/// A subscriber's clock: their time zone, their quiet hours, and when each subscription's next digest is due. All
/// instants are UTC; local times are read in the subscriber's zone, so 08:00 stays 08:00 across daylight saving.
/// </summary>
public sealed class DeliverySchedule
{
    /// <summary>The daily and weekly digest time when a subscription sets none.</summary>
    public static readonly TimeOnly DefaultDigestTime = new(8, 0);

    private readonly TimeZoneInfo _zone;
    private readonly (TimeOnly From, TimeOnly To)? _quiet;

    /// <summary>The schedule of one subscriber (settings checked when saved; anything unreadable falls back to UTC / none).</summary>
    public DeliverySchedule(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        _zone = FindZone(subscriber.TimeZone) ?? TimeZoneInfo.Utc;
        if (subscriber.QuietHours is { } quiet && TryParseTime(quiet.From, out var from) && TryParseTime(quiet.To, out var to) && from != to)
        {
            _quiet = (from, to);
        }
    }

    /// <summary>The subscriber's time zone.</summary>
    public TimeZoneInfo Zone => _zone;

    /// <summary>An IANA (or Windows) time zone by id; null when unknown or not given.</summary>
    public static TimeZoneInfo? FindZone(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;

    /// <summary>Reads a 24-hour "HH:mm" time.</summary>
    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>The subscriber's local date at an instant.</summary>
    public DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant));

    /// <summary>The instant shown in the subscriber's zone.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>Whether quiet hours hold at an instant.</summary>
    public bool IsQuiet(DateTimeOffset instant)
    {
        if (_quiet is not { } quiet)
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(Local(instant));
        return quiet.From < quiet.To ? time >= quiet.From && time < quiet.To : time >= quiet.From || time < quiet.To;
    }

    /// <summary>The instant itself, or, inside quiet hours, when they end.</summary>
    public DateTimeOffset OutOfQuietHours(DateTimeOffset instant)
    {
        if (!IsQuiet(instant) || _quiet is not { } quiet)
        {
            return instant;
        }

        var local = Local(instant);
        var end = local.Date + quiet.To.ToTimeSpan();
        return Utc(end > local ? end : end.AddDays(1));
    }

    /// <summary>The start of the subscriber's next local day (when a daily cap starts again).</summary>
    public DateTimeOffset StartOfNextDay(DateTimeOffset instant) => Utc(Local(instant).Date.AddDays(1));

    /// <summary>
    /// When the subscription's next digest is due after <paramref name="instant"/>, moved past quiet hours. An
    /// immediate subscription has none: what it holds back goes out when quiet hours end, or the next day.
    /// </summary>
    public DateTimeOffset NextDigest(Subscription subscription, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var local = Local(instant);
        var at = TryParseTime(subscription.DigestTime, out var time) ? time : DefaultDigestTime;
        DateTime next;
        switch (subscription.Cadence)
        {
            case Cadence.Hourly:
                next = local.Date.AddHours(local.Hour + 1);
                break;
            case Cadence.Daily:
                next = local.Date + at.ToTimeSpan();
                if (next <= local)
                {
                    next = next.AddDays(1);
                }

                break;
            case Cadence.Weekly:
                var day = subscription.DigestDay ?? DayOfWeek.Monday;
                next = local.Date.AddDays(((int)day - (int)local.DayOfWeek + 7) % 7) + at.ToTimeSpan();
                if (next <= local)
                {
                    next = next.AddDays(7);
                }

                break;
            default:
                return OutOfQuietHours(instant);
        }

        return OutOfQuietHours(Utc(next));
    }

    private DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone).DateTime;

    // A local time that does not exist (skipped by a spring-forward) is read an hour later.
    private DateTimeOffset Utc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, _zone), TimeSpan.Zero);
    }
}
