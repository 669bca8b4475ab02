using Alerts.Core.Subscriptions;
using Alerts.LocalDev.Smtp;
using MimeKit;

namespace Alerts.IntegrationTests.Channels;

public sealed class EmailChannelTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SendAsync_Alert_ArrivesAsMultipartTextAndHtmlWithEvidence()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await SmtpSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services(sink);
        var alert = TestAlerts.Kabul(TestAlerts.EmailSubscriber());

        // Act
        var result = await services.Channel(ChannelKind.Email).SendAsync(alert, ct);
        var mail = await sink.WaitForMessageAsync(_ => true, Wait, ct);

        // Assert
        Assert.True(result.Succeeded, result.Detail);
        Assert.Contains("queued as sink-1", result.Detail, StringComparison.Ordinal);
        Assert.Equal(["reader@example.test"], mail.Recipients);
        Assert.Equal("[Alerts] Foreign troop deployments in Afghanistan: Turkey will not send more troops to guard Kabul airport", mail.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(mail.Message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(part => part.ContentType.MimeType));

        var text = mail.TextBody!;
        Assert.Contains("Example World News", text, StringComparison.Ordinal);
        Assert.Contains("https://news.example.test/world/turkey-kabul-airport", text, StringComparison.Ordinal);
        Assert.Contains("20 Nov 2026, 08:30 UTC", text, StringComparison.Ordinal);
        Assert.Contains("Score: 0.87", text, StringComparison.Ordinal);
        Assert.Contains("- Turkey involved", text, StringComparison.Ordinal);
        Assert.Contains("- “troops” in the headline", text, StringComparison.Ordinal);
        Assert.DoesNotContain("actor:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NEAR/5", text, StringComparison.Ordinal);
        Assert.Contains("«Turkey» will not send more troops", text, StringComparison.Ordinal);
        Assert.Contains("Other Daily", text, StringComparison.Ordinal);

        var html = mail.HtmlBody!;
        Assert.Contains("<mark>Turkey</mark> will not send more troops", html, StringComparison.Ordinal);
        Assert.Contains("more <mark>troops</mark> to guard <mark>Kabul</mark> airport", html, StringComparison.Ordinal);
        Assert.Contains("Why you got this", html, StringComparison.Ordinal);
        Assert.Contains("Also reported by", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://other.example.test/kabul\"", html, StringComparison.Ordinal);
        Assert.Equal(html, await File.ReadAllTextAsync(mail.HtmlPath!, ct));
    }

    [Fact]
    public async Task SendAsync_WithUnsubscribeUrl_SetsOneClickAndAutomationHeaders()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await SmtpSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services(sink);
        var alert = TestAlerts.Kabul(TestAlerts.EmailSubscriber()) with
        {
            UnsubscribeUrl = new Uri("https://alerts.example.test/api/unsubscribe?token=abc123"),
            Links = new Alerts.Core.Subscriptions.ManageLinks(
                new Uri("https://alerts.example.test/api/preferences?t=p"),
                new Uri("https://alerts.example.test/api/unsubscribe?t=all"),
                new Uri("https://alerts.example.test/api/unsubscribe?token=abc123"),
                new Uri("https://alerts.example.test/api/mute?t=day"),
                new Uri("https://alerts.example.test/api/mute?t=week")),
        };

        // Act
        var result = await services.Channel(ChannelKind.Email).SendAsync(alert, ct);
        var mail = await sink.WaitForMessageAsync(_ => true, Wait, ct);

        // Assert
        Assert.True(result.Succeeded, result.Detail);
        var headers = mail.Message.Headers;
        Assert.Equal("<https://alerts.example.test/api/unsubscribe?token=abc123>", headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);
        Assert.Equal("auto-generated", headers["Auto-Submitted"]);
        Assert.Contains("https://alerts.example.test/api/unsubscribe?token=abc123", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://alerts.example.test/api/unsubscribe?token=abc123\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Mute this topic for a day: https://alerts.example.test/api/mute?t=day", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Preferences: https://alerts.example.test/api/preferences?t=p", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(">Unsubscribe from everything</a>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_SameAlertTwice_KeepsTheSameMessageId()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await SmtpSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services(sink);
        var channel = services.Channel(ChannelKind.Email);
        var subscriber = TestAlerts.EmailSubscriber();

        // Act
        await channel.SendAsync(TestAlerts.Kabul(subscriber, "alert-a"), ct);
        await channel.SendAsync(TestAlerts.Kabul(subscriber, "alert-a"), ct);
        await channel.SendAsync(TestAlerts.Kabul(subscriber, "alert-b"), ct);
        var mails = await sink.WaitForMessagesAsync(3, Wait, ct);

        // Assert
        Assert.Equal(mails[0].Message.MessageId, mails[1].Message.MessageId);
        Assert.NotEqual(mails[0].Message.MessageId, mails[2].Message.MessageId);
        Assert.EndsWith("@alerts.example.test", mails[0].Message.MessageId, StringComparison.Ordinal);
        Assert.Equal("alert-a", mails[0].Message.Headers["X-Alerts-Alert-Id"]);
    }

    [Fact]
    public async Task SendAsync_HostileArticle_IsEncodedAndCannotInjectHeadersOrLinks()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await SmtpSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services(sink.Port);
        var alert = TestAlerts.Kabul(TestAlerts.EmailSubscriber());
        alert = alert with
        {
            Article = alert.Article with
            {
                Title = "<script>alert('x')</script> Troops & \"tanks\"\r\nBcc: victim@example.test",
                Link = "javascript:alert(document.cookie)",
                SourceName = "<img src=x onerror=alert(1)>",
            },
            Match = alert.Match with
            {
                Evidence = [new Core.Scoring.MatchEvidence("entity", "place: <b>bold</b>", "before «<i>hit</i>» after « unclosed") { Plain = "<b>bold</b> reason" }],
            },
        };

        // Act
        var result = await services.Channel(ChannelKind.Email).SendAsync(alert, ct);
        var mail = await sink.WaitForMessageAsync(_ => true, Wait, ct);

        // Assert
        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(["reader@example.test"], mail.Recipients);
        Assert.Empty(mail.Message.Bcc);
        Assert.DoesNotContain("\n", mail.Subject, StringComparison.Ordinal);
        var html = mail.HtmlBody!;
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Troops &amp; &quot;tanks&quot;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("before <mark>&lt;i&gt;hit&lt;/i&gt;</mark> after &#171; unclosed", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RecipientRefused_ReturnsFailureWithoutTheAddress()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await SmtpSink.StartAsync(cancellationToken: ct);
        sink.RejectRecipient = _ => true;
        await using var services = TestAlerts.Services(sink.Port);
        var alert = TestAlerts.Kabul(TestAlerts.EmailSubscriber("gone@example.test"));

        // Act
        var result = await services.Channel(ChannelKind.Email).SendAsync(alert, ct);

        // Assert
        Assert.False(result.Succeeded);
        Assert.StartsWith("SMTP 550 recipient refused", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("gone@example.test", result.Detail, StringComparison.Ordinal);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task SendAsync_NoServerListening_ReturnsFailure()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        int closedPort;
        await using (var sink = await SmtpSink.StartAsync(cancellationToken: ct))
        {
            closedPort = sink.Port;
        }

        await using var services = TestAlerts.Services(closedPort);

        // Act
        var result = await services.Channel(ChannelKind.Email).SendAsync(TestAlerts.Kabul(TestAlerts.EmailSubscriber()), ct);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("unreachable", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("one@example.test, two@example.test")]
    [InlineData("")]
    public async Task SendAsync_InvalidAddress_ReturnsFailureAndSendsNothing(string address)
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await SmtpSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services(sink.Port);

        // Act
        var result = await services.Channel(ChannelKind.Email).SendAsync(TestAlerts.Kabul(TestAlerts.EmailSubscriber(address)), ct);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("not a single valid e-mail address", result.Detail, StringComparison.Ordinal);
        Assert.Empty(sink.Messages);
    }
}
