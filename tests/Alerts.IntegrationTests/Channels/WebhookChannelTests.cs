using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Channels;
using Alerts.LocalDev.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.IntegrationTests.Channels;

public sealed class WebhookChannelTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_Alert_IsSignedWithTheSubscriberSecret()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services(timeProvider: new FakeTimeProvider(Now));
        var alert = TestAlerts.Kabul(TestAlerts.WebhookSubscriber(sink.Url("hooks/alerts"), secret: "whsec-42"));

        // Act
        var result = await services.Channel(ChannelKind.Webhook).SendAsync(alert, ct);
        var request = await sink.WaitForRequestAsync(_ => true, Wait, ct);

        // Assert
        Assert.True(result.Succeeded, result.Detail);
        var timestamp = request.Header("X-Alerts-Timestamp");
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), timestamp);
        Assert.Equal("alert-kabul-1", request.Header("Idempotency-Key"));

        // Recomputed here from the documented recipe, independently of the product's signing code.
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes("whsec-42"), Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}")));
        Assert.Equal(expected, request.Header("X-Alerts-Signature"));

        var body = Encoding.UTF8.GetBytes(request.Body);
        Assert.True(WebhookSignature.Verify("whsec-42", timestamp, body, request.Header("X-Alerts-Signature"), Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("wrong-secret", timestamp, body, request.Header("X-Alerts-Signature"), Now, TimeSpan.FromMinutes(5)));
        var tampered = Encoding.UTF8.GetBytes(request.Body.Replace("0.87", "0.99", StringComparison.Ordinal));
        Assert.False(WebhookSignature.Verify("whsec-42", timestamp, tampered, request.Header("X-Alerts-Signature"), Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task SendAsync_Alert_PayloadCarriesAlertTopicEvidenceAndArticle()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services(timeProvider: new FakeTimeProvider(Now));
        var alert = TestAlerts.Kabul(TestAlerts.WebhookSubscriber(sink.Url("hook")));

        // Act
        await services.Channel(ChannelKind.Webhook).SendAsync(alert, ct);
        var request = await sink.WaitForRequestAsync(_ => true, Wait, ct);

        // Assert
        using var json = request.Json();
        var root = json.RootElement;
        Assert.Equal("alert", root.GetProperty("type").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("alert-kabul-1", root.GetProperty("alertId").GetString());
        Assert.Equal("sub-hook", root.GetProperty("subscriberId").GetString());
        Assert.Equal("afghanistan-foreign-troops", root.GetProperty("topic").GetProperty("id").GetString());
        Assert.Equal(0.87, root.GetProperty("score").GetDouble());
        Assert.Equal("actor: Turkish (nationality)", root.GetProperty("evidence")[0].GetProperty("description").GetString());
        Assert.StartsWith("Turkey involved · “troops” in the headline", root.GetProperty("why").GetString(), StringComparison.Ordinal);
        Assert.Equal("Turkey involved", root.GetProperty("evidence")[0].GetProperty("plain").GetString());
        Assert.Equal("«Turkey» will not send more troops", root.GetProperty("evidence")[0].GetProperty("snippet").GetString());
        var article = root.GetProperty("article");
        Assert.Equal("Turkey will not send more troops to guard Kabul airport", article.GetProperty("title").GetString());
        Assert.Equal("https://news.example.test/world/turkey-kabul-airport", article.GetProperty("link").GetString());
        Assert.Equal("Example World News", article.GetProperty("sourceName").GetString());
        Assert.Equal(["World", "Asia"], article.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(TestAlerts.Published, article.GetProperty("published").GetDateTimeOffset());
        Assert.Equal("Other Daily", root.GetProperty("alsoReportedBy")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task SendAsync_429_FailsWithRetryAfter()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services();
        sink.Enqueue(SinkResponse.TooManyRequests(retryAfterSeconds: 30));

        // Act
        var result = await services.Channel(ChannelKind.Webhook).SendAsync(TestAlerts.Kabul(TestAlerts.WebhookSubscriber(sink.Url("hook"))), ct);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(204, true)]
    [InlineData(404, false)]
    [InlineData(500, false)]
    public async Task SendAsync_Status_SucceedsOnlyOn2xx(int status, bool succeeds)
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services();
        sink.Enqueue(SinkResponse.Status(status));

        // Act
        var result = await services.Channel(ChannelKind.Webhook).SendAsync(TestAlerts.Kabul(TestAlerts.WebhookSubscriber(sink.Url("hook"))), ct);

        // Assert
        Assert.Equal(succeeds, result.Succeeded);
        Assert.StartsWith(status.ToString(CultureInfo.InvariantCulture), result.Detail.Split(' ').First(s => char.IsAsciiDigit(s[0])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Redirect_IsNotFollowed()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services();
        sink.Enqueue(new SinkResponse(301) { Headers = new Dictionary<string, string> { ["Location"] = sink.Url("elsewhere").AbsoluteUri } });

        // Act
        var result = await services.Channel(ChannelKind.Webhook).SendAsync(TestAlerts.Kabul(TestAlerts.WebhookSubscriber(sink.Url("hook"))), ct);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("redirects are not followed", result.Detail, StringComparison.Ordinal);
        Assert.Single(sink.Requests);
    }

    [Fact]
    public async Task SendAsync_SubscriberWithoutSecret_FailsAndSendsNothing()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services();

        // Act
        var result = await services.Channel(ChannelKind.Webhook).SendAsync(TestAlerts.Kabul(TestAlerts.WebhookSubscriber(sink.Url("hook"), secret: null)), ct);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("no webhook secret", result.Detail, StringComparison.Ordinal);
        Assert.Empty(sink.Requests);
    }
}
