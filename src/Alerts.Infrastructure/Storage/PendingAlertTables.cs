using System.Globalization;
using System.Runtime.CompilerServices;
using Alerts.Core.Pipeline;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Infrastructure.Storage;

/// <summary>
/// Alerts waiting for digests: partition = subscriber, row = alert id. Each row also carries its due time as a
/// property of its own, so the digest timer reads only what is due; a digest takes a row with an If-Match write.
/// </summary>
internal sealed class TablePendingAlertStore(JsonEntityTable<PendingAlert> table) : IPendingAlertStore
{
    private const string DueAtProperty = "DueAt";

    public Task<PendingAlert?> GetAsync(string subscriberId, string alertId, CancellationToken cancellationToken) =>
        table.GetAsync(subscriberId, alertId, cancellationToken);

    public Task AddAsync(PendingAlert alert, CancellationToken cancellationToken) =>
        table.TryAddAsync(ToEntity(alert), cancellationToken);

    public IAsyncEnumerable<PendingAlert> ListDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken) =>
        table.QueryFilterAsync(TableClient.CreateQueryFilter($"DueAt le {dueBy.UtcDateTime}"), cancellationToken);

    public IAsyncEnumerable<PendingAlert> ListAsync(string subscriberId, CancellationToken cancellationToken) =>
        table.QueryAsync(subscriberId, cancellationToken);

    public async Task<bool> TryTakeAsync(PendingAlert alert, string digestId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (await table.GetEntityAsync(alert.SubscriberId, alert.AlertId, cancellationToken) is not { } row)
        {
            return false;
        }

        var current = JsonEntityTable<PendingAlert>.FromEntity(row);
        if (current.DigestId is not null)
        {
            return current.DigestId == digestId;
        }

        // Of two digests taking the same alert, the If-Match lets one win; the loser reads who did.
        if (await table.TryReplaceAsync(ToEntity(current with { DigestId = digestId, TakenAt = at }), row.ETag, cancellationToken) is not null)
        {
            return true;
        }

        return await table.GetAsync(alert.SubscriberId, alert.AlertId, cancellationToken) is { } now && now.DigestId == digestId;
    }

    public async Task<bool> TryUpdateWaitingAsync(PendingAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (await table.GetEntityAsync(alert.SubscriberId, alert.AlertId, cancellationToken) is not { } row
            || JsonEntityTable<PendingAlert>.FromEntity(row).DigestId is not null)
        {
            return false;
        }

        return await table.TryReplaceAsync(ToEntity(alert with { DigestId = null }), row.ETag, cancellationToken) is not null;
    }

    public Task RemoveAsync(string subscriberId, string alertId, CancellationToken cancellationToken) =>
        table.DeleteAsync(subscriberId, alertId, cancellationToken);

    private static TableEntity ToEntity(PendingAlert alert)
    {
        var entity = JsonEntityTable<PendingAlert>.ToEntity(alert.SubscriberId, alert.AlertId, alert);
        entity[DueAtProperty] = alert.DueAt.UtcDateTime;
        return entity;
    }
}

/// <summary>
/// Messages per subscriber and local day: partition = subscriber, row = the day (yyyy-MM-dd), one counter property
/// raised with If-Match, so two sends racing for the last place under the cap cannot both have it.
/// </summary>
internal sealed class TableDailySendCounter(TableClient table) : IDailySendCounter
{
    private const string CountProperty = "Count";

    public async Task<bool> TryCountAsync(string subscriberId, DateOnly day, int cap, CancellationToken cancellationToken)
    {
        var rowKey = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(subscriberId, rowKey, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                if (cap < 1)
                {
                    return false;
                }

                try
                {
                    await table.AddEntityAsync(new TableEntity(subscriberId, rowKey) { [CountProperty] = 1 }, cancellationToken);
                    return true;
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    continue; // another send counted first: read its count
                }
            }

            var row = existing.Value!;
            var count = row.GetInt32(CountProperty) ?? 0;
            if (count >= cap)
            {
                return false;
            }

            row[CountProperty] = count + 1;
            try
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Counted by another send in between: read again.
            }
        }
    }
}
