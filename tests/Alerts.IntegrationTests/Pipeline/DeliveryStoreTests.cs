using Alerts.Core.Delivery;
using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Pipeline;

/// <summary>The deliveries table on Azurite: one claim at a time, and writes conditional on the claim's version.</summary>
public sealed class DeliveryStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReplaceClaimedAsync_OnlyWhileTheClaimIsStillTheVersionWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var store = app.Services.GetRequiredService<IDeliveryStore>();
        var claim = new DeliveryRecord("sub-" + Guid.NewGuid().ToString("n"), "alert-1", ChannelKind.Webhook, DeliveryStatus.Sending, "sending") { RecordedAt = Now };

        var first = await store.TryClaimAsync(claim, Now.AddMinutes(-3), ct);
        var renewed = await store.ReplaceClaimedAsync(claim with { RecordedAt = Now.AddMinutes(1) }, first.Token!, ct);
        var staleWrite = await store.ReplaceClaimedAsync(claim with { Detail = "stale" }, first.Token!, ct);
        var second = await store.TryClaimAsync(claim with { Detail = "second", RecordedAt = Now.AddMinutes(2) }, Now.AddMinutes(2), ct);
        var lateOutcome = await store.ReplaceClaimedAsync(claim with { Status = DeliveryStatus.Sent, Detail = "first sender" }, renewed!, ct);
        var outcome = await store.ReplaceClaimedAsync(claim with { Status = DeliveryStatus.Sent, Detail = "second sender" }, second.Token!, ct);
        var stored = await store.GetAsync(claim.SubscriberId, claim.AlertId, ct);

        Assert.Equal(DeliveryClaimOutcome.Claimed, first.Outcome);
        Assert.NotNull(renewed);
        Assert.Null(staleWrite);
        Assert.Equal(DeliveryClaimOutcome.Claimed, second.Outcome);
        Assert.Null(lateOutcome);
        Assert.NotNull(outcome);
        Assert.Equal("second sender", stored!.Detail);
    }

    [Fact]
    public async Task ReplaceClaimedAsync_OwnWriteWhoseReplyWasLost_IsRecognisedAsApplied()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var store = app.Services.GetRequiredService<IDeliveryStore>();
        var claim = new DeliveryRecord("sub-" + Guid.NewGuid().ToString("n"), "alert-1", ChannelKind.Webhook, DeliveryStatus.Sending, "sending") { RecordedAt = Now, ClaimId = "mine" };
        var sent = claim with { Status = DeliveryStatus.Sent, Detail = "202 Accepted", RecordedAt = Now.AddSeconds(3) };

        var first = await store.TryClaimAsync(claim, Now.AddMinutes(-3), ct);
        var applied = await store.ReplaceClaimedAsync(sent, first.Token!, ct);
        var retriedAfterLostReply = await store.ReplaceClaimedAsync(sent, first.Token!, ct);
        var differentWrite = await store.ReplaceClaimedAsync(sent with { RecordedAt = Now.AddSeconds(9) }, first.Token!, ct);
        var someoneElses = await store.ReplaceClaimedAsync(sent with { ClaimId = "theirs" }, first.Token!, ct);

        Assert.NotNull(applied);
        Assert.Equal(applied, retriedAfterLostReply);
        Assert.Null(differentWrite);
        Assert.Null(someoneElses);
    }

    [Fact]
    public async Task TryClaimAsync_ClaimWithinItsLease_IsInProgressForOthers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var store = app.Services.GetRequiredService<IDeliveryStore>();
        var claim = new DeliveryRecord("sub-" + Guid.NewGuid().ToString("n"), "alert-1", ChannelKind.Email, DeliveryStatus.Sending, "sending") { RecordedAt = Now };

        var first = await store.TryClaimAsync(claim, Now.AddMinutes(-3), ct);
        var second = await store.TryClaimAsync(claim, Now.AddMinutes(-3), ct);

        Assert.Equal(DeliveryClaimOutcome.Claimed, first.Outcome);
        Assert.Equal(DeliveryClaimOutcome.InProgress, second.Outcome);
        Assert.Null(second.Token);
    }

    [Fact]
    public async Task ListRecentAsync_NewestFirstFromTheListing_OneRowPerDelivery()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var store = app.Services.GetRequiredService<IDeliveryStore>();
        DeliveryRecord Record(string subscriber, string alert, DeliveryStatus status, int minutes) =>
            new(subscriber, alert, ChannelKind.Email, status, status.ToString()) { RecordedAt = Now.AddMinutes(minutes) };

        await RecordAsync(store, Record("ann", "a1", DeliveryStatus.Failed, 0), ct);
        await RecordAsync(store, Record("bob", "a2", DeliveryStatus.Sent, 10), ct);
        await RecordAsync(store, Record("ann", "a1", DeliveryStatus.Sent, 20), ct);
        await RecordAsync(store, Record("cid", "a3", DeliveryStatus.Skipped, -60 * 24 * 3), ct);
        var claim = await store.TryClaimAsync(Record("dee", "a4", DeliveryStatus.Sending, 30), Now, ct);
        var listed = await store.ListRecentAsync(10, ct).ToListAsync(ct);
        var firstTwo = await store.ListRecentAsync(2, ct).ToListAsync(ct);

        Assert.Equal(DeliveryClaimOutcome.Claimed, claim.Outcome);
        Assert.Equal(["ann/a1/Sent", "bob/a2/Sent", "cid/a3/Skipped"], listed.Select(r => $"{r.SubscriberId}/{r.AlertId}/{r.Status}"));
        Assert.Equal(["ann", "bob"], firstTwo.Select(r => r.SubscriberId));
    }

    [Fact]
    public async Task Retention_RemovesRowsLastWrittenBeforeTheCutoffOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var store = app.Services.GetRequiredService<IDeliveryStore>();
        var retention = app.Services.GetRequiredService<IRetentionStore>();
        await RecordAsync(store, new DeliveryRecord("ann", "a1", ChannelKind.Email, DeliveryStatus.Sent, "250 OK") { RecordedAt = Now }, ct);

        var keptWithPastCutoff = await retention.RemoveDeliveriesBeforeAsync(DateTimeOffset.UtcNow.AddHours(-1), ct);
        var stillThere = await store.GetAsync("ann", "a1", ct);
        var removed = await retention.RemoveDeliveriesBeforeAsync(DateTimeOffset.UtcNow.AddMinutes(1), ct);

        Assert.Equal(0, keptWithPastCutoff);
        Assert.NotNull(stillThere);
        Assert.Equal(2, removed); // the record and its listing entry
        Assert.Null(await store.GetAsync("ann", "a1", ct));
        Assert.Empty(await store.ListRecentAsync(10, ct).ToListAsync(ct));
    }

    // As a sender records: claim, then the outcome in its place.
    private static async Task RecordAsync(IDeliveryStore store, DeliveryRecord outcome, CancellationToken ct)
    {
        var claim = await store.TryClaimAsync(outcome with { Status = DeliveryStatus.Sending }, outcome.RecordedAt, ct);
        Assert.NotNull(await store.ReplaceClaimedAsync(outcome, claim.Token!, ct));
    }
}
