using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Scoring;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Channels;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Alerts.Infrastructure.Tests.Channels;

public sealed class EmailComposerTests
{
    private static readonly SmtpOptions Options = new() { Host = "smtp.example.test", FromAddress = "alerts@example.test", FromName = "Alerts" };

    [Fact]
    public void MessageIdFor_SameAlert_IsStableAndDifferentAlertsDiffer()
    {
        // Act
        var first = EmailComposer.MessageIdFor("article-1|topic|sub", "example.test");
        var again = EmailComposer.MessageIdFor("article-1|topic|sub", "example.test");
        var other = EmailComposer.MessageIdFor("article-2|topic|sub", "example.test");

        // Assert
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Matches("^alert\\.[0-9a-f]{32}@example\\.test$", first);
    }

    [Fact]
    public void Compose_HttpUnsubscribeUrl_HasListUnsubscribeButNoOneClick()
    {
        // Arrange: RFC 8058 one-click is only defined for HTTPS.
        var alert = Alert() with { UnsubscribeUrl = new Uri("http://127.0.0.1:7071/api/unsubscribe?t=1") };

        // Act
        var message = Compose(alert);

        // Assert
        Assert.Equal("<http://127.0.0.1:7071/api/unsubscribe?t=1>", message.Headers["List-Unsubscribe"]);
        Assert.Null(message.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public void Compose_NoUnsubscribeUrl_HasNoListHeadersAndSaysHowToStop()
    {
        // Act
        var message = Compose(Alert());

        // Assert
        Assert.Null(message.Headers["List-Unsubscribe"]);
        Assert.Contains("ask your Alerts administrator", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Date_ComesFromTheTimeProvider()
    {
        // Arrange
        var now = new DateTimeOffset(2026, 11, 25, 9, 15, 0, TimeSpan.Zero);

        // Act
        var message = new EmailComposer(Options, new FakeTimeProvider(now)).Compose(Alert(), new MailboxAddress("R", "r@example.test"));

        // Assert
        Assert.Equal(now, message.Date);
    }

    [Fact]
    public void Compose_ManyEvidenceItems_ListsAtMostTheCap()
    {
        // Arrange
        var alert = Alert();
        alert = alert with
        {
            Match = alert.Match with { Evidence = [.. Enumerable.Range(0, 100).Select(i => new MatchEvidence("entity", $"place: p{i:D3}") { Plain = $"reason-{i:D3}" })] },
        };

        // Act
        var message = Compose(alert);

        // Assert
        Assert.Contains("reason-000", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"reason-{EmailComposer.MaxEvidence - 1:D3}", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain($"reason-{EmailComposer.MaxEvidence:D3}", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SubscriberInParis_ShowsThePublicationTimeInTheirZone()
    {
        var alert = Alert() with { Subscriber = Alert().Subscriber with { TimeZone = "Europe/Paris" } };

        var text = Compose(alert).TextBody;

        // The Unix epoch, 00:00 UTC, was 01:00 in Paris.
        Assert.Contains("1 Jan 1970, 01:00 (Europe/Paris)", text, StringComparison.Ordinal);
        Assert.Contains("1 Jan 1970, 00:00 UTC", Compose(Alert()).TextBody, StringComparison.Ordinal);
    }

    private static MimeMessage Compose(AlertNotification alert)
        => new EmailComposer(Options, TimeProvider.System).Compose(alert, new MailboxAddress("Reader", "reader@example.test"));

    private static AlertNotification Alert() => new(
        "alert-1",
        new Article("key", "src", "Title", "https://news.example.test/a", "summary", null, DateTimeOffset.UnixEpoch),
        new TopicMatch("topic-id", "Topic", 0.9, true, [new MatchEvidence("entity", "place: somewhere") { Plain = "reason" }]),
        new Subscriber("s", "Reader", ChannelKind.Email, "reader@example.test"));
}
