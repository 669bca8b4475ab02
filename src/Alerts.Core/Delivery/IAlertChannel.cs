using Alerts.Core.Subscriptions;

namespace Alerts.Core.Delivery;

/// <summary>A way of reaching subscribers: e-mail, Teams, webhook.</summary>
public interface IAlertChannel
{
    /// <summary>The channel this implementation serves.</summary>
    ChannelKind Kind { get; }

    /// <summary>Sends one alert. Returns the outcome rather than throwing for delivery failures.</summary>
    Task<ChannelResult> SendAsync(AlertNotification notification, CancellationToken cancellationToken);

    /// <summary>Sends one digest as one message. Returns the outcome rather than throwing for delivery failures.</summary>
    Task<ChannelResult> SendDigestAsync(DigestNotification digest, CancellationToken cancellationToken);
}
