using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Feeds;
using Alerts.Core.Pipeline;
using Alerts.Core.Queues;
using Alerts.Core.Subscriptions;
using Alerts.Core.Topics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Infrastructure.Storage;

/// <summary>Registers the Azure Storage adapters.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds queue producers, table stores and the provisioner, all on the <c>AzureWebJobsStorage</c> account.</summary>
    public static IServiceCollection AddAlertsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var names = StorageNames.FromConfiguration(configuration);
        services.AddSingleton(names);
        services.AddAzureClients(clients =>
        {
            clients.AddClient<QueueServiceClient, QueueClientOptions>((QueueClientOptions _, IServiceProvider _) => StorageClients.CreateQueueServiceClient(configuration));
            clients.AddClient<TableServiceClient, TableClientOptions>((TableClientOptions _, IServiceProvider _) => StorageClients.CreateTableServiceClient(configuration));
        });

        services.AddQueue<FetchFeedMessage>(names.FeedsToFetchQueue);
        services.AddQueue<ScoreArticleMessage>(names.ArticlesQueue);
        services.AddQueue<DeliveryMessage>(names.DeliveriesQueue);
        services.AddQueue<DigestMessage>(names.DigestsQueue);

        services.AddTable<FeedSource>(names.SourcesTable);
        services.AddTable<WatchTopic>(names.TopicsTable);
        services.AddTable<Subscriber>(names.SubscribersTable);
        services.AddTable<Subscription>(names.SubscriptionsTable);
        services.AddTable<Article>(names.ArticlesTable);
        services.AddTable<DeliveryRecord>(names.DeliveriesTable);
        services.AddTable<PendingAlert>(names.PendingTable);
        services.AddTable<Core.Workbench.Judgment>(names.JudgmentsTable);

        services.AddSingleton<ISourceStore, TableSourceStore>();
        services.AddSingleton<ITopicStore, TableTopicStore>();
        services.AddSingleton<ISubscriberStore, TableSubscriberStore>();
        services.AddSingleton<IArticleStore, TableArticleStore>();
        services.AddSingleton<IDeliveryStore, TableDeliveryStore>();
        services.AddSingleton<IPendingAlertStore, TablePendingAlertStore>();
        services.AddSingleton<Core.Workbench.IJudgmentStore, TableJudgmentStore>();
        services.AddSingleton<Core.Workbench.IRecentArticles>(provider => new TableRecentArticles(
            new JsonEntityTable<Article>(provider.GetRequiredService<TableServiceClient>().GetTableClient(names.RecentArticlesTable)),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDailySendCounter>(provider => new TableDailySendCounter(provider.GetRequiredService<TableServiceClient>().GetTableClient(names.SendCountsTable)));
        services.AddSingleton<IRetentionStore>(provider => new TableRetention(provider.GetRequiredService<TableServiceClient>(), names));
        services.AddSingleton<PoisonQueues>();
        services.AddSingleton<MessageFailures>();
        services.AddSingleton<HealthCheck>();
        services.AddSingleton<StorageProvisioner>();
        services.AddHostedService(provider => provider.GetRequiredService<StorageProvisioner>());
        return services;
    }

    private static void AddQueue<TMessage>(this IServiceCollection services, string queueName) =>
        services.AddSingleton<IMessageQueue<TMessage>>(provider =>
            new StorageQueue<TMessage>(provider.GetRequiredService<QueueServiceClient>().GetQueueClient(queueName)));

    private static void AddTable<T>(this IServiceCollection services, string tableName)
        where T : class =>
        services.AddSingleton(provider =>
            new JsonEntityTable<T>(provider.GetRequiredService<TableServiceClient>().GetTableClient(tableName)));
}
