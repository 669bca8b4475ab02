using System.Text.Json;
using Alerts.Core.Delivery;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Alerts.Infrastructure.Channels;

/// <summary>
/// Posts alerts as signed JSON to a subscriber's own endpoint. See <see cref="WebhookSignature"/> for the signature
/// and <see cref="WebhookAlertPayload"/> for the body. A subscriber without a secret gets nothing: an unsigned
/// alert could not be told apart from a forged one.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<WebhookChannel> logger) : IAlertChannel
{
    /// <summary>Back-off when the receiver throttles without a Retry-After.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(15);

    private const string Peer = "webhook";

    /// <inheritdoc />
    public ChannelKind Kind => ChannelKind.Webhook;

    /// <inheritdoc />
    public Task<ChannelResult> SendAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return PostAsync(
            (notification.AlertId, notification.Subscriber),
            now => JsonSerializer.SerializeToUtf8Bytes(WebhookAlertPayload.From(notification, now), WebhookJsonContext.Default.WebhookAlertPayload),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ChannelResult> SendDigestAsync(DigestNotification digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return PostAsync(
            (digest.DigestId, digest.Subscriber),
            now => JsonSerializer.SerializeToUtf8Bytes(WebhookDigestPayload.From(digest, now), WebhookJsonContext.Default.WebhookDigestPayload),
            cancellationToken);
    }

    private async Task<ChannelResult> PostAsync((string Id, Subscriber Subscriber) notification, Func<DateTimeOffset, byte[]> serialize, CancellationToken cancellationToken)
    {
        if (AlertFormatting.SafeLink(notification.Subscriber.Address?.Trim()) is not { } url)
        {
            return Log(notification, ChannelResult.PermanentFailure("the subscriber's webhook address is not an absolute http(s) URL"));
        }

        if (string.IsNullOrEmpty(notification.Subscriber.Secret))
        {
            return Log(notification, ChannelResult.PermanentFailure("the subscriber has no webhook secret: alerts are only sent signed"));
        }

        var now = timeProvider.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        var body = serialize(now);
        KeyValuePair<string, string>[] headers =
        [
            new(WebhookSignature.SignatureHeader, WebhookSignature.Compute(notification.Subscriber.Secret, timestamp, body)),
            new(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(WebhookSignature.IdempotencyHeader, AlertFormatting.SingleLine(notification.Id)),
        ];

        HttpAnswer answer;
        try
        {
            var client = httpClientFactory.CreateClient(ChannelHttp.ClientName);
            answer = await ChannelHttp.PostJsonAsync(client, url, body, headers, cancellationToken);
        }
        catch (Exception ex) when (ChannelHttp.TransportFailure(ex, Peer, cancellationToken) is { } failure)
        {
            return Log(notification, failure);
        }

        return Log(notification, Interpret(answer, timeProvider));
    }

    internal static ChannelResult Interpret(HttpAnswer answer, TimeProvider timeProvider)
    {
        var status = ChannelHttp.Status(answer);
        if (answer.IsSuccess)
        {
            return ChannelResult.Success(status);
        }

        if ((int)answer.StatusCode == 429)
        {
            return ChannelResult.Failure(
                $"{Peer} receiver throttled the alert ({status})",
                ChannelHttp.RetryAfter(answer.RetryAfter, timeProvider, DefaultRetryAfter));
        }

        if ((int)answer.StatusCode is >= 300 and <= 399)
        {
            // Redirects are not followed: a POST must not silently turn into a GET or land on another host.
            return ChannelResult.PermanentFailure($"{Peer} receiver answered {status}; redirects are not followed, update the subscriber's URL");
        }

        var body = Redaction.Clean(answer.BodyPreview, 200);
        var retryAfter = answer.RetryAfter is null ? (TimeSpan?)null : ChannelHttp.RetryAfter(answer.RetryAfter, timeProvider, DefaultRetryAfter);
        return ChannelHttp.Failure(answer, body.Length == 0 ? $"{Peer} receiver answered {status}" : $"{Peer} receiver answered {status}: {body}", retryAfter);
    }

    private ChannelResult Log((string Id, Subscriber Subscriber) notification, ChannelResult result)
    {
        if (result.Succeeded)
        {
            logger.LogInformation("Alert {AlertId} posted to the webhook of subscriber {SubscriberRef}: {Detail}", notification.Id, SubscriberRef.For(notification.Subscriber.Id), result.Detail);
        }
        else
        {
            logger.LogWarning(
                "Alert {AlertId} to the webhook of subscriber {SubscriberRef} failed: {Detail} (retry after {RetryAfter})",
                notification.Id,
                SubscriberRef.For(notification.Subscriber.Id),
                result.Detail,
                result.RetryAfter);
        }

        return result;
    }
}
