namespace Alerts.Cli.Hosting;

/// <summary>
/// Settings that give one run of the app its own queues and tables in a shared storage account, so that benchmark
/// and test runs never see each other's messages or rows.
/// </summary>
public static class PrivateStorageNames
{
    /// <summary>The storage connection and queue and table names for the run <paramref name="id"/> (a few letters or digits).</summary>
    public static Dictionary<string, string?> Settings(string connectionString, string id) => new()
    {
        ["AzureWebJobsStorage"] = connectionString,
        ["FeedsToFetchQueueName"] = $"f{id}",
        ["ArticlesQueueName"] = $"a{id}",
        ["DeliveriesQueueName"] = $"d{id}",
        ["DigestsQueueName"] = $"g{id}",
        ["Alerts:Storage:TablePrefix"] = $"t{id}",
    };
}
