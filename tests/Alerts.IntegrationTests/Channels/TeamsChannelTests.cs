using System.Text.Json;
using Alerts.Core.Scoring;
using Alerts.Core.Subscriptions;
using Alerts.LocalDev.Webhooks;

namespace Alerts.IntegrationTests.Channels;

public sealed class TeamsChannelTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SendAsync_Alert_PostsWorkflowsMessageWithAdaptiveCard14()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services();
        var alert = TestAlerts.Kabul(TestAlerts.TeamsSubscriber(sink.Url("workflows/ops?sig=SECRETSIG")));

        // Act
        var result = await services.Channel(ChannelKind.Teams).SendAsync(alert, ct);
        var request = await sink.WaitForRequestAsync(_ => true, Wait, ct);

        // Assert
        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal("/workflows/ops", request.Path);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        using var json = request.Json();
        var root = json.RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal(JsonValueKind.Null, attachment.GetProperty("contentUrl").ValueKind);
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.4", card.GetProperty("version").GetString());
        var action = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal("Action.OpenUrl", action.GetProperty("type").GetString());
        Assert.Equal("Read article", action.GetProperty("title").GetString());
        Assert.Equal("https://news.example.test/world/turkey-kabul-airport", action.GetProperty("url").GetString());

        var text = request.Body;
        Assert.Contains("Turkey will not send more troops to guard Kabul airport", text, StringComparison.Ordinal);
        Assert.Contains("Example World News", text, StringComparison.Ordinal);
        Assert.Contains("Foreign troop deployments in Afghanistan", text, StringComparison.Ordinal);
        Assert.Contains("0.87", text, StringComparison.Ordinal);
        Assert.Contains("Why you got this", text, StringComparison.Ordinal);
        Assert.Contains("Turkey involved", text, StringComparison.Ordinal);
        Assert.DoesNotContain("actor:", text, StringComparison.Ordinal);
        Assert.Contains("**Turkey** will not send more troops", text, StringComparison.Ordinal);
        Assert.Contains("Also reported by", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Workflows202EmptyBody_Succeeds()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services();
        sink.Enqueue(SinkResponse.Accepted());

        // Act
        var result = await services.Channel(ChannelKind.Teams).SendAsync(TestAlerts.Kabul(TestAlerts.TeamsSubscriber(sink.Url("hook"))), ct);

        // Assert
        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal("202 Accepted", result.Detail);
    }

    [Fact]
    public async Task SendAsync_Legacy200WithOne_Succeeds()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services();
        sink.Enqueue(SinkResponse.Ok("1"));

        // Act
        var result = await services.Channel(ChannelKind.Teams).SendAsync(TestAlerts.Kabul(TestAlerts.TeamsSubscriber(sink.Url("hook"))), ct);

        // Assert
        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal("200 OK: 1", result.Detail);
    }

    [Fact]
    public async Task SendAsync_200WithHttpError429Body_FailsWithRetryAfter()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services();
        sink.Enqueue(SinkResponse.Ok("Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0,server=msgapi-1,cv=abc"));

        // Act
        var result = await services.Channel(ChannelKind.Teams).SendAsync(TestAlerts.Kabul(TestAlerts.TeamsSubscriber(sink.Url("hook"))), ct);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("HTTP error 429", result.Detail, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(15), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_FailsWithThatDelay()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services();
        sink.Enqueue(SinkResponse.TooManyRequests(retryAfterSeconds: 7));

        // Act
        var result = await services.Channel(ChannelKind.Teams).SendAsync(TestAlerts.Kabul(TestAlerts.TeamsSubscriber(sink.Url("hook"))), ct);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("429", result.Detail, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_429WithoutRetryAfter_FailsWithDefaultDelay()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services();
        sink.Enqueue(SinkResponse.TooManyRequests());

        // Act
        var result = await services.Channel(ChannelKind.Teams).SendAsync(TestAlerts.Kabul(TestAlerts.TeamsSubscriber(sink.Url("hook"))), ct);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(15), result.RetryAfter);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(400)]
    [InlineData(500)]
    public async Task SendAsync_ErrorStatus_FailsWithStatusAndWithoutUrl(int status)
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services();
        var url = sink.Url("workflows/abc?api-version=1&sig=TOPSECRET");
        sink.Enqueue(SinkResponse.Status(status, $"error for {url.AbsoluteUri}"));

        // Act
        var result = await services.Channel(ChannelKind.Teams).SendAsync(TestAlerts.Kabul(TestAlerts.TeamsSubscriber(url)), ct);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains($"answered {status}", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRET", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(url.Authority, result.Detail, StringComparison.Ordinal);
        Assert.Null(result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_NothingListening_FailsWithoutUrl()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        Uri url;
        await using (var sink = await WebhookSink.StartAsync(cancellationToken: ct))
        {
            url = sink.Url("hook?sig=TOPSECRET");
        }

        await using var services = TestAlerts.Services();

        // Act
        var result = await services.Channel(ChannelKind.Teams).SendAsync(TestAlerts.Kabul(TestAlerts.TeamsSubscriber(url)), ct);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("unreachable", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRET", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_HugeEvidence_CardIsTrimmedUnder20KB()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        await using var services = TestAlerts.Services();
        var alert = TestAlerts.Kabul(TestAlerts.TeamsSubscriber(sink.Url("hook")));
        var snippet = string.Concat(Enumerable.Repeat("Foreign «troops» were seen near «Kabul» airport today. ", 40));
        alert = alert with
        {
            Match = alert.Match with
            {
                Evidence = [.. Enumerable.Range(0, 200).Select(i => new MatchEvidence("entity", $"place: clause {i}", snippet) { Plain = $"clause {i}: troops near Kabul" })],
            },
            AlsoReportedBy = [.. Enumerable.Range(0, 300).Select(i => new Core.Delivery.RelatedSource($"Outlet number {i}", $"https://outlet{i}.example.test/story"))],
        };

        // Act
        var result = await services.Channel(ChannelKind.Teams).SendAsync(alert, ct);
        var request = await sink.WaitForRequestAsync(_ => true, Wait, ct);

        // Assert
        Assert.True(result.Succeeded, result.Detail);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(request.Body), 1, 20_000);
        using var json = request.Json();
        var card = json.RootElement.GetProperty("attachments")[0].GetProperty("content");
        Assert.Equal("1.4", card.GetProperty("version").GetString());
        Assert.Contains("clause 0: troops near Kabul", request.Body, StringComparison.Ordinal);
        Assert.Contains("more reasons", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("clause 199:", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AddressNotAUrl_FailsWithoutSending()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var services = TestAlerts.Services();
        var subscriber = new Subscriber("sub-bad", "Bad", ChannelKind.Teams, "file:///etc/passwd");

        // Act
        var result = await services.Channel(ChannelKind.Teams).SendAsync(TestAlerts.Kabul(subscriber), ct);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("not an absolute http(s) URL", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("passwd", result.Detail, StringComparison.Ordinal);
    }
}
