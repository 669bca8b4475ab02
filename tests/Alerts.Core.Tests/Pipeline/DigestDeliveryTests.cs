using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Pipeline;
using Alerts.Core.Queues;
using Alerts.Core.Scoring;
using Alerts.Core.Subscriptions;
using Alerts.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Pipeline;

/// <summary>
/// Cadence, quiet hours, daily caps, digests and developing stories in memory, against fakes of the ports, with time
/// moved by a fake clock.
/// </summary>
public sealed class DigestDeliveryTests
{
    // Tuesday 1 December 2026, 12:00 UTC.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryDeliveryStore _deliveries = new();
    private readonly InMemorySubscriberStore _subscribers = new();
    private readonly InMemoryArticleStore _articles = new();
    private readonly InMemoryPendingAlertStore _pending = new();
    private readonly InMemoryDailySendCounter _sendCounts = new();
    private readonly RecordingQueue<DeliveryMessage> _retries = new();
    private readonly RecordingQueue<DigestMessage> _digests = new();
    private readonly ScriptedChannel _channel = new(ChannelKind.Email);
    private readonly AlertsOptions _options = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DailySubscriber_Match_IsHeldThenSentInOneDigestAtTheDigestTime()
    {
        await SubscribeAsync(new Subscription("war", "ann") { Cadence = Cadence.Daily, DigestTime = "08:00" });

        await DeliverAsync(Match("a1", "war", 0.8));
        await DeliverAsync(Match("a2", "war", 0.7));

        Assert.Equal(0, _channel.Sends);
        Assert.Equal(DeliveryStatus.Held, _deliveries["ann", AlertId("a1", "war")]!.Status);
        Assert.All(_pending.All, alert => Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero), alert.DueAt));

        // Before the digest time nothing is due; at it, one digest with both.
        _time.Advance(TimeSpan.FromHours(19));
        Assert.Equal(0, await SendDigests().RunAsync(Ct));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await SendDigests().RunAsync(Ct));
        await DeliverDigestsAsync();

        var digest = Assert.Single(_channel.Digests);
        Assert.Equal(["a1", "a2"], digest.Topics.Single().Items.Select(item => item.Article.Key));
        Assert.Empty(_pending.All);
        Assert.Equal(DeliveryStatus.Sent, _deliveries["ann", digest.DigestId]!.Status);
    }

    [Fact]
    public async Task DailySubscriber_MatchInTheUrgentBand_GoesOutAtOnce()
    {
        await SubscribeAsync(new Subscription("war", "ann") { Cadence = Cadence.Daily, UrgentScore = 0.9 });

        await DeliverAsync(Match("a1", "war", 0.95));
        await DeliverAsync(Match("a2", "war", 0.85));

        Assert.Equal(1, _channel.Sends);
        Assert.Equal(DeliveryStatus.Sent, _deliveries["ann", AlertId("a1", "war")]!.Status);
        Assert.Equal("a2", Assert.Single(_pending.All).ArticleKey);
    }

    [Fact]
    public async Task QuietHours_HoldAlertsUntilTheyEnd_ExceptUrgentOnes()
    {
        await SubscribeAsync(new Subscription("war", "ann") { UrgentScore = 0.99 }, quiet: new QuietHours("11:00", "14:30"));

        await DeliverAsync(Match("a1", "war", 0.8));
        await DeliverAsync(Match("a2", "war", 1.0));

        Assert.Equal(1, _channel.Sends);
        var held = Assert.Single(_pending.All);
        Assert.Equal("quiet hours", held.Reason);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 30, 0, TimeSpan.Zero), held.DueAt);

        _time.Advance(TimeSpan.FromMinutes(150));
        await SendDigests().RunAsync(Ct);
        await DeliverDigestsAsync();
        Assert.Equal("a1", Assert.Single(_channel.Digests).Topics.Single().Items.Single().Article.Key);
    }

    [Fact]
    public async Task DailyCap_ReachedInTheSubscribersDay_RestRollIntoTheNextMorningNeverDropped()
    {
        // Tokyo: 12:00 UTC is 21:00 local; the next local day starts at 15:00 UTC.
        await SubscribeAsync(new Subscription("war", "ann"), zone: "Asia/Tokyo", cap: 2);

        foreach (var key in new[] { "a1", "a2", "a3", "a4" })
        {
            await DeliverAsync(Match(key, "war", 0.8));
        }

        Assert.Equal(2, _channel.Sends);
        Assert.Equal(2, _pending.All.Count);
        Assert.All(_pending.All, alert => Assert.Equal(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero), alert.DueAt));
        Assert.Contains("daily limit of 2", _pending.All[0].Reason, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromHours(3));
        await SendDigests().RunAsync(Ct);
        await DeliverDigestsAsync();
        Assert.Equal(["a3", "a4"], Assert.Single(_channel.Digests).Topics.Single().Items.Select(item => item.Article.Key).Order());

        // A new day: the cap starts again.
        await DeliverAsync(Match("a5", "war", 0.8));
        Assert.Equal(DeliveryStatus.Sent, _deliveries["ann", AlertId("a5", "war")]!.Status);
    }

    [Fact]
    public async Task SendDigests_TimerRunsTwice_EachAlertIsSentOnce()
    {
        await SubscribeAsync(new Subscription("war", "ann") { Cadence = Cadence.Hourly });
        await DeliverAsync(Match("a1", "war", 0.8));
        await DeliverAsync(Match("a2", "war", 0.8));
        _time.Advance(TimeSpan.FromHours(1));

        await SendDigests().RunAsync(Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        await SendDigests().RunAsync(Ct);
        Assert.Equal(2, _digests.Sent.Count);
        await DeliverDigestsAsync();

        var digest = Assert.Single(_channel.Digests);
        Assert.Equal(2, digest.AlertCount);
        Assert.Empty(_pending.All);
    }

    [Fact]
    public async Task DeliverDigest_InstanceDiesAfterSendingBeforeCleanUp_RedeliveredMessageSendsNothingAgain()
    {
        await SubscribeAsync(new Subscription("war", "ann") { Cadence = Cadence.Hourly });
        await DeliverAsync(Match("a1", "war", 0.8));
        _time.Advance(TimeSpan.FromHours(1));
        await SendDigests().RunAsync(Ct);
        var message = Assert.Single(_digests.Sent).Message;
        var dying = new DiesOnRemove(_pending);

        await Assert.ThrowsAsync<InvalidOperationException>(() => DeliverDigest(dying).HandleAsync(message, Ct));
        await DeliverDigest().HandleAsync(message, Ct);

        Assert.Equal(1, _channel.Sends);
        Assert.Empty(_pending.All);
    }

    [Fact]
    public async Task DeliverDigest_SendFailsThenNewAlertsArrive_RetrySendsItsOwnAlertsAndTheNextDigestTheRest()
    {
        await SubscribeAsync(new Subscription("war", "ann") { Cadence = Cadence.Hourly });
        await DeliverAsync(Match("a1", "war", 0.8));
        _time.Advance(TimeSpan.FromHours(1));
        await SendDigests().RunAsync(Ct);
        var first = _digests.Sent[^1].Message;
        _channel.Answers(ChannelResult.Failure("SMTP 451 try later"));
        await Assert.ThrowsAsync<DeliveryFailedException>(() => DeliverDigest().HandleAsync(first, Ct));

        await DeliverAsync(Match("a2", "war", 0.8));
        _time.Advance(TimeSpan.FromHours(1));
        await SendDigests().RunAsync(Ct);
        await DeliverDigest().HandleAsync(first, Ct);
        await DeliverDigest().HandleAsync(_digests.Sent[^1].Message, Ct);

        Assert.Equal(["a1", "a2"], _channel.Digests.Skip(1).Select(d => d.Topics.Single().Items.Single().Article.Key));
        Assert.Empty(_pending.All);
    }

    [Fact]
    public async Task DeliverDigest_TopicLeftWhileWaiting_IsNotSent()
    {
        await SubscribeAsync(new Subscription("war", "ann") { Cadence = Cadence.Hourly });
        await DeliverAsync(Match("a1", "war", 0.8));
        await _subscribers.DeleteSubscriptionAsync("war", "ann", Ct);
        _time.Advance(TimeSpan.FromHours(1));

        await SendDigests().RunAsync(Ct);
        await DeliverDigestsAsync();

        Assert.Equal(0, _channel.Sends);
        Assert.Empty(_pending.All);
    }

    [Fact]
    public async Task LaterCopyOfAWaitingAlert_DigestSaysTheStoryDeveloped()
    {
        await SubscribeAsync(new Subscription("war", "ann") { Cadence = Cadence.Hourly });
        await DeliverAsync(Match("a1", "war", 0.8));

        // Two later copies of the story (the same alert id), one of them redelivered.
        await DeliverAsync(Match("a1", "war", 0.8) with { ArticleKey = "a1-copy" });
        await DeliverAsync(Match("a1", "war", 0.8) with { ArticleKey = "a1-update" });
        await DeliverAsync(Match("a1", "war", 0.8) with { ArticleKey = "a1-update" });
        _time.Advance(TimeSpan.FromHours(1));
        await SendDigests().RunAsync(Ct);
        await DeliverDigestsAsync();

        var item = Assert.Single(_channel.Digests).Topics.Single().Items.Single();
        Assert.Equal("a1", item.Article.Key);
        Assert.Equal(2, item.NewReports);
        Assert.Equal("Story a1-update", item.NewestHeadline);
        Assert.False(item.Development);
    }

    [Fact]
    public async Task LaterCopiesOfAnAlertedStory_ImmediateSubscriberWithFollowUps_GetsOneFollowUpAfterThreeHours()
    {
        await SubscribeAsync(new Subscription("war", "ann") { FollowUps = true });
        await DeliverAsync(Match("a1", "war", 0.8));
        Assert.Equal(1, _channel.Sends);

        _time.Advance(TimeSpan.FromMinutes(10));
        await DeliverAsync(Match("a1", "war", 0.8) with { ArticleKey = "a1-copy" });
        await DeliverAsync(Match("a1", "war", 0.8) with { ArticleKey = "a1-update" });
        var development = Assert.Single(_pending.All);
        Assert.True(development.DueAt >= _time.GetUtcNow() + TimeSpan.FromHours(2.8));

        _time.Advance(TimeSpan.FromHours(3));
        await SendDigests().RunAsync(Ct);
        await DeliverDigestsAsync();

        var item = Assert.Single(_channel.Digests).Topics.Single().Items.Single();
        Assert.True(item.Development);
        Assert.Equal(2, item.NewReports);
        Assert.Equal("a1-update", item.Article.Key);
        Assert.Equal(2, _channel.Sends);
    }

    [Fact]
    public async Task UpdatedVersionOfAnAlertedArticle_DailySubscriber_NextDigestSaysItDeveloped_RedeliveryCountsOnce()
    {
        await SubscribeAsync(new Subscription("war", "ann") { Cadence = Cadence.Daily, UrgentScore = 0.9 });
        var first = Match("a1", "war", 0.95) with { ArticleVersion = "v1" };
        await DeliverAsync(first);
        Assert.Equal(1, _channel.Sends);

        await DeliverAsync(first);
        await DeliverAsync(first with { ArticleVersion = "v2" });
        await DeliverAsync(first with { ArticleVersion = "v2" });
        _time.Advance(TimeSpan.FromDays(1));
        await SendDigests().RunAsync(Ct);
        await DeliverDigestsAsync();

        var item = Assert.Single(Assert.Single(_channel.Digests).Topics.Single().Items);
        Assert.True(item.Development);
        Assert.Equal(1, item.NewReports);
    }

    [Fact]
    public async Task LaterCopyOfAnAlertedStory_ImmediateSubscriberWithoutFollowUps_IsNotToldAgain()
    {
        await SubscribeAsync(new Subscription("war", "ann"));
        await DeliverAsync(Match("a1", "war", 0.8));

        await DeliverAsync(Match("a1", "war", 0.8) with { ArticleKey = "a1-copy" });

        Assert.Equal(1, _channel.Sends);
        Assert.Empty(_pending.All);
    }

    [Fact]
    public async Task Digest_StoryMatchingTwoTopics_IsShownOnceUnderTheBetterOne()
    {
        await SubscribeAsync(new Subscription("war", "ann") { Cadence = Cadence.Hourly });
        await _subscribers.UpsertSubscriptionAsync(new Subscription("oil", "ann") { Cadence = Cadence.Hourly }, Ct);
        await DeliverAsync(Match("a1", "war", 0.7));
        await DeliverAsync(Match("a1", "oil", 0.9));
        await DeliverAsync(Match("a2", "war", 0.8));
        _time.Advance(TimeSpan.FromHours(1));

        await SendDigests().RunAsync(Ct);
        await DeliverDigestsAsync();

        var digest = Assert.Single(_channel.Digests);
        Assert.Equal(["oil", "war"], digest.Topics.Select(topic => topic.TopicId));
        Assert.Equal(["Topic war"], digest.Topics[0].Items.Single().AlsoMatches);
        Assert.Equal("a2", digest.Topics[1].Items.Single().Article.Key);
        Assert.Equal(2, digest.AlertCount);
    }

    [Fact]
    public async Task Digest_MoreThanATopicShows_FoldsTheRestIntoACount()
    {
        await SubscribeAsync(new Subscription("war", "ann") { Cadence = Cadence.Daily });
        for (var i = 0; i < DigestComposer.MaxItemsPerTopic + 3; i++)
        {
            await DeliverAsync(Match($"a{i}", "war", 0.5 + (i / 100.0)));
        }

        _time.Advance(TimeSpan.FromDays(1));
        await SendDigests().RunAsync(Ct);
        await DeliverDigestsAsync();

        var topic = Assert.Single(Assert.Single(_channel.Digests).Topics);
        Assert.Equal(DigestComposer.MaxItemsPerTopic, topic.Items.Count);
        Assert.Equal(3, topic.Folded);
        Assert.Equal($"a{DigestComposer.MaxItemsPerTopic + 2}", topic.Items[0].Article.Key);
    }

    private async Task SubscribeAsync(Subscription subscription, string? zone = null, QuietHours? quiet = null, int? cap = null)
    {
        await _subscribers.UpsertAsync(new Subscriber("ann", "Ann", ChannelKind.Email, "ann@example.org") { TimeZone = zone, QuietHours = quiet, DailyCap = cap }, Ct);
        await _subscribers.UpsertSubscriptionAsync(subscription, Ct);
    }

    private static string AlertId(string articleKey, string topicId) => ScoreArticleHandler.AlertIdFor(articleKey, topicId, "ann");

    private DeliveryMessage Match(string articleKey, string topicId, double score) =>
        new(AlertId(articleKey, topicId), articleKey, "ann", new TopicMatch(topicId, $"Topic {topicId}", score, true, []));

    private async Task DeliverAsync(DeliveryMessage message)
    {
        if (await _articles.GetAsync(message.ArticleKey, Ct) is null)
        {
            await _articles.AdmitAsync(new Article(message.ArticleKey, "wire", $"Story {message.ArticleKey}", $"https://example.org/{message.ArticleKey}", null, "What happened.", _time.GetUtcNow()), Ct);
        }

        var options = Options.Create(_options);
        var ledger = Ledger();
        await new DeliverAlertHandler(
            _subscribers,
            [_channel],
            new AlertComposer(new AlertedArticles(_articles, new NoStoryCopies()), new SubscriberLinks(options, _time)),
            ledger,
            new DeliveryRetries(_retries, options, _time, NullLogger<DeliveryRetries>.Instance),
            new ChannelHealthRecorder(_subscribers, _time, NullLogger<ChannelHealthRecorder>.Instance),
            new DeliveryPlanner(_subscribers, _pending, _sendCounts, _time),
            new StoryDevelopments(_articles, _subscribers, _pending, _time)).HandleAsync(message, Ct);
    }

    private SendDigestsHandler SendDigests() => new(_pending, _digests, _time, NullLogger<SendDigestsHandler>.Instance);

    private DeliverDigestHandler DeliverDigest(IPendingAlertStore? pending = null) => new(
        _subscribers,
        pending ?? _pending,
        [_channel],
        new DigestComposer(_articles, new AlertedArticles(_articles, new NoStoryCopies()), new SubscriberLinks(Options.Create(_options), _time)),
        Ledger(),
        new ChannelHealthRecorder(_subscribers, _time, NullLogger<ChannelHealthRecorder>.Instance),
        _digests,
        _time,
        NullLogger<DeliverDigestHandler>.Instance);

    private DeliveryLedger Ledger() =>
        new(_deliveries, new PipelineObservers([]), Options.Create(_options), _time, NullLogger<DeliveryLedger>.Instance);

    private async Task DeliverDigestsAsync()
    {
        foreach (var (message, _) in _digests.Sent.ToList())
        {
            await DeliverDigest().HandleAsync(message, Ct);
        }
    }

    // The instance dies right after the digest went out, before its alerts are removed.
    private sealed class DiesOnRemove(IPendingAlertStore inner) : IPendingAlertStore
    {
        public Task<PendingAlert?> GetAsync(string subscriberId, string alertId, CancellationToken cancellationToken) => inner.GetAsync(subscriberId, alertId, cancellationToken);

        public Task AddAsync(PendingAlert alert, CancellationToken cancellationToken) => inner.AddAsync(alert, cancellationToken);

        public IAsyncEnumerable<PendingAlert> ListDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken) => inner.ListDueAsync(dueBy, cancellationToken);

        public IAsyncEnumerable<PendingAlert> ListAsync(string subscriberId, CancellationToken cancellationToken) => inner.ListAsync(subscriberId, cancellationToken);

        public Task<bool> TryTakeAsync(PendingAlert alert, string digestId, DateTimeOffset at, CancellationToken cancellationToken) => inner.TryTakeAsync(alert, digestId, at, cancellationToken);

        public Task<bool> TryUpdateWaitingAsync(PendingAlert alert, CancellationToken cancellationToken) => inner.TryUpdateWaitingAsync(alert, cancellationToken);

        public Task RemoveAsync(string subscriberId, string alertId, CancellationToken cancellationToken) => throw new InvalidOperationException("instance died");
    }
}
