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
}

/// <summary>A subscriber's interest in one topic.</summary>
/// <param name="TopicId">The topic.</param>
/// <param name="SubscriberId">The subscriber.</param>
public sealed record Subscription(string TopicId, string SubscriberId)
{
    /// <summary>Overrides the topic's threshold for this subscriber.</summary>
    public double? Threshold { get; init; }
}
