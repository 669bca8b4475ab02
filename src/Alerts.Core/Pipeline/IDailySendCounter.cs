namespace Alerts.Core.Pipeline;

/// <summary>How many messages each subscriber was sent on each of their local days, for the daily cap.</summary>
public interface IDailySendCounter
{
    /// <summary>
    /// Counts one more message on <paramref name="day"/> if fewer than <paramref name="cap"/> were counted (atomically:
    /// two sends racing for the last place cannot both have it); false when the cap is reached.
    /// </summary>
    Task<bool> TryCountAsync(string subscriberId, DateOnly day, int cap, CancellationToken cancellationToken);
}
