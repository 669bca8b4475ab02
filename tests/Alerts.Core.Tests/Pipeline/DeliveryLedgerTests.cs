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

/// <summary>The delivery record's edge cases: skips never overwrite, waits never go negative, health follows the address.</summary>
public sealed class DeliveryLedgerTests
{
    private static readonly DeliveryMessage Message = new("alert-1", "article-1", "sub-1", new TopicMatch("t", "Test topic", 0.9, true, []));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordSkippedAsync_AlertAlreadySent_LeavesTheSentRecord()
    {
        // Arrange: another instance sent it after this one read the record
        var store = new InMemoryDeliveryStore();
        var claim = await store.TryClaimAsync(new DeliveryRecord("sub-1", "alert-1", ChannelKind.Email, DeliveryStatus.Sending, "sending"), DateTimeOffset.MinValue, Ct);
        await store.ReplaceClaimedAsync(new DeliveryRecord("sub-1", "alert-1", ChannelKind.Email, DeliveryStatus.Sent, "250 OK"), claim.Token!, Ct);

        // Act
        await Ledger(store).RecordSkippedAsync(Message, ChannelKind.Email, "subscriber inactive or removed", 1, Ct);

        // Assert
        Assert.Equal(DeliveryStatus.Sent, store["sub-1", "alert-1"]!.Status);
    }

    [Fact]
    public async Task ClaimAsync_LostTheTakeoverOfAnOldFailure_WaitsNoLessThanNothing()
    {
        // Arrange: a failure recorded an hour ago, taken over by another instance a moment before this one
        var oldFailure = new DeliveryRecord("sub-1", "alert-1", ChannelKind.Email, DeliveryStatus.Failed, "503") { RecordedAt = _time.GetUtcNow().AddHours(-1) };
        var store = new ClaimAnswers(new DeliveryClaim(DeliveryClaimOutcome.InProgress, oldFailure));

        // Act
        var attempt = await Ledger(store).ClaimAsync(Message, ChannelKind.Email, 2, Ct);

        // Assert
        Assert.Equal(DeliveryClaimOutcome.InProgress, attempt.Outcome);
        Assert.Equal(TimeSpan.Zero, attempt.LeaseLeft);
    }

    [Fact]
    public async Task ChannelHealth_AddressChangedDuringTheSend_FailureNotWrittenOverTheFix()
    {
        // Arrange
        var subscribers = new InMemorySubscriberStore();
        var sentTo = new Subscriber("sub-1", "Ops", ChannelKind.Webhook, "https://old.example.org/hook");
        await subscribers.UpsertAsync(sentTo with { Address = "https://new.example.org/hook" }, Ct);
        var recorder = new ChannelHealthRecorder(subscribers, _time, NullLogger<ChannelHealthRecorder>.Instance);

        // Act
        await recorder.RecordAsync(sentTo, "alert-1", ChannelResult.PermanentFailure("404 Not Found"), Ct);

        // Assert
        var now = (await subscribers.GetAsync("sub-1", Ct))!;
        Assert.Equal("https://new.example.org/hook", now.Address);
        Assert.Equal(0, now.Health.PermanentFailures);
    }

    private DeliveryLedger Ledger(IDeliveryStore store) =>
        new(store, new PipelineObservers([]), Options.Create(new AlertsOptions()), _time, NullLogger<DeliveryLedger>.Instance);

    // A store whose claim answers what the test needs, as a lost race would.
    private sealed class ClaimAnswers(DeliveryClaim answer) : IDeliveryStore
    {
        public Task<DeliveryRecord?> GetAsync(string subscriberId, string alertId, CancellationToken cancellationToken) => Task.FromResult(answer.Previous);

        public Task<DeliveryClaim> TryClaimAsync(DeliveryRecord claim, DateTimeOffset staleBefore, CancellationToken cancellationToken) => Task.FromResult(answer);

        public Task<string?> ReplaceClaimedAsync(DeliveryRecord record, string token, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public IAsyncEnumerable<DeliveryRecord> ListRecentAsync(int max, CancellationToken cancellationToken) => AsyncEnumerable.Empty<DeliveryRecord>();
    }
}
