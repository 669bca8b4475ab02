using Alerts.Core.Text;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Infrastructure.Storage;

/// <summary>How a queue message has failed so far: what ops needs beside a parked message to see why it is there.</summary>
/// <param name="First">The first failure.</param>
/// <param name="Last">The latest failure.</param>
/// <param name="Count">Failures recorded.</param>
/// <param name="LastError">What the latest failure said.</param>
public sealed record MessageFailure(DateTimeOffset First, DateTimeOffset Last, int Count, string LastError);

/// <summary>
/// Records each failure of a queue-triggered function, keyed by the queue and the message's content, so that a message
/// parked in the poison queue (which keeps only the body, under a new id, on the Functions host and locally alike)
/// can be shown with its first and last failure and its last error. Table <c>failures</c>.
/// </summary>
public sealed class MessageFailures(TableServiceClient tables, StorageNames names, TimeProvider time)
{
    private const int MaxErrorLength = 500;

    /// <summary>Runs the work for one message; a failure is recorded, then rethrown for the host's retries.</summary>
    public async Task RunAsync(string queue, string body, Func<Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await work();
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RecordAsync(queue, body, error, CancellationToken.None);
            }
            catch (RequestFailedException)
            {
                // Storage is failing too: the message's own error matters more, and the host retries it.
            }

            throw;
        }
    }

    /// <summary>Adds one failure of the message.</summary>
    public async Task RecordAsync(string queue, string body, Exception error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var table = tables.GetTableClient(names.FailuresTable);
        var (partition, row) = (queue, KeyOf(body));
        var now = time.GetUtcNow();
        var message = error.Message.Length > MaxErrorLength ? error.Message[..MaxErrorLength] + "…" : error.Message;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            var entity = new TableEntity(partition, row)
            {
                ["First"] = existing.HasValue ? existing.Value!.GetDateTimeOffset("First") ?? now : now,
                ["Last"] = now,
                ["Count"] = (existing.HasValue ? existing.Value!.GetInt32("Count") ?? 0 : 0) + 1,
                ["LastError"] = message,
            };
            try
            {
                if (existing.HasValue)
                {
                    await table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another attempt of the same message recorded meanwhile: read again.
            }
        }
    }

    /// <summary>The failures recorded for a message with this body on this queue, or null.</summary>
    public async Task<MessageFailure?> GetAsync(string queue, string body, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(names.FailuresTable);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(queue, KeyOf(body), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } row
            ? new MessageFailure(row.GetDateTimeOffset("First") ?? default, row.GetDateTimeOffset("Last") ?? default, row.GetInt32("Count") ?? 0, row.GetString("LastError") ?? string.Empty)
            : null;
    }

    private static string KeyOf(string body) => ShortHash.Of(body, 16);
}
