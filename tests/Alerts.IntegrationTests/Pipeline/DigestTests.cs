using System.Net;
using System.Net.Http.Json;
using Alerts.Core.Delivery;
using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Core.Topics;
using Alerts.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Pipeline;

/// <summary>Digests on Azurite with the real SMTP inbox: the pending and send-count tables, and the whole path.</summary>
public sealed class DigestTests(AzuriteFixture azurite)
{
    private static readonly WatchTopic Topic = SampleTopics.AfghanistanForeignTroops;
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PendingAlerts_TwoDigestsTakeTheSameAlert_ExactlyOneHasIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var store = app.Services.GetRequiredService<IPendingAlertStore>();
        var due = Alert("ann", "a1", Now);
        await store.AddAsync(due, ct);
        await store.AddAsync(due with { Reason = "added twice" }, ct);
        await store.AddAsync(Alert("ann", "a2", Now.AddDays(1)), ct);

        var listed = await store.ListDueAsync(Now.AddMinutes(1), ct).ToListAsync(ct);
        var taken = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => store.TryTakeAsync(due, $"digest-{i % 2}", Now, ct)));
        var stored = await store.GetAsync("ann", "a1", ct);

        Assert.Equal("a1", Assert.Single(listed).AlertId);
        Assert.Equal("daily digest", stored!.Reason);
        Assert.All(taken.Select((result, i) => (result, digest: $"digest-{i % 2}")), pair => Assert.Equal(pair.digest == stored.DigestId, pair.result));
        Assert.False(await store.TryUpdateWaitingAsync(stored with { NewestHeadline = "late" }, ct));
    }

    [Fact]
    public async Task DailySendCounter_ConcurrentSends_CountExactlyTheCap()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var counter = app.Services.GetRequiredService<IDailySendCounter>();
        var day = new DateOnly(2026, 12, 1);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => counter.TryCountAsync("ann", day, 3, ct)));
        var nextDay = await counter.TryCountAsync("ann", day.AddDays(1), 3, ct);

        Assert.Equal(3, results.Count(counted => counted));
        Assert.True(nextDay);
    }

    [Fact]
    public async Task DailyDigest_MatchesPushedDuringTheDay_ArriveAsOneEmailAtTheDigestTimeAndOnlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ShiftedTimeProvider();
        await using var app = await PipelineHarness.StartAsync(azurite, configureServices: services => services.AddSingleton<TimeProvider>(clock));
        await app.Services.GetRequiredService<ITopicStore>().UpsertAsync(Topic, ct);
        using var client = app.CreateApiClient();
        (await client.PutAsJsonAsync("api/subscribers/ann", new { name = "Ann", channel = "email", address = "ann@example.org", timeZone = "Europe/Paris" }, ct)).EnsureSuccessStatusCode();
        var subscribed = await client.PutAsJsonAsync($"api/topics/{Topic.Id}/subscriptions/ann", new { cadence = "daily", digestTime = "08:00" }, ct);
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);

        await client.PostAsJsonAsync("api/articles", new { title = "Turkish troops deploy to guard Kabul airport", link = "https://news.example.org/1", summary = "Turkey sent two hundred soldiers to Kabul to secure the airport, the defence ministry said." }, ct);
        await client.PostAsJsonAsync("api/articles", new { title = "German soldiers hand over Kunduz base", link = "https://news.example.org/2", summary = "The Bundeswehr's last German troops in Kunduz handed the camp to Afghan forces on Friday." }, ct);
        await app.WaitIdleAsync(ct);
        var held = await app.Services.GetRequiredService<IDeliveryStore>().ListRecentAsync(10, ct).ToListAsync(ct);

        Assert.Empty(app.Smtp.Messages);
        Assert.Equal(2, held.Count(record => record.Status == DeliveryStatus.Held));

        // Nothing is due yet; a day later the digest is.
        await app.Host.RunNowAsync("SendDigests", ct);
        await app.WaitIdleAsync(ct);
        Assert.Empty(app.Smtp.Messages);
        clock.Advance(TimeSpan.FromDays(1));
        await app.Host.RunNowAsync("SendDigests", ct);
        await app.WaitIdleAsync(ct);
        await app.Host.RunNowAsync("SendDigests", ct);
        await app.WaitIdleAsync(ct);

        var mail = Assert.Single(app.Smtp.Messages);
        Assert.Equal($"[Alerts] Digest: 2 alerts on {Topic.Name}", mail.Subject);
        Assert.Contains("Turkish troops deploy to guard Kabul airport", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("German soldiers hand over Kunduz base", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Times are Europe/Paris.", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Message.Headers["List-Unsubscribe-Post"]);
        Assert.Empty(await app.Services.GetRequiredService<IPendingAlertStore>().ListAsync("ann", ct).ToListAsync(ct));
    }

    [Theory]
    [InlineData("{\"cadence\": \"sometimes\"}", "cadence", "immediate, hourly, daily, weekly")]
    [InlineData("{\"cadence\": \"daily\", \"digestTime\": \"8pm\"}", "digestTime", "08:00")]
    [InlineData("{\"urgentScore\": 2}", "urgentScore", "between 0 and 1")]
    public async Task PutSubscription_BadCadenceSettings_AreRefusedInWords(string body, string field, string words)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.SeedSubscribersAsync(Topic, ct);
        using var client = app.CreateApiClient();

        var response = await client.PutAsync($"api/topics/{Topic.Id}/subscriptions/mail-reader", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), ct);
        var problem = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, problem, StringComparison.Ordinal);
        Assert.Contains(words, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Alerts.Core", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timeZone", "\"Mars/Olympus\"", "IANA name")]
    [InlineData("quietHours", "{\"from\": \"22:00\", \"to\": \"22:00\"}", "24-hour clock")]
    [InlineData("dailyCap", "0", "from 1 to 1000")]
    public async Task PutSubscriber_BadDeliverySettings_AreRefusedInWords(string field, string json, string words)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        var body = $"{{\"name\": \"Ann\", \"channel\": \"email\", \"address\": \"ann@example.org\", \"{field}\": {json}}}";

        var response = await client.PutAsync("api/subscribers/ann", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), ct);
        var problem = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, problem, StringComparison.Ordinal);
        Assert.Contains(words, problem, StringComparison.Ordinal);
    }

    private static PendingAlert Alert(string subscriberId, string alertId, DateTimeOffset due) =>
        new(subscriberId, alertId, "article-" + alertId, new Alerts.Core.Scoring.TopicMatch("t", "Topic", 0.8, true, []), due, "daily digest") { HeldAt = Now };
}
