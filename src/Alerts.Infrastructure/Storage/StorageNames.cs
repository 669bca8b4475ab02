using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Alerts.Infrastructure.Storage;

/// <summary>
/// Queue and table names. Queue names are flat app settings because the Functions triggers bind them as
/// <c>%FeedsToFetchQueueName%</c>; tests give every test its own names through the same settings.
/// </summary>
public sealed partial record StorageNames(string FeedsToFetchQueue, string ArticlesQueue, string DeliveriesQueue, string DigestsQueue, string TablePrefix)
{
    /// <summary>App setting holding the feeds-to-fetch queue name.</summary>
    public const string FeedsToFetchQueueSetting = "FeedsToFetchQueueName";

    /// <summary>App setting holding the articles queue name.</summary>
    public const string ArticlesQueueSetting = "ArticlesQueueName";

    /// <summary>App setting holding the deliveries queue name.</summary>
    public const string DeliveriesQueueSetting = "DeliveriesQueueName";

    /// <summary>App setting holding the digests queue name.</summary>
    public const string DigestsQueueSetting = "DigestsQueueName";

    /// <summary>Setting that prefixes every table name (letters and digits).</summary>
    public const string TablePrefixSetting = "Alerts:Storage:TablePrefix";

    /// <summary>Suffix the Functions host gives the queue of messages that failed too often.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>Every work queue.</summary>
    public IReadOnlyList<string> WorkQueues => [FeedsToFetchQueue, ArticlesQueue, DeliveriesQueue, DigestsQueue];

    /// <summary>Registered feed sources.</summary>
    public string SourcesTable => TablePrefix + "sources";

    /// <summary>Watch topics.</summary>
    public string TopicsTable => TablePrefix + "topics";

    /// <summary>Subscribers.</summary>
    public string SubscribersTable => TablePrefix + "subscribers";

    /// <summary>Subscriptions, partitioned by topic.</summary>
    public string SubscriptionsTable => TablePrefix + "subscriptions";

    /// <summary>Ingested articles, keyed by dedupe key.</summary>
    public string ArticlesTable => TablePrefix + "articles";

    /// <summary>Delivery outcomes, partitioned by subscriber.</summary>
    public string DeliveriesTable => TablePrefix + "deliveries";

    /// <summary>Stories: each article's fingerprint bands (to find its story) and each story's copies; named "storyclusters" in storage.</summary>
    public string StoriesTable => TablePrefix + "storyclusters";

    /// <summary>Failures of queue messages, for ops to read beside the poison queues.</summary>
    public string FailuresTable => TablePrefix + "failures";

    /// <summary>Alerts waiting for digests, partitioned by subscriber.</summary>
    public string PendingTable => TablePrefix + "pending";

    /// <summary>Messages sent per subscriber and local day, for daily caps.</summary>
    public string SendCountsTable => TablePrefix + "sendcounts";

    /// <summary>Recent articles for the workbench's previews, partitioned by day.</summary>
    public string RecentArticlesTable => TablePrefix + "recentarticles";

    /// <summary>Subscribers' judgments of alerted articles, partitioned by topic.</summary>
    public string JudgmentsTable => TablePrefix + "judgments";

    /// <summary>Every table.</summary>
    public IReadOnlyList<string> Tables => [SourcesTable, TopicsTable, SubscribersTable, SubscriptionsTable, ArticlesTable, DeliveriesTable, StoriesTable, FailuresTable, PendingTable, SendCountsTable, RecentArticlesTable, JudgmentsTable];

    /// <summary>Reads the names, with the documented defaults, and rejects names Azure Storage would refuse.</summary>
    public static StorageNames FromConfiguration(IConfiguration configuration)
    {
        var names = new StorageNames(
            configuration[FeedsToFetchQueueSetting] ?? "feeds-to-fetch",
            configuration[ArticlesQueueSetting] ?? "articles",
            configuration[DeliveriesQueueSetting] ?? "deliveries",
            configuration[DigestsQueueSetting] ?? "digests",
            configuration[TablePrefixSetting] ?? "");
        foreach (var (setting, queue) in new[]
                 {
                     (FeedsToFetchQueueSetting, names.FeedsToFetchQueue),
                     (ArticlesQueueSetting, names.ArticlesQueue),
                     (DeliveriesQueueSetting, names.DeliveriesQueue),
                     (DigestsQueueSetting, names.DigestsQueue),
                 })
        {
            if (!QueueName().IsMatch(queue) || queue.Length > 63 - PoisonSuffix.Length)
            {
                throw new InvalidOperationException(
                    $"Setting {setting}='{queue}' is not a valid queue name: 3-56 lower-case letters, digits and single dashes.");
            }
        }

        if (!TablePrefixPattern().IsMatch(names.TablePrefix))
        {
            throw new InvalidOperationException(
                $"Setting {TablePrefixSetting}='{names.TablePrefix}' must start with a letter and hold only letters and digits (at most 40).");
        }

        return names;
    }

    [GeneratedRegex("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueName();

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9]{0,39})?$")]
    private static partial Regex TablePrefixPattern();
}
