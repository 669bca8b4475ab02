using Alerts.Core.Feeds;
using Alerts.Core.Ingestion;
using Alerts.Infrastructure.Stories;
using Alerts.Infrastructure.FullText;
using Alerts.Infrastructure.Http;
using Alerts.Infrastructure.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Feeds.Fetching;

/// <summary>Registers feed fetching, full text, article identity helpers and the near-duplicate index.</summary>
public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFeedFetcher"/> (<see cref="HttpFeedFetcher"/>), <see cref="IFullTextExtractor"/>
    /// (<see cref="SmartReaderFullTextExtractor"/>), <see cref="SourceHealthPolicy"/>, <see cref="StoryIndexOptions"/>
    /// and <see cref="IStoryIndex"/> + <see cref="IStoryCopyStore"/> (<see cref="TableStoryIndex"/>, which
    /// needs a <see cref="TableServiceClient"/> registered elsewhere; its table is <see cref="StorageNames.StoriesTable"/>,
    /// the table prefix applied there once), plus the SSRF-safe HttpClients they use.
    /// Options: <c>Alerts:Http</c> (<see cref="OutboundHttpOptions"/>) and <c>Alerts:Ingestion</c> (<see cref="IngestionOptions"/>).
    /// </summary>
    public static IServiceCollection AddAlertsIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOutboundHttp();
        services.AddSafeHttpClient(HttpFeedFetcher.HttpClientName);
        services.AddSafeHttpClient(SmartReaderFullTextExtractor.HttpClientName);
        services.AddOptions<IngestionOptions>()
            .Bind(configuration.GetSection(IngestionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFeedFetcher, HttpFeedFetcher>();
        services.TryAddSingleton<IFullTextExtractor, SmartReaderFullTextExtractor>();
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<IngestionOptions>>().Value;
            return new SourceHealthPolicy(new SourceBackoff
            {
                BaseDelay = settings.BackoffBaseDelay,
                MaxDelay = settings.BackoffMaxDelay,
                MaxRetryAfter = settings.MaxRetryAfter,
            });
        });
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<IngestionOptions>>().Value;
            return new StoryIndexOptions { MinSimilarity = settings.NearDuplicateMinSimilarity, MinTitleOverlap = settings.NearDuplicateMinTitleOverlap, Window = settings.NearDuplicateWindow };
        });
        services.TryAddSingleton(sp => new TableStoryIndex(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.FromConfiguration(configuration).StoriesTable),
            sp.GetRequiredService<StoryIndexOptions>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IStoryIndex>(sp => sp.GetRequiredService<TableStoryIndex>());
        services.TryAddSingleton<IStoryCopyStore>(sp => sp.GetRequiredService<TableStoryIndex>());
        return services;
    }
}
