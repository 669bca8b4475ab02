using Alerts.Core.Pipeline;
using Alerts.Core.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Core;

/// <summary>Registers the Core services: options, pipeline handlers, scoring.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>Adds Alerts' domain services.</summary>
    public static IServiceCollection AddAlertsCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AlertsOptions>()
            .BindConfiguration(AlertsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Subscriptions.SubscriberLinks>();
        services.AddSingleton<PipelineObservers>();
        services.AddMetrics();
        services.AddSingleton<AlertsMetrics>();
        services.AddSingleton<IPipelineObserver>(provider => provider.GetRequiredService<AlertsMetrics>());
        services.AddTransient<ArticleIntake>();
        services.AddTransient<IngestFeedsHandler>();
        services.AddTransient<FeedEntriesIntake>();
        services.AddTransient<FetchFeedHandler>();
        services.AddSingleton<Workbench.FeedbackModels>();
        services.AddTransient<ScoreArticleHandler>();
        services.AddSingleton<AlertedArticles>();
        services.AddTransient<AlertComposer>();
        services.AddTransient<DeliveryLedger>();
        services.AddTransient<DeliveryRetries>();
        services.AddTransient<ChannelHealthRecorder>();
        services.AddTransient<DeliveryPlanner>();
        services.AddTransient<StoryDevelopments>();
        services.AddTransient<DeliverAlertHandler>();
        services.AddTransient<DigestComposer>();
        services.AddTransient<DeliverDigestHandler>();
        services.AddTransient<SendDigestsHandler>();
        services.AddTransient<CleanUpHandler>();
        services.AddTransient<PushArticlesHandler>();
        services.AddAlertsScoring(configuration);
        return services;
    }
}
