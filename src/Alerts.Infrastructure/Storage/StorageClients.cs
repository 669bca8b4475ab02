using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Alerts.Infrastructure.Storage;

/// <summary>
/// Builds the storage clients from the same setting the Functions host uses, <c>AzureWebJobsStorage</c>:
/// a connection string (Azurite, or a key in Azure), or identity-based settings
/// (<c>AzureWebJobsStorage__queueServiceUri</c>, <c>__tableServiceUri</c>, <c>__credential</c>, <c>__clientId</c>).
/// </summary>
public static class StorageClients
{
    /// <summary>The app setting (or setting prefix) that names the storage account.</summary>
    public const string ConnectionSetting = "AzureWebJobsStorage";

    /// <summary>A queue service client writing and reading Base64, as queue triggers expect.</summary>
    public static QueueServiceClient CreateQueueServiceClient(IConfiguration configuration, Action<QueueClientOptions>? configure = null)
    {
        // Queue triggers read Base64 by default: every producer must write Base64 or messages go straight to poison.
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        configure?.Invoke(options);
        var connectionString = configuration[ConnectionSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new QueueServiceClient(connectionString, options);
        }

        return new QueueServiceClient(ServiceUri(configuration, "queueServiceUri"), Credential(configuration), options);
    }

    /// <summary>A table service client for the same account.</summary>
    public static TableServiceClient CreateTableServiceClient(IConfiguration configuration, Action<TableClientOptions>? configure = null)
    {
        var options = new TableClientOptions();
        configure?.Invoke(options);
        var connectionString = configuration[ConnectionSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new TableServiceClient(connectionString, options);
        }

        return new TableServiceClient(ServiceUri(configuration, "tableServiceUri"), Credential(configuration), options);
    }

    private static Uri ServiceUri(IConfiguration configuration, string key)
    {
        var value = configuration[$"{ConnectionSetting}:{key}"];
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Storage is not configured: set {ConnectionSetting} to a connection string, or {ConnectionSetting}__{key} to the service URI for managed identity.");
    }

    private static TokenCredential Credential(IConfiguration configuration)
    {
        var clientId = configuration[$"{ConnectionSetting}:clientId"];
        return string.Equals(configuration[$"{ConnectionSetting}:credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrEmpty(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
