using System.Net.Sockets;
using Alerts.Core.Delivery;
using Alerts.Core.Subscriptions;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alerts.Infrastructure.Channels;

/// <summary>
/// Sends alerts as e-mail through the configured SMTP server (MailKit). One connection per alert: alerts are
/// sparse, and a fresh connection cannot inherit a broken state from a previous send.
/// </summary>
public sealed class EmailChannel(IOptions<SmtpOptions> options, TimeProvider timeProvider, ILogger<EmailChannel> logger) : IAlertChannel
{
    private readonly SmtpOptions _options = options.Value;

    /// <inheritdoc />
    public ChannelKind Kind => ChannelKind.Email;

    /// <inheritdoc />
    public Task<ChannelResult> SendAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return SendAsync(notification.AlertId, notification.Subscriber, recipient => new EmailComposer(_options, timeProvider).Compose(notification, recipient), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ChannelResult> SendDigestAsync(DigestNotification digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return SendAsync(digest.DigestId, digest.Subscriber, recipient => new DigestEmailComposer(_options, timeProvider).Compose(digest, recipient), cancellationToken);
    }

    /// <summary>E-mails a subscriber a fresh link to their preferences (asked for from an expired link's page).</summary>
    public Task<ChannelResult> SendLinkAsync(Subscriber subscriber, Uri preferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(preferences);
        var id = "link-" + subscriber.Id + "-" + timeProvider.GetUtcNow().ToUnixTimeSeconds();
        return SendAsync(id, subscriber, recipient => new EmailComposer(_options, timeProvider).ComposeLink(id, preferences, recipient), cancellationToken);
    }

    private async Task<ChannelResult> SendAsync(string id, Subscriber subscriber, Func<MailboxAddress, MimeMessage> compose, CancellationToken cancellationToken)
    {
        var notification = (Id: id, Subscriber: subscriber);
        if (string.IsNullOrWhiteSpace(_options.Host))
        {
            return Fail(notification, "e-mail is not configured: set Alerts:Smtp:Host and Alerts:Smtp:FromAddress");
        }

        if (!TryParseRecipient(subscriber, out var recipient))
        {
            return Fail(notification, "the subscriber's address is not a single valid e-mail address", permanent: true);
        }

        var message = compose(recipient);
        using var client = new SmtpClient { Timeout = checked(_options.TimeoutSeconds * 1000) };
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, ToSocketOptions(_options.Security), cancellationToken);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken);
            }

            var response = await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);

            var detail = Redaction.Clean(response);
            logger.LogInformation(
                "Alert {AlertId} e-mailed to subscriber {SubscriberRef}: {Detail}",
                notification.Id,
                SubscriberRef.For(notification.Subscriber.Id),
                detail);
            return ChannelResult.Success(detail.Length == 0 ? "accepted by the SMTP server" : detail);
        }
        catch (SmtpCommandException ex)
        {
            // The server's own words (e.g. 550 mailbox unavailable); addresses it may have echoed are removed.
            var what = ex.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => "recipient refused",
                SmtpErrorCode.SenderNotAccepted => "sender refused",
                SmtpErrorCode.MessageNotAccepted => "message refused",
                _ => "command failed",
            };
            // A 5xx refusal of the recipient (no such mailbox) will not change by retrying; the rest may be passing.
            var permanent = ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)ex.StatusCode >= 500;
            return Fail(notification, $"SMTP {(int)ex.StatusCode} {what}: {Redaction.Clean(ex.Message)}", permanent);
        }
        catch (AuthenticationException ex)
        {
            return Fail(notification, $"SMTP authentication failed: {Redaction.Clean(ex.Message)}");
        }
        catch (SslHandshakeException)
        {
            return Fail(notification, "TLS handshake with the SMTP server failed (check Alerts:Smtp:Security and Port)");
        }
        catch (NotSupportedException ex)
        {
            // e.g. StartTls required but the server does not offer STARTTLS.
            return Fail(notification, $"SMTP server does not support what is configured: {Redaction.Clean(ex.Message)}");
        }
        catch (SocketException ex)
        {
            return Fail(notification, $"SMTP server unreachable ({ex.SocketErrorCode})");
        }
        catch (SmtpProtocolException ex)
        {
            return Fail(notification, $"SMTP protocol error: {Redaction.Clean(ex.Message)}");
        }
        catch (TimeoutException)
        {
            return Fail(notification, $"SMTP server did not answer within {_options.TimeoutSeconds} s");
        }
        catch (Exception ex) when (ex is IOException or ServiceNotConnectedException)
        {
            return Fail(notification, $"connection to the SMTP server was lost: {Redaction.Clean(ex.Message)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(notification, $"SMTP server did not answer within {_options.TimeoutSeconds} s");
        }
    }

    internal static bool TryParseRecipient(Subscriber subscriber, out MailboxAddress recipient)
    {
        recipient = null!;
        if (string.IsNullOrWhiteSpace(subscriber.Address)
            || !MailboxAddress.TryParse(subscriber.Address.Trim(), out var parsed)
            || string.IsNullOrEmpty(parsed.Address)
            || !parsed.Address.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        // The display name comes from our own subscriber record, not from whatever the address string carried.
        recipient = new MailboxAddress(AlertFormatting.SingleLine(subscriber.Name), parsed.Address);
        return true;
    }

    private static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private ChannelResult Fail((string Id, Subscriber Subscriber) notification, string detail, bool permanent = false)
    {
        logger.LogWarning(
            "Alert {AlertId} e-mail to subscriber {SubscriberRef} failed: {Detail}",
            notification.Id,
            SubscriberRef.For(notification.Subscriber.Id),
            detail);
        return permanent ? ChannelResult.PermanentFailure(detail) : ChannelResult.Failure(detail);
    }
}
