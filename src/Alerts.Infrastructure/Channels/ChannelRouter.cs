using Alerts.Core.Delivery;
using Alerts.Core.Subscriptions;

namespace Alerts.Infrastructure.Channels;

/// <summary>Finds the channel for a subscriber. When two channels claim a kind, the last registered wins (tests override that way).</summary>
public sealed class ChannelRouter
{
    private readonly Dictionary<ChannelKind, IAlertChannel> _channels = [];

    /// <summary>Indexes the registered channels by kind.</summary>
    public ChannelRouter(IEnumerable<IAlertChannel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        foreach (var channel in channels)
        {
            _channels[channel.Kind] = channel;
        }
    }

    /// <summary>The kinds that have a channel.</summary>
    public IReadOnlyCollection<ChannelKind> Kinds => _channels.Keys;

    /// <summary>The channel for <paramref name="kind"/>, if one is registered.</summary>
    public bool TryGet(ChannelKind kind, out IAlertChannel channel) => _channels.TryGetValue(kind, out channel!);

    /// <summary>The channel for <paramref name="kind"/>.</summary>
    /// <exception cref="InvalidOperationException">No channel is registered for it.</exception>
    public IAlertChannel Get(ChannelKind kind)
        => TryGet(kind, out var channel)
            ? channel
            : throw new InvalidOperationException($"No alert channel is registered for {kind}.");

    /// <summary>Sends through the subscriber's channel.</summary>
    public Task<ChannelResult> SendAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return Get(notification.Subscriber.Channel).SendAsync(notification, cancellationToken);
    }
}
