using Alerts.Core.Pipeline;
using Alerts.Infrastructure.Stories;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Infrastructure.Storage;

/// <summary>
/// Removes rows past their window by the time the storage service last wrote them (<c>Timestamp</c>), which it
/// filters itself: only expired keys come back, and each is deleted on its own (no batches: Azurite has none).
/// </summary>
internal sealed class TableRetention(TableServiceClient tables, StorageNames names) : IRetentionStore
{
    public Task<int> RemoveArticlesBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteAsync(names.ArticlesTable, TableClient.CreateQueryFilter($"Timestamp lt {cutoff}"), cancellationToken);

    // The records and their entries in the time-ordered listing alike.
    public Task<int> RemoveDeliveriesBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteAsync(names.DeliveriesTable, TableClient.CreateQueryFilter($"Timestamp lt {cutoff}"), cancellationToken);

    public Task<int> RemoveStoryFingerprintsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteAsync(names.StoriesTable, PrefixFilter(TableStoryIndex.BandPartitionPrefix, cutoff), cancellationToken);

    public Task<int> RemoveStoryCopiesBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteAsync(names.StoriesTable, PrefixFilter(TableStoryIndex.MemberPartitionPrefix, cutoff), cancellationToken);

    public Task<int> RemoveRecentArticlesBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteAsync(names.RecentArticlesTable, TableClient.CreateQueryFilter($"Timestamp lt {cutoff}"), cancellationToken);

    public Task<int> RemoveSendCountsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteAsync(names.SendCountsTable, TableClient.CreateQueryFilter($"Timestamp lt {cutoff}"), cancellationToken);

    // Partition keys starting with the prefix: from the prefix itself up to the prefix with its last character raised.
    private static string PrefixFilter(string prefix, DateTimeOffset cutoff)
    {
        var after = prefix[..^1] + (char)(prefix[^1] + 1);
        return TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {after} and Timestamp lt {cutoff}");
    }

    private async Task<int> DeleteAsync(string tableName, string filter, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(tableName);
        var removed = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                // Only the version read: a row rewritten since (a claim taken over, an article updated) is fresh again.
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                removed++;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Removed by another run, or rewritten, meanwhile.
            }
        }

        return removed;
    }
}
