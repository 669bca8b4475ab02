using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Infrastructure.Storage;

/// <summary>
/// Creates the queues (with their poison queues) and tables at start if they are missing, so a fresh Azurite or
/// storage account works without a setup step. In Azure, Bicep creates them too and this is a cheap no-op.
/// </summary>
public sealed class StorageProvisioner(
    QueueServiceClient queues,
    TableServiceClient tables,
    StorageNames names,
    ILogger<StorageProvisioner> logger) : IHostedService
{
    /// <summary>Creates whatever is missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in names.WorkQueues)
        {
            await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await queues.GetQueueClient(queue + StorageNames.PoisonSuffix).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in names.Tables)
        {
            await tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }

        logger.LogInformation("Storage ready: {Queues} queues, {Tables} tables", names.WorkQueues.Count * 2, names.Tables.Count);
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureCreatedAsync(cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 403)
        {
            // Right after a deployment the identity's data roles may not have propagated yet; Bicep creates the
            // queues and tables anyway, so starting without this check is safe.
            logger.LogWarning("Could not check queues and tables yet ({Status} {Code}); relying on the deployment to have created them", e.Status, e.ErrorCode);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
