using Alerts.Core.Delivery;

namespace Alerts.Core.Pipeline;

/// <summary>Delivery outcomes, keyed by (subscriber, alert).</summary>
public interface IDeliveryStore
{
    /// <summary>The recorded outcome, or null when never attempted.</summary>
    Task<DeliveryRecord?> GetAsync(string subscriberId, string alertId, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically claims a delivery before sending it: inserts <paramref name="claim"/> (status Sending) if there is
    /// no record, or takes over a failed one or a claim recorded before <paramref name="staleBefore"/> (its instance
    /// died). Of concurrent callers exactly one gets <see cref="DeliveryClaimOutcome.Claimed"/>.
    /// </summary>
    Task<DeliveryClaim> TryClaimAsync(DeliveryRecord claim, DateTimeOffset staleBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a claimed delivery's row (a renewed claim, or the outcome) only while it is still the version
    /// <paramref name="token"/> names; answers the new version's token, or null when the claim was taken over.
    /// </summary>
    Task<string?> ReplaceClaimedAsync(DeliveryRecord record, string token, CancellationToken cancellationToken);

    /// <summary>Most recent outcomes, newest first, for ops.</summary>
    IAsyncEnumerable<DeliveryRecord> ListRecentAsync(int max, CancellationToken cancellationToken);
}
