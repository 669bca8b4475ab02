using Alerts.Core.Delivery;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Alerts.Infrastructure.Channels;

/// <summary>
/// Posts alerts as Adaptive Cards to a Teams channel through its Workflows webhook ("When a Teams webhook request is
/// received" + "Post card in a chat or channel"). The URL is the subscriber's address and is a credential: it is
/// never logged nor put in a result.
/// </summary>
public sealed class TeamsChannel(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<TeamsChannel> logger) : IAlertChannel
{
    /// <summary>Back-off when Teams throttles without saying for how long (the legacy guidance was 10-15 s).</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(15);

    private const string Peer = "Teams webhook";

    /// <inheritdoc />
    public ChannelKind Kind => ChannelKind.Teams;

    /// <inheritdoc />
    public Task<ChannelResult> SendAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return PostAsync((notification.AlertId, notification.Subscriber), () => TeamsCard.Build(notification), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ChannelResult> SendDigestAsync(DigestNotification digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return PostAsync((digest.DigestId, digest.Subscriber), () => TeamsDigestCard.Build(digest), cancellationToken);
    }

    private async Task<ChannelResult> PostAsync((string Id, Subscriber Subscriber) notification, Func<byte[]> build, CancellationToken cancellationToken)
    {
        if (AlertFormatting.SafeLink(notification.Subscriber.Address?.Trim()) is not { } url)
        {
            return Log(notification, ChannelResult.PermanentFailure("the subscriber's Teams webhook address is not an absolute http(s) URL"));
        }

        var payload = build();
        HttpAnswer answer;
        try
        {
            var client = httpClientFactory.CreateClient(ChannelHttp.ClientName);
            answer = await ChannelHttp.PostJsonAsync(client, url, payload, [], cancellationToken);
        }
        catch (Exception ex) when (ChannelHttp.TransportFailure(ex, Peer, cancellationToken) is { } failure)
        {
            return Log(notification, failure);
        }

        return Log(notification, Interpret(answer, timeProvider));
    }

    /// <summary>
    /// Workflows answers 202 with an empty body; legacy connectors answered 200 with <c>1</c>, and also 200 for
    /// failures with a body like "... returned HTTP error 429 ...". So a 2xx is a success unless its body says otherwise.
    /// </summary>
    internal static ChannelResult Interpret(HttpAnswer answer, TimeProvider timeProvider)
    {
        var status = ChannelHttp.Status(answer);
        var body = Redaction.Clean(answer.BodyPreview, 200);
        if (answer.IsSuccess)
        {
            if (answer.BodyPreview.Contains("HTTP error", StringComparison.OrdinalIgnoreCase))
            {
                var throttled = answer.BodyPreview.Contains("429", StringComparison.Ordinal);
                return ChannelResult.Failure(
                    $"{Peer} answered {status} but reported a failure: {body}",
                    throttled ? ChannelHttp.RetryAfter(answer.RetryAfter, timeProvider, DefaultRetryAfter) : null);
            }

            return ChannelResult.Success(body.Length == 0 ? status : $"{status}: {body}");
        }

        if ((int)answer.StatusCode == 429)
        {
            return ChannelResult.Failure(
                $"{Peer} throttled the alert ({status})",
                ChannelHttp.RetryAfter(answer.RetryAfter, timeProvider, DefaultRetryAfter));
        }

        var retryAfter = answer.RetryAfter is null ? (TimeSpan?)null : ChannelHttp.RetryAfter(answer.RetryAfter, timeProvider, DefaultRetryAfter);
        return ChannelHttp.Failure(answer, body.Length == 0 ? $"{Peer} answered {status}" : $"{Peer} answered {status}: {body}", retryAfter);
    }

    private ChannelResult Log((string Id, Subscriber Subscriber) notification, ChannelResult result)
    {
        if (result.Succeeded)
        {
            logger.LogInformation("Alert {AlertId} posted to Teams for subscriber {SubscriberRef}: {Detail}", notification.Id, SubscriberRef.For(notification.Subscriber.Id), result.Detail);
        }
        else
        {
            logger.LogWarning(
                "Alert {AlertId} to Teams for subscriber {SubscriberRef} failed: {Detail} (retry after {RetryAfter})",
                notification.Id,
                SubscriberRef.For(notification.Subscriber.Id),
                result.Detail,
                result.RetryAfter);
        }

        return result;
    }
}
