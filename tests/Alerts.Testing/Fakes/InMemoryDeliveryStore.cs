using System.Runtime.CompilerServices;
using Alerts.Core.Delivery;
using Alerts.Core.Pipeline;

namespace Alerts.Testing.Fakes;

/// <summary>
/// The delivery table in memory, with the table's rules: insert-if-absent claims, and replaces conditional on the
/// version (ETag) a caller last saw.
/// </summary>
public sealed class InMemoryDeliveryStore : IDeliveryStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, string), (DeliveryRecord Record, int Version)> _rows = [];
    private int _versions;

    public DeliveryRecord? this[string subscriberId, string alertId]
    {
        get
        {
            lock (_gate)
            {
                return _rows.TryGetValue((subscriberId, alertId), out var row) ? row.Record : null;
            }
        }
    }

    public Task<DeliveryRecord?> GetAsync(string subscriberId, string alertId, CancellationToken cancellationToken) =>
        Task.FromResult(this[subscriberId, alertId]);

    public Task<DeliveryClaim> TryClaimAsync(DeliveryRecord claim, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = (claim.SubscriberId, claim.AlertId);
            if (!_rows.TryGetValue(key, out var row))
            {
                return Task.FromResult(new DeliveryClaim(DeliveryClaimOutcome.Claimed, null) { Token = Write(key, claim) });
            }

            var previous = row.Record;
            var outcome = previous switch
            {
                { IsSettled: true } => DeliveryClaimOutcome.AlreadyHandled,
                { Status: DeliveryStatus.Sending } when previous.RecordedAt > staleBefore => DeliveryClaimOutcome.InProgress,
                _ => DeliveryClaimOutcome.Claimed,
            };
            return Task.FromResult(new DeliveryClaim(outcome, previous)
            {
                Token = outcome == DeliveryClaimOutcome.Claimed ? Write(key, claim) : null,
            });
        }
    }

    public Task<string?> ReplaceClaimedAsync(DeliveryRecord record, string token, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = (record.SubscriberId, record.AlertId);
            return Task.FromResult(_rows.TryGetValue(key, out var row) && row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) == token
                ? Write(key, record)
                : null);
        }
    }

    public async IAsyncEnumerable<DeliveryRecord> ListRecentAsync(int max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<DeliveryRecord> records;
        lock (_gate)
        {
            records = _rows.Values.Select(r => r.Record).OrderByDescending(r => r.RecordedAt).Take(max).ToList();
        }

        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }

    private string Write((string, string) key, DeliveryRecord record)
    {
        var version = ++_versions;
        _rows[key] = (record, version);
        return version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
