namespace Alerts.Core.Delivery;

/// <summary>The outcome of one send, recorded for ops.</summary>
/// <param name="Succeeded">Whether the peer accepted it.</param>
/// <param name="Detail">What the peer said, e.g. <c>250 2.0.0 queued</c> or <c>202 Accepted</c>. Never contains credentials.</param>
public sealed record ChannelResult(bool Succeeded, string Detail)
{
    /// <summary>Server-requested delay before retrying (429 Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// Retrying cannot help (the address is gone, the receiver refuses this sender): the delivery stops at once with
    /// the reason recorded, instead of being retried and parked.
    /// </summary>
    public bool Permanent { get; init; }

    /// <summary>A success.</summary>
    public static ChannelResult Success(string detail) => new(true, detail);

    /// <summary>A failure worth retrying.</summary>
    public static ChannelResult Failure(string detail, TimeSpan? retryAfter = null) => new(false, detail) { RetryAfter = retryAfter };

    /// <summary>A failure that retrying cannot fix.</summary>
    public static ChannelResult PermanentFailure(string detail) => new(false, detail) { Permanent = true };
}
