namespace Alerts.Core.Subscriptions;

/// <summary>How a subscriber is reached.</summary>
public enum ChannelKind
{
    /// <summary>E-mail over SMTP.</summary>
    Email,

    /// <summary>A Microsoft Teams channel through a Workflows webhook URL.</summary>
    Teams,

    /// <summary>A generic HTTPS webhook, signed with the subscriber's secret.</summary>
    Webhook,
}

/// <summary>Someone who receives alerts on one channel.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="Channel">Where alerts go.</param>
/// <param name="Address">E-mail address or webhook URL. A webhook URL is a credential: never logged.</param>
public sealed record Subscriber(string Id, string Name, ChannelKind Channel, string Address)
{
    /// <summary>Shared secret for signing generic webhooks.</summary>
    public string? Secret { get; init; }

    /// <summary>False once the subscriber unsubscribed: nothing is sent any more.</summary>
    public bool Active { get; init; } = true;

    /// <summary>Whether the channel works, judged from deliveries; reset when the subscriber is saved again.</summary>
    public ChannelHealth Health { get; init; } = ChannelHealth.Healthy;

    /// <summary>IANA time zone digests, quiet hours and the daily cap are read in ("Europe/Paris"); null is UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>When alerts wait unless urgent; null for none.</summary>
    public QuietHours? QuietHours { get; init; }

    /// <summary>At most this many messages a day (local day); the rest roll into the next digest. Null for no cap.</summary>
    public int? DailyCap { get; init; }
}

/// <summary>
/// How a subscriber's channel has been answering. After <see cref="UnhealthyAfter"/> permanent failures in a row (a
/// webhook that answers 404, a mailbox that does not exist) deliveries to it are skipped and recorded as such, instead
/// of failing one by one, until an operator fixes the subscriber (saving it resets this).
/// </summary>
public sealed record ChannelHealth
{
    /// <summary>Permanent failures in a row that make a channel unhealthy.</summary>
    public const int UnhealthyAfter = 3;

    /// <summary>A channel with no failures.</summary>
    public static ChannelHealth Healthy { get; } = new();

    /// <summary>Permanent failures since the last success.</summary>
    public int PermanentFailures { get; init; }

    /// <summary>The last permanent failure's reason.</summary>
    public string? LastError { get; init; }

    /// <summary>When the channel became unhealthy; null while it is healthy.</summary>
    public DateTimeOffset? UnhealthySince { get; init; }

    /// <summary>Whether deliveries are skipped.</summary>
    public bool IsUnhealthy => UnhealthySince is not null;

    /// <summary>The health after one more permanent failure.</summary>
    public ChannelHealth AfterPermanentFailure(string reason, DateTimeOffset now) => this with
    {
        PermanentFailures = PermanentFailures + 1,
        LastError = reason,
        UnhealthySince = UnhealthySince ?? (PermanentFailures + 1 >= UnhealthyAfter ? now : null),
    };
}

/// <summary>A subscriber's interest in one topic.</summary>
/// <param name="TopicId">The topic.</param>
/// <param name="SubscriberId">The subscriber.</param>
public sealed record Subscription(string TopicId, string SubscriberId)
{
    /// <summary>Overrides the topic's threshold for this subscriber.</summary>
    public double? Threshold { get; init; }

    /// <summary>How often matches are sent: immediately (the default) or in hourly, daily or weekly digests.</summary>
    public Cadence Cadence { get; init; } = Cadence.Immediate;

    /// <summary>Local time of the daily or weekly digest, "HH:mm"; null is 08:00.</summary>
    public string? DigestTime { get; init; }

    /// <summary>Day of the weekly digest; null is Monday.</summary>
    public DayOfWeek? DigestDay { get; init; }

    /// <summary>
    /// Matches scoring at least this go out at once, whatever the cadence, and through quiet hours. Null: none does.
    /// There is no default band because scores saturate on short news items (a third of the evaluation's alerts score
    /// 1.00, more than half 0.95 or more): any default would send most of a digest at once.
    /// </summary>
    public double? UrgentScore { get; init; }

    /// <summary>
    /// For an immediate subscription: when a story alerted before develops (more outlets, an updated version), one
    /// follow-up at most every <c>FollowUpEvery</c> hours says so. Digests always say so.
    /// </summary>
    public bool FollowUps { get; init; }

    /// <summary>Until then this topic alerts the subscriber of nothing (muted from a message's link).</summary>
    public DateTimeOffset? MutedUntil { get; init; }
}
