using System.Net;
using System.Text;
using Alerts.LocalDev.Webhooks;

namespace Alerts.IntegrationTests.Channels;

public sealed class WebhookSinkTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Post_Json_IsRecordedSavedAndAnswered202()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        using var http = new HttpClient();
        using var content = new StringContent("""{"type":"message"}""", Encoding.UTF8, "application/json");

        // Act
        using var response = await http.PostAsync(sink.Url("teams/ops?sig=abc"), content, ct);
        var received = await sink.WaitForRequestAsync(r => r.Path == "/teams/ops", Wait, ct);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(ct));
        Assert.Equal("?sig=abc", received.Query);
        Assert.StartsWith("application/json", received.Header("content-type"), StringComparison.Ordinal);
        Assert.EndsWith(".json", received.SavedPath, StringComparison.Ordinal);
        Assert.Equal("""{"type":"message"}""", await File.ReadAllTextAsync(received.SavedPath, ct));
        Assert.Equal(202, received.AnsweredStatus);
    }

    [Fact]
    public async Task Post_ScriptedResponses_AreAnsweredInOrderThenDefault()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        sink.Enqueue(SinkResponse.TooManyRequests(7), SinkResponse.Ok("Webhook failed: HTTP error 429"));
        using var http = new HttpClient();

        // Act
        using var first = await http.PostAsync(sink.Url("hook"), new StringContent("a"), ct);
        using var second = await http.PostAsync(sink.Url("hook"), new StringContent("b"), ct);
        using var third = await http.PostAsync(sink.Url("hook"), new StringContent("c"), ct);

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("HTTP error 429", await second.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
        Assert.Equal([429, 200, 202], sink.Requests.Select(r => r.AnsweredStatus));
        Assert.EndsWith(".txt", sink.Requests[0].SavedPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Is413AndNotRecorded()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(new WebhookSinkOptions { MaxBodySize = 1024 }, ct);
        using var http = new HttpClient();

        // Act
        using var response = await http.PostAsync(sink.Url("hook"), new StringContent(new string('x', 4096)), ct);

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(sink.Requests);
        Assert.Empty(Directory.EnumerateFiles(sink.OutputDirectory));
    }

    [Fact]
    public async Task Get_AnyPath_Is405AndNotRecorded()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await WebhookSink.StartAsync(cancellationToken: ct);
        using var http = new HttpClient();

        // Act
        using var response = await http.GetAsync(sink.Url("x"), ct);

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Empty(sink.Requests);
    }
}
