using System.Net;
using Alerts.Core.Delivery;
using Alerts.Core.Pipeline;
using Alerts.Core.Topics;
using Alerts.IntegrationTests.Support;
using Alerts.LocalDev.Smtp;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Http;

/// <summary>The unsubscribe link carried by real alert e-mails, followed against the real host.</summary>
public sealed class UnsubscribeTests(AzuriteFixture azurite)
{
    private const string PublicBaseUrl = "https://alerts.example.org";

    [Fact]
    public async Task DeliverAlert_Email_CarriesOneClickUnsubscribeHeaders()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);

        var email = await ReceiveAlertAsync(app, ct);

        var unsubscribe = UnsubscribeUrl(email);
        Assert.Equal(new Uri(PublicBaseUrl).Authority, unsubscribe.Authority);
        Assert.Equal(Uri.UriSchemeHttps, unsubscribe.Scheme);
        Assert.Equal("/api/unsubscribe", unsubscribe.AbsolutePath);
        Assert.Contains("s=mail-reader", unsubscribe.Query, StringComparison.Ordinal);
        Assert.Contains("&t=", unsubscribe.Query, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", email.Message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(unsubscribe.AbsoluteUri, email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsubscribe_Get_ShowsFormAndKeepsSubscriberActive()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var email = await ReceiveAlertAsync(app, ct);
        using var client = app.CreateApiClient();

        // Mail scanners fetch links with GET: that must only show the confirmation form.
        var response = await client.GetAsync(OnTestHost(app, UnsubscribeUrl(email)), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync(ct);
        Assert.Contains("<form method=\"post\"", page, StringComparison.Ordinal);
        Assert.Contains("s=mail-reader", page, StringComparison.Ordinal);
        var subscriber = await app.Services.GetRequiredService<ISubscriberStore>().GetAsync("mail-reader", ct);
        Assert.True(subscriber!.Active);

        await PushAndWaitAsync(app, client, Stories.HelmandStory, ct);
        Assert.Equal(2, app.Smtp.Messages.Count);
    }

    [Fact]
    public async Task Unsubscribe_OneClickPost_UnsubscribesAndLaterAlertIsSkipped()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var email = await ReceiveAlertAsync(app, ct);
        using var client = app.CreateApiClient();

        // What a mail client's unsubscribe button sends (RFC 8058).
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var response = await client.PostAsync(OnTestHost(app, UnsubscribeUrl(email)), oneClick, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("unsubscribed", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var subscriber = await app.Services.GetRequiredService<ISubscriberStore>().GetAsync("mail-reader", ct);
        Assert.False(subscriber!.Active);

        var helmandKey = await PushAndWaitAsync(app, client, Stories.HelmandStory, ct);
        Assert.Single(app.Smtp.Messages);
        Assert.Equal(2, app.Webhooks.Requests.Count);
        var records = await app.Services.GetRequiredService<IDeliveryStore>().ListRecentAsync(10, ct).ToListAsync(ct);
        var skipped = Assert.Single(records, r => r.SubscriberId == "mail-reader" && r.ArticleKey == helmandKey);
        Assert.Equal(DeliveryStatus.Skipped, skipped.Status);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(records, r => r.SubscriberId == "teams-room" && r.ArticleKey == helmandKey).Status);
    }

    [Fact]
    public async Task Unsubscribe_PostTwice_SecondIsHarmless()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var email = await ReceiveAlertAsync(app, ct);
        using var client = app.CreateApiClient();
        var url = OnTestHost(app, UnsubscribeUrl(email));

        var first = await client.PostAsync(url, null, ct);
        var second = await client.PostAsync(url, null, ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False((await app.Services.GetRequiredService<ISubscriberStore>().GetAsync("mail-reader", ct))!.Active);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Unsubscribe_ForgedToken_Returns400AndKeepsSubscriber(string method)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.SeedSubscribersAsync(SampleTopics.AfghanistanForeignTroops, ct);
        using var client = app.CreateApiClient();
        var links = app.Services.GetRequiredService<UnsubscribeLinks>();
        var genuine = Query(links.For("mail-reader")!)["t"];
        var flipped = (genuine[0] == '0' ? '1' : '0') + genuine[1..];
        var othersToken = Query(links.For("teams-room")!)["t"];
        string[] forged =
        [
            $"api/unsubscribe?s=mail-reader&t={flipped}",
            $"api/unsubscribe?s=mail-reader&t={othersToken}",
            $"api/unsubscribe?s=mail-reader&t={genuine[..^1]}",
            "api/unsubscribe?s=mail-reader",
            $"api/unsubscribe?t={genuine}",
        ];

        foreach (var url in forged)
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url), ct);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {url} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("<form", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        Assert.True((await app.Services.GetRequiredService<ISubscriberStore>().GetAsync("mail-reader", ct))!.Active);
    }

    private static async Task<ReceivedEmail> ReceiveAlertAsync(PipelineHarness app, CancellationToken cancellationToken)
    {
        await app.SeedSubscribersAsync(SampleTopics.AfghanistanForeignTroops, cancellationToken);
        using var client = app.CreateApiClient();
        await PushAndWaitAsync(app, client, Feeds.KabulStory, cancellationToken);
        return Assert.Single(app.Smtp.Messages);
    }

    private static async Task<string> PushAndWaitAsync(
        PipelineHarness app, HttpClient client, (string Title, string Link, string Summary) story, CancellationToken cancellationToken)
    {
        var (key, status) = Assert.Single(await (await client.PushAsync(Api.Article(story), cancellationToken)).OutcomesAsync(cancellationToken));
        Assert.Equal("accepted", status);
        await app.WaitIdleAsync(cancellationToken);
        return key;
    }

    private static Uri UnsubscribeUrl(ReceivedEmail email)
    {
        var header = email.Message.Headers["List-Unsubscribe"];
        Assert.NotNull(header);
        Assert.StartsWith("<", header, StringComparison.Ordinal);
        Assert.EndsWith(">", header, StringComparison.Ordinal);
        return new Uri(header[1..^1]);
    }

    /// <summary>The same path and query on the test host: the public base URL is not where the test host listens.</summary>
    private static Uri OnTestHost(PipelineHarness app, Uri publicUrl) => new(app.Host.BaseAddress, publicUrl.PathAndQuery);

    private static Dictionary<string, string> Query(Uri url) =>
        url.Query.TrimStart('?').Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));
}
