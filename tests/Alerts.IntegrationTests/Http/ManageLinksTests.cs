using System.Net;
using System.Text.RegularExpressions;
using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Core.Topics;
using Alerts.IntegrationTests.Support;
using Alerts.LocalDev.Smtp;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Http;

/// <summary>The signed links carried by real alert e-mails (unsubscribe, mute, preferences), followed against the real host.</summary>
public sealed partial class ManageLinksTests(AzuriteFixture azurite)
{
    private const string PublicBaseUrl = "https://alerts.example.org";
    private static readonly WatchTopic Topic = SampleTopics.AfghanistanForeignTroops;

    [Fact]
    public async Task DeliverAlert_Email_CarriesOneClickUnsubscribeFromItsTopicAndEveryOtherLink()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);

        var email = await ReceiveAlertAsync(app, ct);

        var unsubscribe = UnsubscribeUrl(email);
        Assert.Equal(new Uri(PublicBaseUrl).Authority, unsubscribe.Authority);
        Assert.Equal("/api/unsubscribe", unsubscribe.AbsolutePath);
        Assert.Equal("List-Unsubscribe=One-Click", email.Message.Headers["List-Unsubscribe-Post"]);
        var (state, grant) = app.Services.GetRequiredService<SubscriberLinks>().Read(Token(unsubscribe));
        Assert.Equal(LinkState.Valid, state);
        Assert.Equal(new { Subscriber = "mail-reader", Action = LinkAction.UnsubscribeTopic, Topic = (string?)Topic.Id }, new { Subscriber = grant!.SubscriberId, grant.Action, Topic = grant.TopicId });
        foreach (var label in new[] { "Not relevant: ", "More like this: ", "Mute this topic for a day: ", "For a week: ", "Unsubscribe from this topic: ", "Unsubscribe from everything: ", "Preferences: " })
        {
            Assert.Contains(label + PublicBaseUrl + "/api/", email.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unsubscribe_Get_ShowsFormAndChangesNothing()
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
        Assert.Contains(Topic.Name, page, StringComparison.Ordinal);
        Assert.NotNull(await app.Services.GetRequiredService<ISubscriberStore>().GetSubscriptionAsync(Topic.Id, "mail-reader", ct));
    }

    [Fact]
    public async Task Unsubscribe_OneClickPost_LeavesTheTopicOnlyAndLaterAlertsSkipIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var email = await ReceiveAlertAsync(app, ct);
        using var client = app.CreateApiClient();

        // What a mail client's unsubscribe button sends (RFC 8058), twice: the second is harmless.
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var response = await client.PostAsync(OnTestHost(app, UnsubscribeUrl(email)), oneClick, ct);
        var again = await client.PostAsync(OnTestHost(app, UnsubscribeUrl(email)), null, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("unsubscribed from", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var subscribers = app.Services.GetRequiredService<ISubscriberStore>();
        Assert.True((await subscribers.GetAsync("mail-reader", ct))!.Active);
        Assert.Null(await subscribers.GetSubscriptionAsync(Topic.Id, "mail-reader", ct));

        await PushAndWaitAsync(app, client, Stories.HelmandStory, ct);
        Assert.Single(app.Smtp.Messages);
        Assert.Equal(2, app.Webhooks.Requests.Count);
    }

    [Fact]
    public async Task UnsubscribeFromEverything_Post_StopsEveryMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var email = await ReceiveAlertAsync(app, ct);
        using var client = app.CreateApiClient();

        var response = await client.PostAsync(OnTestHost(app, LinkLabelled(email, "Unsubscribe from everything")), null, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await app.Services.GetRequiredService<ISubscriberStore>().GetAsync("mail-reader", ct))!.Active);
        await PushAndWaitAsync(app, client, Stories.HelmandStory, ct);
        Assert.Single(app.Smtp.Messages);
    }

    [Fact]
    public async Task Mute_ForADay_NothingArrivesUntilThenAndThePreferencesPageSaysSo()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var email = await ReceiveAlertAsync(app, ct);
        using var client = app.CreateApiClient();

        var asked = await client.GetAsync(OnTestHost(app, LinkLabelled(email, "Mute this topic for a day")), ct);
        var muted = await client.PostAsync(OnTestHost(app, LinkLabelled(email, "Mute this topic for a day")), null, ct);

        Assert.Contains("for a day?", await asked.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Contains("is muted until", await muted.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var subscription = await app.Services.GetRequiredService<ISubscriberStore>().GetSubscriptionAsync(Topic.Id, "mail-reader", ct);
        Assert.InRange(subscription!.MutedUntil!.Value, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));
        await PushAndWaitAsync(app, client, Stories.HelmandStory, ct);
        Assert.Single(app.Smtp.Messages);
        Assert.Equal(2, app.Webhooks.Requests.Count);
        var preferences = await client.GetStringAsync(OnTestHost(app, LinkLabelled(email, "Preferences")), ct);
        Assert.Contains("Muted until", preferences, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_NotRelevantAndMoreLikeThis_AreRecordedAndExportedAsLabels()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var email = await ReceiveAlertAsync(app, ct);
        using var client = app.CreateApiClient();
        var notRelevant = OnTestHost(app, LinkLabelled(email, "Not relevant"));

        var asked = await client.GetStringAsync(notRelevant, ct);
        var judgmentsAfterGet = await client.GetStringAsync($"api/topics/{Topic.Id}/judgments?format=labels", ct);
        var recorded = await client.PostAsync(notRelevant, null, ct);
        var changedMind = await client.PostAsync(OnTestHost(app, LinkLabelled(email, "More like this")), null, ct);
        var labels = await client.GetStringAsync($"api/topics/{Topic.Id}/judgments?format=labels", ct);
        var listed = await client.GetStringAsync($"api/topics/{Topic.Id}/judgments", ct);

        Assert.Contains(Feeds.KabulStory.Title, asked, StringComparison.Ordinal);
        Assert.DoesNotContain("\t", judgmentsAfterGet.Split('\n', 2)[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changedMind.StatusCode);
        var line = Assert.Single(labels.Split('\n'), l => l.StartsWith(Topic.Id + "\t", StringComparison.Ordinal));
        Assert.EndsWith("\tcore", line, StringComparison.Ordinal);
        Assert.Contains("\"subscriberId\":\"mail-reader\"", listed, StringComparison.Ordinal);
        var key = line.Split('\t')[1];
        Assert.Equal(Alerts.Core.Evaluation.RelevanceGrade.Core, Alerts.Core.Evaluation.RelevanceLabels.Read(new StringReader(labels)).GradeOf(Topic.Id, key));
    }

    [Fact]
    public async Task ExpiredLink_ShowsAPageOfferingAFreshOne_WhichArrivesByEmailAndWorks()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ShiftedTimeProvider();
        await using var app = await PipelineHarness.StartAsync(azurite, configureServices: services => services.AddSingleton<TimeProvider>(clock));
        var email = await ReceiveAlertAsync(app, ct);
        using var client = app.CreateApiClient();
        clock.Advance(TimeSpan.FromDays(61));

        var expired = await client.GetAsync(OnTestHost(app, LinkLabelled(email, "Preferences")), ct);
        var page = await expired.Content.ReadAsStringAsync(ct);
        var action = FormAction().Match(page).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var sent = await client.PostAsync(new Uri(new Uri(app.Host.BaseAddress, "api/preferences"), action), null, ct);

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("This link has expired", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var fresh = Assert.Single(app.Smtp.Messages, message => message.Subject == "[Alerts] Your preferences link");
        Assert.Contains("reader@example.org", fresh.Recipients);
        var link = new Uri(PreferencesLink().Match(fresh.TextBody!).Value);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(OnTestHost(app, link), ct)).StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Links_ForgedOrMisused_Return400AndChangeNothing(string method)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var email = await ReceiveAlertAsync(app, ct);
        using var client = app.CreateApiClient();
        var genuine = Token(UnsubscribeUrl(email));
        var muteToken = Token(LinkLabelled(email, "Mute this topic for a day"));
        var flipped = genuine[..^2] + (genuine[^2] == 'A' ? 'B' : 'A') + genuine[^1];
        string[] forged =
        [
            $"api/unsubscribe?t={flipped}",
            $"api/unsubscribe?t={genuine[..^1]}",
            "api/unsubscribe",
            $"api/unsubscribe?t={muteToken}",
            $"api/preferences?t={genuine}",
            $"api/mute?t={genuine}",
        ];

        foreach (var url in forged)
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url), ct);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {url} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("<form", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        var subscription = await app.Services.GetRequiredService<ISubscriberStore>().GetSubscriptionAsync(Topic.Id, "mail-reader", ct);
        Assert.NotNull(subscription);
        Assert.Null(subscription.MutedUntil);
    }

    [Fact]
    public async Task Preferences_BadValues_AreShownInWordsAndNothingIsSaved()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var email = await ReceiveAlertAsync(app, ct);
        using var client = app.CreateApiClient();
        var url = OnTestHost(app, LinkLabelled(email, "Preferences"));

        using var form = new FormUrlEncodedContent(
        [
            new("active", "on"), new("timeZone", "Mars/Olympus"), new("quietFrom", "22:00"), new("quietTo", ""),
            new("dailyCap", "lots"), new("t0-cadence", "daily"), new("t0-time", "25:00"), new("t0-urgent", "2"),
        ]);
        var response = await client.PostAsync(url, form, ct);
        var page = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing was saved", page, StringComparison.Ordinal);
        foreach (var words in new[] { "not a time zone this service knows", "both a start and an end", "whole number of messages", "digest time must be of the form 08:00", "urgent score must be between 0 and 1" })
        {
            Assert.Contains(words, page, StringComparison.Ordinal);
        }

        var subscribers = app.Services.GetRequiredService<ISubscriberStore>();
        Assert.Null((await subscribers.GetAsync("mail-reader", ct))!.TimeZone);
        Assert.Equal(Cadence.Immediate, (await subscribers.GetSubscriptionAsync(Topic.Id, "mail-reader", ct))!.Cadence);
    }

    private static async Task<ReceivedEmail> ReceiveAlertAsync(PipelineHarness app, CancellationToken cancellationToken)
    {
        await app.SeedSubscribersAsync(Topic, cancellationToken);
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

    // The text part lists each link as "Label: URL".
    private static Uri LinkLabelled(ReceivedEmail email, string label)
    {
        var line = email.TextBody!.Split('\n').Single(line => line.StartsWith(label + ": ", StringComparison.Ordinal));
        return new Uri(line[(label.Length + 2)..].Trim());
    }

    private static string Token(Uri link) => System.Web.HttpUtility.ParseQueryString(link.Query)["t"]!;

    /// <summary>The same path and query on the test host: the public base URL is not where the test host listens.</summary>
    private static Uri OnTestHost(PipelineHarness app, Uri publicUrl) => new(app.Host.BaseAddress, publicUrl.PathAndQuery);

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex(@"https://alerts\.example\.org/api/preferences\?t=\S+")]
    private static partial Regex PreferencesLink();
}
