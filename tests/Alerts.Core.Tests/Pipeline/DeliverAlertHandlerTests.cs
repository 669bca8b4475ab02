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

/// <summary>Delivery logic in memory: claims, leases, retries and health, against fakes of the ports.</summary>
public sealed class DeliverAlertHandlerTests
{
    private static readonly DeliveryMessage Message = new("alert-1", "article-1", "sub-1", new TopicMatch("t", "Test topic", 0.9, true, []));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryDeliveryStore _deliveries = new();
    private readonly InMemorySubscriberStore _subscribers = new();
    private readonly InMemoryArticleStore _articles = new();
    private readonly RecordingQueue<DeliveryMessage> _queue = new();
    private readonly InMemoryPendingAlertStore _pending = new();
    private readonly InMemoryDailySendCounter _sendCounts = new();
    private readonly AlertsOptions _options = new();

    public DeliverAlertHandlerTests()
    {
        _articles.AdmitAsync(new Article("article-1", "src", "Troops arrive", "https://example.org/a", null, "Body.", _time.GetUtcNow()), Ct).GetAwaiter().GetResult();
        _subscribers.UpsertAsync(new Subscriber("sub-1", "Ops", ChannelKind.Webhook, "https://example.org/hook"), Ct).GetAwaiter().GetResult();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TimeSpan Lease => _options.DeliverySendDeadline * 1.5;

    [Fact]
    public async Task HandleAsync_Redelivered_SendsOnce()
    {
        // Arrange
        var channel = new ScriptedChannel();
        var handler = Handler(channel);

        // Act
        await handler.HandleAsync(Message, Ct);
        await handler.HandleAsync(Message, Ct);

        // Assert
        Assert.Equal(1, channel.Sends);
        Assert.Equal(DeliveryStatus.Sent, _deliveries["sub-1", "alert-1"]!.Status);
    }

    [Fact]
    public async Task HandleAsync_SecondCopyWhileFirstSends_LooksAgainWhenTheLeaseWouldRunOut()
    {
        // Arrange
        var gate = new TaskCompletionSource();
        var channel = new ScriptedChannel().Waits(gate.Task);
        var handler = Handler(channel);
        var first = handler.HandleAsync(Message, Ct);
        await channel.Started.Task;

        // Act: the copy neither sends nor throws (which would spend one of the queue's attempts)
        await handler.HandleAsync(Message, Ct);
        gate.SetResult();
        await first;

        // Assert
        Assert.Equal(1, channel.Sends);
        var (again, delay) = Assert.Single(_queue.Sent);
        Assert.Equal(Message, again);
        Assert.Equal(Lease + TimeSpan.FromSeconds(5), delay);
        Assert.Equal(DeliveryStatus.Sent, _deliveries["sub-1", "alert-1"]!.Status);
    }

    [Fact]
    public async Task HandleAsync_ClaimOfADeadInstance_IsTakenOverAfterTheLease()
    {
        // Arrange: an instance claimed the delivery and died
        await _deliveries.TryClaimAsync(
            new DeliveryRecord("sub-1", "alert-1", ChannelKind.Webhook, DeliveryStatus.Sending, "sending") { Attempts = 1, RecordedAt = _time.GetUtcNow() },
            DateTimeOffset.MinValue,
            Ct);
        var channel = new ScriptedChannel();
        var handler = Handler(channel);

        // Act
        await handler.HandleAsync(Message, Ct);
        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        await handler.HandleAsync(Message, Ct);

        // Assert
        Assert.Equal(1, channel.Sends);
        var record = _deliveries["sub-1", "alert-1"]!;
        Assert.Equal(DeliveryStatus.Sent, record.Status);
        Assert.Equal(2, record.Attempts);
    }

    [Fact]
    public async Task HandleAsync_SendLongerThanAThirdOfTheLease_RenewsTheClaim()
    {
        // Arrange
        var gate = new TaskCompletionSource();
        var channel = new ScriptedChannel().Waits(gate.Task);
        var handler = Handler(channel);
        var claimedAt = _time.GetUtcNow();
        var sending = handler.HandleAsync(Message, Ct);
        await channel.Started.Task;

        // Act
        _time.Advance(Lease / 3);
        var renewed = await WaitFor(() => _deliveries["sub-1", "alert-1"]!.RecordedAt > claimedAt);
        gate.SetResult();
        await sending;

        // Assert
        Assert.True(renewed, "the claim was not renewed while the send ran");
        Assert.Equal(DeliveryStatus.Sent, _deliveries["sub-1", "alert-1"]!.Status);
    }

    [Fact]
    public async Task HandleAsync_RenewalAnsweredAfterTheSendEnded_OutcomeStillRecorded()
    {
        // Arrange: the store applies a renewal but answers only after the send is over
        var answer = new TaskCompletionSource();
        var store = new SlowToAnswerRenewals(_deliveries, answer.Task);
        var gate = new TaskCompletionSource();
        var channel = new ScriptedChannel().Waits(gate.Task);
        var handler = Handler(channel, store);
        var sending = handler.HandleAsync(Message, Ct);
        await channel.Started.Task;
        _time.Advance(Lease / 3);
        await store.RenewalApplied.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // Act: the send ends while the renewal's answer is still on its way; it arrives a moment later
        gate.SetResult();
        await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(1), Ct));
        answer.SetResult();
        await sending.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // Assert
        Assert.Equal(DeliveryStatus.Sent, _deliveries["sub-1", "alert-1"]!.Status);
    }

    [Fact]
    public async Task HandleAsync_SendPastTheDeadline_IsAPassingFailureRetriedLater()
    {
        // Arrange: a receiver that never answers
        var channel = new ScriptedChannel().Waits(new TaskCompletionSource().Task);
        var handler = Handler(channel);
        var sending = handler.HandleAsync(Message, Ct);
        await channel.Started.Task;

        // Act
        _time.Advance(_options.DeliverySendDeadline);
        await sending;

        // Assert
        var record = _deliveries["sub-1", "alert-1"]!;
        Assert.Equal(DeliveryStatus.Failed, record.Status);
        Assert.Contains("did not finish within 120 s", record.Detail, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(30), Assert.Single(_queue.Sent).Delay);
    }

    [Fact]
    public async Task HandleAsync_ClaimTakenOverDuringASlowSend_NeverOverwritesTheNewOwner()
    {
        // Arrange
        var gate = new TaskCompletionSource();
        var channel = new ScriptedChannel().Waits(gate.Task);
        var handler = Handler(channel);
        var sending = handler.HandleAsync(Message, Ct);
        await channel.Started.Task;

        // Act: another instance takes the delivery over (as after a lost lease) and records its own outcome
        var owner = await _deliveries.TryClaimAsync(
            new DeliveryRecord("sub-1", "alert-1", ChannelKind.Webhook, DeliveryStatus.Sending, "other instance") { RecordedAt = _time.GetUtcNow() },
            DateTimeOffset.MaxValue,
            Ct);
        gate.SetResult();
        await sending;

        // Assert
        Assert.Equal(DeliveryClaimOutcome.Claimed, owner.Outcome);
        var record = _deliveries["sub-1", "alert-1"]!;
        Assert.Equal(DeliveryStatus.Sending, record.Status);
        Assert.Equal("other instance", record.Detail);
        Assert.Equal(Lease + TimeSpan.FromSeconds(5), Assert.Single(_queue.Sent).Delay); // looks again in case the new owner gives up
    }

    [Fact]
    public async Task HandleAsync_ClaimFoundTakenOverAtRenewal_StopsTheSend()
    {
        // Arrange
        var channel = new ScriptedChannel().Waits(new TaskCompletionSource().Task);
        var handler = Handler(channel);
        var sending = handler.HandleAsync(Message, Ct);
        await channel.Started.Task;
        await _deliveries.TryClaimAsync(
            new DeliveryRecord("sub-1", "alert-1", ChannelKind.Webhook, DeliveryStatus.Sending, "other instance") { RecordedAt = _time.GetUtcNow() },
            DateTimeOffset.MaxValue,
            Ct);

        // Act
        _time.Advance(Lease / 3);
        await sending.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // Assert
        Assert.Equal("other instance", _deliveries["sub-1", "alert-1"]!.Detail);
        Assert.Equal(Lease + TimeSpan.FromSeconds(5), Assert.Single(_queue.Sent).Delay);
    }

    [Fact]
    public async Task HandleAsync_PassingFailureWithRetryAfter_ComesBackAfterIt()
    {
        // Arrange
        var handler = Handler(new ScriptedChannel().Answers(ChannelResult.Failure("429 Too Many Requests", TimeSpan.FromSeconds(7))));

        // Act
        await handler.HandleAsync(Message, Ct);

        // Assert
        var (again, delay) = Assert.Single(_queue.Sent);
        Assert.Equal(TimeSpan.FromSeconds(7), delay);
        Assert.Equal(_time.GetUtcNow(), again.FirstAttemptAt);
        Assert.Equal(DeliveryStatus.Failed, _deliveries["sub-1", "alert-1"]!.Status);
    }

    [Fact]
    public async Task HandleAsync_RetryBudgetSpent_ThrowsForTheQueueToPark()
    {
        // Arrange
        var handler = Handler(new ScriptedChannel().Answers(ChannelResult.Failure("503 Service Unavailable")));
        var old = Message with { FirstAttemptAt = _time.GetUtcNow() - _options.DeliveryRetryBudget };

        // Act / Assert
        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => handler.HandleAsync(old, Ct));
        Assert.Contains("503", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_queue.Sent);
    }

    [Fact]
    public async Task HandleAsync_PermanentFailures_StopAtOnceAndMakeTheChannelUnhealthy()
    {
        // Arrange
        var channel = new ScriptedChannel();
        for (var i = 0; i < 4; i++)
        {
            channel.Answers(ChannelResult.PermanentFailure("404 Not Found"));
        }

        var handler = Handler(channel);

        // Act
        for (var i = 1; i <= 4; i++)
        {
            await handler.HandleAsync(Message with { AlertId = "alert-" + i }, Ct);
        }

        // Assert
        Assert.Equal(3, channel.Sends);
        Assert.StartsWith("gave up, retrying cannot help: 404", _deliveries["sub-1", "alert-1"]!.Detail, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Skipped, _deliveries["sub-1", "alert-4"]!.Status);
        Assert.True((await _subscribers.GetAsync("sub-1", Ct))!.Health.IsUnhealthy);
        Assert.Empty(_queue.Sent);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    [InlineData(30, 3600)]
    public void NextDelay_DoublesFromThirtySecondsToAnHour(int attempts, int seconds)
    {
        // Act
        var delay = DeliveryRetries.NextDelay(ChannelResult.Failure("503"), attempts, _time.GetUtcNow(), _time.GetUtcNow(), TimeSpan.FromDays(1));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }

    private static async Task<bool> WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10, Ct);
        }

        return condition();
    }

    private DeliverAlertHandler Handler(IAlertChannel channel, IDeliveryStore? deliveries = null)
    {
        var options = Options.Create(_options);
        var observers = new PipelineObservers([]);
        return new DeliverAlertHandler(
            _subscribers,
            [channel],
            new AlertComposer(new AlertedArticles(_articles, new NoStoryCopies()), new SubscriberLinks(options, _time)),
            new DeliveryLedger(deliveries ?? _deliveries, observers, options, _time, NullLogger<DeliveryLedger>.Instance),
            new DeliveryRetries(_queue, options, _time, NullLogger<DeliveryRetries>.Instance),
            new ChannelHealthRecorder(_subscribers, _time, NullLogger<ChannelHealthRecorder>.Instance),
            new DeliveryPlanner(_subscribers, _pending, _sendCounts, _time),
            new StoryDevelopments(_articles, _subscribers, _pending, _time));
    }

    // Applies renewals at once but answers them only when the test says so, honouring the caller's cancellation.
    private sealed class SlowToAnswerRenewals(InMemoryDeliveryStore inner, Task answer) : IDeliveryStore
    {
        public TaskCompletionSource RenewalApplied { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<DeliveryRecord?> GetAsync(string subscriberId, string alertId, CancellationToken cancellationToken) =>
            inner.GetAsync(subscriberId, alertId, cancellationToken);

        public Task<DeliveryClaim> TryClaimAsync(DeliveryRecord claim, DateTimeOffset staleBefore, CancellationToken cancellationToken) =>
            inner.TryClaimAsync(claim, staleBefore, cancellationToken);

        public async Task<string?> ReplaceClaimedAsync(DeliveryRecord record, string token, CancellationToken cancellationToken)
        {
            var version = await inner.ReplaceClaimedAsync(record, token, cancellationToken);
            if (record.Status == DeliveryStatus.Sending)
            {
                RenewalApplied.TrySetResult();
                await answer.WaitAsync(cancellationToken);
            }

            return version;
        }

        public IAsyncEnumerable<DeliveryRecord> ListRecentAsync(int max, CancellationToken cancellationToken) => inner.ListRecentAsync(max, cancellationToken);
    }
}
